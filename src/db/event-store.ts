import { addSeconds } from 'date-fns';
import type { Sealer } from '../security/crypto.js';
import { batchedInsert } from './group-commit.js';
import { claimRound, type ClaimLedger, type Lease } from './lease.js';
import { EventAttemptModel, WebhookEventModel, WebhookReceiptModel } from './models/webhook-event.js';

export interface IncomingEvent {
  webhookEventId: string;
  type: string;
  timestamp: number;
  source?: { type?: string; userId?: string };
}

/**
 * If the instance that accepted an event dies before answering it, the sweeper takes the event over
 * once this lease has passed.
 */
const FIRST_ATTEMPT_LEASE_SECONDS = 60;

/** An event as the inbox holds it; intake hands these to the runner, so a first attempt reads nothing back. */
export interface StoredEvent {
  _id: string;
  orgId: string;
  type: string;
  sourceUserKey: string | null;
  timestamp: Date;
  body: string;
  state: 'pending' | 'replying' | 'dead';
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  nextAttemptAt: Date;
}

const insertIntoInbox = batchedInsert<StoredEvent>(WebhookEventModel);
const insertReceipt = batchedInsert<{ _id: string; orgId: string; receivedAt: Date }>(WebhookReceiptModel);
const insertRecord = batchedInsert<{ _id: string; eventId: string; claimedAt: Date; owner: string; repliesSealed?: string }>(EventAttemptModel);

const attempts: ClaimLedger<{ _id: string; eventId: string; claimedAt: Date; owner: string }> = {
  record: (_id, eventId, owner, claimedAt) => ({ _id, eventId, claimedAt, owner }),
  insert: insertRecord,
};

const attemptLease = (seconds: number): Lease => ({
  seconds,
  claimedAt: async (claimId) => (await EventAttemptModel.findById(claimId).lean())?.claimedAt ?? null,
  moveOn: async (eventId, attempt) => {
    await WebhookEventModel.updateOne({ _id: eventId, attempts: attempt - 1 }, { $set: { attempts: attempt } });
  },
});

/**
 * Stores one event; true when it is new. Two inserts, side by side (LINE waits for both):
 *  - into the inbox: an event still there (a redelivery of unfinished work) collides, and is not new;
 *  - its receipt: a collision here means the event was seen before. If it has a `#done` record it finished
 *    and left the inbox, so the copy just put there is removed again (should that fail, the sweep finds the
 *    `#done` before the copy could run). Without one, the earlier intake failed half-way (the inbox insert
 *    did not land, LINE was answered 503 and redelivers): the event is new.
 * Concurrent webhooks share each write (group commit), so a burst becomes a few large inserts.
 */
async function storeEvent(doc: StoredEvent): Promise<boolean> {
  const [inInbox, receipted] = await Promise.all([insertIntoInbox(doc), insertReceipt({ _id: doc._id, orgId: doc.orgId, receivedAt: doc.receivedAt })]);
  if (!inInbox) return false;
  if (receipted || !(await isFinished(doc._id))) return true;
  await WebhookEventModel.deleteOne({ _id: doc._id });
  return false;
}

/**
 * Stores events durably, before LINE gets its 200. Returns the events that are new; an event seen before
 * (a redelivery, or the same event sent twice) is left out.
 */
export async function storeEvents(orgId: string, events: IncomingEvent[], now: Date, sealer: Sealer): Promise<StoredEvent[]> {
  // The same event twice in one body is one event.
  const unique = [...new Map(events.map((e) => [e.webhookEventId, e])).values()];
  const docs: StoredEvent[] = unique.map((e) => ({
    _id: e.webhookEventId,
    orgId,
    type: e.type,
    sourceUserKey: e.source?.type === 'user' && e.source.userId ? sealer.userKey(e.source.userId) : null,
    timestamp: new Date(e.timestamp),
    body: sealer.seal(JSON.stringify(e)),
    state: 'pending',
    attempts: 0,
    lastError: null,
    receivedAt: now,
    nextAttemptAt: addSeconds(now, FIRST_ATTEMPT_LEASE_SECONDS),
  }));
  const fresh = await Promise.all(docs.map(storeEvent));
  return docs.filter((_, i) => fresh[i]);
}

/**
 * Claims attempt `n` of an event, `n` being one more than the attempts the caller saw on the event: of two
 * instances that saw the same state, one wins.
 */
export async function claimAttempt(eventId: string, attempt: number, owner: string, now: Date, leaseSeconds: number): Promise<boolean> {
  return claimRound(attempts, { unitId: eventId, round: attempt, owner, now }, attemptLease(leaseSeconds));
}

