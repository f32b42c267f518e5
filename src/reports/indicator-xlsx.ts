import { INDICATOR_HEADERS, INDICATOR_TITLE, INSTRUMENT_HEADING, progressCell } from './indicator-text.js';
import type { IndicatorReportData } from './types.js';
import { digitsFor, fiscalYearLine, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, fitSheetColumns, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer } from './xlsx-sheet.js';

/** Seed 002's indicator table as a worksheet; the score stays a number so it can be compared and charted. */
export async function buildIndicatorXlsx(data: IndicatorReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const cells = (r: IndicatorReportData['rows'][number]) => [r.name, r.score, r.guideline, r.responsible, r.period, progressCell(r.progress, r.status)];
  // Widths measured from the text as printed (the score as its format shows it), at 100 % on the landscape page.
  const widths = fitSheetColumns([[...INDICATOR_HEADERS], ...data.rows.map((r) => cells(r).map((c) => (typeof c === 'number' ? c.toFixed(2) : (c ?? ''))))]);
  const { workbook, sheet } = newSheet('ตัวชี้วัด ITA', widths, { fullSize: true });
  addSpanningRow(sheet, INDICATOR_TITLE, { title: true });
  addSpanningRow(sheet, d(fiscalYearLine(data.organisation.fiscalYear)), { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addHeaderRow(sheet, INDICATOR_HEADERS);
  let instrument: string | null = null;
  for (const r of data.rows) {
    if (r.instrument !== instrument) {
      instrument = r.instrument;
      addSpanningRow(sheet, INSTRUMENT_HEADING[r.instrument], { bold: true });
    }
    const row = sheet.addRow(cells(r));
    row.getCell(2).numFmt = PERCENT_FORMAT;
    row.getCell(2).alignment = { horizontal: 'center' };
    styleBodyRow(row, INDICATOR_HEADERS.length);
  }
  if (data.rows.length === 0) addSpanningRow(sheet, 'ยังไม่มีข้อมูลตัวชี้วัดของปีงบประมาณนี้');
  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  return toBuffer(workbook);
}
