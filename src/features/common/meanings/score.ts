import { normalise } from '../../../domain/normalise.js';
import {
  ADVICE_WORDS, ASKING_WORDS, CASE_WORDS, EVERYONE_WORDS, COMMAND_WORDS, COMPLAINT_TOPICS, GREETINGS, CORRUPTION_WORDS, EXPORT_WORDS, FIX_WORDS, HELP_FILLERS, HELP_WORDS, OWN_CASE_WORDS, PERSISTENCE_WORDS,
  PLEASANTRIES, PLEASANTRY_FILLERS, PROBLEM_WORDS, REQUEST_WORDS, SUMMARY_WORDS, THANKS, WIDER_SCOPE_WORDS, WORK_NAME,
} from './lexicons.js';

/** What a message read on its own may mean, beyond the commands each feature lists. */
export type Intent = 'complaint' | 'corruption' | 'pleasantry' | 'summary' | 'export' | 'myCases' | 'help';

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

/** The words of a message as the lexicons are written (src/domain/normalise.ts): the one reading of words. */
export const wordsOf = (text: string): string[] => normalise(text).words;

const ENGLISH = /^[a-z]+$/;

/** Each entry's words run together, as they are compared (see `find`), and whether it is an English word. */
type Lexicon = { key: string; english: boolean }[];
const lexicon = (entries: readonly string[]): Lexicon =>
  entries.map((e) => wordsOf(e).join('')).filter((key) => key !== '').map((key) => ({ key, english: ENGLISH.test(key) }));
const wordSet = (entries: readonly string[]) => new Set(entries.flatMap(wordsOf));

const TOPICS = lexicon(COMPLAINT_TOPICS);
const PROBLEMS = lexicon(PROBLEM_WORDS);
const PERSISTENCE = lexicon(PERSISTENCE_WORDS);
const FIXES = lexicon(FIX_WORDS);
const ADVICE = lexicon(ADVICE_WORDS);
const EVERYONE = lexicon(EVERYONE_WORDS);
const CORRUPTION = lexicon(CORRUPTION_WORDS);
const PLEASANT = lexicon(PLEASANTRIES);
const THANKFUL = lexicon(THANKS);
const GREETING = lexicon(GREETINGS);
const COMMANDS = lexicon(COMMAND_WORDS);
const FILLERS = wordSet(PLEASANTRY_FILLERS);
const ASKING = wordSet(ASKING_WORDS);
const CASES = lexicon(CASE_WORDS);
const OWN_CASES = lexicon(OWN_CASE_WORDS);
const HELP = lexicon(HELP_WORDS);
// Matched as whole entries: "ใช้งาน" may stand around a help request, "งาน" alone is what is asked about.
const HELP_AROUND = lexicon(HELP_FILLERS);
const SUMMARY = lexicon(SUMMARY_WORDS);
const WIDER_SCOPE = lexicon(WIDER_SCOPE_WORDS);
const EXPORT = lexicon(EXPORT_WORDS);
const REQUEST = wordSet(REQUEST_WORDS);

/** "ไม่" and its English kin ("doesn't" reaches the words as "doesn"). */
const NEGATION = new Set(['ไม่', 'not', 'no', 'never', 'doesn', 'isn', 'hasn', 'didn', 'haven', 'cannot', 'can t']);

/** Words that make a message a question, not a report. */
const QUESTION = new Set(['ไหม', 'มั้ย', 'หรือเปล่า', 'ไหน', 'อะไร', 'ยังไง', 'อย่างไร', 'เมื่อไร', 'เมื่อไหร่', 'ทำไม', 'ใคร', 'กี่', 'เท่าไร', 'เท่าไหร่']);

interface Found {
  hits: number;
  covered: Set<number>;
}

/** Consonants that sound alike (as finals, or in all places), so people type one for another. */
const SOUNDS_ALIKE = ['นณรลญ', 'ดตทธฒฑฐศษสจชซ', 'บปพภฟ', 'กขคฆ', 'ใไ', 'ะั', 'าะ'];
/** Tone marks and vowel signs: the letters most often missed, doubled or swapped. */
const MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;
const alike = (a: string, b: string) => MARK.test(a) || MARK.test(b) || SOUNDS_ALIKE.some((set) => set.includes(a) && set.includes(b));

/**
 * Whether `typed` is `meant` with one slip of the kind people make typing Thai: a tone mark or vowel
 * sign missed, added or swapped ("ทุจริด", "ใต้โตะ"), a letter doubled, or a consonant typed for one that
 * sounds the same ("สินบล"). Any other difference is a different word ("รับของ" is not "รับซอง").
 */
