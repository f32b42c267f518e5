import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './time-zone.js';
import { arabicDigits, THAI_MONTHS_SHORT, thaiDigits, toBuddhistYear, toGregorianYear } from './thai.js';

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

/** Day `day` of a month in Bangkok; month is 0-based, year Gregorian; null when the month has no such day. */
function dayStart(year: number, month: number, day: number): Date | null {
  const d = new TZDate(year, month, day, TIME_ZONE);
  return d.getMonth() === month ? new Date(d.getTime()) : null;
}

const THAI_MONTHS_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];

/**
 * Every way a month is written in the plans: spelled out, abbreviated with its dots ("ต.ค."), with a dot
 * missing ("ต.ค", "ตค."), or with a space after a dot ("ต. ค."). Longest first so "มีนาคม" is never read
 * as "มี.ค" followed by rubbish.
 */
const MONTH_SOURCES: { source: string; month: number }[] = [
  ...THAI_MONTHS_FULL.map((name, month) => ({ source: name, month })),
  ...THAI_MONTHS_SHORT.map((short, month) => ({
    source: short.replace(/\.$/, '').split('.').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.?\\s?') + '\\.?',
    month,
  })),
].sort((a, b) => b.source.length - a.source.length);
const MONTH = `(?:${MONTH_SOURCES.map((m) => m.source).join('|')})`;
const monthOf = (text: string) => MONTH_SOURCES.find((m) => new RegExp(`^(?:${m.source})$`).test(text))?.month ?? -1;

/** A year as people write it: "2568", "68", "พ.ศ. 2568", "พ.ศ.68"; Thai or Arabic digits. */
const YEAR = String.raw`(?:พ\.?\s?ศ\.?\s*)?(\d{4}|\d{2})`;
/** One end of a period: "1 ตุลาคม 2567", "ต.ค. 67", "1 ต.ค.", "ตุลาคม", or a bare day "1" (of the other end's month). */
const POINT = new RegExp(String.raw`^(?:วันที่\s*)?(?:(\d{1,2})\s*)?(?:(${MONTH})\s*)?(?:${YEAR})?$`);
const RANGE_SEPARATOR = /\s*(?:-|–|—|ถึง(?:วันที่)?)\s*/;
const WHOLE_YEAR = new RegExp(String.raw`^(?:ตลอด|ทั้ง)?ปี(?:งบประมาณ)?(?:\s*${YEAR})?$`);

interface Point {
  day: number | null;
  month: number | null;
  /** B.E. */
  year: number | null;
}

/** B.E. from what was typed: two digits mean 25xx; a C.E. year (19xx, 20xx) is converted. */
function buddhistYear(digits: string | undefined): number | null {
  if (!digits) return null;
  const n = Number(digits);
  if (digits.length === 2) return 2500 + n;
  if (n >= 1900 && n < 2200) return toBuddhistYear(n);
  return n >= 2400 && n < 2800 ? n : Number.NaN;
}

function readPoint(text: string): Point | null {
  const m = POINT.exec(text);
  if (!m || text === '') return null;
  const year = buddhistYear(m[3]);
  if (Number.isNaN(year)) return null;
  return { day: m[1] ? Number(m[1]) : null, month: m[2] ? monthOf(m[2].replace(/\s+/g, '')) : null, year };
}

