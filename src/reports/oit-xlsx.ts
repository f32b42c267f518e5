import { fitColumnWidths } from './column-fit.js';
import type { OitReportData, OitReportRow } from './load-oit-data.js';
import { OIT_EXACT_COLUMNS, OIT_HEADERS, OIT_NO_ITEMS, OIT_TITLE, OIT_URL_COLUMN, oitCells, oitSubtitle } from './oit-text.js';
import { digitsFor, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

// Excel column widths are in widths of the default font's digit (about 5.25 pt); a 14 pt TH Sarabun base
// character averages 7.4 pt over the OIT list's text (measured with fontkit), so about 1.4 of them.
export const OIT_XLSX_PER_CHAR = 1.4;
// A4 landscape less 1.27 cm margins is 771 pt, about 146 widths; kept below that, so the sheet prints at
// 100 % (14 pt) instead of being shrunk to fit.
export const OIT_XLSX_TOTAL_WIDTH = 140;
const MARGIN_INCHES = 0.5;
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
  // Fit by widths, never by scaling: a fit-to-page would shrink the font below 14 pt.
  sheet.pageSetup.fitToPage = false;
  sheet.pageSetup.scale = 100;
  sheet.pageSetup.margins = { left: MARGIN_INCHES, right: MARGIN_INCHES, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
  sheet.pageSetup.horizontalCentered = true;

  addSpanningRow(sheet, OIT_TITLE, { title: true });
  addSpanningRow(sheet, d(oitSubtitle(data)), { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addHeaderRow(sheet, OIT_HEADERS);
  let i = 0;
  for (const section of data.sections) {
    addSpanningRow(sheet, d(section.heading), { bold: true });
    for (const group of section.groups) {
      if (group.heading) addSpanningRow(sheet, d(group.heading), { bold: true });
      for (const r of group.rows) {
        const texts = cells[i++]!;
        const row = sheet.addRow(texts);
        if (r.url) row.getCell(OIT_URL_COLUMN + 1).value = { text: r.url, hyperlink: r.url };
        for (const c of OIT_EXACT_COLUMNS) row.getCell(c + 1).alignment = { horizontal: 'center' };
        styleBodyRow(row, OIT_HEADERS.length);
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
  return fitColumnWidths([[...OIT_HEADERS], ...cells], {
    total: OIT_XLSX_TOTAL_WIDTH,
    perChar: OIT_XLSX_PER_CHAR,
    minChars: MIN_COLUMN_CHARS,
    exact: OIT_EXACT_COLUMNS,
  });
}
