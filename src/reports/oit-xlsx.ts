import type { OitReportData, OitReportRow } from './load-oit-data.js';
import { OIT_CENTRED_COLUMNS, OIT_HEADERS, OIT_NO_ITEMS, OIT_TITLE, OIT_URL_COLUMN, oitCells, oitSubtitle } from './oit-text.js';
import { digitsFor, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, fitSheetColumns, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

const codeOf = (r: OitReportRow) => r.code;

/**
 * The OIT sheet as ITAS asks item by item (มี/ไม่มี ticked, the address whole, คำอธิบาย) under seed 003's
 * groups and columns, with the check's result in the seed's words and the reviewer. Printed: A4 landscape,
 * 14 pt at 100 %, column widths measured from the text to fill the page's width, header repeated.
 */
export async function buildOitXlsx(data: OitReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const rows = data.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  const cells = rows.map((r) => oitCells(r, d, codeOf));
  const widths = fitSheetColumns([[...OIT_HEADERS], ...cells], { oneLineHeader: OIT_HEADERS.map((_, i) => i), breakable: [OIT_URL_COLUMN] });
  const { workbook, sheet } = newSheet('OIT', widths, { fullSize: true });

  addSpanningRow(sheet, OIT_TITLE, { title: true });
  addSpanningRow(sheet, d(oitSubtitle(data)), { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addHeaderRow(sheet, OIT_HEADERS);
  let i = 0;
  for (const section of data.sections) {
    addSpanningRow(sheet, d(section.heading), { bold: true });
    for (const group of section.groups) {
      if (group.heading) addSpanningRow(sheet, d(group.heading), { bold: true });
      for (let n = 0; n < group.rows.length; n++) {
        // The address stays plain text: LibreOffice prints a hyperlink on one line, cut off at the cell's
        // edge, where it wraps plain text whole.
        const row = sheet.addRow(cells[i++]!);
        for (const c of OIT_CENTRED_COLUMNS) row.getCell(c + 1).alignment = { horizontal: 'center' };
        styleBodyRow(row, OIT_HEADERS.length);
      }
    }
  }
  if (rows.length === 0) addSpanningRow(sheet, OIT_NO_ITEMS);
  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  return toBuffer(workbook);
}
