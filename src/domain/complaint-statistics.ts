import { TZDate } from '@date-fns/tz';
import { monthKey } from './calendar.js';
import { dueAt, isClosed, COMPLAINT_KINDS, type ComplaintKind, type ComplaintStatus } from './complaints.js';
import { fiscalYearRange } from './fiscal-year.js';
import { THAI_MONTHS_SHORT, toBuddhistYear } from './thai.js';
import { TIME_ZONE } from './time-zone.js';

/**
 * OIT O24's complaint statistics (docs/domain.md, "Complaint statistics"): per month of the fiscal year,
 * the year, each kind and each category. Pure arithmetic over one row per case; the rows carry no
 * content and no person, so a corruption report is only ever a number here.
 */

/** What the statistics need of one case, and nothing more (`db/complaint-stats-store.ts` projects exactly this). */
export interface ComplaintStatRow {
  kind: ComplaintKind;
  category: string | null;
  status: ComplaintStatus;
  submittedAt: Date;
  /** The current deadline (a reopening may give the case a new one); used for "overdue and still open". */
  dueAt: Date;
  closedAt: Date | null;
  reopenCount: number;
  /** The citizen's stars (1–5) of the latest feedback; null when they gave none. */
  stars: number | null;
}

/** Closed by the organisation's answer; a withdrawal is closed too, but by the citizen, not answered. */
export const ANSWERED_STATUSES: readonly ComplaintStatus[] = ['resolved', 'rejected', 'forwarded'];
const isAnswered = (status: ComplaintStatus) => ANSWERED_STATUSES.includes(status);

export interface ComplaintFigures {
  /** Cases filed in the period. */
  received: number;
  /**
   * Of those, closed now by the organisation: resolved, rejected or forwarded. A withdrawn case is closed by
   * the complainant and counted apart (`withdrawn`), so received = closed + inProgress + withdrawn.
   */
  closed: number;
  /** Of those, still open now (received or in progress, reopened ones included). */
  inProgress: number;
  /** Open cases whose current deadline has passed. */
  overdue: number;
  /** Closed by the organisation's answer (resolved, rejected, forwarded): the base of the two figures below. */
  answered: number;
  /** Median days from filing to closing over the answered cases; null when there are none. One decimal. */
  medianDays: number | null;
  /** Answered cases closed on or before the deadline counted from filing (`dueAt(submittedAt)`). */
  answeredWithin15: number;
  /** answeredWithin15 ÷ answered × 100, two decimals; null when nothing was answered. */
  within15Percent: number | null;
  /** Cases reopened at least once (reopenCount > 0), whatever their status now. */
  reopened: number;
  /** Cases with the citizen's stars. */
  ratings: number;
  /** Mean of those stars, two decimals; null when there are none. */
  averageStars: number | null;
  forwarded: number;
  withdrawn: number;
}

export interface MonthFigures extends ComplaintFigures {
  /** "2025-10": the Bangkok month of filing. */
  month: string;
  /** "ต.ค. 2568" */
  label: string;
}

export interface CategoryFigures extends ComplaintFigures {
  /** The handler's category; null for cases not yet given one. */
  category: string | null;
}

export interface ComplaintYearStatistics {
  fiscalYear: number;
  /** The moment the statuses were read: "closed" and "overdue" are as of then. */
  asOf: Date;
  /** The 12 months of the fiscal year, October first, each counting the cases filed in it. */
  months: MonthFigures[];
  total: ComplaintFigures;
  byKind: Record<ComplaintKind, ComplaintFigures>;
  /**
   * General complaints by category, the most received first, uncategorised last. Corruption reports are
   * left out: a category next to a handful of reports could point at the person or the office concerned.
   */
  byCategory: CategoryFigures[];
}

/** The label of uncategorised cases, for tables. */
export const NO_CATEGORY_TH = 'ยังไม่ระบุหมวด';

const DAY_MS = 86_400_000;
const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** The middle value; the mean of the two middle values of an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days from filing to closing, as elapsed time (36 hours = 1.5 days). */
export const handlingDays = (row: Pick<ComplaintStatRow, 'submittedAt' | 'closedAt'>): number | null =>
  row.closedAt ? (row.closedAt.getTime() - row.submittedAt.getTime()) / DAY_MS : null;

/**
 * Answered within the 15 days: closed on or before the deadline counted from the day of filing. For a case
 * never reopened that is its stored `dueAt` (set with the organisation's holidays); a reopening moves `dueAt`
 * to a new 15-day clock, so a reopened case is judged by its first deadline, worked out again from the filing
 * (weekends skipped, the holidays of that time not known any more): it was not fixed in time, and counts as
 * within 15 days only if its final closing still fell inside that first deadline.
 */
