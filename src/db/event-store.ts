import { addSeconds } from 'date-fns';
import type { Sealer } from '../security/crypto.js';
import { batchedInsert } from './group-commit.js';
import { claimRound, type ClaimLedger, type Lease } from './lease.js';
import { EventAttemptModel, EventRunnerModel, WebhookEventModel, WebhookReceiptModel } from './models/webhook-event.js';

export interface IncomingEvent {
  webhookEventId: string;
  type: string;
  timestamp: number;
  source?: { type?: string; userId?: string };
  deliveryContext?: { isRedelivery?: boolean };
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
  /** Dropped once the event is done. */
  body: string;
  state: 'pending' | 'replying' | 'dead' | 'done';
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  nextAttemptAt: Date;
  /** The instance that accepted it; null when none holds it in memory (stored while that queue was full). */
  owner: string | null;
}

const insertIntoInbox = batchedInsert<StoredEvent>(WebhookEventModel);
const insertRecord = batchedInsert<{ _id: string; eventId: string; claimedAt: Date; owner: string; repliesSealed?: string }>(EventAttemptModel);

const attempts: ClaimLedger<{ _id: string; eventId: string; claimedAt: Date; owner: string }> = {
  record: (_id, eventId, owner, claimedAt) => ({ _id, eventId, claimedAt, owner }),
  insert: insertRecord,
};

/**
 * Instances known to have died (their process is gone, see `deadRunnersOnHost`): their claims are not waited
 * out, since nothing can still be working under them.
 */
const deadOwners = new Set<string>();

const attemptLease = (seconds: number, now: Date): Lease => ({
  seconds,
  claimedAt: async (claimId) => {
    const claim = await EventAttemptModel.findById(claimId).lean();
    if (!claim) return null;
    return deadOwners.has(claim.owner) ? new Date(0) : claim.claimedAt;
  },
  moveOn: async (eventId, attempt) => {
    // Its holder is gone: the next attempt is due now, not when the holder's schedule said.
    await WebhookEventModel.updateOne({ _id: eventId, attempts: attempt - 1 }, { $set: { attempts: attempt, nextAttemptAt: now } });
  },
});

/**
 * Stores one event in the inbox, one insert (concurrent webhooks share it: group commit, so a burst becomes a
 * few large inserts). An event already there collides and is not new: unfinished (a redelivery of work not
 * done yet, perhaps stored while the queue was full), or finished, its done record staying until the prune
 * (the runner reads it back and skips it). So the inbox alone tells a seen event from a new one; the separate
 * receipt earlier versions wrote is not needed. An intake that failed (LINE was answered 503 and redelivers)
 * left nothing, or the entry, which then collides.
 * Events finished by an earlier version left the inbox and are known by their `<event>#done` record: a
 * redelivery, the only way LINE sends an event again, is checked for it (one read, for the rare redelivery),
 * and the copy just stored is removed again.
 */
async function storeEvent(doc: StoredEvent, redelivered: boolean): Promise<'new' | 'waiting' | 'seen'> {
  if (!(await insertIntoInbox(doc))) return 'waiting';
  if (!redelivered || !(await finishedBefore(doc._id))) return 'new';
  await WebhookEventModel.deleteOne({ _id: doc._id });
  return 'seen';
}

export interface Stored {
  /** Events stored now for the first time. */
  fresh: StoredEvent[];
  /** Ids of events that were already in the inbox, unfinished: redeliveries of work not done yet. */
  waiting: string[];
}

/**
 * Stores events durably, before LINE gets its 200. An event seen before (a redelivery, or the same event
 * sent twice) is not stored again: if it is still unfinished in the inbox its id is returned in `waiting`.
 * `owner` is the instance that will queue the fresh events; `null` stores them due at once, for whichever
 * instance has room (the queue that would take them is full, or this instance is stopping).
 */
