import { addSeconds } from 'date-fns';
import type { Sealer } from '../security/crypto.js';
import { isDuplicateKey } from './is-duplicate-key.js';
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
export const FIRST_ATTEMPT_LEASE_SECONDS = 60;

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
  replies: string | null;
  receivedAt: Date;
  nextAttemptAt: Date;
}

interface Waiting {
  docs: StoredEvent[];
  done: (fresh: StoredEvent[]) => void;
  fail: (error: unknown) => void;
}

/** Group commit: events arriving within this window (or this many) are written together. */
const BATCH_WINDOW_MS = 2;
const BATCH_MAX_DOCS = 500;
let waiting: Waiting[] = [];
let timer: NodeJS.Timeout | undefined;

type InsertableCollection = { insertMany(docs: object[], options: { ordered: false }): Promise<unknown> };

/**
 * One unordered insertMany; returns the indexes that collided on `_id`. Each duplicate comes back as its own
 * E11000 write error, so every caller still learns which of its events are new; any other error throws.
 */
async function insertNew(collection: InsertableCollection, docs: object[]): Promise<Set<number>> {
  const rejected = new Set<number>();
  if (docs.length === 0) return rejected;
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((w) => w.code !== 11000)) throw error;
    for (const w of list) rejected.add(w.index);
  }
  return rejected;
}

const collectionOf = (model: { collection: unknown }) => model.collection as InsertableCollection;

/**
 * Writes the waiting events for many webhooks at once: one round trip and one SQLite transaction each for
 * the inbox and the receipts, which is what lets a single-writer database keep up with bursts.
 *  1. Into the inbox: an event still there (a redelivery of unfinished work) collides and is not new.
 *  2. A receipt for each event that entered: a collision here means the event was seen, finished and left
 *     the inbox before, so its new inbox copy is removed again. Should that removal fail, the copy is
 *     recognised by its `#done` mark before it is run (see `isFinished`).
 */
async function flush(): Promise<void> {
  const batch = waiting;
  waiting = [];
  timer = undefined;
  const docs = batch.flatMap((w) => w.docs);
  let entered: StoredEvent[];
  let fresh: Set<string>;
  try {
    const inInbox = await insertNew(collectionOf(WebhookEventModel), docs);
    entered = docs.filter((_, i) => !inInbox.has(i));
    const seenBefore = await insertNew(
      collectionOf(WebhookReceiptModel),
      entered.map((d) => ({ _id: d._id, orgId: d.orgId, receivedAt: d.receivedAt })),
    );
    const finishedBefore = entered.filter((_, i) => seenBefore.has(i)).map((d) => d._id);
    if (finishedBefore.length > 0) await WebhookEventModel.deleteMany({ _id: { $in: finishedBefore } });
    fresh = new Set(entered.filter((_, i) => !seenBefore.has(i)).map((d) => d._id));
  } catch (error) {
    for (const w of batch) w.fail(error);
    return;
  }
  for (const w of batch) w.done(w.docs.filter((d) => fresh.has(d._id)));
}

/**
 * Stores events durably, before LINE gets its 200. Returns the events that are new; an event seen before
 * (a redelivery, or the same event sent twice) is left out.
 */
export function storeEvents(orgId: string, events: IncomingEvent[], now: Date, sealer: Sealer): Promise<StoredEvent[]> {
  if (events.length === 0) return Promise.resolve([]);
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
    replies: null,
    receivedAt: now,
    nextAttemptAt: addSeconds(now, FIRST_ATTEMPT_LEASE_SECONDS),
  }));
  return new Promise((done, fail) => {
    waiting.push({ docs, done, fail });
    const queued = waiting.reduce((n, w) => n + w.docs.length, 0);
    if (queued >= BATCH_MAX_DOCS) {
      clearTimeout(timer);
      void flush();
    } else if (!timer) {
      timer = setTimeout(() => void flush(), BATCH_WINDOW_MS);
    }
  });
}

/**
 * Claims attempt `n` of an event, `n` being one more than the attempts the caller saw on the event: of two
 * instances that saw the same state, one wins. When the claim is taken but the event never recorded that
 * attempt (its instance, or the database, went away in between) and the claim is older than a lease, the
 * event is moved on to that attempt, so the next sweep can make a new one.
 */
export async function claimAttempt(eventId: string, attempt: number, owner: string, now: Date, leaseSeconds: number): Promise<boolean> {
  try {
    await EventAttemptModel.create({ _id: `${eventId}#${attempt}`, eventId, claimedAt: now, owner });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const claim = await EventAttemptModel.findById(`${eventId}#${attempt}`).lean();
    if (claim && claim.claimedAt < addSeconds(now, -leaseSeconds)) {
      await WebhookEventModel.updateOne({ _id: eventId, attempts: attempt - 1 }, { $set: { attempts: attempt } });
    }
    return false;
  }
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
  await insertNew(collectionOf(WebhookReceiptModel), [{ _id: event._id, orgId: event.orgId, receivedAt: event.receivedAt }]);
}

export async function startAttempt(eventId: string, attempt: number, leaseUntil: Date): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { attempts: attempt, nextAttemptAt: leaseUntil } });
}

/** The replies are stored before they are sent, so a retry re-sends them instead of running the dialog twice. */
export async function recordReplies(eventId: string, replies: string): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { state: 'replying', replies } });
}

/** The event leaves the inbox; its `#done` mark is written first, so a crash in between leaves a recognisable leftover. */
export async function markDone(eventId: string, owner: string, now: Date): Promise<void> {
  await insertNew(collectionOf(EventAttemptModel), [{ _id: DONE(eventId), eventId, claimedAt: now, owner }]);
  await WebhookEventModel.deleteOne({ _id: eventId });
}

/** Whether an event finished, is waiting (pending, replying) or is dead; `unknown` if it was never accepted. */
export async function eventState(eventId: string): Promise<'done' | 'pending' | 'replying' | 'dead' | 'unknown'> {
  const inbox = await WebhookEventModel.findById(eventId).select('state').lean();
  if (inbox) return inbox.state as 'pending' | 'replying' | 'dead';
  return (await isFinished(eventId)) ? 'done' : 'unknown';
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

export async function markFailed(eventId: string, attempt: number, error: string, nextAttemptAt: Date, dead: boolean): Promise<void> {
  await WebhookEventModel.updateOne(
    { _id: eventId },
    { $set: { attempts: attempt, lastError: error.slice(0, 500), nextAttemptAt, ...(dead ? { state: 'dead' } : {}) } },
  );
}

/** Events whose processing failed, or whose instance vanished, and whose next attempt is due. */
export async function dueEvents(now: Date, limit: number): Promise<{ _id: string; attempts: number }[]> {
  return WebhookEventModel.find({ state: { $in: ['pending', 'replying'] }, nextAttemptAt: { $lte: now } })
    .sort({ nextAttemptAt: 1 })
    .limit(limit)
    .select('_id attempts')
    .lean();
}
