import { subMonths } from 'date-fns';
import { roundOf, type Round } from './calendar.js';
import { ALL_UNITS, FAMILIES, type Family } from './measures.js';
import type { Status } from './statuses.js';

/**
 * The figures executives see (domain.md, "Figures, exactly as the seeds compute them"), as a pure function
 * of measures, their reports and a moment: (measures, reports, now) → figures.
 */
export interface SummaryMeasure {
  id: string;
  code: string;
  title: string;
  family: Family;
  dimension: number | null;
  responsibleUnits: string[];
  periodStart: Date;
  periodEnd: Date;
  budget: number;
  /** The newest reported status, or not_started. */
  status: Status;
  disbursed: number;
  lastReportAt: Date | null;
}

export interface SummaryReport {
  measureId: string;
  reportedAt: Date;
  status: Status;
  disbursed: number | null;
}

export interface Threshold {
  label: string;
  /** Lowest percentage that earns the label. */
  min: number;
}

/** The seeds name a level ("ระดับ มาก ร้อยละ 83.33") but not the cut-offs; these defaults are configurable. */
export const DEFAULT_LEVEL_THRESHOLDS: Threshold[] = [
  { label: 'มากที่สุด', min: 90 },
  { label: 'มาก', min: 70 },
  { label: 'ปานกลาง', min: 50 },
  { label: 'น้อย', min: 30 },
  { label: 'น้อยที่สุด', min: 0 },
];

export interface Tally {
  total: number;
  not_started: number;
  in_progress: number;
  completed: number;
  cannot_proceed: number;
  /** Not completed and no report since the current round started (E-PlanNACC's รอรายงาน). */
  awaiting_report: number;
  budget: number;
  disbursed: number;
  /** (completed + 0.5 × in_progress) ÷ total × 100, rounded to 2 decimals; 0 when there is nothing. */
  implementationPercent: number;
  /** disbursed ÷ budget × 100, rounded to 2 decimals; 0.00 when the budget is 0. */
  disbursementPercent: number;
}

