import { HTTPFetchError } from '@line/bot-sdk';
import { isTransientDatabaseError } from '../db/transient-error.js';
import { isTransientLineError, LineRequestTimeout } from '../line/client.js';
import { quickText, text, type Message } from '../line/messages.js';

/**
 * Whether a failure is one a retry of the event can get past: the database or LINE unreachable, slow or
 * busy (the event is then retried as before, with its backoff). Anything else is a fault in the code or in
 * the data, which the same event would meet again five times over about 75 s before giving up in silence.
 */
export function isTransientFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (isTransientDatabaseError(e)) return true;
    if (e instanceof HTTPFetchError) return isTransientLineError(e);
    if (e instanceof LineRequestTimeout) return true;
    // What fetch throws when the connection fails; any other TypeError is a fault in the code.
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

export const FAILURE_TEXT = {
  failed: 'ขออภัย ระบบขัดข้อง จึงยังดำเนินการตามข้อความล่าสุดของท่านไม่สำเร็จ',
  dialogKept: 'รายการที่ทำค้างไว้ยังอยู่ตามเดิม ส่งข้อความเดิมอีกครั้งเพื่อทำต่อ หรือพิมพ์ "ยกเลิก" เพื่อเริ่มใหม่',
  tryAgain: 'โปรดลองส่งอีกครั้งในภายหลัง',
  contact: 'หากยังไม่สำเร็จ โปรดติดต่อเจ้าหน้าที่ของหน่วยงานโดยตรง',
} as const;

/**
 * What the person reads when their message could not be handled: an apology and what to do next. With a
 * dialog under way, it was kept as it was before the message, so they can send it again or cancel.
 */
export function failureApology(dialogKept: boolean): Message {
  return dialogKept
    ? text(`${FAILURE_TEXT.failed}\n${FAILURE_TEXT.dialogKept}\n${FAILURE_TEXT.contact}`, [quickText('ยกเลิก'), quickText('ช่วยเหลือ')])
    : text(`${FAILURE_TEXT.failed}\n${FAILURE_TEXT.tryAgain} ${FAILURE_TEXT.contact}`, [quickText('ช่วยเหลือ')]);
}
