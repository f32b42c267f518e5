import type ExcelJS from 'exceljs';
import { ROUND_TH } from '../domain/calendar.js';
import { ANSWER_WITHIN_DAYS } from '../domain/complaints.js';
import { attentionText, oitAnsweredPercent, oitApprovedPercent, onTimePercent, scopeTh, type Rollup } from '../domain/rollup.js';
import { asOfLine, generatedLine } from './report-text.js';
import { addHeaderRow, addSheet, addSpanningRow, BOLD_FONT, fitSheetColumns, MONEY_FORMAT, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer } from './xlsx-sheet.js';

/**
 * The roll-up prints as two tables of at most ten columns, each on its own sheet with its own repeated
 * header, because twenty columns on one landscape page come out at about 5 pt: the plan's progress, then
 * money, complaints and OIT. Both start with the organisation's name, never its internal code.
 */
// Headers broken into lines by hand, each line kept whole: left to the width-fitting, the narrow figure
// columns broke them word by word ("งบ|ประมาณ", "(ร้อย|ละ)") into headers seven lines tall.
export const ROLLUP_PLAN_HEADERS = [
  'ลำดับ',
  'องค์กรปกครอง\nส่วนท้องถิ่น',
  'อำเภอ',
  'จำนวน\nรายการ',
  'แล้วเสร็จ',
  'ระหว่าง\nดำเนินการ',
  'ระดับการ\nดำเนินการ\n(ร้อยละ)',
  'ระดับ',
  'รายการ\nเกินกำหนด',
  'รายงาน\nในรอบนี้',
] as const;

export const ROLLUP_MONEY_HEADERS = [
  'ลำดับ',
  'องค์กรปกครอง\nส่วนท้องถิ่น',
  'ปีงบประมาณ',
  'งบประมาณ\n(บาท)',
  'เบิกจ่าย\n(บาท)',
  'การเบิกจ่าย\n(ร้อยละ)',
  `เรื่องร้องเรียน\nตอบภายใน ${ANSWER_WITHIN_DAYS} วัน\n(ร้อยละ)`,
  'OIT\nตอบแล้ว\n(ร้อยละ)',
  'OIT ผ่าน\nการตรวจ\n(ร้อยละ)',
  'ต้องติดตาม',
] as const;

const PLAN_PERCENT = [7];
const MONEY_PERCENT = [6, 7, 8, 9];
const MONEY = [4, 5];
const PLAN_CENTRED = [1, 4, 5, 6, 7, 8, 9, 10];
const MONEY_CENTRED = [1, 3];

type Cell = string | number;

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = (n: number | string) => (typeof n === 'number' ? n.toFixed(2) : n);

/**
 * Column widths from the cells as they print, measured in the report font and filling the landscape page at
 * 100 % (every header line whole, as broken above).
 */
function widthsFor(headers: readonly string[], rows: Cell[][], shown: (c: Cell, column: number) => string): number[] {
  // The last row is the totals, printed bold.
  return fitSheetColumns([[...headers], ...rows.map((r) => r.map((c, i) => shown(c, i + 1)))], { oneLineHeader: headers.map((_, i) => i), boldRows: [rows.length] });
}

function addTable(sheet: ExcelJS.Worksheet, title: string, rollup: Rollup, headers: readonly string[], rows: Cell[][], total: Cell[], formats: { percent: number[]; money: number[]; centred: number[]; shown: (c: Cell, column: number) => string }): void {
  addSpanningRow(sheet, `${title} ${scopeTh(rollup.scope)}`, { title: true });
  addSpanningRow(sheet, `${ROUND_TH[rollup.round.name]} · ${asOfLine(rollup.asOf)}`, { title: true });
  addHeaderRow(sheet, headers);
  const add = (cells: Cell[], bold: boolean) => {
    const row = sheet.addRow(cells);
    for (const c of formats.percent) row.getCell(c).numFmt = PERCENT_FORMAT;
    for (const c of formats.money) row.getCell(c).numFmt = MONEY_FORMAT;
    for (const c of formats.centred) row.getCell(c).alignment = { horizontal: 'center' };
    if (bold) row.font = BOLD_FONT;
    styleBodyRow(row, headers.length);
  };
  for (const r of rows) add(r, false);
  add(total, true);
}

/**
 * A supervising office's tables: one row per organisation, the scope's totals, and the organisations that have
 * not reported, named. Numbers stay numbers; a share with nothing to share out is left empty.
 */
