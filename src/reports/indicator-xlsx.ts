import { INDICATOR_HEADERS, INDICATOR_TITLE, INSTRUMENT_HEADING, progressCell } from './indicator-text.js';
import type { IndicatorReportData } from './load-oit-data.js';
import { digitsFor, fiscalYearLine, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer } from './xlsx-sheet.js';

const WIDTHS = [26, 10, 56, 22, 18, 50];

/** Seed 002's indicator table as a worksheet; the score stays a number so it can be compared and charted. */
export async function buildIndicatorXlsx(data: IndicatorReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const { workbook, sheet } = newSheet('ตัวชี้วัด ITA', WIDTHS);
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
    const row = sheet.addRow([r.name, r.score, r.guideline, r.responsible, r.period, progressCell(r.progress, r.status)]);
    row.getCell(2).numFmt = PERCENT_FORMAT;
    row.getCell(2).alignment = { horizontal: 'center' };
    styleBodyRow(row, INDICATOR_HEADERS.length);
  }
  if (data.rows.length === 0) addSpanningRow(sheet, 'ยังไม่มีข้อมูลตัวชี้วัดของปีงบประมาณนี้');
  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  return toBuffer(workbook);
}
