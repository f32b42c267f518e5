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

/**
 * Stores events durably, before LINE gets its 200. Returns the ids that are new; an event seen before
 * (a redelivery, or the same event sent twice) collides on `_id` and is left out.
 */
export async function storeEvents(orgId: string, events: IncomingEvent[], now: Date, sealer: Sealer): Promise<string[]> {
  if (events.length === 0) return [];
  const docs = events.map((e) => ({
    _id: e.webhookEventId,
    orgId,
    type: e.type,
    sourceUserKey: e.source?.type === 'user' && e.source.userId ? sealer.userKey(e.source.userId) : null,
    timestamp: new Date(e.timestamp),
    body: sealer.seal(JSON.stringify(e)),
    state: 'pending',
    attempts: 0,
    receivedAt: now,
    nextAttemptAt: addSeconds(now, FIRST_ATTEMPT_LEASE_SECONDS),
  }));
  // One insert per event (a webhook rarely carries more than a few): each duplicate is told apart exactly.
  const fresh: string[] = [];
  for (const doc of docs) {
    try {
      await WebhookEventModel.create(doc);
      fresh.push(doc._id);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return fresh;
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

export async function markFailed(eventId: string, error: string, nextAttemptAt: Date, dead: boolean): Promise<void> {
  await WebhookEventModel.updateOne(
    { _id: eventId },
    { $set: { lastError: error.slice(0, 500), nextAttemptAt, ...(dead ? { state: 'dead' } : {}) } },
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
