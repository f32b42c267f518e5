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
  estimateLines,
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
const COLUMN_SHARES = [6, 17, 21, 11, 11, 20, 14];
const COLUMN_WIDTHS = COLUMN_SHARES.map((s) => Math.floor((TABLE_WIDTH * s) / 100));

// A 14 pt Thai character is about 130 twentieths of a point wide; a landscape page holds about 24 table
// lines under the header. A short row is kept whole rather than leave a stray line on the next page; a long
// one flows across pages, as in the seeds, instead of leaving most of a page blank.
const TWIPS_PER_CHAR = 130;
const KEEP_WHOLE_LINES = 8;

// Half-points: 16 pt body, 14 pt table, as the seeds print.
const BODY_SIZE = 32;
const TABLE_SIZE = 28;
const TITLE_SIZE = 36;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(paragraphs: string[], width: number, opts: { header?: boolean; center?: boolean } = {}): TableCell {
  const texts = paragraphs.length > 0 ? paragraphs : [''];
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: texts.map(
      (t) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })],
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
    children: ITA_HEADERS.map((h, i) => cell([h], COLUMN_WIDTHS[i]!, { header: true, center: true })),
  });
  const body = data.rows.map((r, index) => {
    const columns = [
      [d(r.number ?? index + 1)],
      lines(d(r.title)),
      numberedSteps(r.methodSteps).map(d),
      lines(d(r.period)),
      lines(d(r.responsible)),
      lines(d(r.summary)),
      lines(d(r.outcome)),
    ];
    const height = Math.max(...columns.map((texts, i) => estimateLines(texts.join('\n'), COLUMN_WIDTHS[i]! / TWIPS_PER_CHAR)));
    return new TableRow({
      cantSplit: height <= KEEP_WHOLE_LINES,
      children: columns.map((texts, i) => cell(texts, COLUMN_WIDTHS[i]!, { center: i === 0 })),
    });
  });

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
