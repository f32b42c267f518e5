import { OIT_HEADERS, OIT_TITLE } from './indicator-text.js';
import type { OitReportData } from './load-oit-data.js';
import { fiscalYearLine, generatedLine, organisationLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

const WIDTHS = [7, 9, 36, 20, 10, 40, 40, 22, 16, 18, 18, 26];

/**
 * The OIT answers laid out for copying into ITAS item by item: มี/ไม่มี, URL and คำอธิบาย as the form asks,
 * with who answered, who signed off and when, and the last link check. Addresses are real hyperlinks.
 */
export async function buildOitXlsx(data: OitReportData): Promise<Buffer> {
  const { workbook, sheet } = newSheet('OIT', WIDTHS);
  addSpanningRow(sheet, OIT_TITLE, { title: true });
  addSpanningRow(sheet, fiscalYearLine(data.organisation.fiscalYear), { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addHeaderRow(sheet, OIT_HEADERS);
  for (const r of data.rows) {
    const row = sheet.addRow([r.code, r.indicator, r.title, r.owner, r.answer, r.url, r.explanation, r.answeredBy, r.state, r.reviewedBy, r.reviewedAt, r.linkCheck]);
    if (r.url) row.getCell(6).value = { text: r.url, hyperlink: r.url };
    for (const c of [1, 2, 5]) row.getCell(c).alignment = { horizontal: 'center' };
    styleBodyRow(row, OIT_HEADERS.length);
  }
  if (data.rows.length === 0) addSpanningRow(sheet, 'ยังไม่มีรายการข้อ OIT ของปีงบประมาณนี้');
  sheet.addRow([]);
  addSpanningRow(sheet, generatedLine(data.generatedAt));
  return toBuffer(workbook);
}
