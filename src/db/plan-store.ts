import { planChanges, type PlanFieldChange, type PlannedMeasure } from '../domain/measures.js';
import { MeasureChangeModel } from './models/measure-change.js';
import { MeasureModel } from './models/measure.js';

/** How many of these codes already exist in these fiscal years: what importing them would update. */
export async function countPlannedMeasures(orgId: string, fiscalYears: number[], codes: string[]): Promise<number> {
  return MeasureModel.countDocuments({ orgId, fiscalYear: { $in: fiscalYears }, code: { $in: codes } });
}

/** What importing this measure would change of the stored one; null when it is new. */
export async function plannedChanges(orgId: string, measure: PlannedMeasure): Promise<PlanFieldChange[] | null> {
  const stored = await MeasureModel.findOne({ orgId, fiscalYear: measure.fiscalYear, code: measure.code }).lean();
  if (!stored) return null;
  const { number, indicator, dimension, guideline, budget } = stored;
  return planChanges(measure.code, { ...stored, number: number ?? null, indicator: indicator ?? null, dimension: dimension ?? null, guideline: guideline ?? null, budget: budget ?? 0 }, measure);
}

/**
 * Writes a measure of the plan under its (fiscal year, code), keeping what officers reported on it (status,
 * disbursement, history), and records each field it changes (`measure_changes`, source `import`). Returns
 * the changes, or null when the measure is new.
 */
export async function savePlannedMeasure(orgId: string, { measure, by, at }: { measure: PlannedMeasure; by: string; at: Date }): Promise<PlanFieldChange[] | null> {
  const changes = await plannedChanges(orgId, measure);
  const { disbursed, result: _result, ...plan } = measure;
  const result = await MeasureModel.findOneAndUpdate(
    { orgId, fiscalYear: plan.fiscalYear, code: plan.code },
    { $set: { ...plan, orgId }, $setOnInsert: { disbursed, status: 'not_started', lastReportAt: null } },
    { upsert: true, new: true },
  ).lean();
  if (changes && changes.length > 0 && result) {
    await MeasureChangeModel.insertMany(changes.map((c) => ({ orgId, measureId: result._id, ...c, by, at, source: 'import' })));
  }
  return changes;
}

/** Codes of a fiscal year that the organisation has and a new file does not: a re-import keeps them, and says so. */
export async function codesNotIn(orgId: string, fiscalYear: number, codes: string[]): Promise<string[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear, code: { $nin: codes } }).select('code').sort({ code: 1 }).lean();
  return docs.map((d) => d.code);
}

/** Gives a measure a budget (in baht) after its import; true when the measure exists. */
export async function setPlannedBudget(orgId: string, { fiscalYear, code, budget }: { fiscalYear: number; code: string; budget: number }): Promise<boolean> {
  const result = await MeasureModel.updateOne({ orgId, fiscalYear, code }, { $set: { budget } });
  return result.matchedCount > 0;
}
