import type { messagingApi } from '@line/bot-sdk';
import { hasRole, ROLE_TH, type StaffRole } from '../domain/roles.js';
import { quickText } from './types.js';

/** Everything the bot says outside flex designs, in one place. Users read Thai only; commands also take English aliases. */
export const TEXT = {
  welcome:
    'สวัสดีครับ ยินดีต้อนรับสู่ "โปร่งใส" ระบบติดตามมาตรการคุณธรรมและความโปร่งใสขององค์กรปกครองส่วนท้องถิ่น\nพิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้',
  citizenHelp:
    'สำหรับประชาชน\n• "ร้องเรียน" แจ้งเรื่องร้องเรียนทั่วไป หรือแจ้งเบาะแสการทุจริตของเจ้าหน้าที่ โดยปกปิดตัวตนผู้แจ้ง\n• "ติดตาม เลขที่เรื่อง" ดูความคืบหน้า\n• "เรื่องของฉัน" เรื่องทั้งหมดที่ท่านแจ้ง\nพิมพ์เป็นประโยคได้ เช่น อยากร้องเรียนเรื่องถนน\n\nสำหรับเจ้าหน้าที่\n• พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชี LINE กับบทบาทของท่าน โดยขอรหัสเชิญจากผู้ดูแลระบบ',
  executivesOnly: 'คำสั่งนี้สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น',
  staffOnly: 'คำสั่งนี้สำหรับเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น\nหากท่านเป็นเจ้าหน้าที่ พิมพ์ "ลงทะเบียน รหัสเชิญ" เพื่อเชื่อมบัญชีก่อน',
  unknown: 'ขออภัย ไม่เข้าใจคำสั่งนี้',
  unknownNonText: 'ได้รับข้อความแล้ว แต่ตอนนี้ไม่มีรายการที่ต้องใช้ไฟล์หรือสติกเกอร์นี้',
  cancelled: 'ยกเลิกรายการที่ทำค้างไว้แล้ว ข้อมูลที่ยังไม่ได้ยืนยันจะไม่ถูกบันทึก',
  nothingToCancel: 'ตอนนี้ไม่มีรายการที่ทำค้างอยู่',
  switchAsk: 'ท่านมีรายการที่ทำค้างอยู่และยังไม่ได้บันทึก ต้องการทิ้งรายการนั้นแล้วเริ่มใหม่ หรือทำรายการเดิมต่อ?',
  expired: (minutes: number) =>
    `รายการที่ทำค้างไว้ไม่มีความเคลื่อนไหวเกิน ${minutes} นาที จึงยกเลิกให้แล้ว ขออภัยในความไม่สะดวก\nเริ่มใหม่ได้ทุกเมื่อด้วยคำสั่ง "รายงาน"`,
  registerUsage: 'กรุณาพิมพ์ "ลงทะเบียน" ตามด้วยรหัสเชิญ เช่น ลงทะเบียน ABCD-2345',
  registerUnknownCode: 'ไม่พบรหัสเชิญนี้ กรุณาตรวจสอบตัวอักษรอีกครั้ง หรือขอรหัสใหม่จากผู้ดูแลระบบ',
  registerUsedCode: 'รหัสเชิญนี้ถูกใช้ไปแล้ว รหัสหนึ่งใช้ได้ครั้งเดียว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
  registerExpiredCode: 'รหัสเชิญนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ',
  registerDone: (roles: StaffRole[], unit: string | null) =>
    `ลงทะเบียนเรียบร้อยแล้ว\nบทบาท: ${roles.map((r) => ROLE_TH[r]).join(', ')}${unit ? `\nหน่วยงาน: ${unit}` : ''}\nพิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้`,
  noMeasures: (unit: string | null) =>
    `ยังไม่มีมาตรการหรือโครงการที่${unit ? `${unit}` : 'ท่าน'}รับผิดชอบในปีงบประมาณนี้ หากไม่ถูกต้อง กรุณาแจ้งผู้ดูแลระบบ`,
  measureNotFound: 'ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ พิมพ์ "รายงาน" เพื่อเลือกใหม่',
  askStatus: (code: string, title: string) => `${code} ${title}\n\nเลือกสถานะการดำเนินงานปัจจุบัน`,
  askReason: 'ระบุเหตุผลที่ไม่สามารถดำเนินการได้ เลือกจากปุ่มด้านล่าง หรือพิมพ์เหตุผลเอง',
  askSummary:
    'พิมพ์สรุปผลการดำเนินงาน (ทำอะไรไปแล้ว เมื่อไร ได้ผลอย่างไร)\nแนบรูปภาพหรือไฟล์หลักฐานได้ก่อนพิมพ์สรุป',
  attachmentAdded: (count: number) => `แนบหลักฐานแล้ว ${count} รายการ พิมพ์สรุปผลการดำเนินงานต่อได้เลย`,
  askProblems: 'มีปัญหาอุปสรรคหรือข้อเสนอแนะหรือไม่? พิมพ์ได้เลย หรือกด "ข้าม"',
  askDisbursed: (budget: string) => `ยอดเบิกจ่ายสะสมถึงวันนี้กี่บาท? (งบประมาณ ${budget} บาท)\nพิมพ์ตัวเลข หรือกด "ข้าม" หากยังไม่ทราบ`,
  badAmount: 'กรุณาพิมพ์จำนวนเงินเป็นตัวเลข เช่น 15000 หรือ ๑๕,๐๐๐ หรือกด "ข้าม"',
  amountOverBudget: (budget: string) => `ยอดเบิกจ่ายต้องไม่เกินงบประมาณ ${budget} บาท กรุณาตรวจสอบอีกครั้ง`,
  badStatus: 'กรุณาเลือกสถานะจากปุ่มด้านล่าง',
  needText: 'ขั้นตอนนี้ต้องการข้อความ กรุณาพิมพ์ตอบ หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
  confirmHint: 'กด "ยืนยันบันทึก" เพื่อบันทึก หรือ "ยกเลิก" เพื่อยกเลิก',
  staleButton: 'ปุ่มนี้เป็นของรายการเก่า กรุณาใช้ปุ่มของรายการล่าสุด หรือพิมพ์ "รายงาน" เพื่อเริ่มใหม่',
  nothingToConfirm: 'ไม่มีรายการที่รอยืนยัน พิมพ์ "รายงาน" เพื่อเริ่มรายงานความก้าวหน้า',
  saved: 'บันทึกความก้าวหน้าเรียบร้อยแล้ว ขอบคุณครับ',
  resume: 'ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
} as const;

