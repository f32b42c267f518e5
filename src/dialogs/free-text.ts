import { isCancelPhrase } from '../domain/cancel-phrase.js';

/** Free-text answers are capped so exports and flex bubbles stay within limits. */
export const MAX_FREE_TEXT = 2_000;

export const NEED_TEXT = 'ขั้นตอนนี้ต้องการข้อความ กรุณาพิมพ์ตอบ หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก';

export const CANCEL_NOT_ANSWER = 'ข้อความนี้เป็นคำขอยกเลิก จึงไม่ได้บันทึกเป็นคำตอบ กด "ยกเลิก" เพื่อยกเลิกรายการ หรือพิมพ์คำตอบของขั้นตอนนี้';

/**
 * A typed answer made safe to store: control characters (NUL among them, which FerretDB cannot store)
 * removed, trimmed, within MAX_FREE_TEXT, and not a cancel phrase. Returns the reason in Thai when it is not an answer.
 */
export function cleanFreeText(raw: string): string | { error: string } {
  const value = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (value === '') return { error: NEED_TEXT };
  // The router cancels on these before any dialog reads them; should one ever get here, it is still not an answer.
  if (isCancelPhrase(value)) return { error: CANCEL_NOT_ANSWER };
  if (value.length > MAX_FREE_TEXT) return { error: `ข้อความยาวเกิน ${MAX_FREE_TEXT.toLocaleString('en-US')} ตัวอักษร กรุณาสรุปให้สั้นลง` };
  return value;
}
