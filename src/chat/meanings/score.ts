import { COMPLAINT_TOPICS, CORRUPTION_WORDS, EXPORT_WORDS, PLEASANTRIES, PLEASANTRY_FILLERS, PROBLEM_WORDS, REQUEST_WORDS, SUMMARY_WORDS, WIDER_SCOPE_WORDS } from './lexicons.js';
import { emojiOf, wordsOf } from './normalise.js';

/** What a message read on its own may mean, beyond the commands each feature lists. */
export type Intent = 'complaint' | 'corruption' | 'pleasantry' | 'summary' | 'export';

export interface Reading {
  scores: Record<Intent, number>;
  /**
   * Whether it says anything beyond "I want to report corruption": "ปลัดรับสินบน" tells a story worth
   * keeping, "report corruption ครับ" only asks for the channel.
   */
  tellsStory: boolean;
  /** How many complaint topics it names ("ถนน", "ไฟทาง"): a complaint about one is a general complaint. */
  topics: number;
}

/** A score from which the meaning is taken without asking; below it, and above zero, the bot asks. */
export const SURE = 2;

type Lexicon = string[][];
const lexicon = (entries: readonly string[]): Lexicon => entries.map(wordsOf).filter((w) => w.length > 0);

const TOPICS = lexicon(COMPLAINT_TOPICS);
const PROBLEMS = lexicon(PROBLEM_WORDS);
const CORRUPTION = lexicon(CORRUPTION_WORDS);
const PLEASANT = lexicon(PLEASANTRIES);
const FILLERS = new Set(PLEASANTRY_FILLERS.flatMap(wordsOf));
const SUMMARY = lexicon(SUMMARY_WORDS);
const WIDER_SCOPE = lexicon(WIDER_SCOPE_WORDS);
const EXPORT = lexicon(EXPORT_WORDS);
const REQUEST = new Set(REQUEST_WORDS.flatMap(wordsOf));

/**
 * The entries found as whole words in a row, and which word positions they cover. Words are joined
 * before comparing, because the segmenter cuts the same letters differently in different company
 * ("ขอบคุณ" alone, "ขอบ|คุณ|มาก" in "ขอบคุณมาก"): an entry matches wherever its letters start and end
 * on word boundaries.
 */
function find(words: readonly string[], entries: Lexicon): { hits: number; covered: Set<number> } {
  let hits = 0;
  const covered = new Set<number>();
  for (const entry of entries) {
    const key = entry.join('');
    let found = false;
    for (let i = 0; i < words.length; i++) {
      let joined = '';
      for (let j = i; j < words.length && joined.length < key.length; j++) {
        joined += words[j];
        if (joined !== key) continue;
        found = true;
        for (let k = i; k <= j; k++) covered.add(k);
      }
    }
    if (found) hits++;
  }
  return { hits, covered };
}

/** Scores one message for each intent from its words (Intl.Segmenter) against the lexicons. */
export function readMessage(message: string): Reading {
  const words = wordsOf(message);
  const topic = find(words, TOPICS).hits;
  const problem = find(words, PROBLEMS).hits;
  const corruption = find(words, CORRUPTION);
  const pleasant = find(words, PLEASANT);
  const summary = find(words, WIDER_SCOPE).hits > 0 ? 0 : find(words, SUMMARY).hits;
  const exported = find(words, EXPORT).hits;

  // A pleasantry is nothing but pleasant words and their fillers, or pictures alone ("👍").
  const onlyPleasant = pleasant.hits > 0 && words.every((w, i) => pleasant.covered.has(i) || FILLERS.has(w));
  const pleasantry = (words.length === 0 && emojiOf(message).length > 0) || (onlyPleasant && corruption.hits === 0 && topic === 0) ? SURE : 0;

  // A problem with something public is a complaint; a topic or problem words alone only hint at one.
  let complaint = 0;
  if (topic > 0 && problem > 0) complaint = topic + problem;
  else if (topic > 0 || problem >= 2) complaint = 1;

  const reportWord = words.includes('รายงาน') || words.includes('report') ? 1 : 0;
  return {
    scores: {
      pleasantry,
      complaint: pleasantry ? 0 : complaint,
      corruption: corruption.hits * SURE,
      summary: summary > 0 ? summary + 1 : 0,
      export: exported > 0 ? exported + reportWord : 0,
    },
    topics: topic,
    tellsStory: words.some((w, i) => !corruption.covered.has(i) && !REQUEST.has(w)),
  };
}

/** The intents a message may mean, likeliest first, of those `usable` by the person writing. */
export function likelyIntents(reading: Reading, usable: (intent: Intent) => boolean): Intent[] {
  return (Object.keys(reading.scores) as Intent[])
    .filter((intent) => reading.scores[intent] > 0 && usable(intent))
    .sort((a, b) => reading.scores[b] - reading.scores[a]);
}
