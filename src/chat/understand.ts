import type { DialogInput } from '../dialogs/types.js';
import { arabicDigits } from '../domain/thai.js';
import type { Feature } from '../features/common/context.js';
import { cueScore, FITS, scorable, type Scorable } from '../features/common/cues.js';

export interface Understood {
  feature: Feature;
  /** What the request named ("ติดตาม G2569-0001" → the number); '' when nothing. */
  argument: string;
}

interface Fit extends Understood {
  score: number;
}

/**
 * How well a sentence fits one feature: by its cue words, or by its sentence pattern (which counts as
 * `FITS`). `least` is the score needed: below `FITS`, only cue words count.
 */
function fitOf(feature: Feature, s: Scorable, plain: string, typed: string, least: number): Fit | null {
  let best: Fit | null = null;
  const { meaning, cues } = feature;
  if (meaning && least >= FITS) {
    const argument = meaning instanceof RegExp ? (meaning.test(plain) ? '' : null) : meaning(plain, typed);
    if (argument != null) best = { feature, argument, score: FITS };
  }
  if (cues) {
    const score = cueScore(cues, s);
    if (score >= least && (!best || score > best.score)) best = { feature, argument: cues.argument?.(s.message, typed) ?? '', score };
  }
  return best;
}

/** The feature the sentence fits best; on equal scores the earlier one in FEATURES, which lists the narrower first. */
function bestOf(features: readonly Feature[], s: Scorable, plain: string, typed: string, least = FITS): Understood | null {
  let best: Fit | null = null;
  for (const feature of features) {
    const fit = fitOf(feature, s, plain, typed, least);
    if (fit && (!best || fit.score > best.score)) best = fit;
  }
  return best && { feature: best.feature, argument: best.argument };
}

/**
 * Which feature a message or button asks for. Typed commands and buttons count anywhere; a sentence is
 * read for its meaning only when no dialog waits for an answer, because a typed answer
 * ("อยากร้องเรียนเรื่องถนน" as a complaint's story) must stay an answer. A sentence means what it would
 * mean for its writer: it goes to the feature the sender `may` use that it fits best (an executive's
 * "ภาพรวม" is their summary, a supervisor's the roll-up; an officer's "รายงาน…การทุจริต" names an item),
 * and only when none of theirs fits to one they may not use (which refuses).
 */
export function understand(features: readonly Feature[], input: DialogInput, dialogUnderway: boolean, may: (feature: Feature) => boolean = () => true): Understood | null {
  if (input.kind === 'postback') {
    const feature = features.find((f) => Object.values(f.actions ?? {}).some((a) => a.name === input.action && !a.inDialog));
    return feature ? { feature, argument: '' } : null;
  }
  if (input.kind === 'media') {
    const feature = dialogUnderway ? undefined : features.find((f) => f.takesFile?.(input));
    return feature ? { feature, argument: '' } : null;
  }
  if (input.kind !== 'text') return null;
  const exact = input.text.trim().replace(/\s+/g, ' ').toLowerCase();
  // A command that is not the sender's may still mean something of theirs ("รายงาน" from an executive is
  // a report file): it refuses only when nothing of theirs fits.
  let notTheirs: Understood | null = null;
  for (const feature of features) {
    const argument = feature.words?.some((w) => w.toLowerCase() === exact) ? '' : feature.command?.(input.text);
    if (argument == null) continue;
    if (may(feature)) return { feature, argument };
    notTheirs ??= { feature, argument };
  }
  if (dialogUnderway) return notTheirs;
  const plain = arabicDigits(input.text).toLowerCase().replace(/\s+/g, '');
  if (plain === '') return notTheirs;
  const s = scorable(input.text);
  const usable = features.filter(may);
  // Another's command word is itself a strong cue: a lighter one of the sender's own features' cue words is
  // enough ("รายงาน" from an executive is a report file), but no looser sentence pattern ("สถิติร้องเรียน" from
  // a citizen is refused, not taken for a complaint).
  // A refusal needs a clear request: hints that merely add up ("เป็นไงบ้าง") are no executive's summary
  // asked for by a citizen.
  return bestOf(usable, s, plain, input.text, notTheirs ? FITS - 0.5 : FITS) ?? notTheirs ?? bestOf(features.filter((f) => !usable.includes(f)), s, plain, input.text, FITS + 0.5);
}
