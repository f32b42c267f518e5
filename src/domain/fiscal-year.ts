import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './time-zone.js';
import { arabicDigits, THAI_MONTHS_SHORT, toBuddhistYear, toGregorianYear } from './thai.js';

/**
 * The Thai fiscal year runs 1 October – 30 September and is named by the B.E. year in which it ends:
 * FY 2568 = 1 Oct 2024 – 30 Sep 2025 (domain.md, "Time"). All boundaries are Bangkok midnight.
 */
export function fiscalYearOf(date: Date): number {
  const d = new TZDate(date, TIME_ZONE);
  const endingYear = d.getMonth() >= 9 ? d.getFullYear() + 1 : d.getFullYear();
  return toBuddhistYear(endingYear);
}

export interface DateRange {
  start: Date;
  /** Exclusive: the first instant after the range. */
  end: Date;
}

export function fiscalYearRange(fiscalYearBE: number): DateRange {
  const endingYear = toGregorianYear(fiscalYearBE);
  return { start: monthStart(endingYear - 1, 9), end: monthStart(endingYear, 9) };
}

/** Start of a month in Bangkok; month is 0-based, year Gregorian. */
function monthStart(year: number, month: number): Date {
  return new Date(new TZDate(year, month, 1, TIME_ZONE).getTime());
}

const WHOLE_YEAR = /^(ตลอดปีงบประมาณ|ตลอดปี|ทั้งปีงบประมาณ|ปีงบประมาณ)/;

function parseMonthYear(text: string, fallbackYearBE: number): { year: number; month: number } | null {
  const t = arabicDigits(text).replace(/\s+/g, ' ').trim();
  const month = THAI_MONTHS_SHORT.findIndex((m) => t.startsWith(m) || t.startsWith(m.replace(/\.$/, '')));
  if (month < 0) return null;
  const yearMatch = t.match(/(\d{2,4})\s*$/);
  let yearBE = fallbackYearBE;
  if (yearMatch) {
    const n = Number(yearMatch[1]);
    yearBE = n < 100 ? 2500 + n : n;
  }
  return { year: toGregorianYear(yearBE), month };
}

/**
 * Reads a period as the plans write it ("ต.ค. 67 - ก.ย. 68", "ตลอดปีงบประมาณ", "มี.ค. 68") into dates.
 * A month without a year takes the fiscal year's calendar year for that month. Returns null when the text
 * is not one of these forms, so the caller can report the row.
 */
export function parsePeriod(text: string, fiscalYearBE: number): DateRange | null {
  const t = arabicDigits(text).trim();
  if (t === '' || WHOLE_YEAR.test(t)) return fiscalYearRange(fiscalYearBE);
  const parts = t.split(/\s*(?:-|–|ถึง)\s*/).filter(Boolean);
  if (parts.length < 1 || parts.length > 2) return null;
  const fyStartYearBE = fiscalYearBE - 1;
  const withDefaultYear = (p: string) => {
    const month = THAI_MONTHS_SHORT.findIndex((m) => arabicDigits(p).startsWith(m));
    return month >= 9 ? fyStartYearBE : fiscalYearBE;
  };
  const first = parseMonthYear(parts[0]!, withDefaultYear(parts[0]!));
  const last = parseMonthYear(parts[1] ?? parts[0]!, withDefaultYear(parts[1] ?? parts[0]!));
  if (!first || !last) return null;
  const start = monthStart(first.year, first.month);
  const end = monthStart(last.year, last.month + 1);
  return end > start ? { start, end } : null;
}
