/** Free-text answers are capped so exports and flex bubbles stay within limits. */
export const MAX_FREE_TEXT = 2_000;

export const NEED_TEXT = 'ขั้นตอนนี้ต้องการข้อความ กรุณาพิมพ์ตอบ หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก';

/**
 * A typed answer made safe to store: control characters (NUL among them, which FerretDB cannot store)
 * removed, trimmed, and within MAX_FREE_TEXT. Returns the reason in Thai when it is not an answer.
 */
export function cleanFreeText(raw: string): string | { error: string } {
  const value = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (value === '') return { error: NEED_TEXT };
  if (value.length > MAX_FREE_TEXT) return { error: `ข้อความยาวเกิน ${MAX_FREE_TEXT.toLocaleString('en-US')} ตัวอักษร กรุณาสรุปให้สั้นลง` };
  return value;
}
