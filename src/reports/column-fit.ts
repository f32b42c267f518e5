import { lineHeight, longestWordWidth, textWidth, wrapLines, type TextStyle } from './text-measure.js';

/**
 * Column widths chosen from the measured text the columns hold. Every column is first made as wide as its
 * widest word (header words too, in bold), so no word is ever broken; the rest of the width then goes, step by
 * step, to the column that shortens the table most, and never makes a column wider than its longest line.
 * An empty column thus stays as narrow as its header allows, and the long free-text columns get the room.
 */

export interface FitOptions {
  /** The table's width, in the caller's unit (the DOCX uses twentieths of a point, a spreadsheet points). */
  total: number;
  /** Caller units in a point: 20 for twentieths of a point, 1 for points. */
  unitsPerPoint: number;
  /** Font size of the table text, in points. */
  size: number;
  /** Left plus right cell margin, in the caller's unit. */
  padding: number;
  /** Rows at the top that are the (bold) header; 1 unless said. */
  headerRows?: number;
  /** Columns whose header is kept on one line (ลำดับ, as the seeds print it). */
  oneLineHeader?: readonly number[];
  /**
   * Columns whose words may be cut where a line ends (web addresses: LibreOffice and Excel wrap a word longer
   * than the line by characters, and a long address would otherwise claim the whole table): they start as
   * narrow as their header, not their longest word.
   */
  breakable?: readonly number[];
  /** Columns whose every line is kept whole, body too (short labels such as a month, "เม.ย. 2568"). */
  wholeLines?: readonly number[];
  /** Rows printed bold besides the header (a totals row), counted with the header rows. */
  boldRows?: readonly number[];
  /** How many steps the free width is handed out in. */
  steps?: number;
}

// LibreOffice and Word set a word a hair wider than its advances sum to (hinting, rounding to their units).
const SAFETY = 1.02;

/** Paragraphs of a cell (a text with line breaks), each as its width in points. */
const paragraphWidths = (text: string, style: TextStyle): number[] => text.split('\n').map((l) => textWidth(l, style));

const styleOf = (row: number, options: FitOptions): TextStyle => ({ size: options.size, bold: row < (options.headerRows ?? 1) || (options.boldRows ?? []).includes(row) });

/**
 * Rows of cells (each a text with line breaks), header first; returns one width per column in the caller's
 * unit, padding included. They sum to `total` unless every column already holds its longest line on one line.
 */
export function fitColumnWidths(rows: readonly (readonly string[])[], options: FitOptions): number[] {
  const columns = rows[0]?.length ?? 0;
  const u = options.unitsPerPoint;
  const oneLine = new Set(options.oneLineHeader ?? []);
  const breakable = new Set(options.breakable ?? []);
  const whole = new Set(options.wholeLines ?? []);
  const headerRows = options.headerRows ?? 1;
  const inner = options.total - columns * options.padding;

  // Narrowest: the widest word of the column (a one-line header whole); widest: its longest line.
  const min = Array.from({ length: columns }, (_, c) =>
    Math.max(
      options.size, // room for at least a figure, even in an empty column
      ...rows.map((r, i) => {
        const style = styleOf(i, options);
        const text = r[c] ?? '';
        if (breakable.has(c) && i >= headerRows) return 0;
        return (i < headerRows && oneLine.has(c)) || whole.has(c) ? Math.max(...paragraphWidths(text, style)) : longestWordWidth(text, style);
      }),
    ) * u * SAFETY + 1,
  );
  const max = Array.from({ length: columns }, (_, c) => Math.max(min[c]!, ...rows.map((r, i) => Math.max(...paragraphWidths(r[c] ?? '', styleOf(i, options))) * u * SAFETY + 1)));
  const widths = [...min];
  let free = inner - widths.reduce((a, b) => a + b, 0);
  if (free <= 0) {
    // Even the words do not fit: share the width by them, which is the least bad.
    const sum = widths.reduce((a, b) => a + b, 0);
    return widths.map((w) => Math.floor((w / sum) * inner) + options.padding);
  }

  const cells = rows.map((r, i) => r.map((t) => paragraphWidths(t, styleOf(i, options)).map((w) => w * u)));
  const steps = options.steps ?? 300;
  const step = free / steps;
  for (let s = 0; s < steps && free > 0; s++) {
    let best = -1;
    let bestHeight = Infinity;
    for (let c = 0; c < columns; c++) {
      if (widths[c]! >= max[c]!) continue;
      const grown = widths[c]! + Math.min(step, max[c]! - widths[c]!);
      const h = smoothHeight(cells, widths, c, grown);
      if (h < bestHeight) {
        bestHeight = h;
        best = c;
      }
    }
    if (best < 0) break;
    const add = Math.min(step, max[best]! - widths[best]!, free);
    widths[best]! += add;
    free -= add;
  }
  return widths.map((w) => Math.floor(w) + options.padding);
}

