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
 * Notices to the same people within this window go as one push (outbox/merge.ts): a notice a person's action
 * causes (a new case, a status change, an OIT answer) is first due this long after it is written, and whatever
 * else is written for the same people meanwhile rides with it, or with the reply to their next message
 * (outbox/reply-extras.ts). A job's run writes all its messages at once, so they are merged without waiting.
 * Set once at start from NOTICE_MERGE_SECONDS.
 */
let mergeWindowSeconds = 60;

export function setNoticeMergeWindow(seconds: number): void {
  mergeWindowSeconds = seconds;
}

export function noticeMergeWindow(): number {
  return mergeWindowSeconds;
}

/**
 * The outbox messages for what is to go out. Recipients beyond LINE's multicast limit and messages beyond 5 a
 * request are split into parts whose keys extend the given one, in a fixed order, so a resumed run splits the
 * same way.
 */
export function outboxParts(orgId: string, source: string, outgoing: Outgoing[], now: Date, sealer: Sealer, holdSeconds = 0): NewOutboxMessage[] {
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
          dueAt: new Date(now.getTime() + holdSeconds * 1000),
        });
      }
    }
  }
  return parts;
}

/** Puts messages in the outbox (see `outboxParts`), due after `holdSeconds`; returns how many parts were new. */
export async function enqueue(orgId: string, source: string, outgoing: Outgoing[], now: Date, sealer: Sealer, holdSeconds = 0): Promise<number> {
  let added = 0;
  for (const part of outboxParts(orgId, source, outgoing, now, sealer, holdSeconds)) if (await addToOutbox(part)) added++;
  return added;
}
