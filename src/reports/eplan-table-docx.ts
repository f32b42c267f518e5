import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { STATUS_TH } from '../domain/statuses.js';
import { fitColumnWidths } from './column-fit.js';
import { A4_LONG, MARGIN, TABLE_SIZE } from './docx-document.js';
import { EPLAN_LEAD_HEADERS, EPLAN_NOTE_HEADER, EPLAN_STATUS_COLUMNS, EPLAN_STATUS_GROUP, eplanMarks, eplanNote, lines, moneyText } from './report-text.js';
import type { EplanReportData } from './types.js';

/** Seed 004's E-PlanNACC table in a Word document: ลำดับ … เบิกจ่าย, four ticked status columns under สถานะ, หมายเหตุ. */

type Digits = (t: string | number) => string;

// Twentieths of a point; landscape A4: ten columns at 14 pt do not fit a portrait page without breaking words.
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const CELL_PADDING = 60; // left and right, each
// Headers broken where seed 004 breaks them, so the narrow columns stay as narrow as the seed's.
const HEADER_LINES: Record<string, string[]> = {
  'งบประมาณ (บาท)': ['งบประมาณ', '(บาท)'],
  'เบิกจ่าย (บาท)': ['เบิกจ่าย', '(บาท)'],
  [STATUS_TH.awaiting_report]: ['รอ', 'รายงาน'],
  [STATUS_TH.in_progress]: ['อยู่', 'ระหว่าง', 'ดำเนิน', 'การ'],
  [STATUS_TH.completed]: ['ดำเนิน', 'การ', 'แล้วเสร็จ'],
  [STATUS_TH.cannot_proceed]: ['ไม่', 'สามารถ', 'ดำเนิน', 'การได้'],
};
const headerLines = (h: string): string[] => HEADER_LINES[h] ?? [h];
const HEADERS = [...EPLAN_LEAD_HEADERS, ...EPLAN_STATUS_COLUMNS.map((s) => STATUS_TH[s]), EPLAN_NOTE_HEADER];
const COLUMNS = HEADERS.length;
const STATUS_FROM = EPLAN_LEAD_HEADERS.length;
const CENTRED = new Set([0, 2, ...EPLAN_STATUS_COLUMNS.map((_, i) => STATUS_FROM + i)]);
const RIGHT = new Set([3, 4]);

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(texts: string[], width: number, opts: { header?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; columnSpan?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 30, bottom: 30, left: CELL_PADDING, right: CELL_PADDING },
    children: (texts.length > 0 ? texts : ['']).map(
      (t) => new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [new TextRun({ text: t, bold: opts.header, size: TABLE_SIZE })] }),
    ),
  });
}

/** The printed cells of each project row and of the totals row: our figures in the document's digits, the rest as typed. */
function bodyCells(data: EplanReportData, d: Digits): string[][][] {
  const rows = data.rows.map((r, index) => [
    [d(r.number ?? index + 1)],
    lines(r.title),
    [r.dimension === null ? '' : d(r.dimension)],
    [d(moneyText(r.budget))],
    [d(moneyText(r.disbursed))],
    ...eplanMarks(r.status).map((m) => [m]),
    lines(eplanNote(r.status, r.latest, d)),
  ]);
  const total = [[''], ['รวม'], [''], [d(moneyText(data.summary.budget))], [d(moneyText(data.summary.disbursed))], ...EPLAN_STATUS_COLUMNS.map(() => ['']), ['']];
  return [...rows, total];
}

/** Column widths (cell padding included) from what this table's columns hold. */
export function eplanTableWidths(data: EplanReportData, d: Digits): number[] {
  const texts = [HEADERS.map((h) => headerLines(h).join('\n')), ...bodyCells(data, d).map((row) => row.map((c) => c.join('\n')))];
  // Every header line whole, where the seed breaks it ("งบประมาณ", not "งบ|ประมาณ"); the number, tick and money
  // columns need no more than their longest line, the rest goes to the project's name and หมายเหตุ.
  return fitColumnWidths(texts, { total: TABLE_WIDTH, unitsPerPoint: 20, size: TABLE_SIZE / 2, padding: 2 * CELL_PADDING, oneLineHeader: HEADERS.map((_, i) => i) });
}

export function eplanTableDocx(data: EplanReportData, d: Digits): Table {
  const widths = eplanTableWidths(data, d);
  const statusWidth = EPLAN_STATUS_COLUMNS.reduce((n, _, i) => n + widths[STATUS_FROM + i]!, 0);
  const centre = AlignmentType.CENTER;
  // Two header rows as the seed: สถานะ spans its four columns, the others span both rows.
  const top = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      ...EPLAN_LEAD_HEADERS.map((h, i) => cell(headerLines(h), widths[i]!, { header: true, align: centre, rowSpan: 2 })),
      cell([EPLAN_STATUS_GROUP], statusWidth, { header: true, align: centre, columnSpan: EPLAN_STATUS_COLUMNS.length }),
      cell([EPLAN_NOTE_HEADER], widths[COLUMNS - 1]!, { header: true, align: centre, rowSpan: 2 }),
    ],
  });
  const second = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: EPLAN_STATUS_COLUMNS.map((s, i) => cell(headerLines(STATUS_TH[s]), widths[STATUS_FROM + i]!, { header: true, align: centre })),
  });
  const body = bodyCells(data, d).map(
    (columns, r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((texts, i) =>
          cell(texts, widths[i]!, { header: r === data.rows.length && i === 1, align: CENTRED.has(i) ? centre : RIGHT.has(i) ? AlignmentType.RIGHT : AlignmentType.LEFT }),
        ),
      }),
  );
  return new Table({ width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders, rows: [top, second, ...body] });
}
