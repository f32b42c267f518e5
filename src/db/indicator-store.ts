import { randomUUID } from 'node:crypto';
import { chooseIndicatorItem, indicatorItemTitle, indicatorRowResult, splitResponsible, type IndicatorRow, type PlanItemKey } from '../domain/ita-indicators.js';
import type { PlanFieldChange, PlannedMeasure } from '../domain/measures.js';
import { isItaIndicatorNumber } from '../domain/oit.js';
import { parsePeriod } from '../domain/fiscal-year.js';
import { isStatus } from '../domain/statuses.js';
import { ItaIndicatorModel, ItaIndicatorMoveModel } from './models/ita-indicator.js';
import { MeasureChangeModel } from './models/measure-change.js';
import { MeasureModel } from './models/measure.js';
import { moveClaimer } from './move-claims.js';
import { plannedChanges, savePlannedMeasure } from './plan-store.js';
import { saveImportedResult } from './progress-store.js';

/** The indicator table's rows written onto the plan's `ita_indicator` items, and the one-time move of the old table. */

export const INDICATOR_IMPORT_REPORTER_TH = 'นำเข้าจากตารางตัวชี้วัด';

/** A fiscal year's items, as matching a row of the indicator table needs them. */
export async function planItemKeys(orgId: string, fiscalYear: number): Promise<PlanItemKey[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear }).select('code family indicator').lean();
  return docs.map((d) => ({ code: d.code, family: d.family, indicator: d.indicator ?? null }));
}

/**
 * The year an indicator report or list is about when none is named: the organisation's active fiscal year,
 * or, when that year has no indicator items (only an older table was loaded), the newest year that has.
 */
export async function indicatorYear(orgId: string, activeFiscalYear: number): Promise<number> {
  if (await MeasureModel.exists({ orgId, fiscalYear: activeFiscalYear, family: 'ita_indicator' })) return activeFiscalYear;
  const doc = await MeasureModel.findOne({ orgId, family: 'ita_indicator' }).sort({ fiscalYear: -1 }).select('fiscalYear').lean();
  return doc?.fiscalYear ?? activeFiscalYear;
}

/** A stored item as the plan import writes it, so a row's changes are recorded exactly as a re-import's. */
function plannedFrom(doc: Record<string, any>): PlannedMeasure {
  return {
    code: doc.code,
    family: doc.family,
    number: doc.number ?? null,
    title: doc.title,
    indicator: doc.indicator ?? null,
    dimension: doc.dimension ?? null,
    methodSteps: doc.methodSteps ?? [],
    responsibleUnits: doc.responsibleUnits ?? [],
    assignees: doc.assignees ?? [],
    periodText: doc.periodText ?? '',
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    fiscalYear: doc.fiscalYear,
    budget: doc.budget ?? 0,
    disbursed: doc.disbursed ?? 0,
    guideline: doc.guideline ?? null,
    result: null,
  };
}

function newItem(row: IndicatorRow, code: string): PlannedMeasure {
  const period = row.period ?? { text: '', ...parsePeriod('', row.fiscalYear)! };
  return {
    code,
    family: 'ita_indicator',
    number: row.number,
    title: indicatorItemTitle(row.number),
    indicator: String(row.number),
    dimension: null,
    methodSteps: [],
    responsibleUnits: [],
    assignees: [],
    periodText: period.text,
    periodStart: period.start,
    periodEnd: period.end,
    fiscalYear: row.fiscalYear,
    budget: 0,
    disbursed: 0,
    guideline: null,
    result: null,
  };
}

/** A row's fields over the item's: what the row leaves blank stays as the plan has it. */
function withRow(item: PlannedMeasure, row: IndicatorRow): PlannedMeasure {
  const next = { ...item };
  if (row.guideline.trim()) next.guideline = row.guideline;
  if (row.responsibleUnits.length + row.assignees.length > 0) Object.assign(next, { responsibleUnits: row.responsibleUnits, assignees: row.assignees });
  if (row.period) Object.assign(next, { periodText: row.period.text, periodStart: row.period.start, periodEnd: row.period.end });
  return next;
}

/** A result stands at the end of its period, or at the import when that comes first (as the plan import dates it). */
const resultDate = (item: PlannedMeasure, now: Date): Date => {
  const lastMoment = new Date(item.periodEnd.getTime() - 1);
  return lastMoment < now ? lastMoment : now;
};

/**
 * Writes one row of the indicator table onto the item `code` of its fiscal year, creating the item when the
 * plan has none: the plan's own fields through the plan import's path (with its `measure_changes` records),
 * the score with a change record of its own, and the progress as an imported report, so the item's status is,
 * as always, its newest report (an officer's later report in LINE stays the newest). Running it again with the
 * same row writes nothing new.
 */
