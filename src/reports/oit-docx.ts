import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { fitColumnWidths } from './column-fit.js';
import { A4_LONG, BODY_SIZE, centred, MARGIN, reportDocx, TABLE_SIZE, TITLE_SIZE } from './docx-document.js';
import type { OitReportData, OitReportRow } from './load-oit-data.js';
import { OIT_CENTRED_COLUMNS, OIT_HEADERS, OIT_NO_ITEMS, OIT_TITLE, OIT_URL_COLUMN, oitCells, oitSubtitle } from './oit-text.js';
import { digitsFor, lines, organisationLine } from './report-text.js';

// Twentieths of a point; landscape A4, as nine columns at 14 pt need.
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const CELL_PADDING = 80; // left and right, each

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(text: string, width: number, opts: { header?: boolean; center?: boolean } = {}): TableCell {
  const paragraphs = lines(text);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: CELL_PADDING, right: CELL_PADDING },
    children: (paragraphs.length > 0 ? paragraphs : ['']).map(
      (t) => new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })] }),
    ),
  });
}

const heading = (text: string) => new Paragraph({ spacing: { before: 200, after: 100 }, keepNext: true, children: [new TextRun({ text, bold: true, size: BODY_SIZE })] });

/**
 * Seed 003's OIT part as a Word document to file: under each indicator and sub-indicator a table of the items
 * (ข้อ ๐๑…, ข้อมูล, องค์ประกอบด้านข้อมูล) with มี/ไม่มี ticked, the address, คำอธิบาย, what the check found in the
 * seed's words ("มีข้อมูลครบถ้วน", "ไม่พบข้อมูล") and who checked. The same widths for every table.
 */
export async function buildOitDocx(data: OitReportData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  // Seed 003 numbers the items ๐๑…๔๓.
  const codeOf = (r: OitReportRow) => d(String(r.number).padStart(2, '0'));
  const all = data.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
  const cells = all.map((r) => oitCells(r, d, codeOf));
  // One set of widths, measured in the report font over every item, for every group's table.
  const widths = fitColumnWidths([[...OIT_HEADERS], ...cells], {
    total: TABLE_WIDTH,
    unitsPerPoint: 20,
    size: TABLE_SIZE / 2,
    padding: 2 * CELL_PADDING,
    oneLineHeader: OIT_HEADERS.map((_, i) => i),
    breakable: [OIT_URL_COLUMN],
  });
  const centre = new Set(OIT_CENTRED_COLUMNS);

  const table = (rows: OitReportRow[]) =>
    new Table({
      width: { size: TABLE_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders,
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: OIT_HEADERS.map((h, i) => cell(h, widths[i]!, { header: true, center: true })) }),
        // An item's few lines stay together on one page.
        ...rows.map((r) => new TableRow({ cantSplit: true, children: oitCells(r, d, codeOf).map((t, i) => cell(t, widths[i]!, { center: centre.has(i) })) })),
      ],
    });

  const body = data.sections.flatMap((s) => [
    heading(d(s.heading)),
    ...s.groups.flatMap((g) => [...(g.heading ? [heading(d(g.heading))] : []), table(g.rows)]),
  ]);
  return reportDocx({
    title: `${OIT_TITLE} ${d(oitSubtitle(data))}`,
    landscape: true,
    thaiDigits: data.thaiDigits,
    generatedAt: data.generatedAt,
    children: [
      centred(OIT_TITLE, TITLE_SIZE),
      centred(d(oitSubtitle(data))),
      centred(organisationLine(data.organisation)),
      ...(all.length > 0 ? body : [new Paragraph({ children: [new TextRun(OIT_NO_ITEMS)] })]),
    ],
  });
}
