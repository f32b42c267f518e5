import { Schema, model } from 'mongoose';

/**
 * The overall figures each monthly summary reported, `_id` `<orgId>:<YYYY-MM>`: next month's trend reads
 * them instead of replaying every progress report (a scan FerretDB cannot index).
 */
const summarySnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    month: { type: String, required: true },
    asOf: { type: Date, required: true },
    overall: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'summary_snapshots', minimize: false },
);

export const SummarySnapshotModel = model('SummarySnapshot', summarySnapshotSchema);
export const snapshotId = (orgId: string, month: string) => `${orgId}:${month}`;
