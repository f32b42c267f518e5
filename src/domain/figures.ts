import { formatBaht, formatThaiDate, formatThaiDateTime, formatThaiMonthYear, thaiDigits } from './thai.js';

/**
 * The digits of the bot's own words: Arabic by default (what Thai apps and LINE accounts use, and what
 * people type on phones); Thai (๐–๙) when the organisation chooses them. What people typed and the codes
 * they type back (tracking numbers, measure, invite and link codes) never go through here: they are shown
 * as they are.
 */
export type DigitStyle = 'arabic' | 'thai';

export const DIGIT_STYLES: readonly DigitStyle[] = ['arabic', 'thai'];
export const DEFAULT_DIGIT_STYLE: DigitStyle = 'arabic';

/** The one way message builders write a figure: each takes the organisation's digit style. */
export interface Figures {
  style: DigitStyle;
  /** Digits of a text the bot wrote itself ("แนวโน้มจาก ต.ค. 68"), in the style. */
  digits(text: string | number): string;
  /** 1,234 */
  count(n: number): string;
  /** 83.33 (two decimals); "-" for no figure. */
  percent(n: number | null): string;
  /** 1,234.50 */
  baht(n: number): string;
  /** 23 พ.ย. 2569 */
  date(d: Date): string;
  /** 23 พ.ย. 2569 14:05 น. */
  dateTime(d: Date): string;
  /** ต.ค. 67 */
  monthYear(d: Date): string;
  /** 2569 */
  fiscalYear(y: number): string;
}

export function figures(style: DigitStyle = DEFAULT_DIGIT_STYLE): Figures {
  const digits = style === 'thai' ? (text: string | number) => thaiDigits(text) : (text: string | number) => String(text);
  return {
    style,
    digits,
    count: (n) => digits(n.toLocaleString('en-US')),
    percent: (n) => (n === null ? '-' : digits(n.toFixed(2))),
    baht: (n) => digits(formatBaht(n)),
    date: (d) => digits(formatThaiDate(d)),
    dateTime: (d) => digits(formatThaiDateTime(d)),
    monthYear: (d) => digits(formatThaiMonthYear(d)),
    fiscalYear: (y) => digits(y),
  };
}

/** A digit style as an operator writes it; null when it is none. */
export function parseDigitStyle(value: string): DigitStyle | null {
  const v = value.trim().toLowerCase();
  return (DIGIT_STYLES as readonly string[]).includes(v) ? (v as DigitStyle) : null;
}
