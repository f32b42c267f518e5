import { randomUUID } from 'node:crypto';
import { addToOutbox, claimHandOver, handOverableTo, markMerged, type DueOutboxMessage, type HandOverable } from '../db/outbox-store.js';
import type { Message } from '../line/client.js';
import { LINE_LIMITS } from '../line/limits.js';
import { retryKeyFor } from '../line/retry-key.js';
import type { Sealer } from '../security/crypto.js';
import { isMessageKind, isRequiredKind, kindOfOutgoing, type MessageKind } from '../domain/message-kinds.js';

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
 */
export async function mergeDue(due: DueOutboxMessage[], deps: { sealer: Sealer; now: Date }): Promise<{ merged: Set<string>; added: DueOutboxMessage[] }> {
  const merged = new Set<string>();
  const added: DueOutboxMessage[] = [];
  // Only notices never tried (or refused for the quota) may change how they go.
  const keys = [...new Set(due.filter((d) => d.toKey && d.attempts === 0).map((d) => d.toKey!))];
  const byKey = new Map<string, HandOverable[]>();
  // Per organisation too: each sends through its own LINE channel.
  for (const row of await handOverableTo(keys)) byKey.set(`${row.orgId}|${row.toKey}`, [...(byKey.get(`${row.orgId}|${row.toKey}`) ?? []), row]);
  for (const rows of byKey.values()) {
    for (const pack of packs(rows, deps.sealer)) {
      if (pack.length < 2) continue;
      const id = `merged:${pack[0]!.row.id}:${randomUUID().slice(0, 8)}`;
      const won: typeof pack = [];
      for (const item of pack) if (await claimHandOver(item.row, `merge:${id}`, deps.now)) won.push(item);
      if (won.length === 0) continue;
      const first = won[0]!.row;
      await addToOutbox({
        id,
        orgId: first.orgId,
        source: 'merged',
        toSealed: first.toSealed,
        recipients: first.recipients,
        toKey: first.toKey,
        messagesSealed: deps.sealer.seal(JSON.stringify(won.flatMap((w) => w.messages))),
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
  return { merged, added };
}

/**
 * A merged push is counted once, under the kind of its most important notice: one a rule requires if it holds
 * one (it must go whatever the month's budget), else its oldest.
 */
function packKind(rows: HandOverable[]): MessageKind {
  const kinds = rows.map((r) => (isMessageKind(r.kind) ? r.kind : kindOfOutgoing(r.source, r.id)));
  return kinds.find(isRequiredKind) ?? kinds[0]!;
}

/** Consecutive notices, oldest first, in packs of at most five message objects. */
function packs(rows: HandOverable[], sealer: Sealer): { row: HandOverable; messages: Message[] }[][] {
  const out: { row: HandOverable; messages: Message[] }[][] = [];
  let current: { row: HandOverable; messages: Message[] }[] = [];
  let size = 0;
  for (const row of rows) {
    const messages = JSON.parse(sealer.open(row.messagesSealed)) as Message[];
    if (size + messages.length > LINE_LIMITS.messagesPerRequest && current.length > 0) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push({ row, messages });
    size += messages.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}
