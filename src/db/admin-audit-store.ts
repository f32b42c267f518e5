import type { AuditEntry, AuditEntryInput } from '../domain/admin-audit.js';
import { Types } from 'mongoose';
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

/**
 * The organisation's log, newest first; `before` pages back from a line's time, and with `beforeId` (that
 * line's id) from the line itself, so lines written in the same millisecond are neither skipped nor repeated.
 */
export async function auditLog(orgId: string, options: { limit: number; before?: Date; beforeId?: string }): Promise<AuditEntry[]> {
  const { before, beforeId } = options;
  const older = before && beforeId && Types.ObjectId.isValid(beforeId) ? { $or: [{ at: { $lt: before } }, { at: before, _id: { $lt: new Types.ObjectId(beforeId) } }] } : before ? { at: { $lt: before } } : {};
  const docs = await AdminAuditModel.find({ orgId, ...older }).sort({ at: -1, _id: -1 }).limit(options.limit).lean();
  return docs.map(toEntry);
}

/** Every line of the organisation's log, oldest first (the CLI's export). */
export async function wholeAuditLog(orgId: string): Promise<AuditEntry[]> {
  const docs = await AdminAuditModel.find({ orgId }).sort({ at: 1, _id: 1 }).lean();
  return docs.map(toEntry);
}

type AuditDoc = { _id: unknown; at: Date; action: string; via: string; staffId?: string | null; actorName: string; subject?: string | null; before?: string | null; after?: string | null };

function toEntry(d: AuditDoc): AuditEntry {
  return {
    id: String(d._id),
    at: d.at,
    action: d.action as AuditEntry['action'],
    actor: { via: d.via as AuditEntry['actor']['via'], staffId: d.staffId ?? null, name: d.actorName },
    subject: d.subject ?? '',
    before: d.before ?? '',
    after: d.after ?? '',
  };
}
