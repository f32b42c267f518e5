import { arabicDigits } from './thai.js';

/**
 * Finding a plan item from what an officer typed: its code in whatever form a phone keyboard gives
 * ("ep10", "EP-๑๐", "EP 10"), or some words of its title. Thai is written without spaces between words,
 * so titles are compared by overlapping three-character pieces, not by words; pieces that many titles share
 * ("โครงการ", "ของเทศบาล…") count for little, rare ones for much.
 */
export interface Titled {
  code: string;
  title: string;
}

export interface TitleMatch<T> {
  item: T;
  /** 0–1: how much of what was typed is found in the title, weighted by how rare each piece is. */
  score: number;
}

export interface TitleSearch<T> {
  /** The likely ones, best first, at most MAX_MATCHES. */
  matches: TitleMatch<T>[];
  /** The one item meant, when one stands out; null when the officer should choose. */
  best: T | null;
}

export const MAX_MATCHES = 5;
/** Below this, a title has too little of what was typed to be offered. */
const MIN_SCORE = 0.4;
/** A match is offered beside the best only when it comes this close to it. */
const NEAR_BEST = 0.6;
/** The best is taken without asking when it has at least this much of what was typed... */
const CLEAR_SCORE = 0.7;
/** ...and the next one is this far behind. */
const CLEAR_LEAD = 0.25;
/** A title that alone has this much of what was typed is the one meant (the rest were extra words). */
const ALONE_SCORE = 0.5;
const GRAM = 3;

/**
 * A code as a list of parts: letters and numbers, with the number's leading zeros dropped and separators
 * ignored except between two numbers. "EP-01", "ep1" and "EP ๐๑" are one code; "ITA-000-1" and "ITA-01"
 * stay two, and "OIT-O10" equals "oito10".
 */
export function codeKey(text: string): string {
  const parts = arabicDigits(text).toUpperCase().match(/[A-Z]+|[0-9]+/g) ?? [];
  let key = '';
  let previous: string | undefined;
  for (const part of parts) {
    const isNumber = /^[0-9]/.test(part);
    // Two numbers in a row were kept apart by a separator, which then matters.
    if (isNumber && previous !== undefined && /^[0-9]/.test(previous)) key += '.';
    key += isNumber ? part.replace(/^0+(?=[0-9])/, '') : part;
    previous = part;
  }
  return key;
}

export function sameCode(a: string, b: string): boolean {
  const key = codeKey(a);
  return key !== '' && key === codeKey(b);
}

/** Could this be a code rather than words: Latin letters and digits with separators, and at least one digit. */
export function looksLikeCode(text: string): boolean {
  const t = arabicDigits(text).trim();
  return t.length <= 40 && /^[A-Za-z0-9][A-Za-z0-9._\-/ ]*$/.test(t) && /[0-9]/.test(t);
}

/** The item with this code, in any of the forms `codeKey` reads as one. */
export function findByCode<T extends Titled>(items: readonly T[], code: string): T | null {
  const key = codeKey(code);
  if (key === '') return null;
  return items.find((i) => i.code.toUpperCase() === code.trim().toUpperCase()) ?? items.find((i) => codeKey(i.code) === key) ?? null;
}

// Words people put around a title or a code in a request, which no title is about.
const LEADING_FILLER = /^(ความก้าวหน้า|ผลการดำเนินงาน|ผลการดำเนินการ|ผลการปฏิบัติงาน|ผล(?=โครงการ|มาตรการ|กิจกรรม|เรื่อง)|เรื่อง|ของ|เกี่ยวกับ|ใน|หัวข้อ|รายการ|ที่ชื่อ|ชื่อ)/;
const TRAILING_FILLER = /(ครับผม|ครับ|คับ|ค่ะ|คะ|ค่า|จ้ะ|จ้า|นะ|หน่อย|ด้วย|ให้|ที)$/;

/** Text as compared: Arabic digits, lower case, no spaces or punctuation (Thai vowel and tone marks kept). */
export function comparable(text: string): string {
  return arabicDigits(text).toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/** A request without the words around what it names ("เรื่อง…", "…หน่อยครับ"), in Arabic digits, spaces kept. */
export function trimRequest(request: string): string {
  let q = arabicDigits(request).trim();
  for (let before = ''; before !== q; ) {
    before = q;
    q = q.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '').trim();
  }
  return q;
}

/** What is left of a request to search titles with. */
export function titleQuery(request: string): string {
  return comparable(trimRequest(comparable(request)));
}

function grams(text: string): Set<string> {
  if (text.length <= GRAM) return new Set(text ? [text] : []);
  const out = new Set<string>();
  for (let i = 0; i + GRAM <= text.length; i++) out.add(text.slice(i, i + GRAM));
  return out;
}

/**
 * The items whose titles hold what was typed, best first, and the one meant when it is clear: the only
 * title equal to it, or a title holding most of it well ahead of the next.
 */
export function searchTitles<T extends Titled>(items: readonly T[], request: string): TitleSearch<T> {
  const query = titleQuery(request);
  if (query.length < 2) return { matches: [], best: null };
  const titles = items.map((item) => ({ item, text: comparable(item.title) }));
  const exact = titles.filter((t) => t.text === query);
  if (exact.length === 1) return { matches: [{ item: exact[0]!.item, score: 1 }], best: exact[0]!.item };

  const titleGrams = titles.map((t) => grams(t.text));
  const wanted = [...grams(query)];
  const weight = new Map<string, number>();
  for (const g of wanted) {
    const holders = titleGrams.filter((set) => set.has(g)).length;
    // A piece no title has still counts (a typo, an extra word), as the rarest would.
    weight.set(g, Math.log(1 + titles.length / Math.max(1, holders)));
  }
  const total = wanted.reduce((sum, g) => sum + weight.get(g)!, 0);
  const scored = titles
    .map((t, i) => {
      if (t.text.includes(query)) return { item: t.item, score: 1 };
      const found = wanted.reduce((sum, g) => sum + (titleGrams[i]!.has(g) ? weight.get(g)! : 0), 0);
      return { item: t.item, score: total > 0 ? found / total : 0 };
    })
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score);

  const top = scored[0];
  if (!top) return { matches: [], best: null };
  const matches = scored.filter((m) => m.score >= top.score * NEAR_BEST).slice(0, MAX_MATCHES);
  const second = scored[1];
  const clear = second ? top.score >= CLEAR_SCORE && top.score - second.score >= CLEAR_LEAD : top.score >= ALONE_SCORE;
  return { matches: matches.map((m) => ({ item: m.item, score: Math.round(m.score * 100) / 100 })), best: clear ? top.item : null };
}
