import { arabicDigits } from '../../domain/thai.js';

/*
 * STOPGAP, to be replaced by the shared normaliser of branch normalise26 (particles, digits, typos):
 * `wordsOf` is the one function the scoring reads, so swapping it is a one-line change in score.ts.
 * It does only what the scoring needs today: Thai digits, case, letters typed over and over, the
 * sentence-final particles, and the few dialect words that would otherwise hide a problem word.
 */

/** Particles and fillers that carry politeness, not meaning. */
const PARTICLES = new Set(['ค่ะ', 'คะ', 'ครับ', 'คับ', 'ครัช', 'จ้า', 'จ้ะ', 'จ๊ะ', 'นะ', 'น้า', 'นะคะ', 'นะครับ', 'เด้อ', 'เน้อ', 'เจ้า', 'จ้ะ', 'ฮะ', 'หน่อย', 'เลย', 'แน่', 'ด้วย', 'please', 'pls', 'plz']);

/** Isan and Northern words a reader would take for their central Thai meaning. */
const DIALECT: Record<string, string> = { บ่: 'ไม่', บ่ได้: 'ไม่ได้', เบิ่ง: 'ดู', มื้อ: 'วัน', ซิ: 'จะ', บ่มี: 'ไม่มี' };

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** "โอเคคคค" → "โอเค", "555555" stays a laugh: a letter typed three times or more counts once. */
const squeezeRepeats = (s: string) =>
  // The last ค of "โอเคคคคครับ" begins ครับ.
  s.replace(/([^\d])\1{2,}/gu, (run: string, letter: string, at: number, all: string) => (letter === 'ค' && all.startsWith('รับ', at + run.length) ? 'คค' : letter));

/** Laughter typed as digits ("5555") reads as one laugh. */
const laugh = (s: string) => s.replace(/5{3,}/g, '555');

/**
 * A particle at the end of a phrase is set apart before segmenting: the segmenter reads "โอเคครับ" as
 * "โอ|เค|ครับ" but "โอเค ครับ" as "โอเค|ครับ", the way the lexicons are written.
 */
const ENDING = /(นะคะ|นะครับ|ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|เด้อ|เน้อ|นะ|หน่อย)(?=\s|$|[!?.,])/gu;

/** The words of a message as the lexicons are written: lower case, Arabic digits, no particles. */
export function wordsOf(message: string): string[] {
  // ๆ repeats the word before it: nothing to read.
  const plain = laugh(squeezeRepeats(arabicDigits(message).toLowerCase().normalize('NFC'))).replace(/\s*ๆ/gu, '').replace(ENDING, ' $1');
  const words: string[] = [];
  for (const s of segmenter.segment(plain)) {
    if (!s.isWordLike) continue;
    const word = DIALECT[s.segment] ?? s.segment;
    if (!PARTICLES.has(word)) words.push(word);
  }
  return words;
}

/** Emoji and other pictures written as characters ("👍", "🙏"). */
export const emojiOf = (message: string): string[] => message.match(/\p{Extended_Pictographic}/gu) ?? [];
