import { eventState } from '../../src/db/event-store.js';
import { EventAttemptModel, WebhookEventModel } from '../../src/db/models/webhook-event.js';
import type { Sealer } from '../../src/security/crypto.js';

/** How many of these events have finished (answered or deliberately ignored). */
export async function countFinished(eventIds: string[]): Promise<number> {
  const states = await Promise.all(eventIds.map((id) => eventState(id)));
  return states.filter((s) => s === 'done').length;
}

/** The inbox's unfinished events (a finished one stays there as its done record until the prune). */
export const unfinishedEvents = (filter: Record<string, unknown> = {}) => WebhookEventModel.find({ ...filter, state: { $ne: 'done' } }).lean();
export const countUnfinished = (filter: Record<string, unknown> = {}) => WebhookEventModel.countDocuments({ ...filter, state: { $ne: 'done' } });

/** The inbox entry of an event that finished: its done record. */
export const doneRecord = (eventId: string) => WebhookEventModel.findOne({ _id: eventId, state: 'done' }).lean();

/**
 * Puts a finished event back as it was before its done write, as if that write had not landed (a kill just
 * before it): unfinished in the inbox with its body, `set` applied (its attempts, its due time).
 */
export async function undoDone(event: { webhookEventId: string }, sealer: Sealer, set: Record<string, unknown>): Promise<void> {
  const { modifiedCount } = await WebhookEventModel.updateOne(
    { _id: event.webhookEventId, state: 'done' },
    { $set: { state: 'pending', body: sealer.seal(JSON.stringify(event)), ...set }, $unset: { finishedAt: 1, finishedBy: 1 } },
  );
  if (modifiedCount !== 1) throw new Error(`event ${event.webhookEventId} was not done`);
}

/**
 * Makes a finished event look as an earlier version left it: no inbox entry, a `<event>#done` record in the
 * attempts (as after an upgrade, within the prune window).
 */
export async function asFinishedByEarlierVersion(eventId: string): Promise<void> {
  const done = await doneRecord(eventId);
  if (!done) throw new Error(`event ${eventId} was not done`);
  await EventAttemptModel.create({ _id: `${eventId}#done`, eventId, claimedAt: done.finishedAt, owner: done.finishedBy });
  await WebhookEventModel.deleteOne({ _id: eventId });
}