export async function buildRollupXlsx(rollup: Rollup, generatedAt: Date): Promise<Buffer> {
  const national = rollup.scope.level === 'national';
  const place = (r: { district: string; province: string }) => (national ? [r.district, r.province].filter(Boolean).join('\n') : r.district);
  const cell = (n: number | null) => (n === null ? '' : n);
  const t = rollup.totals;

  const planHeaders = national ? ROLLUP_PLAN_HEADERS.map((h) => (h === 'อำเภอ' ? 'อำเภอ จังหวัด' : h)) : [...ROLLUP_PLAN_HEADERS];
  const planRows: Cell[][] = rollup.rows.map((r, i) => [
    i + 1,
    r.name,
    place(r),
    r.tally.total,
    r.tally.completed,
    r.tally.in_progress,
    r.tally.implementationPercent,
    r.hasPlan ? r.level : 'ยังไม่มีแผน',
    r.overdue,
    r.reported ? 'รายงานแล้ว' : 'ยังไม่รายงาน',
  ]);
  const planTotal: Cell[] = ['', `รวม ${t.organisations} แห่ง`, '', t.tally.total, t.tally.completed, t.tally.in_progress, t.tally.implementationPercent, t.level, t.overdue, `รายงานแล้ว ${t.reported} แห่ง`];
  const moneyRows: Cell[][] = rollup.rows.map((r, i) => [
    i + 1,
    r.name,
    r.fiscalYear,
    r.tally.budget,
    r.tally.disbursed,
    r.tally.disbursementPercent,
    cell(onTimePercent(r.complaints)),
    cell(oitAnsweredPercent(r.oit)),
    cell(oitApprovedPercent(r.oit)),
    attentionText(r) || '-',
  ]);
  const moneyTotal: Cell[] = ['', `รวม ${t.organisations} แห่ง`, '', t.tally.budget, t.tally.disbursed, t.tally.disbursementPercent, cell(onTimePercent(t.complaints)), cell(oitAnsweredPercent(t.oit)), cell(oitApprovedPercent(t.oit)), ''];

  const planShown = (c: Cell, column: number) => (PLAN_PERCENT.includes(column) ? percent(c) : String(c));
  const moneyShown = (c: Cell, column: number) => (MONEY.includes(column) && typeof c === 'number' ? money(c) : MONEY_PERCENT.includes(column) ? percent(c) : String(c));
  const planWidths = widthsFor(planHeaders, [...planRows, planTotal], planShown);
  const moneyWidths = widthsFor(ROLLUP_MONEY_HEADERS, [...moneyRows, moneyTotal], moneyShown);

  const { workbook, sheet: plan } = newSheet('ความก้าวหน้าตามแผน', planWidths, { fullSize: true });
  addTable(plan, 'ภาพรวมการดำเนินงานด้านคุณธรรมและความโปร่งใส', rollup, planHeaders, planRows, planTotal, { percent: PLAN_PERCENT, money: [], centred: PLAN_CENTRED, shown: planShown });
  plan.addRow([]);
  addSpanningRow(plan, `ยังไม่รายงานในรอบนี้ ${rollup.notReported.length} แห่ง`, { bold: true });
  for (const r of rollup.notReported) addSpanningRow(plan, `${r.name}${r.district ? ` อำเภอ${r.district}` : ''}${r.hasPlan ? '' : ' · ยังไม่มีแผนในระบบ'}`);
  plan.addRow([]);
  addSpanningRow(plan, `หมายเหตุ: ระดับการดำเนินการ = (แล้วเสร็จ + 0.5 × ระหว่างดำเนินการ) ÷ จำนวนรายการ × 100; รวมทุกแห่งคิดจากผลรวมของรายการ`);
  addSpanningRow(plan, `รายงานในรอบนี้ = มีการรายงานความก้าวหน้าอย่างน้อยหนึ่งรายการตั้งแต่วันเริ่ม${ROUND_TH[rollup.round.name]}`);
  addSpanningRow(plan, 'งบประมาณ การเบิกจ่าย เรื่องร้องเรียน และ OIT อยู่ในตารางที่ 2 (แผ่นงาน "งบประมาณ ร้องเรียน OIT")');
  addSpanningRow(plan, generatedLine(generatedAt));

  const other = addSheet(workbook, 'งบประมาณ ร้องเรียน OIT', moneyWidths, { fullSize: true });
  addTable(other, 'ภาพรวมงบประมาณ เรื่องร้องเรียน และ OIT', rollup, ROLLUP_MONEY_HEADERS, moneyRows, moneyTotal, { percent: MONEY_PERCENT, money: MONEY, centred: MONEY_CENTRED, shown: moneyShown });
  other.addRow([]);
  addSpanningRow(other, `เรื่องร้องเรียนตอบภายใน ${ANSWER_WITHIN_DAYS} วัน = เรื่องที่ปิดภายในกำหนด ÷ เรื่องที่ปิดแล้วหรือเลยกำหนด (ปีงบประมาณปัจจุบัน)`);
  addSpanningRow(other, generatedLine(generatedAt));
  return toBuffer(workbook);
}

