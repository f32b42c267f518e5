import { findOrganisation, updateOrganisation } from '../db/organisation-store.js';
import { codesNotIn, plannedChanges, savePlannedMeasure } from '../db/plan-store.js';
import { saveImportedResult } from '../db/progress-store.js';
import { moveYearsInText, type ImportWarning } from '../domain/carried-over-text.js';
import { saveOitItemFromPlan } from '../db/oit-store.js';
import { moveOitPlanItems } from '../db/oit-plan-move.js';
import { oitItemOfPlanRow } from '../domain/ita-indicators.js';
import { planFieldTh, shiftPlannedMeasure, type PlanFieldChange, type PlannedMeasure } from '../domain/measures.js';
import { importingOrganisation, tableWarnings } from './carried-over-warnings.js';
import { readTable, type TableSource } from './read-table.js';
import { recordImport } from './import-audit.js';
import type { AuditActor } from '../domain/admin-audit.js';
import { COLUMNS, validatePlan, type RowProblem } from './validate-plan.js';

export type ImportResult =
  | {
      ok: true;
      created: number;
      updated: number;
      results: number;
      /** Rows naming an OIT item ("O10"), written onto the year's OIT list instead of the plan. */
      toOitList: number;
      fiscalYear: number;
      dryRun: boolean;
      /** Codes of the plan items the file adds (rows that go to the OIT list are not among them). */
      added: string[];
      /** What a re-import changed (or, in a dry run, would change), field by field. */
      changes: PlanFieldChange[];
      /** Items the organisation has for the year and the file lacks: kept, and named so nobody is surprised. */
      notInFile: string[];
      /** Text that names another organisation or a year other than the row's (imported all the same). */
      warnings: ImportWarning[];
    }
  | { ok: false; problems: RowProblem[] };

export interface ImportOptions {
  dryRun?: boolean;
  /** Moves the whole plan so that its newest fiscal year becomes this one (the demo's sample plan). */
  toFiscalYear?: number;
  /**
   * Reads the plan and leaves the results in the file aside: for starting a new year from last year's file,
   * and for tests that need the sample plan with nothing reported yet.
   */
  withoutResults?: boolean;
  /** The import's moment: a result without a date stands at the end of its period, or now if that is later. */
  now?: Date;
  /** Who imported, as the change records name them. */
  by?: string;
  /** Who to name in the management log; an import without it (the demo's seed, tests) writes no log line. */
  actor?: AuditActor;
}

/**
 * Loads a plan file into the organisation's measures. Re-importing updates measures by (fiscal year, code)
 * and keeps what officers reported (status, disbursement, history); the file's own disbursement figure
 * only seeds a new measure. A result the file gives (status, summary, outcome) is recorded as an imported
 * progress report. The organisation's active fiscal year becomes the plan's.
 */
export async function importPlan(orgId: string, source: TableSource, options: ImportOptions = {}): Promise<ImportResult> {
  const table = await readTable(source);
  const validated = validatePlan(table);
  if (validated.problems.length > 0) return { ok: false, problems: validated.problems };
  const newest = Math.max(...validated.measures.map((m) => m.fiscalYear));
  const shift = options.toFiscalYear === undefined ? 0 : options.toFiscalYear - newest;
  const measures = validated.measures.map((m) => moveYearsInWords(shiftPlannedMeasure(options.withoutResults ? { ...m, result: null } : m, shift), shift));
  const warnings = tableWarnings(table, importingOrganisation(await findOrganisation(orgId)), {
    text: PROSE_COLUMNS.map((field) => COLUMNS[field]),
    fiscalYear: COLUMNS.fiscalYear,
    yearsMoved: shift,
  });
  const fiscalYear = newest + shift;
  const results = measures.filter((m) => m.result && !oitItemOfPlanRow(m)).length;
  const notInFile = await codesNotIn(orgId, fiscalYear, measures.filter((m) => m.fiscalYear === fiscalYear).map((m) => m.code));
  const now = options.now ?? new Date();
  let created = 0;
  let updated = 0;
  let toOitList = 0;
  const added: string[] = [];
  const changes: PlanFieldChange[] = [];
  // Rows naming an OIT item that an earlier import stored as plan items move first, as at start-up, so this
  // file's words are the newest on the OIT item.
  if (!options.dryRun) await moveOitPlanItems(now, { orgId });
  for (const measure of measures) {
    const oit = oitItemOfPlanRow(measure);
    if (oit) {
      // The OIT list holds the item (docs/domain.md, "Which record holds what"); a result in such a row has no
      // answer of the OIT form to become, so only the plan's own words go there.
      toOitList++;
      if (!options.dryRun) await saveOitItemFromPlan(orgId, { row: { ...measure, ...oit, guideline: measure.guideline }, by: options.by ?? 'นำเข้าแผน', at: now });
      continue;
    }
    const changed = options.dryRun ? await plannedChanges(orgId, measure) : await savePlannedMeasure(orgId, { measure, by: options.by ?? 'นำเข้าแผน', at: now });
    if (changed === null) {
      created++;
      added.push(measure.code);
    } else {
      updated++;
      changes.push(...changed);
    }
    if (measure.result && !options.dryRun) await saveImportedResult(orgId, { measure, result: measure.result, reportedAt: resultDate(measure, now) });
  }
  if (!options.dryRun) await updateOrganisation(orgId, { fiscalYear });
  if (!options.dryRun && options.actor) await recordImport(orgId, { action: 'import.plan', actor: options.actor, source, created, updated, at: now });
  return { ok: true, created, updated, results, toOitList, fiscalYear, dryRun: !!options.dryRun, added, changes, notInFile, warnings };
}

/** The columns people write sentences in; the period is read as dates and checked against the year already. */
const PROSE_COLUMNS = ['title', 'indicator', 'method', 'units', 'assignees', 'guideline', 'summary', 'outcome'] as const;

/** A plan moved to another year says so in its words too ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"); laws' years stay. */
function moveYearsInWords(measure: PlannedMeasure, years: number): PlannedMeasure {
  if (years === 0) return measure;
  const move = (text: string) => moveYearsInText(text, years);
  return {
    ...measure,
    title: move(measure.title),
    indicator: measure.indicator && move(measure.indicator),
    methodSteps: measure.methodSteps.map(move),
    guideline: measure.guideline && move(measure.guideline),
    result: measure.result && { ...measure.result, summary: move(measure.result.summary), outcome: measure.result.outcome && move(measure.result.outcome) },
  };
}

/** What a re-import changed, a line an item field, for the operator. */
export function formatChanges(changes: PlanFieldChange[]): string {
  const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text || '-');
  return changes.map((c) => `${c.code} ${planFieldTh(c.field)}: ${cut(c.before)} → ${cut(c.after)}`).join('\n');
}

/** A result stands at its own date, else at the period's last moment, but never later than the import. */
function resultDate(measure: PlannedMeasure, now: Date): Date {
  if (measure.result?.asOf) return measure.result.asOf;
  const lastMoment = new Date(measure.periodEnd.getTime() - 1);
  return lastMoment < now ? lastMoment : now;
}

export { formatProblems } from './import-text.js';
