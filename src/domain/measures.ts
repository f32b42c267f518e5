import { TZDate } from '@date-fns/tz';
import { addYears } from 'date-fns';
import { roundOf } from './calendar.js';
import { parsePeriod, shiftPeriodText } from './fiscal-year.js';
import type { Status } from './statuses.js';
import { TIME_ZONE } from './time-zone.js';

/** The three families of trackable items (domain.md, "What is tracked"), their Thai names and dimensions. */
export const FAMILIES = ['ita_measure', 'ita_indicator', 'anticorruption_project'] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_TH: Record<Family, string> = {
  ita_measure: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  ita_indicator: 'การยกระดับตัวชี้วัด ITA',
  anticorruption_project: 'แผนปฏิบัติการป้องกันการทุจริต',
};

// A step typed as "1. …", "(๑) …" or "๒) …" keeps its words but gets our numbering; four-digit years are not numbers.
const STEP_NUMBER = /^\s*\(?[0-9๐-๙]{1,2}[.)]\s*/;

/** The words of each method step, without the numbering the plan carried. */
export const unnumberedSteps = (steps: string[]): string[] => steps.map((s) => s.replace(STEP_NUMBER, '').trim()).filter(Boolean);

/** Method steps as "1. …" lines, numbered afresh (reports and the brief); `num` writes our number in a digit style. */
export function numberedSteps(steps: string[], num: (n: number) => string = String): string[] {
  return unnumberedSteps(steps).map((s, i) => `${num(i + 1)}. ${s}`);
}

/** A measure as a plan file describes it, before officers report on it. */
export interface PlannedMeasure {
  code: string;
  family: Family;
  number: number | null;
  title: string;
  indicator: string | null;
  dimension: number | null;
  methodSteps: string[];
  responsibleUnits: string[];
  assignees: string[];
  periodText: string;
  periodStart: Date;
  periodEnd: Date;
  fiscalYear: number;
  budget: number;
  /** What the file says was spent: only a new measure starts from it; later, officers' reports decide. */
  disbursed: number;
  guideline: string | null;
  /** What the file already reports on it, if anything: the item's starting state. */
  result: PlannedResult | null;
}

/**
 * A result carried in the plan file (the seed reports come with theirs). It is imported as a progress
 * report, so the item's status is, as always, its newest report and the history stays append-only.
 */
export interface PlannedResult {
  status: Status;
  summary: string;
  outcome: string | null;
  /** The day the result stands at ("ข้อมูล ณ วันที่"); without one, the end of the period or the import, whichever is earlier. */
  asOf: Date | null;
}

/** Words people put in the plan files for each family, besides the codes themselves. */
export const FAMILY_ALIASES: Record<string, Family> = {
  'มาตรการ ita': 'ita_measure',
  มาตรการ: 'ita_measure',
  'ตัวชี้วัด ita': 'ita_indicator',
  ตัวชี้วัด: 'ita_indicator',
  แผนป้องกันการทุจริต: 'anticorruption_project',
  โครงการ: 'anticorruption_project',
};

export const DIMENSIONS_TH: Record<number, string> = {
  1: 'การสร้างวัฒนธรรมสุจริต',
  2: 'การบริหารราชการด้วยความโปร่งใส',
  3: 'การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน',
  4: 'การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น',
};

/** A measure naming this unit belongs to every unit. */
export const ALL_UNITS = 'ทุกส่วนราชการ';

/** Whether an officer answers for a measure: it names their unit, all units, or their position. */
export function isAssignedTo(
  measure: { responsibleUnits: readonly string[]; assignees: readonly string[] },
  officer: { unit: string | null; position: string | null },
): boolean {
  return (
    measure.responsibleUnits.includes(ALL_UNITS) ||
    (!!officer.unit && measure.responsibleUnits.includes(officer.unit)) ||
    (!!officer.position && measure.assignees.includes(officer.position))
  );
}

/** Only plan projects carry a budget whose disbursement is reported (E-PlanNACC). */
export function asksForDisbursement(measure: { family: Family; budget: number }): boolean {
  return measure.family === 'anticorruption_project' && measure.budget > 0;
}

/** A measure as an officer picks and reports on it. */
export interface MeasureView {
  id: string;
  code: string;
  title: string;
  family: Family;
  status: Status;
  periodText: string;
  periodStart: Date;
  periodEnd: Date;
  budget: number;
  disbursed: number;
  lastReportAt: Date | null;
  dimension: number | null;
  responsibleUnits: string[];
  guideline: string | null;
  methodSteps: string[];
  /** When an admin last opened a completed item for reporting again within its round. */
  reopenedAt: Date | null;
}

