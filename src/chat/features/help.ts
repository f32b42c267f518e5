import { hasRole, isExecutiveOrAdmin, ROLE_TH, type StaffRole } from '../../domain/roles.js';
import { quickText, text, type Message, type QuickReply } from '../../line/messages.js';
import type { Feature } from '../context.js';
import { means, readMessage } from '../meanings/score.js';
import { BUDGET_HELP, BUDGET_HELP_OFFICER, BUDGET_LABEL } from '../../features/budget/feature.js';

const CITIZEN_HELP =
  'สำหรับประชาชน\n• "ร้องเรียน" แจ้งเรื่องร้องเรียนทั่วไป หรือแจ้งเบาะแสการทุจริตของเจ้าหน้าที่ โดยปกปิดตัวตนผู้แจ้ง\n• "ติดตาม เลขที่เรื่อง" ดูความคืบหน้า\n• "เรื่องของฉัน" เรื่องทั้งหมดที่ท่านแจ้ง: ส่งข้อมูลเพิ่มเติม ถอนเรื่อง หรือประเมินความพึงพอใจเมื่อเรื่องแล้วเสร็จ\nพิมพ์เป็นประโยคได้ เช่น อยากร้องเรียนเรื่องถนน หรือเล่าปัญหาที่พบได้เลย เช่น ไฟทางหน้าบ้านไม่ติดมาหลายวัน\n\nสำหรับเจ้าหน้าที่\n• พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชี LINE กับบทบาทของท่าน โดยขอรหัสเชิญจากผู้ดูแลระบบ';

const isHandler = (roles: readonly StaffRole[]) => hasRole(roles, 'complaint_officer') || hasRole(roles, 'integrity_officer');

/** What each role can do, listed for `ช่วยเหลือ`; people without a staff role get the citizen text. */
export function helpText(roles: readonly StaffRole[]): string {
  if (roles.length === 0) return CITIZEN_HELP;
  const lines = [`บทบาทของท่าน: ${roles.map((r) => ROLE_TH[r]).join(', ')}`, '', 'สิ่งที่ทำได้'];
  if (hasRole(roles, 'officer')) lines.push('• "รายงาน" เลือกมาตรการหรือโครงการ โดยรายการที่ถึงกำหนดจะแสดงก่อน แล้วรายงานสถานะและผลการดำเนินงาน หรือพิมพ์รหัสหรือชื่อต่อท้ายเพื่อไปที่รายการนั้นทันที เช่น รายงาน EP-01 หรือ รายงานโครงการจัดเวทีประชาคม');
  if (hasRole(roles, 'officer') && !isExecutiveOrAdmin(roles)) lines.push(BUDGET_HELP_OFFICER);
  if (hasRole(roles, 'officer')) lines.push('• "OIT" ตอบข้อมูลเปิดเผยต่อสาธารณะที่ท่านรับผิดชอบ ว่ามีหรือไม่มี พร้อมลิงก์และคำอธิบาย สำหรับกรอกในระบบ ITAS');
  if (hasRole(roles, 'reviewer')) lines.push('• "รอตรวจ" ตรวจคำตอบข้อมูลเปิดเผยต่อสาธารณะ ให้ผ่าน หรือส่งกลับให้แก้ไข ก่อนระบบ ITAS ปิดวันที่ 30 เมษายน');
  if (isExecutiveOrAdmin(roles)) {
    lines.push('• "สรุป" ภาพรวมผลการดำเนินงานล่าสุด ร้อยละการนำแผนไปปฏิบัติ การเบิกจ่าย รายการที่เกินกำหนด');
    lines.push(BUDGET_HELP);
    lines.push('• "ส่งออกรายงาน" รับไฟล์รายงานตามแบบทางราชการ (ITA, ตัวชี้วัด, ข้อมูล OIT, E-PlanNACC, สถิติเรื่องร้องเรียน)');
    lines.push('• "สถิติร้องเรียน" สถิติเรื่องร้องเรียนปีงบประมาณนี้และเดือนนี้ พร้อมไฟล์ Excel รายเดือน (ระบุปีได้ เช่น สถิติร้องเรียน 2569)');
  }
  if (hasRole(roles, 'executive')) lines.push('• ท่านจะได้รับสรุปรายเดือนทุกวันทำการแรกของเดือน และรายชื่อผู้ที่ยังไม่ตอบการติดตามผลทุกไตรมาส');
  if (hasRole(roles, 'executive')) lines.push('• "เชื่อมกลุ่ม" รับรหัสเพื่อให้กลุ่ม LINE ของผู้บริหารได้รับสรุปรายเดือนและการแจ้งเตือนด้วย ("เลิกเชื่อมกลุ่ม" เพื่อหยุด)');
  if (isHandler(roles)) lines.push('• "เรื่องร้องเรียน" เรื่องที่ยังเปิดอยู่ในช่องทางของท่าน: รับผิดชอบ เปลี่ยนสถานะ บันทึกภายใน แนบภาพหลังดำเนินการ กำหนดประเภทเรื่อง ส่งต่อหน่วยงานอื่น');
  if (hasRole(roles, 'supervisor')) {
    lines.push('• "ภาพรวม" ผลการดำเนินงานของทุกองค์กรปกครองส่วนท้องถิ่นในความกำกับดูแล องค์กรที่ต้องติดตาม และตาราง Excel รายองค์กร');
    lines.push('• ท่านจะได้รับภาพรวมรายเดือนทุกวันทำการแรกของเดือน พร้อมรายชื่อองค์กรที่ยังไม่รายงาน');
  }
  lines.push('• "ร้องเรียน" "ติดตาม เลขที่เรื่อง" "เรื่องของฉัน" แจ้งและติดตามเรื่องของท่านเอง');
  lines.push('• "ข้อมูลของฉัน" ดูบทบาทของท่าน และกรอกหรือแก้ไขชื่อ-นามสกุลและตำแหน่งที่ใช้ลงนามในรายงาน');
  if (hasRole(roles, 'admin')) lines.push('• การออกรหัสเชิญและการนำเข้าแผนประจำปี ทำด้วยเครื่องมือผู้ดูแลระบบบนเครื่องแม่ข่าย (ดูคู่มือ)');
  lines.push('• "ยกเลิก" ยกเลิกรายการที่ทำค้างอยู่', '• "ช่วยเหลือ" แสดงข้อความนี้');
  return lines.join('\n');
}

