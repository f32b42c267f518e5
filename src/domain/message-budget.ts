import type { Figures } from './figures.js';
import { isRequiredKind, type MessageKind } from './message-kinds.js';

/**
 * An organisation's monthly message budget: what it set for itself (`ตั้งค่า`, `org update --message-budget`),
 * else the quota LINE last reported for its channel. Null: no budget (LINE sets no limit and none was set).
 */
export interface MessageBudget {
  amount: number | null;
  /** Set by the organisation, rather than LINE's quota. */
  own: boolean;
}

export function resolveBudget(own: number | null, lineQuota: number | null): MessageBudget {
  return own !== null ? { amount: own, own: true } : { amount: lineQuota, own: false };
}

/** The shares of the budget at which admins and executives are told, once each a month. */
export const BUDGET_MARKS = [75, 90] as const;
export type BudgetMark = (typeof BUDGET_MARKS)[number];

/** The marks `used` has reached, of a budget (none without one: a budget of 0 has no share to warn at). */
export function marksReached(used: number, amount: number | null): BudgetMark[] {
  if (amount === null || amount <= 0) return [];
  return BUDGET_MARKS.filter((mark) => used * 100 >= amount * mark);
}

/**
 * Whether a push may go: one a rule requires always does; any other only if it keeps the month's billed use
 * within the budget (`recipients`: what LINE bills for it, a group's members).
 */
export function budgetAllows(kind: MessageKind, used: number, recipients: number, amount: number | null): boolean {
  return passesBudget(kind) || amount === null || used + recipients <= amount;
}

/**
 * What goes whatever the budget: what a rule requires, and the budget's own warnings, which would otherwise be
 * held back by the very thing they warn of when they wait for a digest that comes after the budget is spent.
 */
export function passesBudget(kind: MessageKind): boolean {
  return isRequiredKind(kind) || kind === 'budget-warning';
}

export const percentOf = (used: number, amount: number): number => (amount <= 0 ? 100 : Math.floor((used * 100) / amount));

/** Why a message waits: the organisation's own budget, or LINE's quota refusing it. */
export type WaitReason = 'budget' | 'quota';

export interface WaitingKind {
  kind: MessageKind;
  reason: WaitReason;
  count: number;
}

export const BUDGET_TEXT = {
  warning: (mark: BudgetMark, used: number, budget: MessageBudget & { amount: number }, f: Figures) =>
    `แจ้งการใช้ข้อความ LINE: เดือนนี้ระบบใช้ข้อความถึงร้อยละ ${f.digits(mark)} ของงบแล้ว ` +
    `ใช้ไปแล้ว ${f.count(used)} จากงบ ${f.count(budget.amount)} ข้อความต่อเดือน${budget.own ? '' : ' (ตามโควตาของแพ็กเกจ LINE)'}\n` +
    `เมื่อใช้ครบงบแล้ว ระบบจะส่งเฉพาะข้อความที่ระเบียบกำหนดให้ต้องแจ้ง เช่น การตอบรับเรื่องของผู้ร้อง การเตือนครบกำหนด ${f.count(15)} วัน และการแจ้งเบาะแสการทุจริต ` +
    'ข้อความอื่นจะรอส่งไปพร้อมคำตอบเมื่อผู้รับส่งข้อความมาครั้งถัดไป หรือส่งเมื่อขึ้นเดือนใหม่ ไม่มีรายการใดสูญหาย\n' +
    'ผู้ดูแลระบบเพิ่มงบได้ที่ "ตั้งค่า" หัวข้องบข้อความต่อเดือน ข้อความที่รออยู่จะส่งทันทีเมื่อเพิ่มงบ ' +
    'การตั้งงบให้ต่ำกว่าโควตาของแพ็กเกจ LINE ช่วยเก็บข้อความที่เหลือไว้สำหรับข้อความที่ระเบียบกำหนด\n' +
    'ดูรายละเอียดได้ด้วยคำสั่ง "สถิติข้อความ"',
  reason: { budget: 'รอเพราะเกินงบข้อความของเดือน', quota: 'รอเพราะครบโควตาของ LINE' } satisfies Record<WaitReason, string>,
} as const;