export function slipOf(typed: string, meant: string): boolean {
  if (typed === meant) return true;
  // English endings: "kickbacks", "bribed", "cheating" are the word of the lexicon.
  if (ENGLISH.test(meant)) return typed.startsWith(meant) && ['s', 'es', 'ed', 'd', 'ing'].includes(typed.slice(meant.length));
  // Short words are too close to each other to guess at.
  if (meant.length < 5 || Math.abs(typed.length - meant.length) > 1) return false;
  let i = 0;
  while (i < typed.length && typed[i] === meant[i]) i++;
  if (typed.length === meant.length) return typed.slice(i + 1) === meant.slice(i + 1) && alike(typed[i]!, meant[i]!);
  const [longer, shorter] = typed.length > meant.length ? [typed, meant] : [meant, typed];
  const extra = longer[i]!;
  return longer.slice(i + 1) === shorter.slice(i) && (MARK.test(extra) || extra === longer[i - 1] || extra === longer[i + 1]);
}

/**
 * The entries found as whole words in a row, and which word positions they cover. Words are joined
 * before comparing, because the segmenter cuts the same letters differently in different company
 * ("ขอบคุณ" alone, "ขอบ|คุณ|มาก" in "ขอบคุณมาก"): an entry matches wherever its letters, or its letters
 * with one typing slip, start and end on word boundaries.
 */
function find(words: readonly string[], entries: Lexicon): Found {
  let hits = 0;
  const covered = new Set<number>();
  const spans = spansOf(words);
  for (const { key, english } of entries) {
    let found = false;
    // slipOf allows one letter more or less, or an English ending of up to three letters; one slip leaves
    // the first or the last letter as it was.
    const first = key[0];
    const last = key[key.length - 1];
    for (let length = english ? key.length : key.length - 1; length <= key.length + (english ? 3 : 1); length++) {
      for (const span of spans.get(length) ?? []) {
        if (span.text[0] !== first && span.text[span.text.length - 1] !== last) continue;
        if (!slipOf(span.text, key)) continue;
        found = true;
        for (let k = span.from; k <= span.to; k++) covered.add(k);
      }
    }
    if (found) hits++;
  }
  return { hits, covered };
}

interface Span {
  from: number;
  to: number;
  text: string;
}

/** The longest run of letters any lexicon entry can match, with its slip. */
const LONGEST_SPAN = 48;
const spanCache = new WeakMap<readonly string[], Map<number, Span[]>>();

/**
 * Every run of whole words in the message, joined, by length: built once per message, so that each entry
 * is compared only with runs of about its own length (a message is read against some thousand entries).
 */
function spansOf(words: readonly string[]): Map<number, Span[]> {
  let spans = spanCache.get(words);
  if (spans) return spans;
  spans = new Map();
  for (let from = 0; from < words.length; from++) {
    let text = '';
    for (let to = from; to < words.length; to++) {
      text += words[to];
      if (text.length > LONGEST_SPAN) break;
      const same = spans.get(text.length) ?? [];
      same.push({ from, to, text });
      spans.set(text.length, same);
    }
  }
  spanCache.set(words, spans);
  return spans;
}

/** Word positions that only tell what is thanked for: everything after "ขอบคุณที่…". */
function thankedFor(words: readonly string[], thanks: Found): Set<number> {
  const after = new Set<number>();
  const start = words.findIndex((w, i) => w === 'ที่' && thanks.covered.has(i - 1));
  if (start >= 0) for (let i = start; i < words.length; i++) after.add(i);
  return after;
}

/** The message with the integrity work's own names ("แผนป้องกันการทุจริต") read as the plan they name. */
export const withoutWorkNames = (message: string): string => message.replace(WORK_NAME, ' แผน ');

/** Scores one message for each intent from its normalised words against the lexicons. */
export function readMessage(message: string): Reading {
  // One event reads its text several times (help heard anywhere, my cases, the router's meaning layer).
  const known = readings.get(message);
  if (known) return known;
  const reading = read(message);
  Object.freeze(reading.scores);
  if (readings.size >= 32) readings.delete(readings.keys().next().value!);
  readings.set(message, reading);
  return reading;
}

const readings = new Map<string, Readonly<Reading>>();

