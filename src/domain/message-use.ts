import { figures as figuresOf, type Figures } from './figures.js';
import { BUDGET_TEXT, percentOf, type MessageBudget, type WaitingKind } from './message-budget.js';
import { isRequiredKind, MESSAGE_KIND_NAMES, messageKindThai, type MessageKind } from './message-kinds.js';
import { THAI_MONTHS_SHORT } from './thai.js';

/** A month's pushes of one kind: requests LINE accepted (`sends`), and what LINE bills (`recipients`). */
export interface KindUse {
  kind: MessageKind;
  sends: number;
  recipients: number;
}

/** LINE's own figures for a channel as read (`GET /v2/bot/message/quota` and `…/quota/consumption`). */
export interface LineQuotaReading {
  /** The plan's messages a month; null when LINE sets no limit. */
  quota: number | null;
  /** This month's messages by every sending API of the channel, LINE's count. */
  used: number;
  /** The Bangkok month the reading is of. */
  month: string;
  readAt: Date;
}

export interface MonthUse {
  /** "2026-12" */
  month: string;
  kinds: KindUse[];
  /** LINE's last reading, when it is of this month. */
  line: LineQuotaReading | null;
  /** The organisation's budget now (its own, else LINE's quota), and what waits now for it or for LINE's quota. */
  budget?: MessageBudget;
  waiting?: WaitingKind[];
}

export function monthUse(month: string, kinds: KindUse[], reading: LineQuotaReading | null): MonthUse {
  return { month, kinds, line: reading && reading.month === month ? reading : null };
}

export const totalBilled = (use: MonthUse): number => use.kinds.reduce((n, k) => n + k.recipients, 0);

/** "ธ.ค. 2569" from "2026-12". */
export function monthLabel(month: string, f: Figures): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${THAI_MONTHS_SHORT[m - 1]} ${f.fiscalYear(year + 543)}`;
}

/**
 * `สถิติข้อความ` in LINE and `cli messages`: the month's pushes by kind, what the plan allows and what LINE
 * itself counted. One text for both, so an admin and an operator read the same figures.
 */
export function messageUseText(use: MonthUse, isCurrentMonth: boolean, f: Figures = figuresOf()): string {
  const total = totalBilled(use);
  const lines = [`การใช้ข้อความ LINE เดือน ${monthLabel(use.month, f)}`, 'ข้อความที่ตอบกลับทันทีไม่นับโควตา ข้อความที่ระบบส่งเองนับตามจำนวนผู้รับ ส่งถึงกลุ่มนับตามจำนวนสมาชิกในกลุ่ม', ''];
  if (total === 0) lines.push(isCurrentMonth ? 'เดือนนี้ระบบยังไม่ได้ส่งข้อความที่นับโควตา' : 'เดือนนั้นระบบไม่ได้ส่งข้อความที่นับโควตา');
  else {
    lines.push(`ระบบส่งไป ${f.count(total)} ข้อความ แยกตามประเภท`);
    const order = (k: KindUse) => MESSAGE_KIND_NAMES.indexOf(k.kind);
    const rows = [...use.kinds].filter((k) => k.recipients > 0).sort((a, b) => b.recipients - a.recipients || order(a) - order(b));
    for (const k of rows) {
      lines.push(`• ${f.digits(messageKindThai(k.kind))} ${f.count(k.recipients)} ข้อความ (ส่ง ${f.count(k.sends)} ครั้ง)${isRequiredKind(k.kind) ? ' *' : ''}`);
    }
    if (rows.some((k) => isRequiredKind(k.kind))) lines.push('* ข้อความที่ระเบียบกำหนดให้ต้องแจ้ง');
  }
  lines.push('');
  if (!isCurrentMonth) lines.push('ยอดจาก LINE มีเฉพาะเดือนปัจจุบัน');
  else if (!use.line) lines.push('ยังไม่ได้อ่านโควตาและยอดใช้จาก LINE ระบบจะอ่านทุกวันและหลังงานตามกำหนดแต่ละครั้ง');
  else {
    const { quota, used, readAt } = use.line;
    if (quota === null) lines.push('แพ็กเกจของบัญชีนี้ไม่จำกัดจำนวนข้อความต่อเดือน');
    else lines.push(`โควตาของแพ็กเกจ ${f.count(quota)} ข้อความต่อเดือน ใช้ไปแล้วร้อยละ ${f.digits(Math.round((used * 100) / Math.max(quota, 1)))} เหลือ ${f.count(Math.max(quota - used, 0))} ข้อความ`);
    lines.push(`LINE นับว่าเดือนนี้ใช้ไป ${f.count(used)} ข้อความ (อ่านเมื่อ ${f.dateTime(readAt)})`);
    // LINE counts the account's every sender: broadcasts from LINE Official Account Manager too.
    if (used > total) lines.push('ยอดของ LINE รวมข้อความที่ส่งจากช่องทางอื่นของบัญชีนี้ด้วย เช่น การบรอดแคสต์จาก LINE Official Account Manager');
  }
  if (isCurrentMonth) lines.push(...budgetLines(use, f));
  return lines.join('\n');
}

/** The month's budget, its share used, and what waits and why, by kind. */
function budgetLines(use: MonthUse, f: Figures): string[] {
  const lines: string[] = [''];
  const budget = use.budget;
  if (!budget || budget.amount === null) lines.push('ยังไม่มีงบข้อความต่อเดือน ระบบจึงส่งทุกข้อความตามปกติ ผู้ดูแลระบบกำหนดงบได้ที่ "ตั้งค่า"');
  else {
    // The same figure the sender keeps to: LINE's count when it counted more.
    const used = Math.max(totalBilled(use), use.line?.used ?? 0);
    const whose = budget.own ? 'ตามที่ผู้ดูแลระบบกำหนด' : 'ตามโควตาของแพ็กเกจ LINE';
    lines.push(`งบข้อความต่อเดือน ${f.count(budget.amount)} ข้อความ (${whose}) ใช้ไปแล้ว ${f.count(used)} ข้อความ คิดเป็นร้อยละ ${f.digits(percentOf(used, budget.amount))}`);
    lines.push('เมื่อใช้ครบงบ ระบบจะส่งเฉพาะข้อความที่ระเบียบกำหนดให้ต้องแจ้ง ข้อความอื่นจะรอส่ง');
  }
  const waiting = (use.waiting ?? []).filter((w) => w.count > 0);
  if (waiting.length === 0) lines.push('ขณะนี้ไม่มีข้อความที่รอส่ง');
  else {
    const total = waiting.reduce((n, w) => n + w.count, 0);
    lines.push(`ข้อความที่รอส่ง ${f.count(total)} รายการ แยกตามประเภท`);
    const order = (w: WaitingKind) => MESSAGE_KIND_NAMES.indexOf(w.kind);
    for (const w of [...waiting].sort((a, b) => b.count - a.count || order(a) - order(b))) {
      lines.push(`• ${f.digits(messageKindThai(w.kind))} ${f.count(w.count)} รายการ ${BUDGET_TEXT.reason[w.reason]}`);
    }
    lines.push('ข้อความที่รอจะส่งไปพร้อมคำตอบเมื่อผู้รับส่งข้อความมาครั้งถัดไป หรือส่งเมื่อเพิ่มงบหรือโควตา หรือเมื่อขึ้นเดือนใหม่ ไม่มีรายการใดสูญหาย');
  }
  return lines;
}
