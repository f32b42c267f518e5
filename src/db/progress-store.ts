import { Types } from 'mongoose';
import type { NewProgressReport } from '../domain/progress.js';
import type { StaffFacts } from '../domain/staff.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { MeasureModel } from './models/measure.js';
import { ProgressReportModel } from './models/progress-report.js';

/**
 * Appends a progress report and mirrors it onto its measure. The report insert is keyed on the event that
 * confirmed it, so processing the same confirmation twice stores one report. The measure is only moved
 * forward: a report older than the measure's newest one does not overwrite it.
 */
export async function saveProgressReport(
  orgId: string,
  report: NewProgressReport,
  reporter: StaffFacts,
  reportedAt: Date,
  sourceEventId: string,
): Promise<{ created: boolean }> {
  // The organisation is checked here: the id came from a postback.
  const measure = await MeasureModel.findById(report.measureId).lean();
  if (!measure || measure.orgId !== orgId) throw new Error(`measure ${report.measureId} not found in ${orgId}`);
  const draft = report;
  const reportId = new Types.ObjectId();
  try {
    await ProgressReportModel.create({
      _id: reportId,
      orgId,
      measureId: measure._id,
      measureCode: measure.code,
      fiscalYear: measure.fiscalYear,
      reporterLineUserId: reporter.lineUserId,
      reporterName: reporter.displayName,
      reporterUnit: reporter.unit,
      reportedAt,
      status: draft.status,
      cannotProceedReason: draft.reason ?? null,
      summary: draft.summary,
      problems: draft.problems ?? null,
      disbursed: draft.disbursed ?? null,
      attachments: draft.attachments,
      sourceEventId,
    });
  } catch (error) {
    if (isDuplicateKey(error)) return { created: false };
    throw error;
  }
  const set: Record<string, unknown> = { status: draft.status, lastReportAt: reportedAt, lastReportId: reportId };
  if (draft.disbursed != null) set.disbursed = draft.disbursed;
  await MeasureModel.updateOne(
    { _id: measure._id, $or: [{ lastReportAt: null }, { lastReportAt: { $lte: reportedAt } }] },
    { $set: set },
  );
  return { created: true };
}
