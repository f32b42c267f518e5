import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a phrase asks for; `none` is a pleasantry or chit-chat that must not start anything. */
export const INTENTS = [
  'complaint',
  'corruption',
  'track',
  'my-cases',
  'cancel',
  'help',
  'report',
  'summary',
  'export',
  'oit',
  'rollup',
  'stats',
  'profile',
  'register',
  'none',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Who writes it: a LINE user with no staff role, or staff registered with that role. */
export type Role = 'citizen' | 'officer' | 'executive' | 'supervisor';

/**
 * Where it is written: as a first message; at the complaint dialog's story question (after choosing a
 * general complaint: cancel, help, and tracking an earlier case); or after the person has filed a case
 * (tracking, their cases, thanks).
 */
export type Context = 'first' | 'story-question' | 'after-case';

export interface Phrase {
  /** As typed; `{code}` / `{lower}` stand for a fresh invite code (upper / lower case), which is random. */
  text: string;
  intent: Intent;
  role: Role;
  context: Context;
  split: 'build' | 'held-out';
  /** How it is written: polite, casual, particle, typo, isan, north, south, thai-digits, english, emoji… */
  features: string[];
  /** For tracking: the case number the phrase names, canonical (G2570-0114); the sender's case gets it. */
  caseNo: string | null;
}

export const PHRASE_FILE = fileURLToPath(new URL('../phrases/phrases.tsv', import.meta.url));

/** The labelled phrases (test/phrases/phrases.tsv: one a line, tab-separated, a header first). */
export function loadPhrases(file = PHRASE_FILE): Phrase[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  if (header !== 'text\tintent\trole\tcontext\tsplit\tfeatures\tcase') throw new Error(`unexpected header in ${file}`);
  return lines.map((line, i) => {
    const [text, intent, role, context, split, features, caseNo] = line.split('\t');
    if (!text || !INTENTS.includes(intent as Intent)) throw new Error(`line ${i + 2}: bad intent ${intent}`);
    if (!['citizen', 'officer', 'executive', 'supervisor'].includes(role!)) throw new Error(`line ${i + 2}: bad role ${role}`);
    if (!['first', 'story-question', 'after-case'].includes(context!)) throw new Error(`line ${i + 2}: bad context ${context}`);
    if (split !== 'build' && split !== 'held-out') throw new Error(`line ${i + 2}: bad split ${split}`);
    if (intent === 'track' && !/^G\d{4}-\d{4}$/.test(caseNo ?? '')) throw new Error(`line ${i + 2}: a tracking phrase needs its case number`);
    return {
      text,
      intent: intent as Intent,
      role: role as Role,
      context: context as Context,
      split,
      features: (features ?? '').split(',').filter(Boolean),
      caseNo: caseNo || null,
    };
  });
}
