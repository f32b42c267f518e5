import {
  digitsFor,
  fiscalYearLine,
  generatedLine,
  ITA_HEADERS,
  ITA_TITLE,
  itaIntro,
  itaScoreLine,
  numberedSteps,
  organisationLine,
} from './report-text.js';
import type { ItaReportData } from './types.js';
import { addHeaderRow, addSpanningRow, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

/** Characters, roughly; the free-text columns are wide because officers write paragraphs. */
const WIDTHS = [7, 34, 48, 18, 24, 44, 34];

/**
 * The ITA measures report as a worksheet. ลำดับ stays a real number so the sheet can be sorted;
 * Thai digits, when asked for, go into the text.
 */
export async function buildItaXlsx(data: ItaReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const { workbook, sheet } = newSheet('ITA', WIDTHS);

  addSpanningRow(sheet, ITA_TITLE, { title: true });
  addSpanningRow(sheet, d(fiscalYearLine(org.fiscalYear)), { title: true });
  addSpanningRow(sheet, organisationLine(org), { title: true });
  const score = itaScoreLine(org);
  if (score) addSpanningRow(sheet, d(score), { title: true });
  addSpanningRow(sheet, d(itaIntro(org)));

  addHeaderRow(sheet, ITA_HEADERS);
  data.rows.forEach((r, index) => {
    const row = sheet.addRow([
      r.number ?? index + 1,
      r.title,
      numberedSteps(r.methodSteps, d).join('\n'),
      r.period,
      r.responsible,
      r.summary,
      r.outcome,
    ]);
    row.getCell(1).alignment = { horizontal: 'center' };
    styleBodyRow(row, ITA_HEADERS.length);
  });

  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  sheet.headerFooter.oddFooter = `&L${d(generatedLine(data.generatedAt))}&Rหน้า &P / &N`;
  return toBuffer(workbook);
}
