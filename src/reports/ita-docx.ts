import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  NumberFormat,
  PageNumber,
  PageOrientation,
  Packer,
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
  generatedLine,
  ITA_HEADERS,
  ITA_TITLE,
  itaIntro,
  itaScoreLine,
  lines,
  numberedSteps,
  organisationLine,
  REPORT_FONT,
} from './report-text.js';
import type { ItaReportData } from './types.js';

// Twentieths of a point. A4 is 11906 × 16838; landscape swaps them.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134; // 2 cm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
/** Shares of the table width, summing to 100: the long free-text columns get the room. */
const COLUMN_SHARES = [5, 17, 23, 10, 11, 20, 14];
const COLUMN_WIDTHS = COLUMN_SHARES.map((s) => Math.floor((TABLE_WIDTH * s) / 100));

// Half-points: 16 pt body, 14 pt table, as the seeds print.
const BODY_SIZE = 32;
const TABLE_SIZE = 28;
const TITLE_SIZE = 36;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(paragraphs: string[], width: number, opts: { bold?: boolean; center?: boolean } = {}): TableCell {
  const texts = paragraphs.length > 0 ? paragraphs : [''];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.center ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: texts.map(
      (t) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: t, bold: opts.bold, size: TABLE_SIZE })],
        }),
    ),
  });
}

function centred(text: string, size = BODY_SIZE, bold = true): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, size })] });
}

/** The ITA measures report of seeds 000–002 as an A4 landscape Word document. */
export async function buildItaDocx(data: ItaReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const score = itaScoreLine(org);

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ITA_HEADERS.map((h, i) => cell([h], COLUMN_WIDTHS[i]!, { bold: true, center: true })),
  });
  const body = data.rows.map(
    (r, index) =>
      new TableRow({
        children: [
          cell([d(r.number ?? index + 1)], COLUMN_WIDTHS[0]!, { center: true }),
          cell(lines(d(r.title)), COLUMN_WIDTHS[1]!),
          cell(numberedSteps(r.methodSteps).map(d), COLUMN_WIDTHS[2]!),
          cell(lines(d(r.period)), COLUMN_WIDTHS[3]!),
          cell(lines(d(r.responsible)), COLUMN_WIDTHS[4]!),
          cell(lines(d(r.summary)), COLUMN_WIDTHS[5]!),
          cell(lines(d(r.outcome)), COLUMN_WIDTHS[6]!),
        ],
      }),
  );

  const doc = new Document({
    creator: 'Prongsai',
    title: `${ITA_TITLE} ${d(fiscalYearLine(org.fiscalYear))}`,
    styles: {
      default: {
        document: {
          run: { font: REPORT_FONT, size: BODY_SIZE, language: { value: 'th-TH', bidirectional: 'th-TH' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
            // Word then prints page numbers in the same digits as the rest of the document.
            pageNumbers: { start: 1, formatType: data.thaiDigits ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${d(generatedLine(data.generatedAt))}  หน้า `, size: TABLE_SIZE }), new TextRun({ children: [PageNumber.CURRENT], size: TABLE_SIZE })],
              }),
            ],
          }),
        },
        children: [
          centred(ITA_TITLE, TITLE_SIZE),
          centred(d(fiscalYearLine(org.fiscalYear))),
          centred(d(organisationLine(org))),
          ...(score ? [centred(d(score), BODY_SIZE, false)] : []),
          new Paragraph({
            spacing: { before: 120, after: 120 },
            indent: { firstLine: 720 },
            alignment: AlignmentType.THAI_DISTRIBUTE,
            children: [new TextRun(d(itaIntro(org)))],
          }),
          new Table({
            width: { size: TABLE_WIDTH, type: WidthType.DXA },
            columnWidths: COLUMN_WIDTHS,
            layout: TableLayoutType.FIXED,
            borders,
            rows: [header, ...body],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
