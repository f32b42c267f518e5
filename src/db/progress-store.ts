import { Types } from 'mongoose';
import type { NewProgressReport, PastReport } from '../domain/progress.js';
import type { StaffFacts } from '../domain/staff.js';
import type { Status } from '../domain/statuses.js';
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
      outcome: draft.outcome ?? null,
      problems: draft.problems ?? null,
      suggestions: draft.suggestions ?? null,
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

/** A progress report as the official reports quote it. */
export interface StoredProgressReport {
  measureId: string;
  reportedAt: Date;
  status: Status;
  cannotProceedReason: string | null;
  summary: string;
  outcome: string | null;
  problems: string | null;
  suggestions: string | null;
  disbursed: number | null;
}

/** Every progress report of a fiscal year, in no particular order. */
export async function progressReportsOfYear(orgId: string, fiscalYear: number): Promise<StoredProgressReport[]> {
  const docs = await ProgressReportModel.find({ orgId, fiscalYear }).lean();
  return docs.map((r) => ({
    measureId: String(r.measureId),
    reportedAt: r.reportedAt,
    status: r.status as Status,
    cannotProceedReason: r.cannotProceedReason ?? null,
    summary: r.summary,
    outcome: r.outcome ?? null,
    problems: r.problems ?? null,
    suggestions: r.suggestions ?? null,
    disbursed: r.disbursed ?? null,
  }));
}

export async function hasProgressReports(orgId: string): Promise<boolean> {
  return (await ProgressReportModel.countDocuments({ orgId })) > 0;
}

/** The newest reports on one measure, newest first: what the next reporter and the handover brief read. */
export async function recentReports(orgId: string, measureId: string, limit: number): Promise<PastReport[]> {
  if (!Types.ObjectId.isValid(measureId)) return [];
  const docs = await ProgressReportModel.find({ orgId, measureId: new Types.ObjectId(measureId) }).sort({ reportedAt: -1 }).limit(limit).lean();
  return docs.map((r) => ({
    reportedAt: r.reportedAt,
    reporterName: r.reporterName ?? '',
    reporterUnit: r.reporterUnit ?? null,
    status: r.status as Status,
    summary: r.summary,
    outcome: r.outcome ?? null,
    problems: r.problems ?? null,
    suggestions: r.suggestions ?? null,
  }));
}
