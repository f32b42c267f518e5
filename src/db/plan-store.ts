import type { PlannedMeasure } from '../domain/measures.js';
import { MeasureModel } from './models/measure.js';

/** How many of these codes already exist in these fiscal years: what importing them would update. */
export async function countPlannedMeasures(orgId: string, fiscalYears: number[], codes: string[]): Promise<number> {
  return MeasureModel.countDocuments({ orgId, fiscalYear: { $in: fiscalYears }, code: { $in: codes } });
}

/**
 * Writes a measure of the plan under its (fiscal year, code), keeping what officers reported on it (status,
 * disbursement, history); true when it is new.
 */
export async function savePlannedMeasure(orgId: string, measure: PlannedMeasure): Promise<boolean> {
  const { disbursed, result: _result, ...plan } = measure;
  const result = await MeasureModel.updateOne(
    { orgId, fiscalYear: plan.fiscalYear, code: plan.code },
    { $set: { ...plan, orgId }, $setOnInsert: { disbursed, status: 'not_started', lastReportAt: null } },
    { upsert: true },
  );
  return result.upsertedCount > 0;
}

/** Gives a measure a budget (in baht) after its import; true when the measure exists. */
export async function setPlannedBudget(orgId: string, fiscalYear: number, code: string, budget: number): Promise<boolean> {
  const result = await MeasureModel.updateOne({ orgId, fiscalYear, code }, { $set: { budget } });
  return result.matchedCount > 0;
}
