import { normalise, type Normalised } from '../../domain/normalise.js';

/**
 * How a feature is recognised in a sentence by the words people use for it, scored rather than matched
 * against an anchored pattern: one extra word, a particle, a dialect turn or a loan word does not hide a
 * request. Cue entries are written as people type them; they and the message are read through the
 * project's normaliser (src/domain/normalise.ts), so particles, digit styles and common slips do not count.
 */
export interface Cues {
  /** Each cue word and what it says for the feature; a sentence fits once the weights found reach `FITS`. */
  weights: Readonly<Record<string, number>>;
  /** When set, at least one of these must be there: the thing the feature is about, not only a verb. */
  needs?: readonly string[];
  /** Words that give the sentence another meaning whatever else it says ("ภาพรวมจังหวัด" is no organisation's own summary). */
  not?: readonly string[];
  /** What the sentence names for the feature ('' for nothing). */
  argument?: (message: Normalised, typed: string) => string;
}

/** The score from which a sentence is taken for a feature: one naming cue, or two hints together. */
export const FITS = 2;

/** A message made ready for scoring: its words run together, and where each word starts and ends. */
export interface Scorable {
  message: Normalised;
  starts: Set<number>;
  ends: Set<number>;
}

export function scorable(typed: string): Scorable {
  const message = normalise(typed);
  const starts = new Set<number>();
  const ends = new Set<number>();
  let at = 0;
  for (const word of message.words) {
    starts.add(at);
    at += word.length;
    ends.add(at);
  }
  return { message, starts, ends };
}

interface Entry {
  key: string;
  weight: number;
}

const prepared = new WeakMap<object, Entry[]>();

/** The entries as the normaliser reads them, longest first, so that "ดาวน์โหลด" is found before "โหลด" inside it. */
function entriesOf(list: Readonly<Record<string, number>>): Entry[] {
  let entries = prepared.get(list);
  if (!entries) {
    entries = Object.entries(list)
      .map(([word, weight]) => ({ key: normalise(word).compact, weight }))
      .filter((e) => e.key !== '')
      .sort((a, b) => b.key.length - a.key.length);
    prepared.set(list, entries);
  }
  return entries;
}

const listOf = (words: readonly string[]): Readonly<Record<string, number>> => Object.fromEntries(words.map((w) => [w, 1]));
const lists = new WeakMap<readonly string[], Readonly<Record<string, number>>>();
const asList = (words: readonly string[]) => {
  let list = lists.get(words);
  if (!list) lists.set(words, (list = listOf(words)));
  return list;
};

/**
 * The summed weight of the entries found. A short entry (three letters or fewer: "ส่ง", "oit") must be a
 * whole word or words, so that "แก้" is not found in "แก้ว"; a longer one needs only to start or end on a
 * word boundary, because the segmenter sometimes glues it to its neighbour ("ขอตัว|เลข"). Each entry counts
 * once, and letters counted for a longer entry are not counted again.
 */
function weigh(s: Scorable, entries: Entry[]): number {
  const text = s.message.compact;
  const used = new Array<boolean>(text.length).fill(false);
  let score = 0;
  for (const { key, weight } of entries) {
    for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
      const end = i + key.length;
      const bounded = key.length <= 3 ? s.starts.has(i) && s.ends.has(end) : s.starts.has(i) || s.ends.has(end);
      if (!bounded || used.slice(i, end).some(Boolean)) continue;
      used.fill(true, i, end);
      score += weight;
      break;
    }
  }
  return score;
}

/** How strongly a message asks for a feature by its cues (0 when what it needs is missing or a `not` word is there). */
export function cueScore(cues: Cues, s: Scorable): number {
  if (cues.not && weigh(s, entriesOf(asList(cues.not))) > 0) return 0;
  if (cues.needs && weigh(s, entriesOf(asList(cues.needs))) === 0) return 0;
  return weigh(s, entriesOf(cues.weights));
}

/** Whether any of the words is in the message, by the same rules as the cues. */
export const mentions = (s: Scorable, words: readonly string[]): boolean => weigh(s, entriesOf(asList(words))) > 0;
