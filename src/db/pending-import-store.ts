import type { ImportKind } from '../domain/import-kinds.js';
import { insertUnique } from './lease.js';
import { PendingImportClaimModel, PendingImportModel } from './models/pending-import.js';

/** A file waiting for its admin's "นำเข้า" (models/pending-import.ts). */
export interface PendingImport {
  id: string;
  userKey: string;
  fileName: string;
  kind: ImportKind;
  /** Null once imported or cancelled. */
  content: Buffer | null;
  fingerprint: string;
  state: 'pending' | 'done' | 'cancelled';
  outcome: string;
  expiresAt: Date;
}

/** Keeps a checked file until its admin confirms it; saving the same id again (a retried event) keeps the first. */
export async function savePendingImport(
  orgId: string,
  p: { id: string; userKey: string; fileName: string; kind: ImportKind; content: Buffer; fingerprint: string; now: Date; expiresAt: Date },
): Promise<void> {
  await PendingImportModel.updateOne(
    { _id: p.id, orgId },
    { $setOnInsert: { orgId, userKey: p.userKey, fileName: p.fileName, kind: p.kind, content: p.content, fingerprint: p.fingerprint, state: 'pending', outcome: '', createdAt: p.now, expiresAt: p.expiresAt } },
    { upsert: true },
  );
}

/** The file by the id its buttons carry, only within the organisation; null when there is none. */
export async function findPendingImport(orgId: string, id: string): Promise<PendingImport | null> {
  const doc = await PendingImportModel.findOne({ _id: id, orgId }).lean();
  if (!doc) return null;
  const content = doc.content as unknown;
  return {
    id: doc._id,
    userKey: doc.userKey,
    fileName: doc.fileName,
    kind: doc.kind as ImportKind,
    // The driver hands back BSON Binary; the importers read a Buffer.
    content: content == null ? null : Buffer.isBuffer(content) ? content : Buffer.from((content as { buffer: Uint8Array }).buffer),
    fingerprint: doc.fingerprint,
    state: doc.state as PendingImport['state'],
    outcome: doc.outcome ?? '',
    expiresAt: doc.expiresAt,
  };
}

/** The preview shown again after the data changed under it: a later confirm compares with this one. */
export async function setPendingFingerprint(orgId: string, id: string, fingerprint: string): Promise<void> {
  await PendingImportModel.updateOne({ _id: id, orgId, state: 'pending' }, { $set: { fingerprint } });
}

/**
 * Claims the import of a file by a unique insert (docs/database.md: no read-then-write locks): true for the
 * one press that may import it. A retry of the event that claimed it finds its own claim and goes on.
 */
export async function claimPendingImport(orgId: string, id: string, eventId: string, now: Date): Promise<boolean> {
  if (await insertUnique<{ _id: string; orgId: string; eventId: string; at: Date }>(PendingImportClaimModel)({ _id: id, orgId, eventId, at: now })) return true;
  const claim = await PendingImportClaimModel.findOne({ _id: id, orgId }).lean();
  return claim?.eventId === eventId;
}

/** Whether some press has already claimed this file (another's, or this event's first attempt). */
export async function pendingImportClaimedBy(orgId: string, id: string): Promise<string | null> {
  const claim = await PendingImportClaimModel.findOne({ _id: id, orgId }).lean();
  return claim?.eventId ?? null;
}

/** Imported: the bytes go, the answer stays for a second press. */
export async function finishPendingImport(orgId: string, id: string, outcome: string): Promise<void> {
  await PendingImportModel.updateOne({ _id: id, orgId }, { $set: { state: 'done', outcome, content: null } });
}

/** Cancelled before any import: the bytes go. False when it was imported (or claimed) first. */
export async function cancelPendingImport(orgId: string, id: string): Promise<boolean> {
  if (await PendingImportClaimModel.exists({ _id: id, orgId })) return false;
  const result = await PendingImportModel.updateOne({ _id: id, orgId, state: 'pending' }, { $set: { state: 'cancelled', content: null } });
  return result.modifiedCount > 0;
}

/** Stands in for a TTL index: files past their expiry (a day later, as dialogs) and their claims are deleted by the daily sweep. */
export async function deleteStalePendingImports(before: Date): Promise<number> {
  const stale = await PendingImportModel.find({ expiresAt: { $lt: before } }).select('_id').lean();
  const ids = stale.map((d) => d._id);
  if (ids.length === 0) return 0;
  await PendingImportClaimModel.deleteMany({ _id: { $in: ids } });
  const { deletedCount } = await PendingImportModel.deleteMany({ _id: { $in: ids } });
  return deletedCount;
}