/** Removes what the seeds' text carries around a period but is not part of it: HTML left by PDF extraction, doubled spaces. */
function normalise(text: string): string {
  return arabicDigits(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The month order of a fiscal year: ต.ค. = 0 … ก.ย. = 11. */
const fiscalOrder = (month: number) => (month + 3) % 12;

/**
 * Reads a period as plans write it into dates, whatever form the writer chose (docs/plan-file.md lists them):
 * "ต.ค. 67 - ก.ย. 68", "ต.ค. 66  ถึง  ก.ย. 67", "มี.ค. 69", "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘",
 * "๑ - ๓๑ กรกฎาคม ๒๕๖๘", "๑ ตุลาคม - ๓๐ กันยายน ๒๕๖๘", "ตลอดปีงบประมาณ", "ปีงบประมาณ ๒๕๖๖".
 * A month without a day covers the whole month; a day covers that day. A missing year is taken from the
 * other end (a year earlier when the start's month comes later in the calendar, as "1 ต.ค. - 30 ก.ย. 68"
 * means), or, when neither end has one, from the fiscal year (ต.ค.–ธ.ค. in its first calendar year).
 * Returns null when the text is none of these, so the caller can name it.
 */
export function parsePeriod(text: string, fiscalYearBE: number): DateRange | null {
  const t = normalise(text);
  if (t === '') return fiscalYearRange(fiscalYearBE);
  const whole = WHOLE_YEAR.exec(t);
  if (whole) {
    const year = buddhistYear(whole[1]);
    return year === null ? fiscalYearRange(fiscalYearBE) : Number.isNaN(year) ? null : fiscalYearRange(year);
  }
  const parts = t.split(RANGE_SEPARATOR);
  if (parts.length > 2) return null;
  const points = parts.map(readPoint);
  if (points.some((p) => !p)) return null;
  let [first, last = first] = points as [Point, Point?];
  first = { ...first };
  last = { ...last! };
  // A bare day borrows the other end's month: "๑ - ๓๑ กรกฎาคม ๒๕๖๘".
  if (first.month === null) {
    if (last.month === null || first.day === null) return null;
    first.month = last.month;
    first.year ??= last.year;
  }
  if (last.month === null) return null;
  if (first.year === null && last.year !== null) first.year = first.month > last.month ? last.year - 1 : last.year;
  if (last.year === null && first.year !== null) last.year = last.month < first.month ? first.year + 1 : first.year;
  const inFiscalYear = (month: number) => (fiscalOrder(month) < 3 ? fiscalYearBE - 1 : fiscalYearBE);
  const startYear = toGregorianYear(first.year ?? inFiscalYear(first.month));
  const endYear = toGregorianYear(last.year ?? inFiscalYear(last.month));
  const start = first.day === null ? monthStart(startYear, first.month) : dayStart(startYear, first.month, first.day);
  const lastDay = last.day === null ? null : dayStart(endYear, last.month, last.day);
  if (last.day !== null && !lastDay) return null;
  const end = lastDay ? new Date(lastDay.getTime() + 24 * 3600 * 1000) : monthStart(endYear, last.month + 1);
  return start && end > start ? { start, end } : null;
}

/** Whether two ranges share at least one instant. */
export function overlaps(a: DateRange, b: DateRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Reads one date as people write it: "6 พฤศจิกายน 2566", "06 พ.ย. 66", "๖ พ.ย. ๒๕๖๖", or "2023-11-06" (as a
 * spreadsheet gives it). Bangkok midnight of that day; null when it is not a date.
 */
export function parseThaiDate(text: string): Date | null {
  const t = normalise(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(t);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return dayStart(year > 2400 ? toGregorianYear(year) : year, month - 1, day);
  }
  const p = readPoint(t);
  if (!p || p.day === null || p.month === null || p.year === null) return null;
  return dayStart(toGregorianYear(p.year), p.month, p.day);
}

/**
 * Moves the years written in a period by `years`, keeping its form and its digits ("๑ ตุลาคม ๒๕๖๗" →
 * "๑ ตุลาคม ๒๕๖๙", "ต.ค. 67" → "ต.ค. 69"): a year is the number after a month or after ปีงบประมาณ.
 */
export function shiftPeriodText(text: string, years: number): string {
  const pattern = new RegExp(String.raw`((?:${MONTH}|ปีงบประมาณ|ปี)\s*(?:พ\.?\s?ศ\.?\s*)?)([0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙])`, 'g');
  return text.replace(pattern, (_, before: string, digits: string) => {
    const thai = /[๐-๙]/.test(digits);
    const shifted = String(Number(arabicDigits(digits)) + years).slice(-digits.length);
    return before + (thai ? thaiDigits(shifted) : shifted);
  });
}