/** What each role can do, listed for `ช่วยเหลือ`; people without a staff role get the citizen text. */
export function helpText(roles: readonly StaffRole[]): string {
  if (roles.length === 0) return TEXT.citizenHelp;
  const lines = [`บทบาทของท่าน: ${roles.map((r) => ROLE_TH[r]).join(', ')}`, '', 'สิ่งที่ทำได้'];
  if (hasRole(roles, 'officer')) lines.push('• "รายงาน" เลือกมาตรการหรือโครงการ แล้วรายงานสถานะและผลการดำเนินงาน');
  if (isExecutiveOrAdmin(roles)) {
    lines.push('• "สรุป" ภาพรวมผลการดำเนินงานล่าสุด ร้อยละการนำแผนไปปฏิบัติ การเบิกจ่าย รายการที่เกินกำหนด');
    lines.push('• "ส่งออกรายงาน" รับไฟล์รายงานตามแบบทางราชการ (ITA, E-PlanNACC, สถิติเรื่องร้องเรียน)');
    lines.push('• "สถิติร้องเรียน" สถิติเรื่องร้องเรียนปีงบประมาณนี้');
  }
  if (hasRole(roles, 'executive')) lines.push('• ท่านจะได้รับสรุปรายเดือนทุกวันทำการแรกของเดือน และรายชื่อผู้ที่ยังไม่ตอบการติดตามผลทุกไตรมาส');
  if (hasRole(roles, 'complaint_officer') || hasRole(roles, 'integrity_officer')) lines.push('• "เรื่องร้องเรียน" เรื่องที่ยังเปิดอยู่ในช่องทางของท่าน: รับผิดชอบ เปลี่ยนสถานะ บันทึกภายใน');
  lines.push('• "ร้องเรียน" "ติดตาม เลขที่เรื่อง" "เรื่องของฉัน" แจ้งและติดตามเรื่องของท่านเอง');
  if (hasRole(roles, 'admin')) lines.push('• การออกรหัสเชิญและการนำเข้าแผนประจำปี ทำด้วยเครื่องมือผู้ดูแลระบบบนเครื่องแม่ข่าย (ดูคู่มือ)');
  lines.push('• "ยกเลิก" ยกเลิกรายการที่ทำค้างอยู่', '• "ช่วยเหลือ" แสดงข้อความนี้');
  return lines.join('\n');
}

/** The same choices as buttons under the help text (LINE shows at most 13). */
export function helpQuickReplies(roles: readonly StaffRole[]): messagingApi.QuickReplyItem[] {
  const labels: string[] = [];
  if (hasRole(roles, 'officer')) labels.push('รายงาน');
  if (isExecutiveOrAdmin(roles)) labels.push('สรุป', 'ส่งออกรายงาน', 'สถิติร้องเรียน');
  if (hasRole(roles, 'complaint_officer') || hasRole(roles, 'integrity_officer')) labels.push('เรื่องร้องเรียน');
  labels.push('ร้องเรียน', 'เรื่องของฉัน');
  return labels.slice(0, 13).map((label) => quickText(label));
}

const isExecutiveOrAdmin = (roles: readonly StaffRole[]) => hasRole(roles, 'executive') || hasRole(roles, 'admin');