/** The same choices as buttons under the help text (LINE shows at most 13). */
export function helpQuickReplies(roles: readonly StaffRole[]): QuickReply[] {
  const labels: string[] = [];
  if (hasRole(roles, 'officer')) labels.push('รายงาน', 'OIT', ...(isExecutiveOrAdmin(roles) ? [] : [BUDGET_LABEL]));
  if (hasRole(roles, 'reviewer')) labels.push('รอตรวจ');
  if (isExecutiveOrAdmin(roles)) labels.push('สรุป', BUDGET_LABEL, 'ส่งออกรายงาน', 'สถิติร้องเรียน');
  if (isHandler(roles)) labels.push('เรื่องร้องเรียน');
  if (hasRole(roles, 'supervisor')) labels.push('ภาพรวม');
  labels.push('ร้องเรียน', 'เรื่องของฉัน');
  // Only staff have a profile: their name and position sign the reports.
  if (roles.length > 0) labels.push('ข้อมูลของฉัน');
  return labels.slice(0, 13).map((label) => quickText(label));
}

export function helpMessage(roles: readonly StaffRole[], opener?: string): Message {
  return text(opener ? `${opener}\n\n${helpText(roles)}` : helpText(roles), helpQuickReplies(roles));
}

export const help: Feature = {
  name: 'help',
  words: ['ช่วยเหลือ', 'เมนู', 'help', 'menu'],
  // A message that only asks what the bot does or how to use it ("ใช้ยังไง", "ขอเมนูหน่อย", "ใช้จั่งใด๋"),
  // heard at any question as the words are: it is never some answer's text. Greetings are pleasantries.
  command: (t) => (means(readMessage(t), 'help') ? '' : null),
  handle: async (ctx) => [helpMessage(ctx.sender.roles)],
};
