import { ROUND_TH } from '../domain/calendar.js';
import { ANSWER_WITHIN_DAYS } from '../domain/complaints.js';
import { attentionText, oitAnsweredPercent, oitApprovedPercent, onTimePercent, scopeTh, type Rollup } from '../domain/rollup.js';
import { asOfLine, generatedLine } from './report-text.js';
import { addHeaderRow, addSpanningRow, BOLD_FONT, MONEY_FORMAT, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer } from './xlsx-sheet.js';

export const ROLLUP_HEADERS = [
  'ลำดับ',
  'รหัส',
  'องค์กรปกครองส่วนท้องถิ่น',
  'อำเภอ',
  'จังหวัด',
  'ปีงบประมาณ',
  'จำนวนรายการ',
  'แล้วเสร็จ',
  'ระหว่างดำเนินการ',
  'ระดับการดำเนินการ (ร้อยละ)',
  'ระดับ',
  'งบประมาณ (บาท)',
  'เบิกจ่าย (บาท)',
  'การเบิกจ่าย (ร้อยละ)',
  'รายการเกินกำหนด',
  `เรื่องร้องเรียนตอบภายใน ${ANSWER_WITHIN_DAYS} วัน (ร้อยละ)`,
  'OIT ตอบแล้ว (ร้อยละ)',
  'OIT ผ่านการตรวจ (ร้อยละ)',
  'รายงานในรอบนี้',
  'ต้องติดตาม',
] as const;

const PERCENT_COLUMNS = [10, 14, 16, 17, 18];
const MONEY_COLUMNS = [12, 13];

/**
 * A supervising office's table: one row per organisation, the scope's totals, and the organisations that have
 * not reported, named. Numbers stay numbers; a share with nothing to share out is left empty.
 */
export async function buildRollupXlsx(rollup: Rollup, generatedAt: Date): Promise<Buffer> {
  const { workbook, sheet } = newSheet('ภาพรวม', [7, 14, 36, 16, 16, 11, 11, 11, 12, 13, 11, 16, 16, 12, 12, 16, 12, 12, 14, 44]);
  addSpanningRow(sheet, `ภาพรวมการดำเนินงานด้านคุณธรรมและความโปร่งใส ${scopeTh(rollup.scope)}`, { title: true });
  addSpanningRow(sheet, `${ROUND_TH[rollup.round.name]} · ${asOfLine(rollup.asOf)}`, { title: true });
  addHeaderRow(sheet, ROLLUP_HEADERS);
  const cell = (n: number | null) => (n === null ? '' : n);
  rollup.rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      r.orgId,
      r.name,
      r.district,
      r.province,
      r.fiscalYear,
      r.tally.total,
      r.tally.completed,
      r.tally.in_progress,
      r.tally.implementationPercent,
      r.hasPlan ? r.level : 'ยังไม่มีแผน',
      r.tally.budget,
      r.tally.disbursed,
      r.tally.disbursementPercent,
      r.overdue,
      cell(onTimePercent(r.complaints)),
      cell(oitAnsweredPercent(r.oit)),
      cell(oitApprovedPercent(r.oit)),
      r.reported ? 'รายงานแล้ว' : 'ยังไม่รายงาน',
      attentionText(r) || '-',
    ]);
    styleBodyRow(row, ROLLUP_HEADERS.length);
    format(row);
  });
  const t = rollup.totals;
  const total = sheet.addRow([
    '',
    '',
    `รวม ${t.organisations} แห่ง`,
    '',
    '',
    '',
    t.tally.total,
    t.tally.completed,
    t.tally.in_progress,
    t.tally.implementationPercent,
    t.level,
    t.tally.budget,
    t.tally.disbursed,
    t.tally.disbursementPercent,
    t.overdue,
    cell(onTimePercent(t.complaints)),
    cell(oitAnsweredPercent(t.oit)),
    cell(oitApprovedPercent(t.oit)),
    `รายงานแล้ว ${t.reported} แห่ง`,
    '',
  ]);
  styleBodyRow(total, ROLLUP_HEADERS.length);
  total.font = BOLD_FONT;
  format(total);

  sheet.addRow([]);
  addSpanningRow(sheet, `ยังไม่รายงานในรอบนี้ ${rollup.notReported.length} แห่ง`, { bold: true });
  for (const r of rollup.notReported) addSpanningRow(sheet, `${r.name} (${r.orgId})${r.district ? ` อำเภอ${r.district}` : ''}${r.hasPlan ? '' : ' · ยังไม่มีแผนในระบบ'}`);
  sheet.addRow([]);
  addSpanningRow(sheet, `หมายเหตุ: ระดับการดำเนินการ = (แล้วเสร็จ + 0.5 × ระหว่างดำเนินการ) ÷ จำนวนรายการ × 100; รวมทุกแห่งคิดจากผลรวมของรายการ`);
  addSpanningRow(sheet, `รายงานในรอบนี้ = มีการรายงานความก้าวหน้าอย่างน้อยหนึ่งรายการตั้งแต่วันเริ่ม${ROUND_TH[rollup.round.name]}`);
  addSpanningRow(sheet, `เรื่องร้องเรียนตอบภายใน ${ANSWER_WITHIN_DAYS} วัน = เรื่องที่ปิดภายในกำหนด ÷ เรื่องที่ปิดแล้วหรือเลยกำหนด (ปีงบประมาณปัจจุบัน)`);
  addSpanningRow(sheet, generatedLine(generatedAt));
  return toBuffer(workbook);
}

function format(row: { getCell(n: number): { numFmt: string } }): void {
  for (const c of PERCENT_COLUMNS) row.getCell(c).numFmt = PERCENT_FORMAT;
  for (const c of MONEY_COLUMNS) row.getCell(c).numFmt = MONEY_FORMAT;
}
