import { randomUUID } from 'node:crypto';
import { addToOutbox, claimHandOver, handOverableTo, markMerged, nextAttemptClaimedAt, type DueOutboxMessage, type HandOverable } from '../db/outbox-store.js';
import type { Message } from '../line/client.js';
import { LINE_LIMITS } from '../line/limits.js';
import { retryKeyFor } from '../line/retry-key.js';
import type { Sealer } from '../security/crypto.js';
import { isMessageKind, isRequiredKind, kindOfOutgoing, type MessageKind } from '../domain/message-kinds.js';
import type { DigitStyle } from '../domain/figures.js';
import { digestSummary } from './digest-summary.js';

/**
 * LINE counts a push of one to five message objects to a person as one message: so the notices waiting for
 * the same people (due now, or still gathered in their window) are packed, oldest first, into as few pushes
 * of at most five objects as they fit, each a row of its own (`merged:…`) with its own retry key.
 *
 * Exactly once, with several instances: each notice of a pack is claimed as its next send attempt with the
 * owner `merge:<row>` (`claimHandOver`); only the notices won go into the row, which is written before they are
 * marked merged. If the instance dies in between, the sender's lease moves a claimed notice on after a minute
 * and, seeing its attempt owned by a merge whose row exists, marks it merged instead of pushing it
 * (`sender.ts`); if the row was never written, the notice is pushed on its own. A notice is never in two pushes.
 *
 * At a person's digest (notices held for it are among theirs), everything waiting goes as ONE push: when it is
 * more than five message objects, a summary first (`digest-summary.ts`), then as many whole notices as fit,
 * those that must go whole first (a rule's, a job's); the held notices not shown whole are delivered by their
 * line in the summary, members of the push like the others.
 */
export async function mergeDue(
  due: DueOutboxMessage[],
  deps: { sealer: Sealer; now: Date; digitsOf?: (orgId: string) => DigitStyle },
): Promise<{ merged: Set<string>; added: DueOutboxMessage[]; busy: Set<string> }> {
  const merged = new Set<string>();
  const added: DueOutboxMessage[] = [];
  // People whose notices another instance (or a reply) is taking now: this drain leaves them alone.
  const busy = new Set<string>();
  // Only notices never tried (or refused for the quota) may change how they go.
  const keys = [...new Set(due.filter((d) => d.toKey && d.attempts === 0).map((d) => d.toKey!))];
  const byKey = new Map<string, HandOverable[]>();
  // Per organisation too: each sends through its own LINE channel.
  for (const row of await handOverableTo(keys)) byKey.set(`${row.orgId}|${row.toKey}`, [...(byKey.get(`${row.orgId}|${row.toKey}`) ?? []), row]);
  for (const rows of byKey.values()) {
    packing: for (const pack of plan(rows.map((row) => ({ row, messages: JSON.parse(deps.sealer.open(row.messagesSealed)) as Message[] })))) {
      if (pack.length < 2) continue;
      const id = `merged:${pack[0]!.row.id}:${randomUUID().slice(0, 8)}`;
      const won: typeof pack = [];
      for (const item of pack) {
        if (await claimHandOver(item.row, `merge:${id}`, deps.now)) won.push(item);
        // Every instance claims a person's notices oldest first: losing the first to a claim just made means
        // another is packing them, and taking the rest here would split the person's one push in two. (An old
        // claim is a dead instance's: its lease moves the notice on, and the rest are packed here.)
        else if (won.length === 0 && (await claimedMomentsAgo(item.row, deps.now))) {
          busy.add(rows[0]!.toKey);
          break packing;
        }
      }
      if (won.length === 0) continue;
      const first = won[0]!.row;
      await addToOutbox({
        id,
        orgId: first.orgId,
        source: 'merged',
        toSealed: first.toSealed,
        recipients: first.recipients,
        toKey: first.toKey,
        messagesSealed: deps.sealer.seal(JSON.stringify(compose(won, deps.digitsOf?.(first.orgId) ?? 'arabic'))),
        retryKey: retryKeyFor(id),
        // Its place in the organisation's lane is its oldest notice's.
        createdAt: first.createdAt,
        dueAt: deps.now,
        members: won.map((w) => w.row.id),
        kind: packKind(won.map((w) => w.row)),
      });
      await markMerged(won.map((w) => w.row.id), id);
      for (const w of won) merged.add(w.row.id);
      added.push({ id, orgId: first.orgId, attempts: 0, createdAt: first.createdAt, toKey: first.toKey });
    }
  }
  return { merged, added, busy };
}

/**
 * A merged push is counted once, under the kind of its most important notice: one a rule requires if it holds
 * one (it must go whatever the month's budget), else its oldest.
 */
function packKind(rows: HandOverable[]): MessageKind {
  const kinds = rows.map((r) => (isMessageKind(r.kind) ? r.kind : kindOfOutgoing(r.source, r.id)));
  return kinds.find(isRequiredKind) ?? kinds[0]!;
}

/** As long as the sender's lease (sender.ts): a claim younger than this may be another instance's work under way. */
const CLAIM_UNDER_WAY_MS = 60_000;

async function claimedMomentsAgo(row: HandOverable, now: Date): Promise<boolean> {
  const at = await nextAttemptClaimedAt(row);
  return at !== null && now.getTime() - at.getTime() < CLAIM_UNDER_WAY_MS;
}

type Item = { row: HandOverable; messages: Message[] };

const size = (items: Item[]) => items.reduce((n, i) => n + i.messages.length, 0);
const kindOf = (row: HandOverable): MessageKind => (isMessageKind(row.kind) ? row.kind : kindOfOutgoing(row.source, row.id));

/** What goes whole beside a digest's summary: what must go whole first, then held notices, oldest first, as fit. */
function shownWhole(items: Item[]): Set<Item> {
  const whole = new Set<Item>();
  let room = LINE_LIMITS.messagesPerRequest - 1;
  for (const item of [...items.filter((i) => !i.row.digest), ...items.filter((i) => i.row.digest)]) {
    if (item.messages.length <= room) {
      whole.add(item);
      room -= item.messages.length;
    }
  }
  return whole;
}

/**
 * A person's notices, oldest first, in pushes: at most five message objects each, consecutive; or, at their
 * digest when it does not fit in five, one push with every held notice (`compose` summarises), and what must go
 * whole but does not fit beside the summary in pushes of its own.
 */
function plan(items: Item[]): Item[][] {
  if (size(items) <= LINE_LIMITS.messagesPerRequest || !items.some((i) => i.row.digest)) return packs(items);
  const whole = shownWhole(items);
  const digest = items.filter((i) => i.row.digest || whole.has(i));
  return [digest, ...packs(items.filter((i) => !digest.includes(i)))];
}

/** A push's messages: its notices as they are when they fit in five objects, else the summary and those shown whole. */
function compose(items: Item[], digits: DigitStyle): Message[] {
  if (size(items) <= LINE_LIMITS.messagesPerRequest) return items.flatMap((i) => i.messages);
  const whole = shownWhole(items);
  const summarised = items.filter((i) => !whole.has(i)).map((i) => ({ kind: kindOf(i.row), messages: i.messages }));
  const summary = digestSummary({ total: items.length, shownWhole: whole.size, summarised, digits });
  return [summary, ...items.filter((i) => whole.has(i)).flatMap((i) => i.messages)];
}

/** Consecutive notices, oldest first, in packs of at most five message objects. */
function packs(items: Item[]): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  let total = 0;
  for (const item of items) {
    if (total + item.messages.length > LINE_LIMITS.messagesPerRequest && current.length > 0) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += item.messages.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}
