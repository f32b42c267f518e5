import express, { type Router } from 'express';
import { findStaffById } from '../db/staff-store.js';
import { isExecutiveOrAdmin } from '../domain/roles.js';
import type { OrgSettings } from '../domain/organisation.js';
import { signatureOf } from '../domain/staff.js';
import type { Logger } from '../log.js';
import { isReportKind, isScopeReport, produceReport, type ReportKind } from '../reports/catalogue.js';
import { supervisedScope, type SupervisorScope } from '../domain/rollup.js';
import type { Reporter } from '../reports/types.js';
import type { Sealer } from '../security/crypto.js';
import type { LinkSigner } from '../security/signed-link.js';

export interface ReportLink {
  org: string;
  kind: ReportKind;
  fiscalYear?: number;
  /**
   * Who asked: their staff record id, sealed. The link's body is signed, not secret, and the record id holds
   * the LINE id; sealed, a forwarded or logged link reveals nobody.
   */
  by: string;
}

const REFUSED = 'ลิงก์นี้หมดอายุหรือไม่ถูกต้อง กรุณาขอลิงก์ใหม่จากแชต LINE';

/**
 * The executive a link names, as they sign the report (the full name and position they gave, else their LINE
 * name and the invite's position): null when the link names nobody readable or someone
 * who is no longer an executive or admin (access ends when it is revoked, not when the link expires). A scope
 * report (the roll-up) is for supervisors only, with the scope they hold at download time; executives and
 * admins of an organisation never get one, and a supervisor gets no organisation's own reports.
 */
async function requester(org: string, sealedId: unknown, sealer: Sealer, kind: ReportKind): Promise<{ reporter: Reporter; scope: SupervisorScope | null } | null> {
  if (typeof sealedId !== 'string') return null;
  let id: string;
  try {
    id = sealer.open(sealedId);
  } catch {
    return null;
  }
  const staff = await findStaffById(org, id);
  if (!staff) return null;
  const reporter: Reporter = signatureOf(staff);
  // A roll-up is of the supervisor's scope as it stands now, not as it stood when the link was made.
  if (isScopeReport(kind)) {
    const scope = supervisedScope(staff);
    return scope ? { reporter, scope } : null;
  }
  return isExecutiveOrAdmin(staff.roles) ? { reporter, scope: null } : null;
}

/** GET /reports/:token — the file a signed, unexpired link names; 403 for any other token. */
export function reportDownloadRouter(deps: { signer: LinkSigner; sealer: Sealer; serves: (orgId: string) => boolean; settingsOf: (orgId: string) => Pick<OrgSettings, 'thresholds' | 'digits'>; log: Logger }): Router {
  const router = express.Router();
  router.get('/reports/:token', async (req, res) => {
    // Referrer-Policy and the other security headers come from app.ts: the token must not leak through a Referer.
    res.set('cache-control', 'private, no-store');
    const link = deps.signer.verify<ReportLink>(req.params.token);
    // The organisation is part of what is signed: a link opens only its own organisation's reports, and only
    // while this deployment serves that organisation (a disabled one's links stop working).
    const ours = link && deps.serves(link.org) && isReportKind(link.kind);
    const asker = ours ? await requester(link.org, link.by, deps.sealer, link.kind) : null;
    if (!link || !asker) {
      res.status(403).type('text/plain; charset=utf-8').send(REFUSED);
      return;
    }
    const { thresholds, digits } = deps.settingsOf(link.org);
    const file = await produceReport(link.org, { kind: link.kind, fiscalYear: link.fiscalYear, thresholds, digits, reporter: asker.reporter, scope: asker.scope });
    deps.log.info({ kind: link.kind }, 'report downloaded');
    res
      .status(200)
      .type(file.contentType)
      .set('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.body);
  });
  return router;
}
