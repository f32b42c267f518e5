import { staffWithRole } from '../db/staff-store.js';
import { dayKey, timeOfDayKey } from '../domain/calendar.js';
import { quickText, text } from '../line/messages.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue } from './enqueue.js';

export interface DeadEventNoticeDeps {
  sealer: Sealer;
  now: Date;
  kick?: () => void;
}

export const DEAD_EVENT_TEXT = {
  admins: (firstAt: string) =>
    `แจ้งผู้ดูแลระบบ: วันนี้มีข้อความจากผู้ใช้ที่ระบบดำเนินการไม่สำเร็จแม้ลองซ้ำครบแล้ว ครั้งแรกเมื่อเวลา ${firstAt} น. ผู้ส่งได้รับแจ้งให้ส่งใหม่แล้ว\n` +
    'โปรดแจ้งผู้ดูแลเซิร์ฟเวอร์ให้ตรวจรายการด้วยคำสั่ง npm run cli -- events และดูสาเหตุในบันทึกของระบบ\n' +
    'ระบบแจ้งเรื่องนี้ไม่เกินวันละครั้ง',
  person: 'ขออภัย ระบบขัดข้อง จึงยังดำเนินการตามข้อความล่าสุดของท่านไม่สำเร็จ\nโปรดลองส่งอีกครั้งในภายหลัง หากยังไม่สำเร็จ โปรดติดต่อเจ้าหน้าที่ของหน่วยงานโดยตรง',
} as const;

/**
 * An event given up on is not left in silence. Its sender (when known, and when the dialog never produced
 * an answer to send) is told to send it again, and the organisation's admins are told that it happened.
 * Both go through the outbox, which keeps trying for minutes after the event's own attempts ran out. The
 * admins' notice is keyed on the organisation and the Bangkok day: the first dead event of a day sends it,
 * later ones that day add nothing (a database outage that kills a hundred events costs one push per admin).
 */
export async function noticeDeadEvent(
  orgId: string,
  event: { id: string; userId: string | null; answered: boolean },
  deps: DeadEventNoticeDeps,
): Promise<number> {
  const admins = (await staffWithRole(orgId, 'admin')).map((s) => s.lineUserId);
  const outgoing = [
    ...(event.userId && !event.answered ? [{ key: `event:${event.id}:given-up`, to: [event.userId], messages: [text(DEAD_EVENT_TEXT.person, [quickText('ช่วยเหลือ')])] }] : []),
    ...(admins.length > 0 ? [{ key: `dead-events:${orgId}:${dayKey(deps.now)}`, to: admins, messages: [text(DEAD_EVENT_TEXT.admins(timeOfDayKey(deps.now)))] }] : []),
  ];
  if (outgoing.length === 0) return 0;
  const added = await enqueue(orgId, 'dead-events', outgoing, deps.now, deps.sealer);
  if (added > 0) deps.kick?.();
  return added;
}
