import type { AuditEntry, AuditEntryInput } from '../domain/admin-audit.js';
import { AdminAuditModel } from './models/admin-audit.js';

/** Adds one line to the organisation's management log. */
export async function recordAudit(orgId: string, entry: AuditEntryInput, at = new Date()): Promise<void> {
  await AdminAuditModel.create({
    orgId,
    at,
    action: entry.action,
    via: entry.actor.via,
    staffId: entry.actor.staffId,
    actorName: entry.actor.name,
    subject: entry.subject,
    before: entry.before,
    after: entry.after,
  });
}

/** The organisation's log, newest first; `before` pages back from a line's time. */
export async function auditLog(orgId: string, options: { limit: number; before?: Date }): Promise<AuditEntry[]> {
  const query = options.before ? { orgId, at: { $lt: options.before } } : { orgId };
  const docs = await AdminAuditModel.find(query).sort({ at: -1, _id: -1 }).limit(options.limit).lean();
  return docs.map((d) => ({
    id: String(d._id),
    at: d.at,
    action: d.action as AuditEntry['action'],
    actor: { via: d.via as AuditEntry['actor']['via'], staffId: d.staffId ?? null, name: d.actorName },
    subject: d.subject ?? '',
    before: d.before ?? '',
    after: d.after ?? '',
  }));
}
