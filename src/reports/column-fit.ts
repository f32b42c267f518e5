import { baseLength, estimateLines } from './report-text.js';

/**
 * Column widths chosen from what the columns hold. Fixed shares gave a column its room whether it held a
 * page of method steps or nothing at all (no result reported yet), so the long columns wrapped into tall
 * rows while the empty ones stayed wide. Here every column starts at a minimum and the rest of the width
 * goes, step by step, to the column that shortens the table most.
 */

export interface FitOptions {
  /** The table's width, in any unit (the DOCX uses twentieths of a point). */
  total: number;
  /** How wide one (base) character is, in the same unit. */
  perChar: number;
  /** Narrowest a text column may be, in characters: enough for a short Thai word of its header. */
  minChars: number;
  /** Columns of fixed content (ลำดับ) are given exactly what their longest text needs, header included. */
  exact?: readonly number[];
  /** How many steps the free width is handed out in. */
  steps?: number;
}

/** Rows of cells (each a text with line breaks), header first; returns one width per column, summing to `total`. */
export function fitColumnWidths(rows: readonly (readonly string[])[], options: FitOptions): number[] {
  const columns = rows[0]?.length ?? 0;
  const exact = new Set(options.exact ?? []);
  const longest = (c: number) => Math.max(1, ...rows.map((r) => Math.max(...(r[c] ?? '').split('\n').map(baseLength))));
  const widths = Array.from({ length: columns }, (_, c) => (exact.has(c) ? longest(c) + 1 : options.minChars) * options.perChar);
  const free = options.total - widths.reduce((a, b) => a + b, 0);
  if (free <= 0) return widths;

  const steps = options.steps ?? 200;
  const step = free / steps;
  const growable = [...Array(columns).keys()].filter((c) => !exact.has(c));
  if (growable.length === 0) return widths;
  const height = (w: number[]) => smoothHeight(rows, w, options.perChar);
  for (let s = 0; s < steps; s++) {
    let best = growable[0]!;
    let bestHeight = Infinity;
    for (const c of growable) {
      widths[c]! += step;
      const h = height(widths);
      widths[c]! -= step;
      if (h < bestHeight) {
        bestHeight = h;
        best = c;
      }
    }
    widths[best]! += step;
  }
  const whole = widths.map((w) => Math.floor(w));
  // What flooring left over goes to the widest column, so the columns fill the table exactly.
  const widest = whole.indexOf(Math.max(...whole));
  whole[widest]! += options.total - whole.reduce((a, b) => a + b, 0);
  return whole;
}

/**
 * Lines a row needs, without rounding up: the sum over rows of the tallest cell. Whole lines would make
 * most single steps change nothing, and the greedy choice would be blind; fractions show which column
 * is holding the rows up.
 */
function smoothHeight(rows: readonly (readonly string[])[], widths: number[], perChar: number): number {
  let total = 0;
  for (const row of rows) {
    let tallest = 1;
    row.forEach((text, c) => {
      const perLine = widths[c]! / perChar;
      const lines = text.split('\n').reduce((n, l) => n + Math.max(1, baseLength(l) / perLine), 0);
      tallest = Math.max(tallest, lines);
    });
    total += tallest;
  }
  return total;
}

/** Whole lines each row needs at these widths, as Word would wrap them by this estimate. */
export function rowLines(rows: readonly (readonly string[])[], widths: readonly number[], perChar: number): number[] {
  return rows.map((row) => Math.max(...row.map((text, c) => estimateLines(text, widths[c]! / perChar))));
}

/**
 * Pages a table of these row heights fills, by the same estimate: the header row repeats on every page, a
 * row of up to `keepWhole` lines moves whole to the next page, a longer one flows on. A proxy: nothing in
 * this project renders a DOCX, so the figures are comparable with each other, not a print preview.
 */
export function estimatePages(
  headerLines: number,
  bodyLines: readonly number[],
  page: { linesPerPage: number; firstPageUsed: number; keepWhole: number; rowPadding: number },
): number {
  const header = headerLines + page.rowPadding;
  let pages = 1;
  let left = page.linesPerPage - page.firstPageUsed - header;
  for (const lines of bodyLines) {
    let h = lines + page.rowPadding;
    if (h > left && lines <= page.keepWhole) {
      pages++;
      left = page.linesPerPage - header;
    }
    while (h > left) {
      h -= left;
      pages++;
      left = page.linesPerPage - header;
    }
    left -= h;
  }
  return pages;
}