export async function loadEvent(eventId: string): Promise<StoredEvent | null> {
  return WebhookEventModel.findById(eventId).lean<StoredEvent>();
}

const DONE = (eventId: string) => `${eventId}#done`;

/** Whether the event finished before: a copy still in the inbox is then a leftover, never to be run again. */
export async function isFinished(eventId: string): Promise<boolean> {
  return (await EventAttemptModel.exists({ _id: DONE(eventId) })) !== null;
}

/**
 * For an event that reached the inbox but not the receipts (the database failed between the two writes, and
 * LINE was answered 503): without its receipt, a later redelivery would be taken for a new event.
 */
export async function ensureReceipt(event: Pick<StoredEvent, '_id' | 'orgId' | 'receivedAt'>): Promise<void> {
  await insertReceipt({ _id: event._id, orgId: event.orgId, receivedAt: event.receivedAt });
}

/**
 * The replies are stored (as the event's `#replies` record, an insert) before they are sent, so a retry
 * re-sends them instead of running the dialog twice.
 */
export async function recordReplies(eventId: string, repliesSealed: string, owner: string, now: Date): Promise<void> {
  await insertRecord({ _id: `${eventId}#replies`, eventId, claimedAt: now, owner, repliesSealed });
}

/** The replies an earlier attempt stored, if it got that far. */
export async function recordedReplies(eventId: string): Promise<string | null> {
  return (await EventAttemptModel.findById(`${eventId}#replies`).lean())?.repliesSealed ?? null;
}

/**
 * Records that the event finished, then takes it out of the inbox, which so holds only unfinished work. If
 * the removal does not happen (a crash in between), the `#done` record keeps the copy from running again
 * and the sweep removes it.
 */
export async function markDone(eventId: string, owner: string, now: Date): Promise<void> {
  await insertRecord({ _id: DONE(eventId), eventId, claimedAt: now, owner });
  await WebhookEventModel.deleteOne({ _id: eventId });
}

/** Whether an event finished, is waiting (pending, replying) or is dead; `unknown` if it was never accepted. */
export async function eventState(eventId: string): Promise<'done' | 'pending' | 'replying' | 'dead' | 'unknown'> {
  if (await isFinished(eventId)) return 'done';
  const inbox = await WebhookEventModel.findById(eventId).select('state').lean();
  return inbox ? inbox.state : 'unknown';
}

/**
 * Stands in for TTL indexes (FerretDB has none): receipts and attempt records older than LINE's redelivery
 * window are deleted; an event redelivered after that would run again.
 */
export async function pruneEventRecords(olderThan: Date): Promise<{ receipts: number; attempts: number }> {
  const receipts = await WebhookReceiptModel.deleteMany({ receivedAt: { $lt: olderThan } });
  const attempts = await EventAttemptModel.deleteMany({ claimedAt: { $lt: olderThan } });
  return { receipts: receipts.deletedCount, attempts: attempts.deletedCount };
}

/** `replying` tells operators the dialog has run and only the sending is left. */
export async function markFailed(eventId: string, attempt: number, error: string, nextAttemptAt: Date, state: 'pending' | 'replying' | 'dead'): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { attempts: attempt, lastError: error.slice(0, 500), nextAttemptAt, state } });
}

/**
 * Events whose processing failed, or whose instance vanished, and whose next attempt is due. One query per
 * state: an equality reaches the index on FerretDB, where `$in` would be filtered after reading every event.
 */
export async function dueEvents(now: Date, limit: number): Promise<{ _id: string; attempts: number }[]> {
  const due = await Promise.all(
    (['pending', 'replying'] as const).map((state) =>
      WebhookEventModel.find({ state, nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit).select('_id attempts nextAttemptAt').lean(),
    ),
  );
  return due
    .flat()
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
    .slice(0, limit)
    .map(({ _id, attempts }) => ({ _id, attempts }));
}

/** Events given up on, newest first: what `cli events` shows operators. */
export async function deadEvents(orgId: string, limit: number): Promise<Pick<StoredEvent, '_id' | 'type' | 'receivedAt' | 'attempts' | 'lastError'>[]> {
  const dead = await WebhookEventModel.find({ orgId, state: 'dead' }).sort({ receivedAt: -1 }).limit(limit).lean<StoredEvent[]>();
  return dead.map(({ _id, type, receivedAt, attempts, lastError }) => ({ _id, type, receivedAt, attempts, lastError }));
}
