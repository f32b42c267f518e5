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
import { wrapLines } from './text-measure.js';
import { addHeaderRow, addSpanningRow, CELL_INSET, fitSheetColumns, newSheet, styleBodyRow, toBuffer, widthToPoints } from './xlsx-sheet.js';

/** The cells of a measure, each as its lines (paragraphs): numbered 1…n in the report's order, in its digits. */
function itaCells(data: ItaReportData): string[][][] {
  const d = digitsFor(data.thaiDigits);
  return data.rows.map((r, index) => [[d(index + 1)], lines(r.title), numberedSteps(r.methodSteps, d), lines(r.period), lines(r.responsible), lines(r.summary), lines(r.outcome)]);
}

// A sheet row holds up to this many lines of a column: page breaks fall between sheet rows, so short rows leave
// little of a page blank and let the first measure start under the title block.
const LINES_PER_ROW = 4;

/**
 * A column's paragraphs in groups of up to `LINES_PER_ROW` lines as the column wraps them: whole paragraphs
 * where they fit, a longer paragraph cut between its wrapped lines (the printed text reads on unbroken, the
 * frame has no rule between a record's rows).
 */
function chunks(paragraphs: string[], width: number): string[] {
  const lines = paragraphs.flatMap((p) => {
    const wrapped = wrapLines(p, widthToPoints(width) - CELL_INSET, { size: 14 });
    if (wrapped.length <= LINES_PER_ROW || wrapped.some((l, i) => i > 0 && !p.includes(l))) return [{ text: p, lines: wrapped.length, start: true }];
    // Cut the paragraph itself where its wrapped lines start, so nothing of it is lost or added.
    const out: { text: string; lines: number; start: boolean }[] = [];
    let from = 0;
    for (let i = 0; i < wrapped.length; i += LINES_PER_ROW) {
      const last = wrapped[Math.min(i + LINES_PER_ROW, wrapped.length) - 1]!;
      const to = i + LINES_PER_ROW >= wrapped.length ? p.length : p.indexOf(last, from) + last.length;
      out.push({ text: p.slice(from, to).trim(), lines: Math.min(LINES_PER_ROW, wrapped.length - i), start: i === 0 });
      from = to;
    }
    return out;
  });
  const groups: { texts: string[]; lines: number }[] = [];
  for (const piece of lines) {
    const group = groups.at(-1);
    if (!group || group.lines + piece.lines > LINES_PER_ROW) groups.push({ texts: [piece.text], lines: piece.lines });
    else {
      group.texts.push(piece.text);
      group.lines += piece.lines;
    }
  }
  return groups.map((g) => g.texts.join('\n'));
}

/**
 * The ITA measures report as a worksheet, columns sized by what they hold. A spreadsheet row never breaks
 * across pages, and a measure's steps and results run longer than a page, so a long measure spans several sheet
 * rows of a few lines each, framed together as one record. ลำดับ prints in the report's digits like the steps
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
