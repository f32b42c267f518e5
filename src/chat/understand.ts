import type { DialogInput } from '../dialogs/types.js';
import { arabicDigits } from '../domain/thai.js';
import type { Feature } from './context.js';

export interface Understood {
  feature: Feature;
  /** What the request named ("ติดตาม G2569-0001" → the number); '' when nothing. */
  argument: string;
}

/**
 * Which feature a message or button asks for. Typed commands and buttons count anywhere; a sentence is
 * read for its meaning only when no dialog waits for an answer, because a typed answer
 * ("อยากร้องเรียนเรื่องถนน" as a complaint's story) must stay an answer. A sentence goes to the first
 * feature the sender `may` use that it fits, and only failing that to one they may not (which refuses):
 * "รายงานการทุจริต" is an officer naming an item, and a citizen reporting corruption.
 */
export function understand(features: readonly Feature[], input: DialogInput, dialogUnderway: boolean, may: (feature: Feature) => boolean = () => true): Understood | null {
  if (input.kind === 'postback') {
    const feature = features.find((f) => f.postbacks?.includes(input.action));
    return feature ? { feature, argument: '' } : null;
  }
  if (input.kind !== 'text') return null;
  const exact = input.text.trim().replace(/\s+/g, ' ').toLowerCase();
  for (const feature of features) {
    if (feature.words?.some((w) => w.toLowerCase() === exact)) return { feature, argument: '' };
    const argument = feature.command?.(input.text);
    if (argument != null) return { feature, argument };
  }
  if (dialogUnderway) return null;
  const plain = arabicDigits(input.text).toLowerCase().replace(/\s+/g, '');
  if (plain === '') return null;
  const usable = features.filter(may);
  for (const feature of [...usable, ...features.filter((f) => !usable.includes(f))]) {
    const { meaning } = feature;
    if (!meaning) continue;
    const argument = meaning instanceof RegExp ? (meaning.test(plain) ? '' : null) : meaning(plain, input.text);
    if (argument != null) return { feature, argument };
  }
  return null;
}
