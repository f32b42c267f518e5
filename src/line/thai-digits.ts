import { thaiDigits } from '../domain/thai.js';
import type { Message } from './messages.js';

/** The fields people read. Everything else (addresses, postback data, sizes, colours) is left alone. */
const WORDS = new Set(['text', 'altText', 'label', 'displayText', 'title', 'address']);
const WEB_ADDRESS = /https?:\/\/\S+/g;

/** Thai digits in words, web addresses kept as they are. */
function convert(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    out += thaiDigits(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + thaiDigits(text.slice(last));
}

function walk(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(walk);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, typeof v === 'string' ? (WORDS.has(k) ? convert(v) : v) : walk(v)]));
}

/**
 * Everything the bot says uses Thai digits, as Thai documents do, so one message never mixes two digit
 * styles (a flex card built from a date, an amount and a count used to). Done once, on the way out to
 * LINE, because message builders are many and a rule kept by each of them is a rule broken by one.
 * Everything that reads what people type accepts both styles.
 */
export function inThaiDigits(messages: Message[]): Message[] {
  return walk(messages) as Message[];
}
