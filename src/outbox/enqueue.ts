import { addToOutbox, type NewOutboxMessage } from '../db/outbox-store.js';
import { kindOfOutgoing, type MessageKind } from '../domain/message-kinds.js';
import type { Message } from '../line/client.js';
import { LINE_LIMITS } from '../line/limits.js';
import { retryKeyFor } from '../line/retry-key.js';
import type { Sealer } from '../security/crypto.js';

export interface Outgoing {
  /** Stable for what this message is, e.g. `<run id>:<staff id>` or `<complaint id>:<event>`; never a citizen's LINE id. */
  key: string;
  to: string[];
  messages: Message[];
  /** What it is, when the key cannot tell (a case's notice to the corruption channel); else read from the key. */
  kind?: MessageKind;
}

/**
 * When a notice is first due, if not at once: later than written while notices to the same people are gathered
 * (outbox/merge.ts), or at the person's daily digest (`digest`: it may then be summarised in that push).
 */
export interface Hold {
  until: Date;
  digest?: boolean;
}

/**
 * The outbox messages for what is to go out. Recipients beyond LINE's multicast limit and messages beyond 5 a
 * request are split into parts whose keys extend the given one, in a fixed order, so a resumed run splits the
 * same way.
 */
export function outboxParts(orgId: string, source: string, outgoing: Outgoing[], now: Date, sealer: Sealer, hold?: Hold): NewOutboxMessage[] {
  const parts: NewOutboxMessage[] = [];
  for (const item of outgoing) {
    const recipients = [...new Set(item.to)].sort();
    for (let r = 0; r < recipients.length; r += LINE_LIMITS.multicastRecipients) {
      for (let m = 0; m < item.messages.length; m += LINE_LIMITS.messagesPerRequest) {
        const key = `${item.key}:r${r / LINE_LIMITS.multicastRecipients}:m${m / LINE_LIMITS.messagesPerRequest}`;
        parts.push({
          id: key,
          orgId,
          source,
          kind: item.kind ?? kindOfOutgoing(source, item.key),
          toSealed: sealer.seal(JSON.stringify(recipients.slice(r, r + LINE_LIMITS.multicastRecipients))),
          recipients: Math.min(LINE_LIMITS.multicastRecipients, recipients.length - r),
          toKey: sealer.userKey(recipients.slice(r, r + LINE_LIMITS.multicastRecipients).join(',')),
          messagesSealed: sealer.seal(JSON.stringify(item.messages.slice(m, m + LINE_LIMITS.messagesPerRequest))),
          retryKey: retryKeyFor(key),
          createdAt: now,
          dueAt: hold?.until ?? now,
          ...(hold?.digest ? { digest: true } : {}),
        });
      }
    }
  }
  return parts;
}

/** Puts messages in the outbox (see `outboxParts`), due at once or as held; returns how many parts were new. */
export async function enqueue(orgId: string, source: string, outgoing: Outgoing[], now: Date, sealer: Sealer, hold?: Hold): Promise<number> {
  let added = 0;
  for (const part of outboxParts(orgId, source, outgoing, now, sealer, hold)) if (await addToOutbox(part)) added++;
  return added;
}