export async function storeEvents(
  orgId: string,
  { events, now, sealer, owner = null }: { events: IncomingEvent[]; now: Date; sealer: Sealer; owner?: string | null },
): Promise<Stored> {
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
    nextAttemptAt: owner ? addSeconds(now, FIRST_ATTEMPT_LEASE_SECONDS) : now,
    owner,
  }));
  const outcome = await Promise.all(docs.map((doc, i) => storeEvent(doc, unique[i]!.deliveryContext?.isRedelivery === true)));
  return { fresh: docs.filter((_, i) => outcome[i] === 'new'), waiting: docs.filter((_, i) => outcome[i] === 'waiting').map((d) => d._id) };
}

/**
 * Claims attempt `n` of an event, `n` being one more than the attempts the caller saw on the event: of two
 * instances that saw the same state, one wins.
 */
export async function claimAttempt({ eventId, attempt, owner, now, leaseSeconds }: { eventId: string; attempt: number; owner: string; now: Date; leaseSeconds: number }): Promise<boolean> {
  return claimRound(attempts, { unitId: eventId, round: attempt, owner, now }, attemptLease(leaseSeconds, now));
}

export async function loadEvent(eventId: string): Promise<StoredEvent | null> {
  return WebhookEventModel.findById(eventId).lean<StoredEvent>();
}

/**
 * Versions before this one recorded a finished event as `<event>#done` and deleted it from the inbox; such
 * records live out the prune window (`jobs/prune-event-records.ts`), and until then they still tell.
 */
const finishedBefore = async (eventId: string) => (await EventAttemptModel.exists({ _id: `${eventId}#done` })) !== null;

/** Whether the event finished before: a copy still due in the inbox is then a leftover, never to be run again. */
export async function isFinished(eventId: string): Promise<boolean> {
  const [inbox, before] = await Promise.all([WebhookEventModel.findById(eventId).select('state').lean(), finishedBefore(eventId)]);
  return inbox?.state === 'done' || before;
}

/**
 * The replies are stored (as the event's `#replies` record, an insert) before they are sent, so a retry
 * re-sends them instead of running the dialog twice.
 */
export async function recordReplies({ eventId, repliesSealed, owner, now }: { eventId: string; repliesSealed: string; owner: string; now: Date }): Promise<void> {
  await insertRecord({ _id: `${eventId}#replies`, eventId, claimedAt: now, owner, repliesSealed });
}

/** The replies an earlier attempt stored, if it got that far. */
export async function recordedReplies(eventId: string): Promise<string | null> {
  return (await EventAttemptModel.findById(`${eventId}#replies`).lean())?.repliesSealed ?? null;
}

/**
 * Records that the event finished and takes it out of the work of the inbox, in one write: the inbox entry
 * becomes the event's done record (state `done`, its sealed body dropped). Nothing reads a done entry as
 * work (every query of due or queued events asks for `pending` or `replying`, an indexed equality), a
 * redelivery collides with it at intake, and the prune removes it after the redelivery window. As one
 * write it leaves no state in between: no copy of a finished event is left to run, whatever crashes when.
 */
export async function markDone(eventId: string, owner: string, now: Date): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId, state: { $ne: 'done' } }, { $set: { state: 'done', finishedAt: now, finishedBy: owner }, $unset: { body: 1 } });
}

/** Whether an event finished, is waiting (pending, replying) or is dead; `unknown` if it was never accepted. */
export async function eventState(eventId: string): Promise<'done' | 'pending' | 'replying' | 'dead' | 'unknown'> {
  const inbox = await WebhookEventModel.findById(eventId).select('state').lean();
  if (inbox) return inbox.state;
  return (await finishedBefore(eventId)) ? 'done' : 'unknown';
}

/**
 * Stands in for TTL indexes (FerretDB has none): attempt records and the done records of finished events
 * older than LINE's redelivery window are deleted; an event redelivered after that would run again. Events
 * still waiting, and dead ones (kept for operators), stay. (Receipts are what earlier versions wrote.)
 */
export async function pruneEventRecords(olderThan: Date): Promise<{ receipts: number; attempts: number; finished: number }> {
  const receipts = await WebhookReceiptModel.deleteMany({ receivedAt: { $lt: olderThan } });
  const attempts = await EventAttemptModel.deleteMany({ claimedAt: { $lt: olderThan } });
  // The state equality reaches the index; the date is checked on the done records only.
  const finished = await WebhookEventModel.deleteMany({ state: 'done', finishedAt: { $lt: olderThan } });
  return { receipts: receipts.deletedCount, attempts: attempts.deletedCount, finished: finished.deletedCount };
}