export interface Summary {
  asOf: Date;
  fiscalYear: number;
  round: Round;
  overall: Tally;
  level: string;
  thresholds: Threshold[];
  /** Each family on its own: the anti-corruption plan's figure is the one E-PlanNACC reports. */
  byFamily: { family: Family; tally: Tally; level: string }[];
  byDimension: { dimension: number; tally: Tally }[];
  byUnit: { unit: string; tally: Tally }[];
  overdue: SummaryMeasure[];
  stale: SummaryMeasure[];
  previous: { asOf: Date; overall: Tally };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function implementationPercent(completed: number, inProgress: number, total: number): number {
  return total === 0 ? 0 : round2(((completed + 0.5 * inProgress) / total) * 100);
}

export function disbursementPercent(disbursed: number, budget: number): number {
  return budget === 0 ? 0 : round2((disbursed / budget) * 100);
}

export function levelOf(percent: number, thresholds: Threshold[] = DEFAULT_LEVEL_THRESHOLDS): string {
  const sorted = [...thresholds].sort((a, b) => b.min - a.min);
  return (sorted.find((t) => percent >= t.min) ?? sorted[sorted.length - 1]!).label;
}

interface Snapshot {
  status: Status;
  disbursed: number;
  lastReportAt: Date | null;
}

function tally(items: { m: SummaryMeasure; s: Snapshot }[], round: Round): Tally {
  const t: Tally = { total: 0, not_started: 0, in_progress: 0, completed: 0, cannot_proceed: 0, awaiting_report: 0, budget: 0, disbursed: 0, implementationPercent: 0, disbursementPercent: 0 };
  for (const { m, s } of items) {
    t.total++;
    t[s.status]++;
    if (s.status !== 'completed' && (!s.lastReportAt || s.lastReportAt < round.start)) t.awaiting_report++;
    t.budget += m.budget;
    t.disbursed += s.disbursed;
  }
  t.implementationPercent = implementationPercent(t.completed, t.in_progress, t.total);
  t.disbursementPercent = disbursementPercent(t.disbursed, t.budget);
  return t;
}

/** Each measure as it stood at `at`: its newest report up to then, or the plan's starting point. */
function snapshotsAt(measures: SummaryMeasure[], reports: SummaryReport[], at: Date, planDisbursed: Map<string, number>): Map<string, Snapshot> {
  const out = new Map<string, Snapshot>();
  for (const m of measures) out.set(m.id, { status: 'not_started', disbursed: planDisbursed.get(m.id) ?? 0, lastReportAt: null });
  const ordered = reports.filter((r) => r.reportedAt <= at).sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  for (const r of ordered) {
    const s = out.get(r.measureId);
    if (!s) continue;
    out.set(r.measureId, { status: r.status, disbursed: r.disbursed ?? s.disbursed, lastReportAt: r.reportedAt });
  }
  return out;
}

function previousFigures(measures: SummaryMeasure[], reports: SummaryReport[], at: Date, planDisbursed: Map<string, number>): Summary['previous'] {
  const before = snapshotsAt(measures, reports, at, planDisbursed);
  return { asOf: at, overall: tally(measures.map((m) => ({ m, s: before.get(m.id)! })), roundOf(at)) };
}

/**
 * The overall figures as they stood at `at`, rebuilt from the append-only report history: each measure's
 * newest report up to then, or the plan's starting point (its imported disbursement only while unreported).
 */
export function tallyAsOf(measures: SummaryMeasure[], reports: SummaryReport[], at: Date): Tally {
  const reported = new Set(reports.map((r) => r.measureId));
  const planDisbursed = new Map(measures.filter((m) => !reported.has(m.id)).map((m) => [m.id, m.disbursed]));
  const then = snapshotsAt(measures, reports, at, planDisbursed);
  return tally(measures.map((m) => ({ m, s: then.get(m.id)! })), roundOf(at));
}

export const STALE_AFTER_MONTHS = 3;

/** Not completed, and nothing reported for 3 months (counting from the period's start if never reported). */
export function isStale(m: Pick<SummaryMeasure, 'status' | 'lastReportAt' | 'periodStart'>, now: Date): boolean {
  if (m.status === 'completed') return false;
  return (m.lastReportAt ?? m.periodStart) <= subMonths(now, STALE_AFTER_MONTHS);
}

/** Period over and not completed. */
export function isOverdue(m: Pick<SummaryMeasure, 'status' | 'periodEnd'>, now: Date): boolean {
  return m.status !== 'completed' && m.periodEnd <= now;
}

/**
 * `previous` may be given from last month's recorded figures; otherwise it is rebuilt from the reports
 * (each measure's newest report as of a month earlier).
 */
export function summarise(
  fiscalYear: number,
  measures: SummaryMeasure[],
  reports: SummaryReport[],
  now: Date,
  thresholds: Threshold[] = DEFAULT_LEVEL_THRESHOLDS,
  previous?: Summary['previous'],
): Summary {
  const round = roundOf(now);
  // A measure that has reports started from the plan's disbursement figure only until its first report.
  const reported = new Set(reports.map((r) => r.measureId));
  const planDisbursed = new Map(measures.filter((m) => !reported.has(m.id)).map((m) => [m.id, m.disbursed]));
  const current = measures.map((m) => ({ m, s: { status: m.status, disbursed: m.disbursed, lastReportAt: m.lastReportAt } }));

  const dimensions = [...new Set(measures.map((m) => m.dimension).filter((d): d is number => d !== null))].sort();
  const units = [...new Set(measures.flatMap((m) => m.responsibleUnits))].sort((a, b) => (a === ALL_UNITS ? 1 : b === ALL_UNITS ? -1 : a.localeCompare(b, 'th')));

  const previousAt = subMonths(now, 1);

  const overall = tally(current, round);
  return {
    asOf: now,
    fiscalYear,
    round,
    overall,
    level: levelOf(overall.implementationPercent, thresholds),
    thresholds,
    byFamily: FAMILIES.filter((f) => measures.some((m) => m.family === f)).map((family) => {
      const t = tally(current.filter((x) => x.m.family === family), round);
      return { family, tally: t, level: levelOf(t.implementationPercent, thresholds) };
    }),
    byDimension: dimensions.map((dimension) => ({ dimension, tally: tally(current.filter((x) => x.m.dimension === dimension), round) })),
    byUnit: units.map((unit) => ({ unit, tally: tally(current.filter((x) => x.m.responsibleUnits.includes(unit)), round) })),
    overdue: measures.filter((m) => isOverdue(m, now)).sort((a, b) => a.periodEnd.getTime() - b.periodEnd.getTime() || a.code.localeCompare(b.code)),
    stale: measures.filter((m) => isStale(m, now)),
    previous: previous ?? previousFigures(measures, reports, previousAt, planDisbursed),
  };
}

/** Reads "มากที่สุด:90,มาก:70,…" from configuration. */
export function parseThresholds(text: string): Threshold[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const out: Threshold[] = [];
  for (const part of parts) {
    const match = part.match(/^(.+):(\d+(?:\.\d+)?)$/);
    if (!match) return null;
    out.push({ label: match[1]!.trim(), min: Number(match[2]) });
  }
  return out.length > 0 && out.some((t) => t.min === 0) ? out : null;
}
