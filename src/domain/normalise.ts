import { arabicDigits } from './thai.js';

/**
 * A message as people write it, reduced to what it means, for matching only: what is stored is always
 * what the person typed. Thai and Arabic digits read the same, case and spacing do not count, emoji and
 * punctuation are dropped, letters held down ("ยกเลิกกกก", "stooop") count once, common slips read as
 * the word meant ("รองเรียน"), and sentence-final particles (ค่ะ ครับ นะ จ้า เด้อ …), which carry
 * politeness, not meaning, are left out.
 */
export interface Normalised {
  /** The words, in order, without particles. */
  words: string[];
  /** The words joined by one space. */
  text: string;
  /** The words run together, as Thai is written: what most patterns are tried on. */
  compact: string;
}

/** Particles that end (or stand between) Thai clauses; each is a whole word to the segmenter. */
const PARTICLES = new Set([
  'ค่ะ', 'คะ', 'ค่า', 'คร่ะ', 'ค๊ะ', 'ค้ะ', 'ครับ', 'คับ', 'ค้าบ', 'คร้าบ', 'ครัช', 'ครัฟ', 'ฮะ', 'ฮับ', 'งับ',
  'นะ', 'น้า', 'น่ะ', 'จ้า', 'จ้ะ', 'จ๊ะ', 'จ่ะ', 'จ่า', 'เด้อ', 'เด้', 'เน้อ', 'เนาะ', 'ฮ่ะ', 'ขอรับ',
  'krub', 'krab', 'kub', 'ka', 'kha', 'na', 'pls', 'plz', 'please',
]);
/** "ครับผม", "ค่ะขา": the second word is part of the particle only after one. */
const AFTER_PARTICLE = new Set(['ผม', 'ขา']);

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
  [/คอรัปชั่?น|คอร์รัปชั่น/g, 'คอร์รัปชัน'],
  [/ขอบคุน|ขอบคุร/g, 'ขอบคุณ'],
];

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Thai and English words of a text in order, as the ICU dictionary splits Thai (which has no spaces). */
export function wordsOf(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The text with digits, case, emoji, punctuation, held letters and slips evened out, before splitting into words. */
export function evenOut(text: string): string {
  let t = arabicDigits(text.normalize('NFC')).toLowerCase();
  // Zero-width characters and emoji (with their joiners, variation selectors and skin tones) say nothing to match.
  t = t.replace(/[\u200B-\u200D\u2060\uFEFF\uFE0E\uFE0F]|\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|[\u{1F1E6}-\u{1F1FF}]/gu, ' ');
  // LINE's own emoticons arrive as "(smile)" or "(moon grin)".
  t = t.replace(/\([a-z ]{2,20}\)/g, ' ');
  // ๆ repeats the word before it: the word once is the same word.
  t = t.replace(/ๆ/g, ' ');
  t = t.replace(/[\p{P}\p{S}]/gu, ' ');
  // A letter held down ("ยกเลิกกกก", "stooop") counts once; a doubled tone mark or vowel sign is a slip. Digits are never touched.
  t = t.replace(/(\p{L})\1{2,}/gu, '$1').replace(/(\p{M})\1+/gu, '$1');
  for (const [slip, meant] of SLIPS) t = t.replace(slip, meant);
  return t.replace(/\s+/g, ' ').trim();
}

/** Reads a message for matching: see `Normalised`. */
export function normalise(text: string): Normalised {
  const all = wordsOf(evenOut(text));
  const words: string[] = [];
  let lastWasParticle = false;
  for (const word of all) {
    if (PARTICLES.has(word) || (lastWasParticle && AFTER_PARTICLE.has(word))) {
      lastWasParticle = true;
      continue;
    }
    lastWasParticle = false;
    words.push(word);
  }
  return { words, text: words.join(' '), compact: words.join('') };
}