function read(message: string): Reading {
  const { words, emoji } = normalise(withoutWorkNames(message));
  const topics = find(words, TOPICS);
  const topic = topics.hits;
  const problems = find(words, PROBLEMS);
  const persistence = find(words, PERSISTENCE).hits;
  const fixes = find(words, FIXES).hits;
  const corruption = find(words, CORRUPTION);
  const pleasant = find(words, PLEASANT);
  const thanks = find(words, THANKFUL);
  const help = find(words, HELP);
  const cases = find(words, CASES).hits;
  const own = find(words, OWN_CASES).hits;
  const summary = find(words, WIDER_SCOPE).hits > 0 ? 0 : find(words, SUMMARY).hits;
  const exported = find(words, EXPORT).hits;

  // "X ไม่ …" with nothing else of a problem: a thing that does not work.
  const negation = words.some((w, i) => NEGATION.has(w) && !problems.covered.has(i) && !pleasant.covered.has(i)) ? 1 : 0;
  const problem = problems.hits + persistence + fixes + negation;
  const story = topic > 0 && problem > 0;

  // A pleasantry: nothing but particles or pictures ("ค่ะ", "👍"); or thanks, agreement, a greeting or
  // small talk that asks nothing, names no command, tells of no problem and reports no corruption.
  // Thanks may name what was done ("ซ่อมไฟเสร็จแล้ว ขอบคุณมาก") and a greeting may go on to small talk,
  // but not to a topic, which may be the start of a complaint.
  // A question mark alone ("?", "??") asks what this is.
  const asksWhat = /^\s*[?？][?？\s]*$/u.test(message);
  const exempt = thankedFor(words, thanks);
  const asks = words.some((w, i) => ASKING.has(w) && !pleasant.covered.has(i) && !exempt.has(i));
  const alarmed = asks || problems.hits > 0 || find(words, COMMANDS).hits > 0 || corruption.hits > 0 || (help.hits > 0 && [...help.covered].some((i) => !exempt.has(i)));
  const onlyPleasant = words.every((w, i) => pleasant.covered.has(i) || FILLERS.has(w));
  const empty = words.length === 0 && (emoji.length > 0 || message.trim() !== '') && !asksWhat;
  const pleasantry = empty || (pleasant.hits > 0 && !alarmed && (onlyPleasant || thanks.hits > 0 || (topic === 0 && find(words, GREETING).hits > 0))) ? SURE : 0;

  // A problem with something public is a complaint; a topic or problem words alone only hint at one.
  // A topic told at some length, no question, is a report of it too ("มีรังผึ้งใหญ่หน้าบ้าน").
  const telling = words.filter((w, i) => !topics.covered.has(i) && !REQUEST.has(w)).length >= 3 && !words.some((w) => QUESTION.has(w));
  // "ทุกคน" reads as "ทุกคืน" with one slip: who is warned is not how long something went on.
  const everyone = find(words, EVERYONE);
  const lasting = [...find(words, PERSISTENCE).covered].some((i) => !everyone.covered.has(i));
  const advises = find(words, ADVICE).hits > 0 && everyone.hits > 0 && fixes === 0 && !lasting;
  let complaint = 0;
  if (advises) complaint = 0;
  else if (story) complaint = topic + problem;
  else if (topic > 0 && telling) complaint = SURE;
  else if (topic > 0 || problem >= 2) complaint = 1;

  // "ประวัติการร้องเรียนของผม", "เรื่องที่เคยแจ้งไว้": the person's own cases, unless it goes on to tell a story.
  const myCases = cases > 0 && own > 0 && !story && corruption.hits === 0 ? SURE + 1 : 0;
  // "ใช้ยังไง", "ขอเมนูหน่อย": nothing but asking how or what, with none of a problem's words.
  const around = find(words, HELP_AROUND).covered;
  const onlyHelp = words.every((_, i) => help.covered.has(i) || around.has(i));
  const helpScore = asksWhat ? SURE + 1 : help.hits === 0 || story || corruption.hits > 0 ? 0 : onlyHelp ? SURE + 1 : 1;

  const reportWord = words.includes('รายงาน') || words.includes('report') ? 1 : 0;
  return {
    scores: {
      pleasantry,
      complaint: pleasantry ? 0 : complaint,
      corruption: corruption.hits * SURE,
      summary: summary > 0 ? summary + 1 : 0,
      export: exported > 0 ? exported + reportWord : 0,
      myCases: pleasantry ? 0 : myCases,
      help: pleasantry ? 0 : helpScore,
    },
    topics: topic,
    tellsStory: words.some((w, i) => !corruption.covered.has(i) && !REQUEST.has(w)),
  };
}

/** Whether a message means the intent without asking: sure of it, and none of `rivals` (all intents by default) scores as high. */
export function means(reading: Reading, intent: Intent, rivals: readonly Intent[] = Object.keys(reading.scores) as Intent[]): boolean {
  const score = reading.scores[intent];
  return score >= SURE && rivals.every((other) => other === intent || reading.scores[other] < score);
}

/** The intents a message may mean, likeliest first, of those `usable` by the person writing. */
export function likelyIntents(reading: Reading, usable: (intent: Intent) => boolean): Intent[] {
  return (Object.keys(reading.scores) as Intent[])
    .filter((intent) => reading.scores[intent] > 0 && usable(intent))
    .sort((a, b) => reading.scores[b] - reading.scores[a]);
}
