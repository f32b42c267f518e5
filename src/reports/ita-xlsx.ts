import {
  digitsFor,
  fiscalYearLine,
  generatedLine,
  ITA_HEADERS,
  ITA_TITLE,
  itaIntro,
  itaScoreLine,
  lines,
  numberedSteps,
  organisationLine,
} from './report-text.js';
import type { ItaReportData } from './types.js';
import { addHeaderRow, addSpanningRow, fitSheetColumns, lineCount, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

/** The cells of a measure, each as its lines (paragraphs): numbered 1…n in the report's order, in its digits. */
function itaCells(data: ItaReportData): string[][][] {
  const d = digitsFor(data.thaiDigits);
  return data.rows.map((r, index) => [[d(index + 1)], lines(r.title), numberedSteps(r.methodSteps, d), lines(r.period), lines(r.responsible), lines(r.summary), lines(r.outcome)]);
}

// A sheet row holds up to this many lines of a column: well under a page, so that page breaks fall between them.
const LINES_PER_ROW = 10;

/** A column's paragraphs in groups of whole paragraphs of up to `LINES_PER_ROW` lines (a longer paragraph alone). */
function chunks(paragraphs: string[], width: number): string[] {
  const out: string[][] = [];
  let lines = 0;
  for (const p of paragraphs) {
    const n = lineCount(p, width);
    if (out.length === 0 || lines + n > LINES_PER_ROW) {
      out.push([p]);
      lines = n;
    } else {
      out.at(-1)!.push(p);
      lines += n;
    }
  }
  return out.map((group) => group.join('\n'));
}

/**
 * The ITA measures report as a worksheet, columns sized by what they hold. A spreadsheet row never breaks
 * across pages, and a measure's steps and results run longer than a page, so a long measure spans several sheet
 * rows, each holding whole paragraphs, framed together as one record. ลำดับ prints in the report's digits like the steps
 * beside it (a sheet once mixed "1" with "๑.").
 */
export async function buildItaXlsx(data: ItaReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const cells = itaCells(data);
  const widths = fitSheetColumns([[...ITA_HEADERS], ...cells.map((row) => row.map((c) => c.join('\n')))], { oneLineHeader: [0] });
  const { workbook, sheet } = newSheet('ITA', widths);

  addSpanningRow(sheet, ITA_TITLE, { title: true });
  addSpanningRow(sheet, d(fiscalYearLine(org.fiscalYear)), { title: true });
  addSpanningRow(sheet, organisationLine(org), { title: true });
  const score = itaScoreLine(org);
  if (score) addSpanningRow(sheet, d(score), { title: true });
  addSpanningRow(sheet, d(itaIntro(org)));

  addHeaderRow(sheet, ITA_HEADERS);
  for (const columns of cells) {
    const chunked = columns.map((paragraphs, c) => chunks(paragraphs, widths[c]!));
    const parts = Math.max(1, ...chunked.map((c) => c.length));
    for (let k = 0; k < parts; k++) {
      const row = sheet.addRow(chunked.map((c) => c[k] ?? ''));
      row.getCell(1).alignment = { horizontal: 'center' };
      styleBodyRow(row, ITA_HEADERS.length, { first: k === 0, last: k === parts - 1 });
    }
  }

  sheet.addRow([]);
  addSpanningRow(sheet, d(generatedLine(data.generatedAt)));
  sheet.headerFooter.oddFooter = `&L${d(generatedLine(data.generatedAt))}&Rหน้า &P / &N`;
  return toBuffer(workbook);
}
