import { normalise } from './normalise.js';

/**
 * How sure a message is a request to cancel: `plain` names cancelling itself ("ยกเลิกค่ะ", "Cancel ครับ",
 * "ยกเลิกกกก"); `soft` says the person has had enough ("ไม่เอาแล้ว", "หยุดก่อน", "พอแล้ว", "stop"), which
 * could also be said in passing, so the bot asks once before throwing away what was typed.
 */
export type CancelStrength = 'plain' | 'soft';

// Who asks and how politely, before the verb: "ขอยกเลิก", "ผมขอยกเลิก", "I want to cancel".
const ASKING = String.raw`(?:ผม|ฉัน|หนู|เรา|ดิฉัน|กระผม|ข้าพเจ้า|เค้า|เขา)?(?:ขอ|อยาก|ต้องการ|อยากจะ|จะ|ช่วย|รบกวน)*(?:ทำการ)?|(?:i|we)?(?:want|wanna|wouldlike|dlike|need)?(?:to)?`;
// What may follow the verb without making it a sentence about something else: the request itself, "for now", "please".
const WHAT = String.raw`(?:การ)?(?:ทำ)?(?:รายการ|คำขอ|คำร้อง|เรื่อง|การแจ้ง|แจ้งเรื่อง|การร้องเรียน|ร้องเรียน|แจ้ง|ทั้งหมด|นี้|นี่|อันนี้|ที่ทำอยู่|ที่ทำค้าง|ไว้|ก่อน|เลย|ละ|ล่ะ|แล้ว|ดีกว่า|แค่นี้|เท่านี้|ให้|หน่อย|ด้วย|ที|เถอะ|เหอะ|ไป|ยกเลิก|cancel|ที่(?:พิมพ์|แจ้ง|ส่ง)(?:ไว้|มา|ไป)?|ไม่(?:เอา|แจ้ง|ทำ|ต้อง)?(?:แล้ว|ละ)|it|this|that|now|all|everything|please)*(?:ได้(?:ไหม|มั้ย|ป่าว|เปล่า|หรือเปล่า|หรือไม่|ไม่))?`;
// "ไม่เอาแล้ว", "ไม่แจ้งแล้ว": a "no" only counts as cancel with a "no longer" after it; a bare "ไม่เอา" may answer a yes/no question.
const NO_LONGER = String.raw`(?:แล้ว|ละ|ล่ะ|ดีกว่า|ต่อ|ก่อน)+`;

// Courtesy around the request changes nothing: "กดผิดค่ะ ยกเลิก", "ไม่เอาแล้วครับ ขอบคุณ".
const COURTESY = String.raw`(?:ขอบคุณ(?:มาก)?|ขอโทษ|ขออภัย|กดผิด|พิมพ์ผิด|ผิด|ไม่ใช่|sorry|thanks|thankyou|ok|โอเค)*`;
const whole = (core: string) => new RegExp(`^${COURTESY}(?:${core})${COURTESY}$`);

const PLAIN = whole(`(?:${ASKING})(?:ยกเลิก|cancel|cancell?ed|เลิก)${WHAT}`);
const SOFT: readonly RegExp[] = [
  whole(`(?:${ASKING})(?:หยุด|stop|quit|abort|exit|ออกจาก(?:รายการ|เมนู|ระบบ|ตรงนี้|หน้านี้)|ออก)${WHAT}`),
  whole(`ไม่(?:เอา|ทำ|ต้อง|แจ้ง|ร้องเรียน|ส่ง|(?:ต้องการ|อยาก)(?:แจ้ง|ร้องเรียน|ทำ|ส่ง)?)(?:เรื่องนี้|เรื่อง|รายการนี้)?${NO_LONGER}`),
  // "ไม่แล้ว" is no longer; "ไม่ก่อน" may only answer a yes/no question.
  whole(`ไม่(?:แล้ว|ละ|ล่ะ)+`),
  /^ช่างมัน(?:เถอะ|เหอะ|ก่อน)?$/,
  // "ไม่เป็นไร" is "never mind"; "กดผิด" alone, "ไม่ได้ตั้งใจ", "เริ่มใหม่", "ลบทิ้ง": the message was not meant.
  /^ไม่เป็นไร(?:แล้ว|ละ|ล่ะ)?(?:ขอบคุณ)?$/,
  /^(?:ขอโทษ)?(?:กด|พิมพ์)ผิด(?:ขอโทษ)?$/,
  /^ไม่ได้(?:ตั้งใจ(?:กด|แจ้ง|ส่ง)?|จะ(?:แจ้ง|ร้องเรียน|ส่ง))$/,
  /^(?:ขอ)?(?:เริ่มใหม่|ลบทิ้ง|ลบ(?:เรื่องนี้|รายการนี้|ที่พิมพ์))(?:เลย|ก่อน|หน่อย|ด้วย)?$/,
  // "ไว้ก่อน", "เดี๋ยวค่อยแจ้งใหม่": not now.
  /^(?:เอา)?ไว้(?:ก่อน|ทีหลัง|คราวหน้า|วันหลัง)$/,
  /^(?:เดี๋ยว)?ค่อย(?:แจ้ง|ทำ|มา)(?:ใหม่)?(?:ทีหลัง|วันหลัง|คราวหน้า)?$/,
  /^i?(?:dont|donot|nolonger)(?:want|need)(?:it|this|to)?(?:anymore)?$/,
  /^ไม่เอาละ$/,
  /^พอ(?:แล้ว|ก่อน|แค่นี้|เท่านี้|ละ|ล่ะ)+$/,
  /^เปลี่ยนใจ(?:แล้ว|ละ)?(?:ไม่(?:เอา|แจ้ง|ร้องเรียน|ทำ)(?:แล้ว)?)?$/,
  /^(?:nevermind|nvm|forgetit|forgetaboutit|noneed|nothanks|iquit|ichangedmymind)$/,
];

/**
 * Whether a whole message asks to cancel, and how surely; null when it does not. Only a message that is
 * nothing but the request counts: "ผู้รับเหมายกเลิกงานกลางคัน" is a story that contains the word.
 */
export function cancelPhrase(text: string): CancelStrength | null {
  // A request to cancel is a few words; a long answer is read no further.
  if (text.length > 80) return null;
  const { compact } = normalise(text);
  if (compact === '' || compact.length > 40) return null;
  // "ยกเลิกแล้ว" may also report that something was called off (an officer's progress): asked once, like the soft forms.
  if (PLAIN.test(compact)) return /(?:แล้ว|ละ|ล่ะ)(?:ขอบคุณ|ขอโทษ|ขออภัย)*$/.test(compact) ? 'soft' : 'plain';
  return SOFT.some((p) => p.test(compact)) ? 'soft' : null;
}

export const isCancelPhrase = (text: string): boolean => cancelPhrase(text) !== null;
