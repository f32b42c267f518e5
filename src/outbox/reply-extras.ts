import {
  claimHandOver,
  claimQuotaNotice,
  handOverableTo,
  markRepliedIn,
  messagesRepliedIn,
  pendingOutboxCount,
  quotaHoldsBack,
} from '../db/outbox-store.js';
import { findStaff } from '../db/staff-store.js';
import { monthKey } from '../domain/calendar.js';
import { figures, type DigitStyle } from '../domain/figures.js';
import type { Message } from '../line/client.js';
import { text } from '../line/messages.js';
import type { Sealer } from '../security/crypto.js';

export const QUOTA_TEXT = {
  admins: (waiting: string) =>
    'แจ้งผู้ดูแลระบบ: ข้อความที่บัญชี LINE ของหน่วยงานส่งได้ในเดือนนี้ครบตามโควตาแล้ว LINE จึงยังไม่รับข้อความแจ้งเตือนไปส่ง\n' +
    `ขณะนี้มีข้อความรอส่ง ${waiting} รายการ ไม่มีรายการใดสูญหาย ระบบจะส่งให้เองเมื่อขึ้นเดือนใหม่ หรือเมื่อเพิ่มโควตาของบัญชีแล้ว\n` +
    'ระหว่างนี้ข้อความที่ตอบกลับผู้ใช้ยังส่งได้ตามปกติ',
} as const;

export interface ReplyExtrasInput {
  orgId: string;
  /** Whom the answer goes to: a person, or a group. */
  to: string;
  eventId: string;
  /** Message objects the answer leaves free in its request (LINE takes five). */
  room: number;
  /** No attempt of the event ran before: nothing can have been taken into its answer yet. */
  firstAttempt: boolean;
  digits: DigitStyle;
  sealer: Sealer;
  now: Date;
}

/**
 * What rides free with an answer, after it: for an admin, once a month, that LINE's quota holds messages back
 * (with how many wait); then the person's notices still waiting in the outbox (outbox/merge.ts gathers them
 * for a minute), oldest first, as many whole notices as fit. Each notice is claimed as its next send attempt
 * (`reply:<event>`), so it goes in this answer or by its push, never both, and is recorded as part of the
 * event's answer before that is stored: a retry of the event finds it again, and an event given up on puts it
 * back (`releaseRepliedIn`).
 */
export async function extrasForReply(input: ReplyExtrasInput): Promise<Message[]> {
  const { orgId, eventId, sealer, now } = input;
  const extras: Message[] = [];
  if (!input.firstAttempt) {
    for (const row of await messagesRepliedIn(eventId)) extras.push(...(JSON.parse(sealer.open(row.messagesSealed)) as Message[]));
  }
  let room = input.room - extras.length;
  if (room > 0 && (await quotaNoticeDue(input))) {
    extras.push(text(QUOTA_TEXT.admins(figures(input.digits).count(await pendingOutboxCount(orgId)))));
    room--;
  }
  if (room <= 0) return extras;
  const taken: string[] = [];
  for (const row of await handOverableTo([sealer.userKey(input.to)])) {
    if (row.orgId !== orgId) continue;
    const messages = JSON.parse(sealer.open(row.messagesSealed)) as Message[];
    // In order: a notice that does not fit keeps the later ones behind it.
    if (messages.length > room) break;
    if (!(await claimHandOver(row, `reply:${eventId}`, now))) continue;
    taken.push(row.id);
    extras.push(...messages);
    room -= messages.length;
  }
  await markRepliedIn(taken, eventId, now);
  return extras;
}

/**
 * Whether LINE's quota holds an organisation's messages back, as last read: every answer asks, so the answer
 * is kept a short while per organisation. This instance's sender forgets it at once when LINE refuses or takes
 * a push (`quotaAnswerChanged`); another instance's refusal is seen up to this much later.
 */
const QUOTA_READ_TTL_MS = 30_000;
const quotaRead = new Map<string, { holds: boolean; at: number }>();

export function quotaAnswerChanged(orgId: string): void {
  quotaRead.delete(orgId);
}

async function holdsBack(orgId: string): Promise<boolean> {
  const known = quotaRead.get(orgId);
  if (known && Date.now() - known.at < QUOTA_READ_TTL_MS) return known.holds;
  const holds = await quotaHoldsBack(orgId);
  quotaRead.set(orgId, { holds, at: Date.now() });
  return holds;
}

async function quotaNoticeDue({ orgId, to, eventId, sealer, now }: ReplyExtrasInput): Promise<boolean> {
  if (!(await holdsBack(orgId))) return false;
  const staff = await findStaff(orgId, to);
  if (!staff?.roles.includes('admin')) return false;
  return claimQuotaNotice(`${orgId}:${monthKey(now)}:${sealer.userKey(to)}`, eventId, now);
}
