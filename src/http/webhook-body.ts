import { z } from 'zod';
import type { IncomingEvent } from '../db/event-store.js';

/**
 * The shape every LINE webhook body has, checked before anything is stored: the fields the bot relies on
 * have the right types and sane sizes; fields LINE may add later pass through. Anything else is not from
 * LINE (it would need the channel secret to be signed) and gets 400 rather than being stored.
 */
const MAX_DEPTH = 32;

const source = z.object({ type: z.enum(['user', 'group', 'room']), userId: z.string().max(64).optional() }).loose();

const event = z
  .object({
    webhookEventId: z.string().min(1).max(64),
    type: z.string().min(1).max(64),
    timestamp: z.number().int().nonnegative(),
    source: source.optional(),
    replyToken: z.string().max(256).optional(),
    message: z
      .object({ type: z.string().min(1).max(32), id: z.string().min(1).max(64), text: z.string().max(20_000).optional(), fileName: z.string().max(1_000).optional() })
      .loose()
      .optional(),
    postback: z.object({ data: z.string().max(1_000) }).loose().optional(),
  })
  .loose()
  .refine((e) => e.type !== 'message' || e.message !== undefined, 'a message event needs a message')
  .refine((e) => e.type !== 'postback' || e.postback !== undefined, 'a postback event needs a postback');

// No cap on the number of events: LINE documents none, and refusing a body would lose every event in it.
// What bounds a body is its size (WEBHOOK_BODY_LIMIT, checked before it is read).
const body = z.object({ destination: z.string().max(64).optional(), events: z.array(event) }).loose();

/** How deeply brackets nest outside strings: a cheap guard before JSON.parse and JSON.stringify recurse. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') max = Math.max(max, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return max;
}

export type ParsedBody = { ok: true; events: IncomingEvent[] } | { ok: false; error: string };

export function parseWebhookBody(text: string): ParsedBody {
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, error: 'body nests too deeply' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'body is not a LINE webhook' };
  return { ok: true, events: parsed.data.events as IncomingEvent[] };
}
