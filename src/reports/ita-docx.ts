import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  digitsFor,
  estimateLines,
  fiscalYearLine,
  ITA_HEADERS,
  ITA_TITLE,
  itaIntro,
  itaScoreLine,
  lines,
  numberedSteps,
  organisationLine,
} from './report-text.js';
import { estimatePages, fitColumnWidths, rowLines } from './column-fit.js';
import { A4_LONG, BODY_SIZE, centred, MARGIN, reportDocx, TABLE_SIZE, TITLE_SIZE } from './docx-document.js';
import type { ItaReportData } from './types.js';

// Twentieths of a point; landscape A4.
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const CELL_PADDING = 80; // left and right, each

// A 14 pt Thai character is about 130 twentieths of a point wide and a table line about 420 high, so a
// landscape page holds about 22 table lines; the title block and lead-in take about 8 of the first page's.
// A short row is kept whole rather than leave a stray line on the next page; a long one flows across pages,
// as in the seeds, instead of leaving most of a page blank.
const TWIPS_PER_CHAR = 130;
const KEEP_WHOLE_LINES = 8;
const PAGE = { linesPerPage: 22, firstPageUsed: 8, keepWhole: KEEP_WHOLE_LINES, rowPadding: 0.2 };
// Narrowest a text column gets: a short Thai word, so that an empty column's header wraps to a few lines.
const MIN_COLUMN_CHARS = 7;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(paragraphs: string[], width: number, opts: { header?: boolean; center?: boolean } = {}): TableCell {
  const texts = paragraphs.length > 0 ? paragraphs : [''];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: CELL_PADDING, right: CELL_PADDING },
    children: texts.map(
      (t) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })],
        }),
    ),
  });
}

/** The cells of the measures table as printed (our numbers in the report's digits, steps numbered, the rest as typed), one text list per cell. */
function itaCells(data: ItaReportData): string[][][] {
  const d = digitsFor(data.thaiDigits);
  return data.rows.map((r, index) => [
    [d(r.number ?? index + 1)],
    lines(r.title),
    numberedSteps(r.methodSteps, d),
    lines(r.period),
    lines(r.responsible),
    lines(r.summary),
    lines(r.outcome),
  ]);
}

/**
 * Column widths sized by what this report's columns hold, and the pages the table is estimated to fill
 * (see `estimatePages`: an estimate, not a rendering).
 */
export function itaTableLayout(data: ItaReportData): { widths: number[]; pages: number } {
  const texts = [[...ITA_HEADERS], ...itaCells(data).map((row) => row.map((cell) => cell.join('\n')))];
  const padding = 2 * CELL_PADDING;
  const inner = fitColumnWidths(texts, { total: TABLE_WIDTH - ITA_HEADERS.length * padding, perChar: TWIPS_PER_CHAR, minChars: MIN_COLUMN_CHARS, exact: [0] });
  const [header, ...body] = rowLines(texts, inner, TWIPS_PER_CHAR);
  return { widths: inner.map((w) => w + padding), pages: estimatePages(header!, body, PAGE) };
}

/** The ITA measures report of seeds 000–002 as an A4 landscape Word document. */
export async function buildItaDocx(data: ItaReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const score = itaScoreLine(org);
  const { widths } = itaTableLayout(data);

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ITA_HEADERS.map((h, i) => cell([h], widths[i]!, { header: true, center: true })),
  });
  const body = itaCells(data).map((columns) => {
    const height = Math.max(...columns.map((texts, i) => estimateLines(texts.join('\n'), (widths[i]! - 2 * CELL_PADDING) / TWIPS_PER_CHAR)));
    return new TableRow({
      cantSplit: height <= KEEP_WHOLE_LINES,
      children: columns.map((texts, i) => cell(texts, widths[i]!, { center: i === 0 })),
    });
  });

  return reportDocx({
    title: `${ITA_TITLE} ${d(fiscalYearLine(org.fiscalYear))}`,
    landscape: true,
    thaiDigits: data.thaiDigits,
    generatedAt: data.generatedAt,
    children: [
      centred(ITA_TITLE, TITLE_SIZE),
      centred(d(fiscalYearLine(org.fiscalYear))),
      centred(organisationLine(org)),
      ...(score ? [centred(d(score), BODY_SIZE, false)] : []),
      new Paragraph({
        spacing: { before: 120, after: 120 },
        indent: { firstLine: 720 },
        alignment: AlignmentType.THAI_DISTRIBUTE,
        children: [new TextRun(d(itaIntro(org)))],
      }),
      new Table({
        width: { size: TABLE_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders,
        rows: [header, ...body],
      }),
    ],
  });
}
