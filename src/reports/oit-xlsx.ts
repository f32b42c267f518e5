import { fitColumnWidths } from './column-fit.js';
import type { OitReportData, OitReportRow } from './load-oit-data.js';
import { OIT_EXACT_COLUMNS, OIT_HEADERS, OIT_NO_ITEMS, OIT_TITLE, oitCells, oitMinimumChars, oitSubtitle } from './oit-text.js';
import { fitRowHeight, LANDSCAPE_SHEET_WIDTH, printAtFullSize, SHEET_WIDTH_PER_CHAR, withMinimums } from './print-fit.js';
import { digitsFor, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

const MIN_COLUMN_CHARS = 6;

const codeOf = (r: OitReportRow) => r.code;

/**
 * The OIT sheet as ITAS asks item by item (มี/ไม่มี ticked, the address whole, คำอธิบาย) under seed 003's
 * groups and columns, with the check's result in the seed's words and the reviewer. Printed: A4 landscape,
 * 14 pt, column widths sized from the text so it fits the page width without shrinking, header repeated.
 */
export async function buildOitXlsx(data: OitReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const rows = data.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  const cells = rows.map((r) => oitCells(r, d, codeOf));
  const widths = oitXlsxWidths(cells);
  const { workbook, sheet } = newSheet('OIT', widths);
  printAtFullSize(sheet);

  addSpanningRow(sheet, OIT_TITLE, { title: true });
  addSpanningRow(sheet, d(oitSubtitle(data)), { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  fitRowHeight(addHeaderRow(sheet, OIT_HEADERS), [...OIT_HEADERS]);
  let i = 0;
  for (const section of data.sections) {
    addSpanningRow(sheet, d(section.heading), { bold: true });
    for (const group of section.groups) {
      if (group.heading) addSpanningRow(sheet, d(group.heading), { bold: true });
      for (let n = 0; n < group.rows.length; n++) {
        // The address stays plain text: LibreOffice prints a hyperlink on one line, cut off at the cell's
        // edge, where it wraps plain text whole.
        const texts = cells[i++]!;
        const row = sheet.addRow(texts);
        for (const c of OIT_EXACT_COLUMNS) row.getCell(c + 1).alignment = { horizontal: 'center' };
        styleBodyRow(row, OIT_HEADERS.length);
        fitRowHeight(row, texts);
      }
    }
  }
  if (rows.length === 0) addSpanningRow(sheet, OIT_NO_ITEMS);
  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  return toBuffer(workbook);
}

/** Column widths from what the columns hold, summing to the printable width. */
export function oitXlsxWidths(cells: readonly string[][]): number[] {
  const fitted = fitColumnWidths([[...OIT_HEADERS], ...cells], {
    total: LANDSCAPE_SHEET_WIDTH,
    perChar: SHEET_WIDTH_PER_CHAR,
    minChars: MIN_COLUMN_CHARS,
    exact: OIT_EXACT_COLUMNS,
  });
  return withMinimums(fitted, oitMinimumChars(cells).map((n) => n * SHEET_WIDTH_PER_CHAR)).map((w) => Math.round(w * 10) / 10);
}
