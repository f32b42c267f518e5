import type { FollowedMeasure } from '../domain/executive-groups.js';
import { findByCode } from '../domain/item-match.js';
import { isAssignedTo, type Family, type MeasureEdit, type MeasureChange, type MeasureView } from '../domain/measures.js';
import type { Status } from '../domain/statuses.js';
import type { SummaryMeasure } from '../domain/summary.js';
import { isObjectIdOrHexString } from 'mongoose';
import { MeasureChangeModel } from './models/measure-change.js';
import { MeasureModel, type Measure } from './models/measure.js';

/** A stored measure in the shape both the dialogs and the summary read. */
export function toMeasureFacts(doc: Measure & { _id: unknown }): MeasureView & SummaryMeasure {
  return {
    id: String(doc._id),
    code: doc.code,
    title: doc.title,
    family: doc.family as Family,
    status: doc.status as Status,
    dimension: doc.dimension ?? null,
    responsibleUnits: doc.responsibleUnits,
    periodText: doc.periodText ?? '',
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    budget: doc.budget ?? 0,
    disbursed: doc.disbursed ?? 0,
    lastReportAt: doc.lastReportAt ?? null,
    guideline: doc.guideline ?? null,
    methodSteps: doc.methodSteps,
    reopenedAt: doc.reopenedAt ?? null,
  };
}

/**
 * The measures an officer answers for in a fiscal year: those of their unit, of all units, or naming their
 * position. Sorted by family, then number and code, the order of the official tables.
 */
export async function measuresForOfficer(
  orgId: string,
  fiscalYear: number,
  staff: { unit: string | null; position: string | null },
): Promise<MeasureView[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear }).sort({ family: 1, number: 1, code: 1 }).lean();
  return docs.filter((doc) => isAssignedTo(doc, staff)).map(toMeasureFacts);
}

/**
 * One measure by id, if this officer answers for it in this fiscal year: a dialog step needs only the
 * measure it is about. `id` comes from a postback: anything but an ObjectId finds nothing.
 */
export async function measureForOfficer(
  orgId: string,
  fiscalYear: number,
  staff: { unit: string | null; position: string | null },
  id: string,
): Promise<MeasureView | null> {
  if (!isObjectIdOrHexString(id)) return null;
  const doc = await MeasureModel.findById(id).lean();
  return doc && doc.orgId === orgId && doc.fiscalYear === fiscalYear && isAssignedTo(doc, staff) ? toMeasureFacts(doc) : null;
}

/** Where a measure stands, for telling who has not reported on it. */
export type MeasureProgress = FollowedMeasure;

export async function measureProgress(orgId: string, ids: string[]): Promise<MeasureProgress[]> {
  const docs = await MeasureModel.find({ orgId, _id: { $in: ids } }).select('code title lastReportAt status periodEnd').lean();
  return docs.map((m) => ({ id: String(m._id), code: m.code, title: m.title, status: m.status as Status, lastReportAt: m.lastReportAt ?? null, periodEnd: m.periodEnd ?? null }));
}

/** A measure as the official tables list it. */
export type TableMeasure = ReturnType<typeof toMeasureFacts> & {
  number: number | null;
  methodSteps: string[];
  assignees: string[];
  guideline: string | null;
  /** What an ita_indicator item raises ("2", "O10") and its score; see src/domain/ita-indicators.ts. */
  indicator: string | null;
  score: number | null;
};

/** A family's measures of a fiscal year, in the order of the official tables. */
export async function measuresInTable(orgId: string, fiscalYear: number, family: Family): Promise<TableMeasure[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear, family }).sort({ number: 1, code: 1 }).lean();
  return docs.map((doc) => ({
    ...toMeasureFacts(doc),
    number: doc.number ?? null,
    methodSteps: doc.methodSteps,
    assignees: doc.assignees,
    guideline: doc.guideline ?? null,
    indicator: doc.indicator ?? null,
    score: doc.score ?? null,
  }));
}

/** Whether the organisation has a plan at all, or one for this fiscal year. */
export async function hasMeasures(orgId: string, fiscalYear?: number): Promise<boolean> {
  return (await MeasureModel.countDocuments(fiscalYear === undefined ? { orgId } : { orgId, fiscalYear })) > 0;
}

export async function measureIdByCode(orgId: string, code: string): Promise<string | null> {
  const doc = await MeasureModel.findOne({ orgId, code }).lean();
  return doc ? String(doc._id) : null;
}

/** One item of the organisation's fiscal year by its code, as people type it (any case, Thai digits, no dash). */
export async function measureByCode(orgId: string, fiscalYear: number, code: string): Promise<MeasureView | null> {
  const docs = await MeasureModel.find({ orgId, fiscalYear }).lean();
  const doc = findByCode(docs, code);
  return doc ? toMeasureFacts(doc) : null;
}

/** One item by id within the organisation, whoever answers for it (for admins). */
export async function measureById(orgId: string, id: string): Promise<MeasureView | null> {
  if (!isObjectIdOrHexString(id)) return null;
  const doc = await MeasureModel.findOne({ _id: id, orgId }).lean();
  return doc ? toMeasureFacts(doc) : null;
}

/** Changes one field of an item and records who changed it from what; returns the recorded change, or null if nothing changed. */
export async function editMeasure(orgId: string, { id, edit, by, at }: { id: string; edit: MeasureEdit; by: string; at: Date }): Promise<MeasureChange | null> {
  const { field, value } = edit;
  const doc = isObjectIdOrHexString(id) ? await MeasureModel.findOne({ _id: id, orgId }).lean() : null;
  if (!doc) return null;
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v));
  const before = show(doc[field]);
  const after = show(value);
  if (before === after) return null;
  await MeasureModel.updateOne({ _id: doc._id }, { $set: { [field]: value } });
  const change: MeasureChange = { code: doc.code, field, before, after, by, at, source: 'line' };
  await MeasureChangeModel.create({ orgId, measureId: doc._id, ...change });
  return change;
}

/** Opens a completed item for reporting again within its round. */
export async function reopenMeasure(orgId: string, { id, by, at }: { id: string; by: string; at: Date }): Promise<boolean> {
  if (!isObjectIdOrHexString(id)) return false;
  const doc = await MeasureModel.findOneAndUpdate({ _id: id, orgId }, { $set: { reopenedAt: at } }).lean();
  if (!doc) return false;
  await MeasureChangeModel.create({ orgId, measureId: doc._id, code: doc.code, field: 'reopenedAt', before: '', after: at.toISOString(), by, at, source: 'line' });
  return true;
}
