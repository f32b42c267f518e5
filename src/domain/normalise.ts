import { arabicDigits } from './thai.js';

/**
 * A message as people write it, reduced to what it means, for matching only: what is stored is always
 * what the person typed. Thai and Arabic digits read the same, case and spacing do not count, emoji and
 * punctuation are dropped (but kept aside: an emoji alone is a pleasantry), letters held down
 * ("ยกเลิกกกก", "stooop") count once, laughter typed as digits ("55555") is one laugh, common slips read
 * as the word meant ("รองเรียน"), the common Isan, Northern and Southern words read as their central Thai
 * meaning ("บ่" → "ไม่", "เบิ่ง" → "ดู", "จั่งใด" → "ยังไง"), and sentence-final particles (ค่ะ ครับ นะ
 * จ้า เด้อ หนิ …), which carry politeness, not meaning, are left out. This is the one normaliser: the
 * commands (cancel, tracking) and the meaning layer's lexicons all read words through it.
 */
export interface Normalised {
  /** The words, in order, without particles, dialect read as central Thai. */
  words: string[];
  /** The words joined by one space. */
  text: string;
  /** The words run together, as Thai is written: what most patterns are tried on. */
  compact: string;
  /** The emoji of the message ("👍", "🙏"), which the words leave out. */
  emoji: string[];
}

/** Particles that end (or stand between) Thai clauses; each is a whole word to the segmenter. */
const PARTICLES = new Set([
  'ค่ะ', 'คะ', 'ค่า', 'นะคะ', 'นะครับ', 'ครับผม', 'คร่ะ', 'ค๊ะ', 'ค้ะ', 'ครับ', 'คับ', 'ค้าบ', 'คร้าบ', 'ครัช', 'ครัฟ', 'ฮะ', 'ฮับ', 'งับ',
  'นะ', 'น้า', 'น่ะ', 'จ้า', 'จ้ะ', 'จ๊ะ', 'จ่ะ', 'จ่า', 'เด้อ', 'เด้', 'เน้อ', 'เนาะ', 'ฮ่ะ', 'ขอรับ',
  'krub', 'krab', 'kub', 'ka', 'kha', 'na', 'pls', 'plz', 'please',
]);
/**
 * Particles that are also (parts of) words: "เจ้า" begins เจ้าหน้าที่, "หนิ" ends ตำหนิ. They count as
 * particles only where a clause ends (before a space, another particle or the end).
 */
const ENDING_PARTICLES = new Set(['เจ้า', 'จ้าว', 'หนิ', 'นิ', 'เน่อ', 'เนอะ', 'อ่ะ', 'อะ', 'ว่ะ', 'วะ', 'โว้ย', 'แหละ', 'ล่ะ', 'เว้ย', 'ก๊ะ', 'โหล่', 'โหล', 'หละ', 'เนี่ย', 'เนี้ย']);
/** "ครับผม", "ค่ะขา": the second word is part of the particle only after one. */
const AFTER_PARTICLE = new Set(['ผม', 'ขา']);

/**
 * Particles set apart before segmenting where they end a clause: the segmenter reads "โอเคครับ" as
 * "โอ|เค|ครับ" and "ใด๋เด้อ" as one word, but "โอเค ครับ" as "โอเค|ครับ". Only particles that end no
 * other word, and never after a leading vowel (เจ้า ends in จ้า).
 */
const ENDING = /(?<![เแโใไ])(ครับผม|ครับ|คับ|ค่ะ|คะ|จ้า|จ้ะ|เด้อ|เน้อ|ค้าบ|คร้าบ|งับ|ฮับ)(?=\s|$)/gu;

/**
 * Isan, Northern and Southern words, read as the central Thai a lexicon is written in; a key of several
 * words matches them in a row. Only words with no other meaning in central Thai ("บ่อ" is a pond, so
 * only the word "บ่" is read as "ไม่").
 */