/**
 * The table's height in fractional lines with column `grown` at `width`: whole lines would make most single
 * steps change nothing and the greedy choice blind; fractions show which column is holding the rows up.
 */
function smoothHeight(cells: number[][][], widths: number[], grown: number, width: number): number {
  let total = 0;
  for (const row of cells) {
    let tallest = 1;
    row.forEach((paragraphs, c) => {
      const w = c === grown ? width : widths[c]!;
      tallest = Math.max(tallest, paragraphs.reduce((n, p) => n + Math.max(1, p / w), 0));
    });
    total += tallest;
  }
  return total;
}

/** Whole lines each row needs at these widths (padding included, as `fitColumnWidths` returns them), wrapped as a word processor wraps them. */
export function rowLines(rows: readonly (readonly string[])[], widths: readonly number[], options: Pick<FitOptions, 'unitsPerPoint' | 'size' | 'padding' | 'headerRows'>): number[] {
  const o = options as FitOptions;
  return rows.map((row, i) => Math.max(1, ...row.map((text, c) => wrapLines(text, (widths[c]! - o.padding) / o.unitsPerPoint, styleOf(i, o)).length)));
}

/** Height of a line of table text, in points. */
export const tableLineHeight = (size: number): number => lineHeight({ size });

export interface PageFrame {
  /** Height the table may fill on a page, in points. */
  pageHeight: number;
  /** What comes before the table on the first page (titles, lead-in), in points. */
  firstPageUsed: number;
  /** A row up to this tall (points) moves whole to the next page; a taller one is split between lines. */
  keepWhole: number;
  /** Split rows break between lines of this height. */
  lineHeight: number;
  /** A cell's top plus bottom margin, in points: each part of a split row has them. */
  rowMargins: number;
}

/**
 * Pages a table of these row heights (points) fills, as Word and LibreOffice lay it out: the header row repeats
 * on every page, a row that may not split moves whole to the next page, a longer one flows on, broken between
 * lines.
 */
export function estimatePages(headerHeight: number, bodyHeights: readonly number[], page: PageFrame): number {
  let pages = 1;
  let left = page.pageHeight - page.firstPageUsed - headerHeight;
  const fresh = () => {
    pages++;
    left = page.pageHeight - headerHeight;
  };
  for (const height of bodyHeights) {
    if (height <= left) {
      left -= height;
      continue;
    }
    if (height <= page.keepWhole) {
      fresh();
      left -= height;
      continue;
    }
    // Split between lines: what fits here, in whole lines, and the rest on the following pages, each part
    // with the cell's own top and bottom margins.
    let rest = height;
    while (rest > left) {
      const here = Math.floor((left - page.rowMargins) / page.lineHeight) * page.lineHeight;
      if (here > 0) rest -= here;
      fresh();
      if (here > 0) rest += page.rowMargins;
    }
    left -= rest;
  }
  return pages;
}
