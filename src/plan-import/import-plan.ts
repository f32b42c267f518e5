import { updateOrganisation } from '../db/organisation-store.js';
import { countPlannedMeasures, savePlannedMeasure } from '../db/plan-store.js';
import { readTable } from './read-table.js';
import { validatePlan, type RowProblem } from './validate-plan.js';

export type ImportResult =
  | { ok: true; created: number; updated: number; fiscalYear: number; dryRun: boolean }
  | { ok: false; problems: RowProblem[] };

/**
 * Loads a plan file into the organisation's measures. Re-importing updates measures by (fiscal year, code)
 * and keeps what officers reported (status, disbursement, history); the file's own disbursement figure
 * only seeds a new measure. The organisation's active fiscal year becomes the plan's.
 */
export async function importPlan(orgId: string, path: string, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const { measures, problems } = validatePlan(await readTable(path));
  if (problems.length > 0) return { ok: false, problems };
  const fiscalYear = Math.max(...measures.map((m) => m.fiscalYear));
  if (options.dryRun) {
    const existing = await countPlannedMeasures(orgId, [...new Set(measures.map((m) => m.fiscalYear))], measures.map((m) => m.code));
    return { ok: true, created: measures.length - existing, updated: existing, fiscalYear, dryRun: true };
  }

  let created = 0;
  let updated = 0;
  for (const measure of measures) {
    if (await savePlannedMeasure(orgId, measure)) created++;
    else updated++;
  }
  await updateOrganisation(orgId, { fiscalYear });
  return { ok: true, created, updated, fiscalYear, dryRun: false };
}

export function formatProblems(problems: RowProblem[]): string {
  return problems.map((p) => `แถว ${p.row} คอลัมน์ "${p.column}": ${p.message}`).join('\n');
}
