import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { INDICATOR_HEADERS, INDICATOR_TITLE, INSTRUMENT_HEADING, progressCell } from './indicator-text.js';
import type { IndicatorReportData } from './types.js';
import { fitColumnWidths } from './column-fit.js';
import { DOCX_LANGUAGE } from './docx-document.js';
import { withDocxPages } from './docx-pages.js';
import { digitsFor, fiscalYearLine, generatedLine, lines, organisationLine, REPORT_FONT } from './report-text.js';

// Twentieths of a point: A4 landscape with 2 cm margins, as the ITA measures report prints.
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134;
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const BODY_SIZE = 32;
const TABLE_SIZE = 28;
const TITLE_SIZE = 36;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(texts: string[], width: number, opts: { header?: boolean; center?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: (texts.length > 0 ? texts : ['']).map(
      (t) => new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })] }),
    ),
  });
}

const centred = (text: string, size = BODY_SIZE) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold: true, size })] });

/** Seed 002's "แนวทางในการยกระดับ…" table, one row per indicator grouped by IIT, EIT and OIT, as a Word document. */
export async function buildIndicatorDocx(data: IndicatorReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const cellsOf = (r: IndicatorReportData['rows'][number]) => [[r.name], [r.score === null ? '-' : d(r.score.toFixed(2))], lines(r.guideline), lines(r.responsible), lines(r.period), lines(progressCell(r.progress, r.status))];
  // Widths from the measured text, so that no word breaks (column-fit.ts).
  const COLUMN_WIDTHS = fitColumnWidths([[...INDICATOR_HEADERS], ...data.rows.map((r) => cellsOf(r).map((c) => c.join('\n')))], { total: TABLE_WIDTH, unitsPerPoint: 20, size: TABLE_SIZE / 2, padding: 160 });
  const tableWidth = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: INDICATOR_HEADERS.map((h, i) => cell([h], COLUMN_WIDTHS[i]!, { header: true, center: true })) });
  const rows: TableRow[] = [header];
  let instrument: string | null = null;
  for (const r of data.rows) {
    if (r.instrument !== instrument) {
      instrument = r.instrument;
      rows.push(new TableRow({ cantSplit: true, children: [cell([INSTRUMENT_HEADING[r.instrument]], tableWidth, { header: true, span: INDICATOR_HEADERS.length })] }));
    }
    const columns = cellsOf(r);
    rows.push(new TableRow({ children: columns.map((texts, i) => cell(texts, COLUMN_WIDTHS[i]!, { center: i === 1 })) }));
  }
  const doc = new Document({
    creator: 'Prongsai',
    title: `${INDICATOR_TITLE} ${d(fiscalYearLine(data.organisation.fiscalYear))}`,
    styles: { default: { document: { run: { font: REPORT_FONT, size: BODY_SIZE, language: DOCX_LANGUAGE } } } },
    sections: [
      {
        properties: { page: { size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: [
          centred(INDICATOR_TITLE, TITLE_SIZE),
          centred(d(fiscalYearLine(data.organisation.fiscalYear))),
          centred(organisationLine(data.organisation)),
          new Paragraph({ text: '' }),
          ...(data.rows.length > 0
            ? [new Table({ width: { size: tableWidth, type: WidthType.DXA }, columnWidths: COLUMN_WIDTHS, layout: TableLayoutType.FIXED, borders, rows })]
            : [new Paragraph({ children: [new TextRun('ยังไม่มีข้อมูลตัวชี้วัดของปีงบประมาณนี้')] })]),
          new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: d(generatedLine(data.generatedAt)), size: TABLE_SIZE })] }),
        ],
      },
    ],
  });
  return withDocxPages(await Packer.toBuffer(doc));
}
