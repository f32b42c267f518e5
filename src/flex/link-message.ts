import { truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import type { Message, QuickReply } from '../line/messages.js';

/** A button that opens an address: a signed link is hundreds of characters nobody should have to read or copy. */
export interface LinkButton {
  label: string;
  uri: string;
}

/** How much of a text the bubble shows: well inside a bubble's size, even in Thai (3 bytes a character). */
const BODY_MAX = 2_000;

/** A short text with one or more link buttons under it, as a flex bubble (quick replies stay on it). */
export function linkMessage(body: string, buttons: readonly LinkButton[], quickReplies?: QuickReply[]): Message {
  const shown = truncate(body, BODY_MAX);
  return {
    type: 'flex',
    altText: truncate(shown, LINE_LIMITS.altText),
    contents: {
      type: 'bubble',
      body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: shown, wrap: true, size: 'sm' }] },
      footer: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: buttons.map((b, i) => ({
          type: 'button' as const,
          style: i === 0 ? ('primary' as const) : ('secondary' as const),
          height: 'sm' as const,
          action: { type: 'uri' as const, label: truncate(b.label, LINE_LIMITS.actionLabel), uri: b.uri },
        })),
      },
    },
    ...(quickReplies && quickReplies.length > 0 ? { quickReply: { items: quickReplies } } : {}),
  };
}
