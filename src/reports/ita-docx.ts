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
  fiscalYearLine,
  ITA_HEADERS,
  ITA_TITLE,
  itaIntro,
  itaScoreLine,
  lines,
  numberedSteps,
  organisationLine,
} from './report-text.js';
import { fitColumnWidths, rowLines } from './column-fit.js';
import { A4_LONG, BODY_SIZE, centred, MARGIN, reportDocx, TABLE_SIZE, TITLE_SIZE } from './docx-document.js';
import type { ItaReportData } from './types.js';

// Twentieths of a point; landscape A4.
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const CELL_PADDING = 80; // left and right, each
const CELL_MARGIN_Y = 40; // top and bottom, each
const TABLE_PT = TABLE_SIZE / 2;
const INTRO_SPACING = 120; // before and after the lead-in
const INTRO_INDENT = 720;
// A row up to this many lines is kept whole rather than leave a stray line on the next page; a longer one flows
// across pages, as in the seeds, instead of leaving most of a page blank.
const KEEP_WHOLE_LINES = 8;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(paragraphs: string[], width: number, opts: { header?: boolean; center?: boolean } = {}): TableCell {
  const texts = paragraphs.length > 0 ? paragraphs : [''];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: CELL_MARGIN_Y, bottom: CELL_MARGIN_Y, left: CELL_PADDING, right: CELL_PADDING },
    children: texts.map(
      (t) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })],
        }),
    ),
  });
}

/**
 * The cells of the measures table as printed, one text list per cell: rows numbered 1…n in the report's order
 * and digits (the plan's own ลำดับ repeats across its sections: ๑, ๑, ๑, ๒ …), steps numbered, the rest as typed.
 */
function itaCells(data: ItaReportData): string[][][] {
  const d = digitsFor(data.thaiDigits);
  return data.rows.map((r, index) => [
    [d(index + 1)],
    lines(r.title),
    numberedSteps(r.methodSteps, d),
    lines(r.period),
    lines(r.responsible),
    lines(r.summary),
    lines(r.outcome),
  ]);
}

/**
 * Column widths sized by what this report's columns hold (measured in the report font), and which rows are
 * short enough to keep whole on a page. The pages the document fills are computed from the file itself
 * (docx-pages.ts).
 */
export function itaTableLayout(data: ItaReportData): { widths: number[]; keepWhole: boolean[] } {
  const texts = [[...ITA_HEADERS], ...itaCells(data).map((row) => row.map((cell) => cell.join('\n')))];
  const options = { total: TABLE_WIDTH, unitsPerPoint: 20, size: TABLE_PT, padding: 2 * CELL_PADDING, oneLineHeader: [0] };
  const widths = fitColumnWidths(texts, options);
  const [, ...body] = rowLines(texts, widths, options);
  return { widths, keepWhole: body.map((n) => n <= KEEP_WHOLE_LINES) };
}

/** The ITA measures report of seeds 000–002 as an A4 landscape Word document. */
export async function buildItaDocx(data: ItaReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const score = itaScoreLine(org);
  const { widths, keepWhole } = itaTableLayout(data);
  const tableWidth = widths.reduce((a, b) => a + b, 0);

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ITA_HEADERS.map((h, i) => cell([h], widths[i]!, { header: true, center: true })),
  });
  const body = itaCells(data).map(
    (columns, r) =>
      new TableRow({
        cantSplit: keepWhole[r],
        children: columns.map((texts, i) => cell(texts, widths[i]!, { center: i === 0 })),
      }),
  );

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
        spacing: { before: INTRO_SPACING, after: INTRO_SPACING },
        indent: { firstLine: INTRO_INDENT },
        alignment: AlignmentType.THAI_DISTRIBUTE,
        children: [new TextRun(d(itaIntro(org)))],
      }),
      new Table({
        width: { size: tableWidth, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders,
        rows: [header, ...body],
      }),
    ],
  });
}
