import { Schema, model, type InferSchemaType } from 'mongoose';
import { STATUSES } from '../../domain/statuses.js';

const attachmentSchema = new Schema(
  {
    kind: { type: String, enum: ['image', 'video', 'audio', 'file'], required: true },
    lineMessageId: { type: String, required: true },
    fileName: { type: String, default: null },
  },
  { _id: false },
);

/**
 * Append-only history: a report is never updated or deleted; a correction is a new report.
 * `sourceEventId` is the webhook event that confirmed it, unique so a redelivered confirmation saves nothing;
 * for a result read from a plan file (`origin: 'plan_import'`) it is a key of the row's result, so importing
 * the same file twice adds nothing. Imported reports have no LINE user behind them.
 */
const progressReportSchema = new Schema(
  {
    orgId: { type: String, required: true },
    measureId: { type: Schema.Types.ObjectId, required: true },
    measureCode: { type: String, required: true },
    fiscalYear: { type: Number, required: true },
    origin: { type: String, enum: ['line', 'plan_import'], default: 'line' },
    reporterLineUserId: { type: String, default: null },
    reporterName: { type: String, default: '' },
    reporterUnit: { type: String, default: null },
    reportedAt: { type: Date, required: true },
    status: { type: String, enum: STATUSES, required: true },
    cannotProceedReason: { type: String, default: null },
    summary: { type: String, required: true },
    outcome: { type: String, default: null },
    problems: { type: String, default: null },
    suggestions: { type: String, default: null },
    disbursed: { type: Number, default: null, min: 0 },
    attachments: { type: [attachmentSchema], default: [] },
    sourceEventId: { type: String, required: true },
  },
  { collection: 'progress_reports' },
);
progressReportSchema.index({ sourceEventId: 1 }, { unique: true });
progressReportSchema.index({ orgId: 1, measureId: 1, reportedAt: -1 });
// A fiscal year's reports: the summary, the ITA and E-PlanNACC reports.
progressReportSchema.index({ orgId: 1, fiscalYear: 1 });

export type ProgressReport = InferSchemaType<typeof progressReportSchema>;
export const ProgressReportModel = model('ProgressReport', progressReportSchema);