export function answeredWithin15Days(row: Pick<ComplaintStatRow, 'status' | 'submittedAt' | 'closedAt' | 'dueAt' | 'reopenCount'>): boolean {
  const deadline = row.reopenCount > 0 ? dueAt(row.submittedAt) : row.dueAt;
  return isAnswered(row.status) && row.closedAt !== null && row.closedAt.getTime() <= deadline.getTime();
}

export function figuresOf(rows: readonly ComplaintStatRow[], asOf: Date): ComplaintFigures {
  const closed = rows.filter((r) => isClosed(r.status));
  const answered = rows.filter((r) => isAnswered(r.status) && r.closedAt !== null);
  const within = answered.filter(answeredWithin15Days).length;
  const stars = rows.flatMap((r) => (r.stars === null ? [] : [r.stars]));
  const med = median(answered.map((r) => handlingDays(r)!));
  return {
    received: rows.length,
    closed: closed.filter((r) => r.status !== 'withdrawn').length,
    inProgress: rows.length - closed.length,
    overdue: rows.filter((r) => !isClosed(r.status) && r.dueAt.getTime() <= asOf.getTime()).length,
    answered: answered.length,
    medianDays: med === null ? null : round(med, 1),
    answeredWithin15: within,
    within15Percent: answered.length === 0 ? null : round((within / answered.length) * 100, 2),
    reopened: rows.filter((r) => r.reopenCount > 0).length,
    ratings: stars.length,
    averageStars: stars.length === 0 ? null : round(stars.reduce((a, b) => a + b, 0) / stars.length, 2),
    forwarded: rows.filter((r) => r.status === 'forwarded').length,
    withdrawn: rows.filter((r) => r.status === 'withdrawn').length,
  };
}

/** The 12 Bangkok months of a fiscal year, October first: key and Thai label. */
export function fiscalMonths(fiscalYear: number): { month: string; label: string }[] {
  const { start } = fiscalYearRange(fiscalYear);
  const first = new TZDate(start.getTime(), TIME_ZONE);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new TZDate(first.getFullYear(), first.getMonth() + i, 1, 12, TIME_ZONE);
    return { month: monthKey(new Date(d.getTime())), label: `${THAI_MONTHS_SHORT[d.getMonth()]} ${toBuddhistYear(d.getFullYear())}` };
  });
}

/**
 * The year's statistics from one row per case filed in it. Every figure of a month, kind or category counts
 * the cases filed in it, with their status as of `asOf`, so the months add up to the year.
 */
export function computeComplaintStatistics(rows: readonly ComplaintStatRow[], fiscalYear: number, asOf: Date): ComplaintYearStatistics {
  const { start, end } = fiscalYearRange(fiscalYear);
  const inYear = rows.filter((r) => r.submittedAt >= start && r.submittedAt < end);
  const byMonth = new Map<string, ComplaintStatRow[]>();
  for (const r of inYear) {
    const key = monthKey(r.submittedAt);
    byMonth.set(key, [...(byMonth.get(key) ?? []), r]);
  }
  const categories = new Map<string | null, ComplaintStatRow[]>();
  for (const r of inYear.filter((x) => x.kind === 'general')) categories.set(r.category, [...(categories.get(r.category) ?? []), r]);
  const byCategory = [...categories.entries()]
    .map(([category, group]) => ({ category, ...figuresOf(group, asOf) }))
    .sort((a, b) => Number(a.category === null) - Number(b.category === null) || b.received - a.received || (a.category ?? '').localeCompare(b.category ?? '', 'th'));
  return {
    fiscalYear,
    asOf,
    months: fiscalMonths(fiscalYear).map((m) => ({ ...m, ...figuresOf(byMonth.get(m.month) ?? [], asOf) })),
    total: figuresOf(inYear, asOf),
    byKind: Object.fromEntries(COMPLAINT_KINDS.map((k) => [k, figuresOf(inYear.filter((r) => r.kind === k), asOf)])) as Record<ComplaintKind, ComplaintFigures>,
    byCategory,
  };
}

/** The row of the month `date` falls in, when it is in the statistics' fiscal year. */
export function monthOf(stats: ComplaintYearStatistics, date: Date): MonthFigures | null {
  return stats.months.find((m) => m.month === monthKey(date)) ?? null;
}
