import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { fiscalYearRange } from './fiscal-year.js';
import type { Family } from './measures.js';
import type { OrganisationProfile } from './organisation.js';
import type { Status } from './statuses.js';
import { summarise, tallyAsOf, type Summary, type SummaryMeasure, type SummaryReport, type Tally, type Threshold } from './summary.js';
import { TIME_ZONE } from './time-zone.js';

/**
 * What the public transparency page shows of an organisation: figures, plan projects and their reported
 * results. Built only from plan facts and report results, never from who reported: the shapes below have no
 * field a name, a LINE id or a phone number could travel in.
 */
export interface PublicProject {
  code: string;
  title: string;
  dimension: number | null;
  periodText: string;
  status: Status;
  /** The newest reported outcome of the fiscal year (ผลลัพธ์), else its summary; null when nothing is reported. */
  result: string | null;
  /** Why it cannot proceed, when that is its status. */
  reason: string | null;
  budget: number;
  disbursed: number;
  lastReportAt: Date | null;
}

/** The figures at the end of one month of the fiscal year (or now, for the month under way). */
export interface MonthPoint {
  /** The month's first instant, Bangkok. */
  month: Date;
  asOf: Date;
  implementationPercent: number;
  disbursementPercent: number;
  completed: number;
  inProgress: number;
  total: number;
}

export interface PublicPlanFigures {
  organisation: Pick<OrganisationProfile, 'name' | 'district' | 'province'>;
  fiscalYear: number;
  asOf: Date;
  overall: Tally;
  level: string;
  thresholds: Threshold[];
  byFamily: { family: Family; tally: Tally; level: string }[];
  byDimension: { dimension: number; tally: Tally }[];
  months: MonthPoint[];
  projects: PublicProject[];
}

/** A report as the public page reads it: the result only. */
export interface PublicReport extends SummaryReport {
  outcome: string | null;
  summary: string;
  cannotProceedReason: string | null;
}

export type PublicMeasure = SummaryMeasure & { periodText: string };

/** The first instant of each month of the fiscal year that has begun by `now`. */
export function monthsSoFar(fiscalYear: number, now: Date): Date[] {
  const { start, end } = fiscalYearRange(fiscalYear);
  const out: Date[] = [];
  for (let m = start; m < end && m <= now; m = new Date(addMonths(new TZDate(m, TIME_ZONE), 1).getTime())) out.push(m);
  return out;
}

/**
 * The month-by-month line of the fiscal year: at each month's end (or `now` for the month under way) the
 * figures as the report history had them then, so a late report never rewrites an earlier month.
 */
export function monthlyFigures(fiscalYear: number, measures: SummaryMeasure[], reports: SummaryReport[], now: Date): MonthPoint[] {
  return monthsSoFar(fiscalYear, now).map((month) => {
    const monthEnd = new Date(addMonths(new TZDate(month, TIME_ZONE), 1).getTime() - 1);
    const asOf = monthEnd < now ? monthEnd : now;
    const t = tallyAsOf(measures, reports, asOf);
    return { month, asOf, implementationPercent: t.implementationPercent, disbursementPercent: t.disbursementPercent, completed: t.completed, inProgress: t.in_progress, total: t.total };
  });
}

/** Each plan project with its status and newest reported result, in the plan's order. */
export function publicProjects(measures: PublicMeasure[], reports: PublicReport[]): PublicProject[] {
  const newest = new Map<string, PublicReport>();
  for (const r of reports) {
    const seen = newest.get(r.measureId);
    if (!seen || seen.reportedAt <= r.reportedAt) newest.set(r.measureId, r);
  }
  return measures
    .filter((m) => m.family === 'anticorruption_project')
    .map((m) => {
      const last = newest.get(m.id);
      const result = last ? (last.outcome?.trim() || last.summary.trim() || null) : null;
      return {
        code: m.code,
        title: m.title,
        dimension: m.dimension,
        periodText: m.periodText,
        status: m.status,
        result,
        reason: m.status === 'cannot_proceed' ? (last?.cannotProceedReason ?? null) : null,
        budget: m.budget,
        disbursed: m.disbursed,
        lastReportAt: m.lastReportAt,
      };
    });
}

export function publicPlanFigures(
  organisation: PublicPlanFigures['organisation'],
  fiscalYear: number,
  measures: PublicMeasure[],
  reports: PublicReport[],
  now: Date,
  thresholds: Threshold[],
): PublicPlanFigures {
  const summary: Summary = summarise(fiscalYear, measures, reports, now, thresholds);
  return {
    organisation,
    fiscalYear,
    asOf: now,
    overall: summary.overall,
    level: summary.level,
    thresholds,
    byFamily: summary.byFamily,
    byDimension: summary.byDimension,
    months: monthlyFigures(fiscalYear, measures, reports, now),
    projects: publicProjects(measures, reports),
  };
}