const DIALECT: Record<string, string> = {
  // not
  บ่: 'ไม่', บ่ได้: 'ไม่ได้', บ่มี: 'ไม่มี', บ่เอา: 'ไม่เอา', ม่าย: 'ไม่',
  // want
  ใค่: 'อยาก', อยากได้: 'อยากได้',
  // look
  เบิ่ง: 'ดู', ผ่อ: 'ดู', แล: 'ดู', เบิ่งแน: 'ดู',
  // what
  อีหยัง: 'อะไร', หยัง: 'อะไร', อะไหร: 'อะไร', อะหยัง: 'อะไร', ไหร: 'อะไร', อิหยัง: 'อะไร',
  // how
  จั่งใด: 'ยังไง', จั่งใด๋: 'ยังไง', จังใด: 'ยังไง', จังใด๋: 'ยังไง', จั๋งใด: 'ยังไง', จังได๋: 'ยังไง', จั่งได๋: 'ยังไง', จะใด: 'ยังไง', จะได: 'ยังไง', จะใด๋: 'ยังไง',
  พรือ: 'ยังไง', ยังพรือ: 'ยังไง', ทำพรือ: 'ทำยังไง', ว่าพรือ: 'ยังไง', ยังใด: 'ยังไง',
  // help
  ซ่วย: 'ช่วย', ซ่อย: 'ช่วย', ซ่วยเหลือ: 'ช่วยเหลือ', ซ่อยเหลือ: 'ช่วยเหลือ',
  // thanks
  ขอบใจหลาย: 'ขอบคุณ', ยินดีหลาย: 'ขอบคุณ', ขอบคุณหลาย: 'ขอบคุณ', ขอบใจ: 'ขอบคุณ',
  // people, places, time, doing
  ข้อย: 'ฉัน', เฮา: 'เรา', ฉาน: 'ฉัน', เปิ้น: 'เขา', หมู่เฮา: 'เรา', มื้อ: 'วัน', เฮือน: 'บ้าน', เฮ็ด: 'ทำ', ไส: 'ไหน', แม่น: 'ใช่',
  // chat slang
  ไร: 'อะไร', มั่ง: 'บ้าง', ตังค์: 'เงิน', กิ๋น: 'กิน', ขะโมย: 'ขโมย', เพิ่น: 'เขา', ตัง: 'เงิน', สตางค์: 'เงิน', ยังงัย: 'ยังไง', งัย: 'ไง', เยียะ: 'ทำ', ยะ: 'ทำ', ใจ้: 'ใช้', พ่อง: 'บ้าง', แหน่: 'หน่อย', เซา: 'หยุด', ขอบใจ๋: 'ขอบคุณ', ยังไร: 'ยังไง', ยังใง: 'ยังไง', อย่างไล: 'อย่างไร', แนวใด: 'ยังไง', แนวใด๋: 'ยังไง',
  // a pit in the road
  ขุม: 'หลุม',
};
/** The longest dialect key, in words, tried at each position. */
const DIALECT_SPAN = 3;

