import ExcelJS from 'exceljs';
import { estimateLines, REPORT_FONT } from './report-text.js';

/** What the three spreadsheet reports share: the Thai font, title rows, a bold framed header, A4 landscape printing. */

export const MONEY_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00';
const TABLE_FONT_SIZE = 14;
export const BOLD_FONT: Partial<ExcelJS.Font> = { name: REPORT_FONT, size: TABLE_FONT_SIZE, bold: true };

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const frame: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// Spreadsheet programs neither grow merged cells with their text nor, in LibreOffice's case, reliably
// re-fit wrapped rows on opening, so row heights (points) are estimated here.
const LINE_HEIGHT = 24;
const TITLE_LINE_HEIGHT = 26;
const CHARS_PER_WIDTH = 0.7;

export function newSheet(name: string, widths: number[]): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';
  return { workbook, sheet: addSheet(workbook, name, widths) };
}

/** Another sheet of the same workbook, set up like the first. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    properties: { defaultRowHeight: LINE_HEIGHT },
  });
  sheet.columns = widths.map((width) => ({ width, style: { font: { name: REPORT_FONT, size: TABLE_FONT_SIZE } } }));
  return sheet;
}

const lineCount = (text: string, width: number): number => estimateLines(text, width * CHARS_PER_WIDTH);

function fitHeight(row: ExcelJS.Row, lines: number, lineHeight = LINE_HEIGHT): void {
  row.height = Math.max(1, lines) * lineHeight;
}

const widthOf = (sheet: ExcelJS.Worksheet, column: number) => sheet.getColumn(column).width ?? 10;

/** A line of text across the whole table width; titles are centred and bold. */
export function addSpanningRow(sheet: ExcelJS.Worksheet, text: string, opts: { title?: boolean; bold?: boolean } = {}): ExcelJS.Row {
  const row = sheet.addRow([text]);
  const columns = sheet.columns.length;
  sheet.mergeCells(row.number, 1, row.number, columns);
  const c = row.getCell(1);
  c.font = { name: REPORT_FONT, size: opts.title ? 16 : TABLE_FONT_SIZE, bold: Boolean(opts.title || opts.bold) };
  c.alignment = { horizontal: opts.title ? 'center' : 'left', vertical: 'middle', wrapText: true };
  let width = 0;
  for (let i = 1; i <= columns; i++) width += widthOf(sheet, i);
  fitHeight(row, lineCount(text, width), opts.title ? TITLE_LINE_HEIGHT : LINE_HEIGHT);
  return row;
}

function styleHeaderCell(c: ExcelJS.Cell): void {
  c.font = BOLD_FONT;
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  c.border = frame;
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
}

/** The header rows stay in view while scrolling and are printed again on every page. */
function repeatHeader(sheet: ExcelJS.Worksheet, first: number, last: number): void {
  sheet.views = [{ state: 'frozen', ySplit: last, xSplit: 0 }];
  sheet.pageSetup.printTitlesRow = `${first}:${last}`;
}

/** The column header: bold, framed, frozen while scrolling and repeated on every printed page. */
export function addHeaderRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): ExcelJS.Row {
  const row = sheet.addRow([...headers]);
  row.eachCell(styleHeaderCell);
  fitHeight(row, Math.max(...headers.map((h, i) => lineCount(h, widthOf(sheet, i + 1)))));
  repeatHeader(sheet, row.number, row.number);
  return row;
}

/**
 * A two-row header as the official forms draw it: a column of a group (E-PlanNACC's four status columns under
 * สถานะ) has the group's name above its own; any other column's name spans both rows. Returns the lower row.
 */
export function addGroupedHeader(sheet: ExcelJS.Worksheet, columns: readonly { label: string; group?: string }[]): ExcelJS.Row {
  const top = sheet.addRow(columns.map((c) => c.group ?? c.label));
  const bottom = sheet.addRow(columns.map((c) => (c.group ? c.label : '')));
  for (let i = 1; i <= columns.length; i++) {
    styleHeaderCell(top.getCell(i));
    styleHeaderCell(bottom.getCell(i));
  }
  columns.forEach((c, i) => {
    if (!c.group) sheet.mergeCells(top.number, i + 1, bottom.number, i + 1);
    else if (columns[i - 1]?.group !== c.group) {
      let end = i;
      while (columns[end + 1]?.group === c.group) end++;
      if (end > i) sheet.mergeCells(top.number, i + 1, top.number, end + 1);
    }
  });
  fitHeight(top, 1);
  fitHeight(bottom, Math.max(...columns.map((c, i) => (c.group ? lineCount(c.label, widthOf(sheet, i + 1)) : 1))));
  repeatHeader(sheet, top.number, bottom.number);
  return bottom;
}

/** A table row: framed, wrapped, top-aligned so long Thai text reads from the top, and tall enough for it. */
export function styleBodyRow(row: ExcelJS.Row, columnCount: number): void {
  let lines = 1;
  for (let i = 1; i <= columnCount; i++) {
    const c = row.getCell(i);
    c.border = frame;
    c.alignment = { vertical: 'top', wrapText: true, ...(c.alignment ?? {}) };
    if (typeof c.value === 'string') lines = Math.max(lines, lineCount(c.value, widthOf(row.worksheet, i)));
  }
  fitHeight(row, lines);
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
