import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { TIME_ZONE } from './time-zone.js';
import { fiscalYearOf } from './fiscal-year.js';
import { toGregorianYear } from './thai.js';

/**
 * The reporting calendar in Bangkok time (domain.md, "Time"): fiscal quarters ending 31 Dec, 31 Mar,
 * 30 Jun, 30 Sep; E-PlanNACC rounds at 6 months (data as of 31 March) and 12 months (30 September).
 */
const bangkok = (date: Date) => new TZDate(date.getTime(), TIME_ZONE);
const instant = (d: TZDate) => new Date(d.getTime());

/** "2026-11", the Bangkok month of a moment: the key of monthly runs. */
export function monthKey(date: Date): string {
  const d = bangkok(date);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** "2026-11-23" in Bangkok. */
export function dayKey(date: Date): string {
  const d = bangkok(date);
  return `${monthKey(date)}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "08:30": the Bangkok time of day of a moment, to the minute (a `TimeOfDay`). */
export function timeOfDayKey(date: Date): string {
  const d = bangkok(date);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function startOfBangkokDay(date: Date): Date {
  const d = bangkok(date);
  return instant(new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), TIME_ZONE));
}

export function isLastDayOfMonth(date: Date): boolean {
  const d = bangkok(date);
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + 1, TIME_ZONE).getDate() === 1;
}

/** Monday to Friday; public holidays are the working calendar's (`working-days.ts`). */
export function isWeekday(date: Date): boolean {
  const day = bangkok(date).getDay();
  return day >= 1 && day <= 5;
}

/** Fiscal quarter 1–4 (Q1 = Oct–Dec) and its fiscal year. */
export function fiscalQuarterOf(date: Date): { fiscalYear: number; quarter: 1 | 2 | 3 | 4; start: Date; end: Date } {
  const d = bangkok(date);
  const monthInFy = (d.getMonth() + 3) % 12; // Oct → 0
  const quarter = (Math.floor(monthInFy / 3) + 1) as 1 | 2 | 3 | 4;
  const startMonth = d.getMonth() - (monthInFy % 3);
  const start = instant(new TZDate(d.getFullYear(), startMonth, 1, TIME_ZONE));
  return { fiscalYear: fiscalYearOf(date), quarter, start, end: addMonths(start, 3) };
}

/** Whether the Bangkok day is the last day of a fiscal quarter (31 Dec, 31 Mar, 30 Jun, 30 Sep). */
export function isQuarterEnd(date: Date): boolean {
  return isLastDayOfMonth(date) && [2, 5, 8, 11].includes(bangkok(date).getMonth());
}

export type RoundName = 'six_month' | 'twelve_month';

export interface Round {
  name: RoundName;
  fiscalYear: number;
  /** Reports from this moment on count for the round. */
  start: Date;
  /** The "data as of" day: 31 March or 30 September, inclusive; this is the first instant after it. */
  end: Date;
}

/**
 * The E-PlanNACC round a moment belongs to: the 6-month round from 1 October to 31 March, the 12-month
 * round from 1 April to 30 September. An item with no report since its round started is "awaiting report".
 */
export function roundOf(date: Date): Round {
  const fiscalYear = fiscalYearOf(date);
  const gEnd = toGregorianYear(fiscalYear);
  const april = instant(new TZDate(gEnd, 3, 1, TIME_ZONE));
  const october = instant(new TZDate(gEnd - 1, 9, 1, TIME_ZONE));
  const nextOctober = instant(new TZDate(gEnd, 9, 1, TIME_ZONE));
  return date < april
    ? { name: 'six_month', fiscalYear, start: october, end: april }
    : { name: 'twelve_month', fiscalYear, start: april, end: nextOctober };
}

/** A fiscal year's 6- or 12-month round, whatever the date. */
export function roundOfFiscalYear(fiscalYear: number, name: RoundName): Round {
  const gEnd = toGregorianYear(fiscalYear);
  // Any moment inside the round names it: 1 January for the 6-month round, 1 July for the 12-month one.
  return roundOf(instant(new TZDate(gEnd, name === 'six_month' ? 0 : 6, 1, TIME_ZONE)));
}

/** Whether a report made at `now` comes after the round's "data as of" day, i.e. the round is complete. */
export const roundHasEnded = (round: Round, now: Date): boolean => now >= round.end;

/** The round's "data as of" day (31 March or 30 September) as an instant inside it. */
export const roundLastDay = (round: Round): Date => new Date(round.end.getTime() - 1);

/** Whole Bangkok days from `date` to the round's "data as of" day (0 on that day). */
export function daysBeforeRoundEnd(date: Date, round: Round = roundOf(date)): number {
  const lastDay = startOfBangkokDay(new Date(round.end.getTime() - 1));
  return Math.round((lastDay.getTime() - startOfBangkokDay(date).getTime()) / 86_400_000);
}

/** "2568-twelve_month": a round's name in run periods and stored records. */
export const roundKey = (round: Round): string => `${round.fiscalYear}-${round.name}`;

export const ROUND_TH: Record<RoundName, string> = { six_month: 'รอบ 6 เดือน', twelve_month: 'รอบ 12 เดือน' };

/** The first moment of the Bangkok month after the one `date` is in: when a month's message budget starts again. */
export function startOfNextBangkokMonth(date: Date): Date {
  const d = bangkok(date);
  return instant(new TZDate(d.getFullYear(), d.getMonth() + 1, 1, TIME_ZONE));
}
