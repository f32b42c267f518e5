import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fitColumnWidths } from './column-fit.js';
import { withComputedPages } from './computed-pages.js';
import { REPORT_FONT } from './report-text.js';
import { lineHeight, textWidth, wrapLines } from './text-measure.js';

/** What the three spreadsheet reports share: the Thai font, title rows, a bold framed header, A4 landscape printing. */

export const MONEY_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.00';
const TABLE_FONT_SIZE = 14;
export const BOLD_FONT: Partial<ExcelJS.Font> = { name: REPORT_FONT, size: TABLE_FONT_SIZE, bold: true };

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const frame: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

// Spreadsheet programs neither grow merged cells with their text nor, in LibreOffice's case, reliably
// re-fit wrapped rows on opening, so row heights (points) are measured here in the report font.
const TITLE_FONT_SIZE = 16;
const LINE_HEIGHT = lineHeight({ size: TABLE_FONT_SIZE });
const TITLE_LINE_HEIGHT = lineHeight({ size: TITLE_FONT_SIZE, bold: true });
const ROW_PADDING = 2; // points above and below a cell's lines

// Column widths are in characters (widths of "0") of the workbook's default font. ExcelJS makes that Calibri 11,
// which a machine without Calibri replaces by any font (DejaVu Sans made every column a third wider and the sheet
// print at 78 %); the workbook's default font is made the report font instead (`toBuffer`), so widths are
// measured in it.
const PT_PER_CHAR = textWidth('0', { size: TABLE_FONT_SIZE });
const CHAR_PADDING = 0;
/** A column's width in points, from Excel's character units. */
export const widthToPoints = (width: number): number => width * PT_PER_CHAR + CHAR_PADDING;
const pointsToWidth = (points: number): number => Math.max(1, (points - CHAR_PADDING) / PT_PER_CHAR);
// What a cell keeps free left and right of its text, in points.
export const CELL_INSET = 6;

// A4 landscape, margins in inches; what is left is the printed width and height, in points.
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.8, header: 0.3, footer: 0.3 };
export const PRINT_WIDTH = 841.89 - (MARGINS.left + MARGINS.right) * 72;
const PRINT_HEIGHT = 595.28 - (MARGINS.top + MARGINS.bottom) * 72;

/**
 * Excel widths for a table's columns from the text they hold (header row first): each column as wide as its
 * widest word, the rest of the printed width where it shortens the table most (`fitColumnWidths`).
 */
export function fitSheetColumns(rows: readonly (readonly string[])[], options: { oneLineHeader?: readonly number[]; wholeLines?: readonly number[]; breakable?: readonly number[]; boldRows?: readonly number[]; total?: number } = {}): number[] {
  const widths = fitColumnWidths(rows, {
    total: options.total ?? PRINT_WIDTH - CHAR_PADDING * (rows[0]?.length ?? 0),
    unitsPerPoint: 1,
    size: TABLE_FONT_SIZE,
    padding: CELL_INSET,
    oneLineHeader: options.oneLineHeader,
    breakable: options.breakable,
    boldRows: options.boldRows,
    wholeLines: options.wholeLines,
  });
  return widths.map((w) => Math.round(pointsToWidth(w + CHAR_PADDING) * 100) / 100);
}

export interface SheetOptions {
  /**
   * Printed at 100 %, never shrunk: for sheets whose columns are fitted to the printed width
   * (`fitSheetColumns`), so that 14 pt prints as 14 pt (the OIT sheet, the roll-up). Others are scaled to
   * the page's width.
   */
  fullSize?: boolean;
}

export function newSheet(name: string, widths: number[], options: SheetOptions = {}): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';
  return { workbook, sheet: addSheet(workbook, name, widths, options) };
}

/** Another sheet of the same workbook, set up like the first. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, widths: number[], options: SheetOptions = {}): ExcelJS.Worksheet {
  const fit: Partial<ExcelJS.PageSetup> = options.fullSize
    ? { fitToPage: false, scale: 100, horizontalCentered: true }
    : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', ...fit, margins: MARGINS },
    properties: { defaultRowHeight: LINE_HEIGHT },
  });
  sheet.columns = widths.map((width) => ({ width, style: { font: { name: REPORT_FONT, size: TABLE_FONT_SIZE } } }));
  return sheet;
}

/** Lines a text takes in a column `width` characters wide, wrapped as the spreadsheet wraps it. */
export const lineCount = (text: string, width: number, style: { size?: number; bold?: boolean } = {}): number =>
  wrapLines(text, widthToPoints(width) - CELL_INSET, { size: style.size ?? TABLE_FONT_SIZE, bold: style.bold }).length;

