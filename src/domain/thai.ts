import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from './time-zone.js';

export const THAI_MONTHS_SHORT = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export const toBuddhistYear = (gregorianYear: number): number => gregorianYear + 543;
export const toGregorianYear = (buddhistYear: number): number => buddhistYear - 543;

/** Thai digits (๐–๙) become Arabic ones; everything else is left as it is. */
export function arabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

export function thaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
}

/**
 * Reads an amount as officers type it: Thai or Arabic digits, thousands separators, an optional "บาท".
 * Returns null when the text is not a non-negative number.
 */
export function parseAmount(text: string): number | null {
  const cleaned = arabicDigits(text).replace(/บาท|฿/g, '').replace(/[,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** "1,234.50" — the way baht amounts are written in the reports. */
export function formatBaht(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** "23 พ.ย. 2569", in Bangkok time. */
export function formatThaiDate(date: Date): string {
  const d = new TZDate(date, TIME_ZONE);
  return `${d.getDate()} ${THAI_MONTHS_SHORT[d.getMonth()]} ${toBuddhistYear(d.getFullYear())}`;
}

/** "23 พ.ย. 2569 14:05 น.", in Bangkok time. */
export function formatThaiDateTime(date: Date): string {
  const d = new TZDate(date, TIME_ZONE);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${formatThaiDate(date)} ${hh}:${mm} น.`;
}

/** "ต.ค. 67" — the short month-year form of the seed reports. */
export function formatThaiMonthYear(date: Date): string {
  const d = new TZDate(date, TIME_ZONE);
  return `${THAI_MONTHS_SHORT[d.getMonth()]} ${String(toBuddhistYear(d.getFullYear())).slice(-2)}`;
}

/** Cuts text to a length (in UTF-16 units, as LINE counts) without splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
