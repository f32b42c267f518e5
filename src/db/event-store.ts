import { addSeconds } from 'date-fns';
import type { Sealer } from '../security/crypto.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { EventAttemptModel, WebhookEventModel } from './models/webhook-event.js';

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

type EventDoc = {
  _id: string;
  orgId: string;
  type: string;
  sourceUserKey: string | null;
  timestamp: Date;
  body: string;
  state: 'pending';
  attempts: number;
  lastError: null;
  replies: null;
  receivedAt: Date;
  nextAttemptAt: Date;
  processedAt: null;
};

interface Waiting {
  docs: EventDoc[];
  done: (fresh: string[]) => void;
  fail: (error: unknown) => void;
}

/** Group commit: events arriving within this window (or this many) are written in one insertMany. */
const BATCH_WINDOW_MS = 2;
const BATCH_MAX_DOCS = 500;
let waiting: Waiting[] = [];
let timer: NodeJS.Timeout | undefined;

/**
 * Writes the waiting events in one unordered insertMany: one round trip and one transaction for many
 * webhooks, which is what lets a SQLite-backed server keep up with bursts. Each duplicate `_id` comes back
 * as its own E11000 write error, so every caller still learns exactly which of its events are new.
 */
async function flush(): Promise<void> {
  const batch = waiting;
  waiting = [];
  timer = undefined;
  const docs = batch.flatMap((w) => w.docs);
  const rejected = new Set<number>();
  try {
    await WebhookEventModel.collection.insertMany(docs as unknown as Parameters<typeof WebhookEventModel.collection.insertMany>[0], { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((w) => w.code !== 11000)) {
      for (const w of batch) w.fail(error);
      return;
    }
    for (const w of list) rejected.add(w.index);
  }
  let offset = 0;
  for (const w of batch) {
    w.done(w.docs.filter((_, i) => !rejected.has(offset + i)).map((d) => d._id));
    offset += w.docs.length;
  }
}

/**
 * Stores events durably, before LINE gets its 200. Returns the ids that are new; an event seen before
 * (a redelivery, or the same event sent twice) collides on `_id` and is left out.
 */
export function storeEvents(orgId: string, events: IncomingEvent[], now: Date, sealer: Sealer): Promise<string[]> {
  if (events.length === 0) return Promise.resolve([]);
  // The same event twice in one body is one event.
  const unique = [...new Map(events.map((e) => [e.webhookEventId, e])).values()];
  const docs: EventDoc[] = unique.map((e) => ({
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
    processedAt: null,
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

export async function loadEvent(eventId: string) {
  return WebhookEventModel.findById(eventId).lean();
}

export async function startAttempt(eventId: string, attempt: number, leaseUntil: Date): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { attempts: attempt, nextAttemptAt: leaseUntil } });
}

/** The replies are stored before they are sent, so a retry re-sends them instead of running the dialog twice. */
export async function recordReplies(eventId: string, replies: string): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { state: 'replying', replies } });
}

export async function markDone(eventId: string, now: Date): Promise<void> {
  await WebhookEventModel.updateOne({ _id: eventId }, { $set: { state: 'done', processedAt: now, lastError: null } });
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