/** `replying` tells operators the dialog has run and only the sending is left. */
export async function markFailed({
  eventId,
  attempt,
  error,
  nextAttemptAt,
  state,
}: {
  eventId: string;
  attempt: number;
  error: string;
  nextAttemptAt: Date;
  state: 'pending' | 'replying' | 'dead';
}): Promise<void> {
  // Never over a done record: an attempt that lost its lease may fail after another one finished the event.
  await WebhookEventModel.updateOne({ _id: eventId, state: { $ne: 'done' } }, { $set: { attempts: attempt, lastError: error.slice(0, 500), nextAttemptAt, state } });
}

/**
 * Events whose processing failed, or whose instance vanished, and whose next attempt is due. One query per
 * state: an equality reaches the index on FerretDB, where `$in` would be filtered after reading every event.
 */
export async function dueEvents(now: Date, limit: number): Promise<StoredEvent[]> {
  const due = await Promise.all(
    (['pending', 'replying'] as const).map((state) =>
      WebhookEventModel.find({ state, nextAttemptAt: { $lte: now } }).sort({ nextAttemptAt: 1 }).limit(limit).lean<StoredEvent[]>(),
    ),
  );
  // Oldest first, so that the events of one user reach the (per-user, ordered) runner in the order they came.
  return due
    .flat()
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.timestamp.getTime() - b.timestamp.getTime())
    .slice(0, limit);
}

/**
 * Makes the first attempts an instance had queued due now, so the next pass of any instance takes them: on a
 * clean stop (its own), or when it is found dead. Only never-tried events: retries keep their backoff.
 */
export async function releaseQueuedEvents(owner: string, now: Date): Promise<number> {
  const released = await WebhookEventModel.updateMany({ owner, state: 'pending', attempts: 0 }, { $set: { nextAttemptAt: now, owner: null } });
  return released.modifiedCount;
}

/**
 * The never-tried events a dead instance had queued, in the order they came: no sort, so FerretDB can stop
 * at `limit` (an equality filter only), and a fresh inbox's rows come back in the order they were stored.
 */
export async function queuedEventsOf(owner: string, limit: number): Promise<StoredEvent[]> {
  const docs = await WebhookEventModel.find({ state: 'pending', owner, attempts: 0 }).limit(limit).lean<StoredEvent[]>();
  return docs.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

/** Records a running instance, so that a later start on the same host can tell whether it died. */
export async function registerRunner({ id, host, pid, now }: { id: string; host: string; pid: number; now: Date }): Promise<void> {
  await EventRunnerModel.create({ _id: id, host, pid, startedAt: now });
}

export async function removeRunner(id: string): Promise<void> {
  await EventRunnerModel.deleteOne({ _id: id });
}

/**
 * Instances recorded on this host that `isDead` says are gone. They are remembered as dead, so their claims
 * are not waited out, and their records removed. Instances on other hosts cannot be checked from here:
 * theirs are left to the leases (60 s).
 */
export async function deadRunnersOnHost(host: string, isDead: (runner: { _id: string; pid: number }) => boolean): Promise<string[]> {
  const records = await EventRunnerModel.find({ host }).lean();
  const dead = records.filter(isDead).map((r) => r._id);
  for (const id of dead) deadOwners.add(id);
  if (dead.length > 0) await EventRunnerModel.deleteMany({ _id: { $in: dead } });
  return dead;
}

/** Events given up on, newest first: what `cli events` shows operators. */
export async function deadEvents(orgId: string, limit: number): Promise<Pick<StoredEvent, '_id' | 'type' | 'receivedAt' | 'attempts' | 'lastError'>[]> {
  const dead = await WebhookEventModel.find({ orgId, state: 'dead' }).sort({ receivedAt: -1 }).limit(limit).lean<StoredEvent[]>();
  return dead.map(({ _id, type, receivedAt, attempts, lastError }) => ({ _id, type, receivedAt, attempts, lastError }));
}