/**
 * A completed item is locked for the rest of the round in which it was completed, as E-PlanNACC locks a
 * completed item: a later "in progress" by mistake would undo the round's figure. An admin may reopen it.
 */
export function isLockedForRound(m: Pick<MeasureView, 'status' | 'lastReportAt' | 'reopenedAt'>, now: Date): boolean {
  if (m.status !== 'completed' || !m.lastReportAt) return false;
  if (m.reopenedAt && m.reopenedAt >= m.lastReportAt) return false;
  return roundOf(m.lastReportAt).start.getTime() === roundOf(now).start.getTime();
}

/** What an admin may change of one item from LINE, with the words the chat uses for each. */
export const EDITABLE_FIELDS = {
  title: 'ชื่อมาตรการ/โครงการ',
  responsibleUnits: 'หน่วยงานรับผิดชอบ',
  budget: 'งบประมาณ',
  guideline: 'แนวทาง',
  methodSteps: 'วิธีดำเนินการ',
} as const;
export type EditableField = keyof typeof EDITABLE_FIELDS;
/** A new value for one editable field. */
export type MeasureEdit =
  | { field: 'title'; value: string }
  | { field: 'responsibleUnits'; value: string[] }
  | { field: 'budget'; value: number }
  | { field: 'guideline'; value: string | null }
  | { field: 'methodSteps'; value: string[] };
export const isEditableField = (value: unknown): value is EditableField => typeof value === 'string' && value in EDITABLE_FIELDS;

/** One change to an item, from LINE or from a re-import: the record of who changed what. */
export interface MeasureChange {
  code: string;
  field: string;
  before: string;
  after: string;
  by: string;
  at: Date;
  source: 'line' | 'import';
}

/**
 * The same plan some years later: fiscal year, period (its text keeps its form and digits) and the date of
 * a carried result all move by `years`. The demo uses it to show the sample plan in the current year.
 */
export function shiftPlannedMeasure(measure: PlannedMeasure, years: number): PlannedMeasure {
  if (years === 0) return measure;
  const fiscalYear = measure.fiscalYear + years;
  const periodText = shiftPeriodText(measure.periodText, years);
  const period = parsePeriod(periodText, fiscalYear);
  const later = (d: Date) => new Date(addYears(new TZDate(d, TIME_ZONE), years).getTime());
  return {
    ...measure,
    fiscalYear,
    periodText,
    periodStart: period ? period.start : later(measure.periodStart),
    periodEnd: period ? period.end : later(measure.periodEnd),
    result: measure.result && { ...measure.result, asOf: measure.result.asOf && later(measure.result.asOf) },
  };
}

/** The plan's own fields, as a re-import compares them (what officers reported is never compared). */
const PLAN_FIELDS_TH = {
  title: 'ชื่อ',
  family: 'ประเภท',
  number: 'ลำดับ',
  indicator: 'ตัวชี้วัด',
  dimension: 'มิติ',
  responsibleUnits: 'หน่วยงานรับผิดชอบ',
  assignees: 'ตำแหน่งผู้รับผิดชอบ',
  period: 'ระยะเวลา',
  budget: 'งบประมาณ',
  guideline: 'แนวทาง',
  methodSteps: 'วิธีดำเนินการ',
} as const;
export type PlanField = keyof typeof PLAN_FIELDS_TH;
export const planFieldTh = (field: string): string => PLAN_FIELDS_TH[field as PlanField] ?? field;

export interface PlanFieldChange {
  code: string;
  field: PlanField;
  before: string;
  after: string;
}

type PlanFields = Pick<PlannedMeasure, 'title' | 'family' | 'number' | 'indicator' | 'dimension' | 'responsibleUnits' | 'assignees' | 'periodText' | 'periodStart' | 'periodEnd' | 'budget' | 'guideline' | 'methodSteps'>;

/** What a re-import changes of one item, field by field, in the words people wrote them. */
export function planChanges(code: string, before: PlanFields, after: PlanFields): PlanFieldChange[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v));
  const period = (m: PlanFields) => `${m.periodText} (${m.periodStart.toISOString().slice(0, 10)}–${m.periodEnd.toISOString().slice(0, 10)})`;
  const changes: PlanFieldChange[] = [];
  for (const field of Object.keys(PLAN_FIELDS_TH) as PlanField[]) {
    const [was, now] = field === 'period' ? [period(before), period(after)] : [show(before[field]), show(after[field])];
    if (was !== now) changes.push({ code, field, before: field === 'period' ? before.periodText : was, after: field === 'period' ? after.periodText : now });
  }
  return changes;
}
