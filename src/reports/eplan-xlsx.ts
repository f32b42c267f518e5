import type ExcelJS from 'exceljs';
import { STATUS_TH } from '../domain/statuses.js';
import {
  asOfLine,
  EPLAN_LEAD_HEADERS,
  EPLAN_NOTE_HEADER,
  EPLAN_STATUS_COLUMNS,
  EPLAN_STATUS_GROUP,
  eplanMarks,
  eplanNote,
  eplanSummaryItems,
  eplanTitle,
  fiscalYearLine,
  generatedLine,
  implementationFormulaLine,
  organisationLine,
  reporterLine,
  roundNotEndedLine,
  thresholdsLine,
} from './report-text.js';
import type { EplanReportData } from './types.js';
import { addGroupedHeader, addSpanningRow, BOLD_FONT, fitSheetColumns, MONEY_FORMAT, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer, wrapTextRow } from './xlsx-sheet.js';

const COLUMNS = [
  ...EPLAN_LEAD_HEADERS.map((label) => ({ label })),
  ...EPLAN_STATUS_COLUMNS.map((st) => ({ label: STATUS_TH[st], group: EPLAN_STATUS_GROUP })),
  { label: EPLAN_NOTE_HEADER },
];
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Column widths measured from the table as it prints (header, projects, the bold totals row), filling the
 * landscape page at 100 %: an empty หมายเหตุ stays narrow and the project's name gets the room.
 */
function eplanWidths(data: EplanReportData): number[] {
  const rows = data.rows.map((r, index) => [String(r.number ?? index + 1), r.title, String(r.dimension ?? ''), money(r.budget), money(r.disbursed), ...eplanMarks(r.status), eplanNote(r.status, r.latest)]);
  const total = ['', 'รวม', '', money(data.summary.budget), money(data.summary.disbursed), ...EPLAN_STATUS_COLUMNS.map(() => ''), ''];
  // The summary below the table sets its label, figure and unit in columns 2, 4 and 5: the unit's word fits too.
  const summary = eplanSummaryItems(data.summary).map((item) => {
    const value = item.kind === 'money' ? money(item.value) : item.kind === 'percent' ? item.value.toFixed(2) : String(item.value);
    return ['', `- ${item.label}`, '', value, item.unit ?? '', ...EPLAN_STATUS_COLUMNS.map(() => ''), ''];
  });
  return fitSheetColumns([COLUMNS.map((c) => c.label), ...rows, total, ...summary], { oneLineHeader: [0], boldRows: [rows.length + 1] });
}
const FIRST_MARK_COL = EPLAN_LEAD_HEADERS.length + 1;
const BUDGET_COL = 4;
const DISBURSED_COL = 5;
const VALUE_COL = 4;
const UNIT_COL = 5;

const colLetter = (n: number) => String.fromCharCode(64 + n);

function addList(sheet: ExcelJS.Worksheet, heading: string, items: string[]): void {
  addSpanningRow(sheet, heading, { bold: true });
  const texts = items.map((t) => t.trim()).filter(Boolean);
  if (texts.length === 0) addSpanningRow(sheet, '-');
  texts.forEach((t, i) => addSpanningRow(sheet, `${i + 1}. ${t}`));
}

/**
 * Seed 004's E-PlanNACC table with its summary block. Money stays numeric (formatted #,##0.00) so the
 * sheet can be checked and summed; the totals row is a formula carrying its computed result.
 */
export async function buildEplanXlsx(data: EplanReportData): Promise<Buffer> {
  const org = data.organisation;
  const { workbook, sheet } = newSheet('E-PlanNACC', eplanWidths(data), { fullSize: true });

  addSpanningRow(sheet, eplanTitle(data.round), { title: true });
  addSpanningRow(sheet, `${organisationLine(org)} ${fiscalYearLine(org.fiscalYear)}`, { title: true });
  addSpanningRow(sheet, asOfLine(data.asOf), { title: true });
  if (!data.roundEnded) addSpanningRow(sheet, roundNotEndedLine(data.round, data.roundLastDay), { bold: true });

  const header = addGroupedHeader(sheet, COLUMNS);
  data.rows.forEach((r, index) => {
    const row = sheet.addRow([r.number ?? index + 1, r.title, r.dimension ?? '', r.budget, r.disbursed, ...eplanMarks(r.status), eplanNote(r.status, r.latest)]);
    const marks = EPLAN_STATUS_COLUMNS.map((_, i) => FIRST_MARK_COL + i);
    for (const col of [1, 3, ...marks]) row.getCell(col).alignment = { horizontal: 'center' };
    for (const col of [BUDGET_COL, DISBURSED_COL]) row.getCell(col).numFmt = MONEY_FORMAT;
    styleBodyRow(row, COLUMNS.length);
  });

  const first = header.number + 1;
  const last = header.number + data.rows.length;
  const sum = (col: number, result: number): ExcelJS.CellFormulaValue | number =>
    data.rows.length === 0 ? 0 : { formula: `SUM(${colLetter(col)}${first}:${colLetter(col)}${last})`, result, date1904: false };
  const total = sheet.addRow(['', 'รวม', '', sum(BUDGET_COL, data.summary.budget), sum(DISBURSED_COL, data.summary.disbursed), ...EPLAN_STATUS_COLUMNS.map(() => ''), '']);
  total.font = BOLD_FONT;
  for (const col of [BUDGET_COL, DISBURSED_COL]) total.getCell(col).numFmt = MONEY_FORMAT;
  styleBodyRow(total, COLUMNS.length);

  sheet.addRow([]);
  addSpanningRow(sheet, 'สรุปผลการขับเคลื่อนแผนฯ', { bold: true });
  for (const item of eplanSummaryItems(data.summary)) {
    const row = sheet.addRow([]);
    row.getCell(2).value = `- ${item.label}`;
    const value = row.getCell(VALUE_COL);
    value.value = item.value;
    value.numFmt = item.kind === 'money' ? MONEY_FORMAT : item.kind === 'percent' ? PERCENT_FORMAT : '0';
    row.getCell(UNIT_COL).value = item.unit;
    row.getCell(UNIT_COL).alignment = { horizontal: 'left', indent: 1 };
    // The label wraps within its column rather than run under the figure beside it.
    wrapTextRow(row);
  }
  addSpanningRow(sheet, implementationFormulaLine(data.summary));
  addSpanningRow(sheet, thresholdsLine(data.summary.thresholds));

  sheet.addRow([]);
  addList(sheet, 'ปัญหาอุปสรรค', data.problems);
  addList(sheet, 'ข้อเสนอแนะ', data.suggestions);
  sheet.addRow([]);
  addSpanningRow(sheet, reporterLine(data.reporter));
  sheet.addRow([]);
  addSpanningRow(sheet, generatedLine(data.generatedAt));
  return toBuffer(workbook);
}
