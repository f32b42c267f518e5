import { LINE_LIMITS } from '../line/limits.js';
import type { Message } from '../line/messages.js';

const SEPARATOR = '\n\n';

/** A text with nothing but its words and perhaps quick replies: two such can be one bubble without loss. */
function plainText(message: Message): message is Message & { type: 'text'; text: string } {
  if (message.type !== 'text') return false;
  const extra = Object.keys(message).filter((k) => k !== 'type' && k !== 'text' && k !== 'quickReply');
  return extra.length === 0;
}

/**
 * The answer to one event, made to fit one reply when it can: above LINE's 5 messages a request, neighbouring
 * plain texts are joined into one bubble (the later one's quick replies kept: LINE shows only the last
 * message's), from the first pair on, until it fits. What still does not fit is not cut: the sender pushes
 * the whole answer in parts, in order.
 */
export function fitReply(messages: Message[]): Message[] {
  const out = [...messages];
  for (let i = 0; out.length > LINE_LIMITS.messagesPerRequest && i < out.length - 1; ) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (plainText(a) && plainText(b) && a.text.length + SEPARATOR.length + b.text.length <= LINE_LIMITS.textLength) {
      out.splice(i, 2, { ...b, text: `${a.text}${SEPARATOR}${b.text}` });
    } else i++;
  }
  return out;
}
