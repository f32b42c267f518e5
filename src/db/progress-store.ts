import { Types } from 'mongoose';
import { createHash } from 'node:crypto';
import type { PlannedResult } from '../domain/measures.js';
import type { NewProgressReport, PastReport } from '../domain/progress.js';
import { nameOf, type StaffFacts } from '../domain/staff.js';
import type { Status } from '../domain/statuses.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { MeasureModel } from './models/measure.js';
import { ProgressReportModel } from './models/progress-report.js';

/**
 * Appends a progress report and mirrors it onto its measure: two steps, each safe to repeat. The report
 * insert is keyed on the event that confirmed it, so processing the same confirmation twice stores one
 * report; the mirror is a conditional "only forward" update, so it is done again whether or not the report
 * was new. A retry after a failure between the two (the report stored, the measure not yet moved) thereby
 * finishes the measure instead of taking the stored report for work completed.
 */
export async function saveProgressReport(
  orgId: string,
  {
    report,
    reporter,
    reportedAt,
    eventId: sourceEventId,
    measureRead,
  }: {
    report: NewProgressReport;
    reporter: StaffFacts;
    reportedAt: Date;
    eventId: string;
    /** The measure as the caller has just read it in this organisation (its code and year): not read again. */
    measureRead?: { code: string; fiscalYear: number };
  },
): Promise<{ created: boolean }> {
  // The organisation is checked here, unless the caller has just done so: the id came from a postback.
  const measure = measureRead ? { _id: new Types.ObjectId(report.measureId), ...measureRead } : await MeasureModel.findById(report.measureId).lean();
  if (!measure || ('orgId' in measure && measure.orgId !== orgId)) throw new Error(`measure ${report.measureId} not found in ${orgId}`);
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
      reporterName: nameOf(reporter),
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
    if (!isDuplicateKey(error)) throw error;
    // This event's report is stored: the measure is mirrored from it as stored (its time, not this attempt's).
    const stored = await ProgressReportModel.findOne({ sourceEventId }).lean();
    if (!stored) throw error;
    await mirrorOntoMeasure(measure._id, { status: stored.status as Status, reportedAt: stored.reportedAt, reportId: stored._id, disbursed: stored.disbursed ?? null });
    return { created: false };
  }
  await mirrorOntoMeasure(measure._id, { status: draft.status, reportedAt, reportId, disbursed: draft.disbursed ?? null });
  return { created: true };
}

/** The measure mirrors its newest report; an older-dated one never overwrites it. */
async function mirrorOntoMeasure(
  measureId: Types.ObjectId,
  report: { status: Status; reportedAt: Date; reportId: Types.ObjectId; disbursed: number | null },
): Promise<void> {
  const set: Record<string, unknown> = { status: report.status, lastReportAt: report.reportedAt, lastReportId: report.reportId };
  if (report.disbursed != null) set.disbursed = report.disbursed;
  await MeasureModel.updateOne(
    { _id: measureId, $or: [{ lastReportAt: null }, { lastReportAt: { $lte: report.reportedAt } }] },
    { $set: set },
  );
}

/** Who an imported result is shown as having come from, where a report names its reporter. */
export const IMPORTED_REPORTER_TH = 'นำเข้าจากไฟล์แผน';

/**
 * Records the result a plan file gives for a measure as a progress report of its own (origin plan_import),
 * so the item starts from it the way it would from an officer's report, and its history says where the
 * status came from. Keyed on the result's content: re-importing the same file adds nothing, a changed
 * result is appended, and either way a newer officer's report stays the item's status.
 */
export async function saveImportedResult(
  orgId: string,
  { measure, result, reportedAt, reporterName = IMPORTED_REPORTER_TH }: { measure: { fiscalYear: number; code: string }; result: PlannedResult; reportedAt: Date; reporterName?: string },
): Promise<{ created: boolean }> {
  const doc = await MeasureModel.findOne({ orgId, fiscalYear: measure.fiscalYear, code: measure.code }).lean();
  if (!doc) throw new Error(`measure ${measure.code} of ${measure.fiscalYear} not found in ${orgId}`);
  const digest = createHash('sha256')
    .update(JSON.stringify([result.status, result.summary, result.outcome, result.asOf?.toISOString() ?? null]))
    .digest('hex')
    .slice(0, 24);
  const reportId = new Types.ObjectId();
  const sourceEventId = `plan-import:${orgId}:${doc.fiscalYear}:${doc.code}:${digest}`;
  try {
    await ProgressReportModel.create({
      _id: reportId,
      orgId,
      measureId: doc._id,
      measureCode: doc.code,
      fiscalYear: doc.fiscalYear,
      origin: 'plan_import',
      reporterName,
      reportedAt,
      status: result.status,
      summary: result.summary,
      outcome: result.outcome,
      sourceEventId,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // As for an officer's report: an import that stopped after the insert has its measure finished now.
    const stored = await ProgressReportModel.findOne({ sourceEventId }).lean();
    if (!stored) throw error;
    await mirrorOntoMeasure(doc._id, { status: stored.status as Status, reportedAt: stored.reportedAt, reportId: stored._id, disbursed: null });
    return { created: false };
  }
  await mirrorOntoMeasure(doc._id, { status: result.status, reportedAt, reportId, disbursed: null });
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
