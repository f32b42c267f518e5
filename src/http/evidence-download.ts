import express, { type Router } from 'express';
import { evidenceFile } from '../db/evidence-store.js';
import { servedAs, type EvidenceLink } from '../domain/evidence.js';
import type { Logger } from '../log.js';
import type { LinkSigner } from '../security/signed-link.js';

const SAY = {
  forbidden: 'ลิงก์นี้หมดอายุหรือไม่ถูกต้อง กรุณาขอลิงก์ใหม่จากแชต LINE',
  missing: 'ไม่พบไฟล์หลักฐานนี้ในระบบ',
  gone: 'ระบบไม่มีสำเนาของไฟล์นี้ เพราะ LINE ลบไฟล์ไปก่อนที่ระบบจะคัดลอกไว้ หรือไฟล์มีขนาดเกิน 10 MB กรุณาขอไฟล์จากผู้ส่งโดยตรง',
};

/** A header value browsers read for any file name: ASCII in `filename`, the real (Thai) name in `filename*`. */
function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const isEvidenceLink = (v: Partial<EvidenceLink> | null): v is EvidenceLink =>
  !!v && typeof v.o === 'string' && typeof v.f === 'string' && typeof v.v === 'string' && typeof v.r === 'string';

/**
 * GET /evidence/:token — the one file a signed, unexpired link names; 403 for any other token. Every
 * opening is logged with the viewer's pseudonym and the case or measure, never a name or LINE id.
 */
export function evidenceDownloadRouter(deps: { signer: LinkSigner; serves: (orgId: string) => boolean; log: Logger; now?: () => Date }): Router {
  const router = express.Router();
  router.get('/evidence/:token', async (req, res) => {
    // The token sits in the URL: it must not leak to another site through a Referer header.
    res.set('referrer-policy', 'no-referrer').set('cache-control', 'private, no-store').set('x-content-type-options', 'nosniff');
    const link = deps.signer.verify<Partial<EvidenceLink>>(req.params.token, deps.now?.());
    if (!isEvidenceLink(link) || !deps.serves(link.o)) {
      res.status(403).type('text/plain; charset=utf-8').send(SAY.forbidden);
      return;
    }
    const file = await evidenceFile(link.o, link.f);
    if (!file || !file.data) {
      deps.log.info({ viewer: link.v, of: link.r, outcome: file ? 'not stored' : 'missing' }, 'evidence not available');
      res.status(file ? 410 : 404).type('text/plain; charset=utf-8').send(file ? SAY.gone : SAY.missing);
      return;
    }
    const served = servedAs(file);
    deps.log.info({ viewer: link.v, of: link.r, bytes: file.data.length }, 'evidence opened');
    res
      .status(200)
      .set('content-type', served.contentType)
      .set('content-disposition', contentDisposition(served.inline ? 'inline' : 'attachment', served.fileName))
      // Even an image is shown in a sandbox with nothing else allowed, as raw file hosts do.
      .set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox")
      .send(file.data);
  });
  return router;
}
