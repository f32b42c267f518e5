import { Schema, model } from 'mongoose';

/**
 * A file an admin sent in LINE, checked and previewed, waiting for "นำเข้า" or "ยกเลิก" (src/file-import/).
 * Kept in the database, not in memory, so that any instance and a restarted one can finish it. `_id` is made
 * from the event that brought the file, so a retried event keeps one record. The bytes are dropped once the
 * file is imported or cancelled; an expired record is refused on read and removed by the daily sweep (FerretDB
 * has no TTL index).
 */
const pendingImportSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    /** The admin who sent it (the keyed hash of their LINE id): only they may confirm it. */
    userKey: { type: String, required: true },
    fileName: { type: String, required: true },
    kind: { type: String, enum: ['plan', 'oit', 'indicators'], required: true },
    content: { type: Buffer, default: null },
    /** What the preview showed, hashed: a confirm that finds something else re-shows the preview instead. */
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done', 'cancelled'], required: true },
    /** What the import answered, to repeat to a second press. */
    outcome: { type: String, default: '' },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { collection: 'pending_imports' },
);

/** One insert per confirmed file (`_id` = the pending file's): of two presses, or two instances, one imports. */
const pendingImportClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    eventId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'pending_import_claims' },
);

export const PendingImportModel = model('PendingImport', pendingImportSchema);
export const PendingImportClaimModel = model('PendingImportClaim', pendingImportClaimSchema);
