import type ExcelJS from 'exceljs';
import { baseLength } from './report-text.js';

/** Sheets that print at their own size: the page's width is met by the columns, never by shrinking the font. */

// A4 landscape less 1.02 cm margins is 784 pt. A column width counts digits of the workbook's default font,
// Calibri 11: 5.25 pt in Excel, 5.6 pt in LibreOffice with Calibri or its stand-in Carlito, so 136 widths
// print within the page in both. (A LibreOffice with neither stands in a wider font and spills the last
// columns onto another page: render with a Calibri stand-in, docs/domain.md "The official reports".)
export const LANDSCAPE_SHEET_WIDTH = 136;
// A 14 pt TH Sarabun base character averages 7.4 pt over the reports' Thai text (measured with fontkit):
// about 1.4 Calibri digit widths.
export const SHEET_WIDTH_PER_CHAR = 1.4;
const MARGIN_INCHES = 0.4;
// Rows are sized for a slightly wider character than the average: a row too tall leaves white space, one
// too short cuts its last line off, and the text's own mix of letters varies by a tenth either way.
const LINE_WIDTH_PER_CHAR = 1.6;
// A 14 pt TH Sarabun line as LibreOffice spaces it (27.4 pt, measured on a rendering), with a little to spare.
const LINE_POINTS = 28;

/** 100 %, A4 landscape, 1 cm side margins, centred: a fit-to-page would shrink 14 pt text. */
export function printAtFullSize(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup.fitToPage = false;
  sheet.pageSetup.scale = 100;
  sheet.pageSetup.orientation = 'landscape';
  sheet.pageSetup.margins = { left: MARGIN_INCHES, right: MARGIN_INCHES, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  sheet.pageSetup.horizontalCentered = true;
}

/** Raises every column to its minimum, taking the width from the columns with the most to spare. */
export function withMinimums(widths: readonly number[], minimums: readonly number[]): number[] {
  const out = [...widths];
  const step = Math.max(0.1, Math.min(...minimums) / 20);
  for (let c = 0; c < out.length; c++) {
    while (out[c]! < minimums[c]!) {
      const spare = out.map((w, i) => (i === c ? -Infinity : w - minimums[i]!));
      const donor = spare.indexOf(Math.max(...spare));
      if (spare[donor]! <= 0) return out;
      const take = Math.min(step, spare[donor]!, minimums[c]! - out[c]!);
      out[donor]! -= take;
      out[c]! += take;
    }
  }
  return out;
}

const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Lines a text takes in a column of `perLine` characters when wrapped between words (Thai words found by
 * `Intl.Segmenter`), a word longer than a line broken where it must: a plain character count forgets the room
 * a wrapped line leaves at its end, and the row's last line is then cut off when printed.
 */
export function wrappedLines(text: string, perLine: number): number {
  const room = Math.max(1, perLine);
  let total = 0;
  for (const paragraph of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const { segment } of words.segment(paragraph)) {
      let w = baseLength(segment);
      if (used + w <= room || /^\s+$/.test(segment)) {
        used += w;
        continue;
      }
      lines++;
      while (w > room) {
        w -= room;
        lines++;
      }
      used = w;
    }
    total += lines;
  }
  return total;
}

/** Characters of the longest word in any of the texts, so a column at least that wide breaks no word. */
export function longestWord(texts: readonly string[]): number {
  let longest = 0;
  for (const t of texts) for (const { segment } of words.segment(t)) longest = Math.max(longest, baseLength(segment.trim()));
  return longest;
}

/** Makes a row tall enough for every cell's text at the sheet's column widths. */
export function fitRowHeight(row: ExcelJS.Row, texts: readonly string[]): void {
  const lines = Math.max(1, ...texts.map((t, i) => (t ? wrappedLines(t, (row.worksheet.getColumn(i + 1).width ?? 10) / LINE_WIDTH_PER_CHAR) : 1)));
  row.height = lines * LINE_POINTS;
}