/** Slips common enough to read as the word meant: a missing tone mark, a vowel or final consonant typed wrong. */
const SLIPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/รองเรียน/g, 'ร้องเรียน'],
  [/ร้องเรีย(?!น)/g, 'ร้องเรียน'],
  [/ร้องทุก(?!ข์)/g, 'ร้องทุกข์'],
  [/ยกเลีก|ยกเลก(?!ิ)|ยกเลิด|ยกเลิค|ยกลิก/g, 'ยกเลิก'],
  [/ติดตามม+/g, 'ติดตาม'],
  [/ติตตาม|ติดตม/g, 'ติดตาม'],
  [/สถาณะ|สถานนะ|สถนะ/g, 'สถานะ'],
  [/คีบหน้า|ครืบหน้า/g, 'คืบหน้า'],
  [/ทุจลิต|ทุจริด|ทุดจริต/g, 'ทุจริต'],
  [/คอร์?ร?ั[ปบพ]ชั่?น|คอรัปชั่?น|คอร์รัปชั่น/g, 'คอร์รัปชัน'],
  [/ขอบคุน|ขอบคุร|ขอบคุง/g, 'ขอบคุณ'],
  [/ช่วยเหลอ|ช่วยเหลือ?อ|ช่วยเหือ|ชวยเหลือ/g, 'ช่วยเหลือ'],
  [/เจ้บ/g, 'เจ็บ'],
  [/เมนุ/g, 'เมนู'],
  [/สเปค/g, 'สเปก'],
  [/ล็อค|ล๊อค|ล๊อก/g, 'ล็อก'],
  [/สินบล/g, 'สินบน'],
  [/วิธีใช่/g, 'วิธีใช้'],
  [/เมณู/g, 'เมนู'],
  [/cancle|cencel|cansel|cancal/g, 'cancel'],
  [/\b(?:hepl|hlep|halp|helpp+)\b/g, 'help'],
];

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Thai and English words of a text in order, as the ICU dictionary splits Thai (which has no spaces). */
export function wordsOf(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

const EMOJI = /\p{Extended_Pictographic}/gu;

/** The text with digits, case, emoji, punctuation, held letters, laughter and slips evened out, before splitting into words. */
export function evenOut(text: string): string {
  let t = arabicDigits(text.normalize('NFC')).toLowerCase();
  // Zero-width characters and emoji (with their joiners, variation selectors and skin tones) say nothing to match.
  t = t.replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]|\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]/gu, ' ');
  // LINE's own emoticons arrive as "(smile)" or "(moon grin)".
  t = t.replace(/\([a-z ]{2,20}\)/g, ' ');
  // ๆ repeats the word before it: the word once is the same word.
  t = t.replace(/ๆ/g, ' ');
  t = t.replace(/[\p{P}\p{S}]/gu, ' ');
  // "ถถถถ" is 5555 typed with the keyboard still on Thai: a laugh.
  t = t.replace(/ถ{3,}/g, ' 555 ');
  // A letter held down ("ยกเลิกกกก", "stooop") counts once; a doubled tone mark or vowel sign is a slip. Digits are never touched.
  // The last ค of "โอเคคคคครับ" begins ครับ.
  t = t.replace(/(\p{L})\1{2,}/gu, (run: string, letter: string, at: number, all: string) => (letter === 'ค' && all.startsWith('รับ', at + run.length) ? 'คค' : letter));
  t = t.replace(/(\p{M})\1+/gu, '$1');
  // Laughter: "5555" (ห้า sounds like "ha") is one laugh, however long; a number next to other digits is left alone.
  t = t.replace(/(?<![\d.,])5{3,}(?![\d.,]|\s*บาท)/g, '555');
  for (const [slip, meant] of SLIPS) t = t.replace(slip, meant);
  // Loanwords the segmenter's dictionary lacks ("บอทนี้" reads as "บอ|ทนี้"): set apart as words.
  t = t.replace(/(แชท)?บอท|แชท/g, ' $& ');
  return t.replace(ENDING, ' $1').replace(/\s+/g, ' ').trim();
}

/** Dialect words read as central Thai, matching keys of up to `DIALECT_SPAN` words run together. */
function centralThai(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let matched = 0;
    let joined = '';
    for (let j = i; j < Math.min(words.length, i + DIALECT_SPAN); j++) {
      joined += words[j];
      if (Object.hasOwn(DIALECT, joined)) matched = j - i + 1;
    }
    if (matched === 0) {
      out.push(words[i]!);
      continue;
    }
    out.push(...wordsOf(DIALECT[words.slice(i, i + matched).join('')]!));
    i += matched - 1;
  }
  return out;
}

/** Reads a message for matching: see `Normalised`. */
export function normalise(text: string): Normalised {
  const even = evenOut(text);
  const segments = [...segmenter.segment(even)].filter((s) => s.isWordLike);
  // A word ends a clause when a space, the end, or a particle follows it.
  const endsClause = (i: number): boolean => {
    const s = segments[i]!;
    const next = segments[i + 1];
    const end = s.index + s.segment.length;
    return end >= even.length || even[end] === ' ' || (next !== undefined && (PARTICLES.has(next.segment) || ENDING_PARTICLES.has(next.segment)) && endsClause(i + 1));
  };
  const kept: string[] = [];
  let lastWasParticle = false;
  segments.forEach((s, i) => {
    const word = s.segment;
    if (PARTICLES.has(word) || (lastWasParticle && AFTER_PARTICLE.has(word)) || (ENDING_PARTICLES.has(word) && i > 0 && endsClause(i))) {
      lastWasParticle = true;
      return;
    }
    lastWasParticle = false;
    kept.push(word);
  });
  const words = centralThai(kept);
  return { words, text: words.join(' '), compact: words.join(''), emoji: text.match(EMOJI) ?? [] };
}