function fitHeight(row: ExcelJS.Row, lines: number, height = LINE_HEIGHT): void {
  row.height = Math.ceil((Math.max(1, lines) * height + 2 * ROW_PADDING) * 4) / 4;
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
  const style = { size: opts.title ? TITLE_FONT_SIZE : TABLE_FONT_SIZE, bold: Boolean(opts.title || opts.bold) };
  fitHeight(row, lineCount(text, width, style), opts.title ? TITLE_LINE_HEIGHT : LINE_HEIGHT);
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
  fitHeight(row, Math.max(...headers.map((h, i) => lineCount(h, widthOf(sheet, i + 1), { bold: true }))));
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
  fitHeight(bottom, Math.max(...columns.map((c, i) => (c.group ? lineCount(c.label, widthOf(sheet, i + 1), { bold: true }) : 1))));
  repeatHeader(sheet, top.number, bottom.number);
  return bottom;
}

/** A table row (or one of the rows a record spans, `part`): framed, wrapped, top-aligned so long Thai text reads from the top, and tall enough for it. */
export function styleBodyRow(row: ExcelJS.Row, columnCount: number, part: { first: boolean; last: boolean } = { first: true, last: true }): void {
  let lines = 1;
  for (let i = 1; i <= columnCount; i++) {
    const c = row.getCell(i);
    // A record printed over several sheet rows is framed as one cell: no rules between its rows.
    c.border = { left: thin, right: thin, ...(part.first ? { top: thin } : {}), ...(part.last ? { bottom: thin } : {}) };
    c.alignment = { vertical: 'top', wrapText: true, ...(c.alignment ?? {}) };
    if (typeof c.value === 'string') lines = Math.max(lines, lineCount(c.value, widthOf(row.worksheet, i), { bold: Boolean(c.font?.bold) }));
  }
  fitHeight(row, lines);
}

/** An unframed row whose text cells wrap in their own column, as tall as their text. */
export function wrapTextRow(row: ExcelJS.Row): void {
  let lines = 1;
  row.eachCell((c, i) => {
    if (typeof c.value !== 'string') return;
    c.alignment = { vertical: 'top', wrapText: true, ...(c.alignment ?? {}) };
    lines = Math.max(lines, lineCount(c.value, widthOf(row.worksheet, i), { bold: Boolean(c.font?.bold) }));
  });
  fitHeight(row, lines);
}

/**
 * Pages a sheet prints on, as LibreOffice and Excel lay it out: scaled (whole percents) to the printed width,
 * the repeated header rows on every page, a row never split.
 */
export function sheetPages(sheet: ExcelJS.Worksheet): number {
  let width = 0;
  for (let i = 1; i <= sheet.columnCount; i++) width += widthToPoints(widthOf(sheet, i));
  const scale = sheet.pageSetup.fitToPage ? Math.min(100, Math.floor((PRINT_WIDTH / width) * 100)) / 100 : (sheet.pageSetup.scale ?? 100) / 100;
  const height = PRINT_HEIGHT / scale;
  const titles = /^(\d+):(\d+)$/.exec(sheet.pageSetup.printTitlesRow ?? '');
  const [first, last] = titles ? [Number(titles[1]), Number(titles[2])] : [0, -1];
  const rowHeight = (n: number) => sheet.getRow(n).height ?? sheet.properties.defaultRowHeight ?? LINE_HEIGHT;
  let repeated = 0;
  for (let n = first; n <= last; n++) repeated += rowHeight(n);
  let pages = 1;
  let used = 0;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const h = rowHeight(n);
    if (used + h > height && used > 0) {
      pages++;
      used = n > last ? repeated : 0;
    }
    used += h;
  }
  return pages;
}

/** The workbook's bytes, carrying the pages its sheets print on as the `ComputedPages` document property. */
export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const pages = workbook.worksheets.reduce((n, sheet) => n + sheetPages(sheet), 0);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const styles = await zip.file('xl/styles.xml')!.async('string');
  zip.file('xl/styles.xml', styles.replace(/<fonts([^>]*)><font>[\s\S]*?<\/font>/, `<fonts$1><font><sz val="${TABLE_FONT_SIZE}"/><name val="${REPORT_FONT}"/></font>`));
  return withComputedPages(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), pages);
}
