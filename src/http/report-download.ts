import express, { type Router } from 'express';
import type { Threshold } from '../domain/summary.js';
import type { Logger } from '../log.js';
import { isReportKind, produceReport, type ReportKind } from '../reports/catalogue.js';
import type { LinkSigner } from '../security/signed-link.js';

export interface ReportLink {
  org: string;
  kind: ReportKind;
  fiscalYear?: number;
}

/** GET /reports/:token — the file a signed, unexpired link names; 403 for any other token. */
export function reportDownloadRouter(deps: { signer: LinkSigner; thresholds: Threshold[]; log: Logger }): Router {
  const router = express.Router();
  router.get('/reports/:token', async (req, res) => {
    const link = deps.signer.verify<ReportLink>(req.params.token);
    if (!link || !isReportKind(link.kind)) {
      res.status(403).type('text/plain; charset=utf-8').send('ลิงก์นี้หมดอายุหรือไม่ถูกต้อง กรุณาขอลิงก์ใหม่จากแชต LINE');
      return;
    }
    const file = await produceReport(link.org, { kind: link.kind, fiscalYear: link.fiscalYear, thresholds: deps.thresholds });
    deps.log.info({ kind: link.kind }, 'report downloaded');
    res
      .status(200)
      .type(file.contentType)
      .set('content-disposition', `attachment; filename="${file.fileName}"`)
      .set('cache-control', 'private, no-store')
      .send(file.body);
  });
  return router;
}