export async function saveIndicatorRow(
  orgId: string,
  { row, code, ...options }: { row: IndicatorRow; code: string; by: string; now: Date; reporterName?: string },
): Promise<{ created: boolean; changes: PlanFieldChange[] }> {
  const stored = await MeasureModel.findOne({ orgId, fiscalYear: row.fiscalYear, code }).lean();
  const item = withRow(stored ? plannedFrom(stored) : newItem(row, code), row);
  const changes = await savePlannedMeasure(orgId, { measure: item, by: options.by, at: options.now });
  if (row.score !== null) {
    const before = await MeasureModel.findOneAndUpdate({ orgId, fiscalYear: row.fiscalYear, code }, { $set: { score: row.score } }).lean();
    const was = before?.score ?? null;
    if (before && was !== row.score && stored) {
      await MeasureChangeModel.create({ orgId, measureId: before._id, code, field: 'score', before: was === null ? '' : String(was), after: String(row.score), by: options.by, at: options.now, source: 'import' });
    }
  }
  const result = indicatorRowResult(row);
  if (result) await saveImportedResult(orgId, { measure: item, result, reportedAt: resultDate(item, options.now), reporterName: options.reporterName ?? INDICATOR_IMPORT_REPORTER_TH });
  return { created: changes === null, changes: changes ?? [] };
}

/**
 * What `saveIndicatorRow` would change on an item that exists, writing nothing (a file's preview): the plan's
 * fields as a re-import names them, then the score (`field: 'score'`). A new item has nothing to compare.
 */
export async function indicatorRowChanges(orgId: string, { row, code }: { row: IndicatorRow; code: string }): Promise<{ code: string; field: string; before: string; after: string }[]> {
  const stored = await MeasureModel.findOne({ orgId, fiscalYear: row.fiscalYear, code }).lean();
  if (!stored) return [];
  const changes: { code: string; field: string; before: string; after: string }[] = [...((await plannedChanges(orgId, withRow(plannedFrom(stored), row))) ?? [])];
  const was = stored.score ?? null;
  if (row.score !== null && was !== row.score) changes.push({ code, field: 'score', before: was === null ? '' : String(was), after: String(row.score) });
  return changes;
}

/** An old `ita_indicators` document as a row of the table it was loaded from. */
function rowFromOld(doc: Record<string, any>): IndicatorRow | null {
  if (!isItaIndicatorNumber(doc.number)) return null;
  const names = String(doc.responsible ?? '').split(/\s*[;\n]\s*/).filter(Boolean);
  const text = String(doc.period ?? '').trim();
  const range = text ? parsePeriod(text, doc.fiscalYear) : null;
  const status = isStatus(doc.status) ? doc.status : null;
  const progress = String(doc.progress ?? '');
  return {
    fiscalYear: doc.fiscalYear,
    number: doc.number,
    code: null,
    score: typeof doc.score === 'number' ? doc.score : null,
    guideline: String(doc.guideline ?? ''),
    ...splitResponsible(names),
    period: range ? { text, ...range } : null,
    progress,
    // The old table defaulted a blank status to "not started", even beside progress text describing work
    // done: that default is no report, and the progress then counts as under way (indicatorRowResult).
    status: status === 'not_started' ? null : status,
  };
}

const claimMove = moveClaimer(ItaIndicatorMoveModel, async (rowId, round) => {
  await ItaIndicatorModel.updateOne({ _id: rowId, moveRound: round - 1 }, { $set: { moveRound: round } });
});

/**
 * Moves every `ita_indicators` document, of every organisation, onto the plan's items, once. Each row is
 * claimed by a unique insert before it is moved (docs/database.md: no transactions, so no read-then-write
 * claim) and marked with the item it went to after, so several instances starting together move each row
 * once and a second run finds nothing left. A row whose mover died is passed on after the lease and moved by
 * a later start; the move writes nothing twice in any case (`saveIndicatorRow`).
 */
export async function moveIndicatorTable(now: Date, owner: string = randomUUID()): Promise<{ moved: number; skipped: number }> {
  const docs = await ItaIndicatorModel.find({ movedAt: null }).lean();
  let moved = 0;
  let skipped = 0;
  for (const doc of docs) {
    const rowId = String(doc._id);
    if (!(await claimMove({ unitId: rowId, round: (doc.moveRound ?? 0) + 1, owner, now }))) continue;
    const row = rowFromOld(doc);
    const target = row ? chooseIndicatorItem(await planItemKeys(doc.orgId, row.fiscalYear), row, true) : null;
    if (!row || !target || 'problem' in target) {
      skipped++;
      continue;
    }
    await saveIndicatorRow(doc.orgId, { row, code: target.code, by: 'ย้ายจากตารางตัวชี้วัดเดิม', now });
    await ItaIndicatorModel.updateOne({ _id: doc._id }, { $set: { movedAt: now, movedTo: target.code } });
    moved++;
  }
  return { moved, skipped };
}
