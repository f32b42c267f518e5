import type { WaitingKind, WaitReason } from '../domain/message-budget.js';
import { isMessageKind, kindOfOutgoing } from '../domain/message-kinds.js';
import { createIgnoringDuplicates } from './bulk-write.js';
import { batchedCreate } from './group-commit.js';
import { insertUnique, claimRound, type ClaimLedger, type Lease } from './lease.js';
import { OutboxAttemptModel, OutboxMessageModel, QuotaNoticeModel, type OUTBOX_STATES } from './models/outbox-message.js';

export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A message as enqueued: `id` is stable for what it is, so enqueuing it again adds nothing. */
export interface NewOutboxMessage {
  id: string;
  orgId: string;
  source: string;
  /** What the message is (`domain/message-kinds.ts`), for counting what it costs; read from its key when absent. */
  kind?: string;
  toSealed: string;
  recipients: number;
  /** The recipients' keyed hash: what lets messages to the same people be merged or ride a reply. */
  toKey?: string | null;
  messagesSealed: string;
  retryKey: string;
  createdAt: Date;
  /** When it is first due (later than `createdAt` while notices to the same people are gathered); at once if unset. */
  dueAt?: Date;
  /** A merged push: the rows it carries. */
  members?: string[];
  /** Held for the person's daily digest: may be summarised in that push rather than shown whole. */
  digest?: boolean;
}

export interface OutboxMessage {
  id: string;
  orgId: string;
  source: string;
  /** Null for a message enqueued before kinds were stored: read from its source and id. */
  kind: string | null;
  state: OutboxState;
  attempts: number;
  toSealed: string;
  messagesSealed: string;
  retryKey: string;
}

const insertMessage = batchedCreate<Omit<NewOutboxMessage, 'id' | 'dueAt'> & { _id: string; nextAttemptAt: Date }>(OutboxMessageModel);

/** Adds a message, due at `dueAt` (else at once); false when it is already in the outbox. */
export async function addToOutbox(message: NewOutboxMessage): Promise<boolean> {
  const { id, dueAt, ...fields } = message;
  return insertMessage({ _id: id, ...fields, nextAttemptAt: dueAt ?? message.createdAt });
}

/** Adds many messages in a few bulk inserts (a job's messages for every organisation); returns how many were new. */
export async function addAllToOutbox(messages: NewOutboxMessage[]): Promise<number> {
  const added = await createIgnoringDuplicates(
    OutboxMessageModel,
    messages.map(({ id, dueAt, ...fields }) => ({ _id: id, ...fields, nextAttemptAt: dueAt ?? fields.createdAt })),
  );
  return added.filter(Boolean).length;
}

/** Pending messages whose next attempt is due, the longest waiting first. */
export async function dueOutboxMessages(now: Date, limit: number): Promise<DueOutboxMessage[]> {
  const due = await OutboxMessageModel.find({ state: 'pending', nextAttemptAt: { $lte: now } })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(limit)
    .select('_id orgId attempts createdAt toKey digest')
    .lean();
  return due.map(({ _id, orgId, attempts, createdAt, toKey, digest }) => ({ id: _id, orgId, attempts, createdAt, toKey: toKey ?? null, digest: digest === true }));
}

export interface DueOutboxMessage {
  id: string;
  orgId: string;
  attempts: number;
  createdAt: Date;
  toKey: string | null;
  /** Held for its recipient's daily digest. */
  digest?: boolean;
}

/**
 * A pending message that has surely not reached LINE's users yet: never tried, refused by LINE for the
 * month's quota, or held back by the organisation's budget. Only such a message may go another way than its own push (merged, or in a reply), claimed
 * as its next attempt (`claimHandOver`), so that it goes exactly one way.
 */
export interface HandOverable {
  id: string;
  orgId: string;
  toKey: string;
  attempts: number;
  createdAt: Date;
  toSealed: string;
  recipients: number;
  messagesSealed: string;
  /** What it is, as stored or read from its source and id (`domain/message-kinds.ts`). */
  source: string;
  kind: string | null;
  /** Held for the person's daily digest (`NewOutboxMessage.digest`). */
  digest: boolean;
}

/** Such messages to any of these recipients (by key), due or still gathered, the oldest first. */
export async function handOverableTo(toKeys: string[]): Promise<HandOverable[]> {
  if (toKeys.length === 0) return [];
  // Equalities only, which FerretDB takes to the index; the rest is picked here.
  const rows = await OutboxMessageModel.find(toKeys.length === 1 ? { toKey: toKeys[0], state: 'pending' } : { toKey: { $in: toKeys }, state: 'pending' })
    .select('_id orgId source kind toKey attempts createdAt toSealed recipients messagesSealed waitingFor digest')
    .lean();
  return rows
    .filter((r) => r.attempts === 0 || r.waitingFor === 'quota' || r.waitingFor === 'budget')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id))
    .map((r) => ({ id: r._id, orgId: r.orgId, source: r.source, kind: r.kind ?? null, toKey: r.toKey!, attempts: r.attempts, createdAt: r.createdAt, toSealed: r.toSealed, recipients: r.recipients, messagesSealed: r.messagesSealed, digest: r.digest === true }));
}

/**
 * Claims a message's next attempt for another way of sending it (`owner` names the way: `merge:<row>` or
 * `reply:<event>`), by the same insert the sender claims its pushes with: of the sender, a merge and a reply,
 * one wins. No lease is taken: if the winner dies before recording where the message went, the sender's lease
 * moves the message on after a minute and `handedOverTo` tells it whether a merged push already carries it.
 */
export async function claimHandOver(message: { id: string; attempts: number }, owner: string, now: Date): Promise<boolean> {
  return claimRound(sendAttempts, { unitId: message.id, round: message.attempts + 1, owner, now });
}

/** When a message's next attempt (after `attempts`) was claimed, by whichever way; null while it is not. */
export async function nextAttemptClaimedAt(message: { id: string; attempts: number }): Promise<Date | null> {
  return (await OutboxAttemptModel.findById(`${message.id}#${message.attempts + 1}`).lean())?.claimedAt ?? null;
}

/** Who claimed an attempt of a message (an instance, or `merge:<row>` / `reply:<event>`). */
export async function attemptOwner(messageId: string, attempt: number): Promise<string | null> {
  return (await OutboxAttemptModel.findById(`${messageId}#${attempt}`).lean())?.owner ?? null;
}

export async function outboxMessageExists(id: string): Promise<boolean> {
  return (await OutboxMessageModel.exists({ _id: id })) !== null;
}

/** Records that these messages went out in merged push `into`. */
export async function markMerged(ids: string[], into: string): Promise<void> {
  if (ids.length > 0) await OutboxMessageModel.updateMany({ _id: { $in: ids } }, { $set: { state: 'merged', mergedInto: into, waitingFor: null } });
}

/** Records that these messages are part of an event's answer (sent by reply, or by its push when late). */
export async function markRepliedIn(ids: string[], eventId: string, at: Date): Promise<void> {
  if (ids.length > 0) await OutboxMessageModel.updateMany({ _id: { $in: ids } }, { $set: { state: 'sent', repliedIn: eventId, sentAt: at, waitingFor: null } });
}

/** The messages an earlier attempt of this event took into its answer, in order. */
export async function messagesRepliedIn(eventId: string): Promise<{ id: string; messagesSealed: string }[]> {
  const rows = await OutboxMessageModel.find({ repliedIn: eventId }).sort({ createdAt: 1, _id: 1 }).select('_id messagesSealed').lean();
  return rows.map((r) => ({ id: r._id, messagesSealed: r.messagesSealed }));
}

/** LINE refused the message for the month's quota: it waits (not failed) and is tried again at `nextAttemptAt`. */
export async function markWaitingForQuota(id: string, refusal: { status: number | null; error: string; nextAttemptAt: Date }): Promise<void> {
  await OutboxMessageModel.updateOne(
    { _id: id },
    { $set: { lastStatus: refusal.status, lastError: refusal.error, nextAttemptAt: refusal.nextAttemptAt, waitingFor: 'quota' } },
  );
}

/**
 * The message would pass the organisation's monthly budget: it waits (not failed, the attempt claimed for it
 * spent) until `nextAttemptAt`, the next month, unless the budget is raised first (`releaseBudgetWaiting`).
 */
export async function markWaitingForBudget(id: string, attempt: number, nextAttemptAt: Date): Promise<void> {
  await OutboxMessageModel.updateOne({ _id: id }, { $set: { attempts: attempt, nextAttemptAt, waitingFor: 'budget' } });
}

/** The budget was raised: what it held back is due at once, to be checked against it again. */
export async function releaseBudgetWaiting(orgId: string, now: Date): Promise<number> {
  const res = await OutboxMessageModel.updateMany({ orgId, waitingFor: 'budget', state: 'pending' }, { $set: { nextAttemptAt: now } });
  return res.modifiedCount;
}

/** What waits now for the budget or LINE's quota, by kind and why. */
export async function waitingByKind(orgId: string): Promise<WaitingKind[]> {
  const rows = await OutboxMessageModel.find({ orgId, state: 'pending', waitingFor: { $in: ['budget', 'quota'] } }).select('_id source kind waitingFor').lean();
  const byKey = new Map<string, WaitingKind>();
  for (const r of rows) {
    const kind = isMessageKind(r.kind) ? r.kind : kindOfOutgoing(r.source, r._id);
    const reason = r.waitingFor as WaitReason;
    const entry = byKey.get(`${kind}|${reason}`) ?? { kind, reason, count: 0 };
    entry.count++;
    byKey.set(`${kind}|${reason}`, entry);
  }
  return [...byKey.values()];
}

/** Whether LINE's quota holds back any of the organisation's messages now. */
export async function quotaHoldsBack(orgId: string): Promise<boolean> {
  return (await OutboxMessageModel.exists({ orgId, waitingFor: 'quota', state: 'pending' })) !== null;
}

export async function pendingOutboxCount(orgId: string): Promise<number> {
  return OutboxMessageModel.countDocuments({ orgId, state: 'pending' });
}

/**
 * Claims telling an admin of the quota (key: organisation, month, admin): true the first time, and again for
 * a retry of the event that claimed it (its answer may not have gone out).
 */
export async function claimQuotaNotice(key: string, eventId: string, at: Date): Promise<boolean> {
  if (await insertUnique<{ _id: string; eventId: string; at: Date }>(QuotaNoticeModel)({ _id: key, eventId, at })) return true;
  return (await QuotaNoticeModel.findById(key).lean())?.eventId === eventId;
}

const sendAttempts: ClaimLedger<{ _id: string; messageId: string; owner: string; claimedAt: Date }> = {
  record: (_id, messageId, owner, claimedAt) => ({ _id, messageId, owner, claimedAt }),
  insert: insertUnique(OutboxAttemptModel),
};

const sendLease = (seconds: number): Lease => ({
  seconds,
  claimedAt: async (claimId) => (await OutboxAttemptModel.findById(claimId).lean())?.claimedAt ?? null,
  moveOn: async (messageId, attempt) => {
    await OutboxMessageModel.updateOne({ _id: messageId, attempts: attempt - 1 }, { $set: { attempts: attempt } });
  },
});

/** Claims send attempt `attempt` of a message: of instances that saw the same attempts, one sends. */
export async function claimSendAttempt({ messageId, attempt, owner, now, leaseSeconds }: { messageId: string; attempt: number; owner: string; now: Date; leaseSeconds: number }): Promise<boolean> {
  return claimRound(sendAttempts, { unitId: messageId, round: attempt, owner, now }, sendLease(leaseSeconds));
}

export async function loadOutboxMessage(id: string): Promise<OutboxMessage | null> {
  const doc = await OutboxMessageModel.findById(id).lean();
  if (!doc) return null;
  return { id: doc._id, orgId: doc.orgId, source: doc.source, kind: doc.kind ?? null, state: doc.state, attempts: doc.attempts, toSealed: doc.toSealed, messagesSealed: doc.messagesSealed, retryKey: doc.retryKey };
}

/** Records a claimed attempt on the message, which is due again (to another instance) once `leaseUntil` passes. */
export async function recordSendAttempt(id: string, attempt: number, leaseUntil: Date): Promise<void> {
  await OutboxMessageModel.updateOne({ _id: id }, { $set: { attempts: attempt, nextAttemptAt: leaseUntil } });
}

export async function markSent(id: string, sentAt: Date, lineRequestId: string | null): Promise<void> {
  await OutboxMessageModel.updateOne({ _id: id }, { $set: { state: 'sent', sentAt, lineRequestId, lastStatus: 200, lastError: null, waitingFor: null } });
}

/** Keeps LINE's answer; the message is retried at `nextAttemptAt` unless `giveUp` marks it failed. */
export async function markSendFailed(id: string, failure: { status: number | null; error: string; nextAttemptAt: Date; giveUp: boolean }): Promise<void> {
  const { status, error, nextAttemptAt, giveUp } = failure;
  await OutboxMessageModel.updateOne(
    { _id: id },
    { $set: { lastStatus: status, lastError: error, nextAttemptAt, ...(giveUp ? { state: 'failed' } : {}) } },
  );
}

/** How many messages of each source are in each state. */
export async function outboxCountsBySource(orgId: string, sources: string[]): Promise<{ source: string; state: OutboxState; n: number }[]> {
  // $match + $group with $sum only: the aggregation both MongoDB and FerretDB run the same.
  const counts = await OutboxMessageModel.aggregate<{ _id: { source: string; state: OutboxState }; n: number }>([
    { $match: { orgId, source: { $in: sources } } },
    { $group: { _id: { source: '$source', state: '$state' }, n: { $sum: 1 } } },
  ]);
  return counts.map(({ _id, n }) => ({ ..._id, n }));
}

export async function outboxBacklog(orgId: string): Promise<{ pending: number; failed: number; oldestPending: Date | null }> {
  const oldest = await OutboxMessageModel.findOne({ orgId, state: 'pending' }).sort({ createdAt: 1 }).select('createdAt').lean();
  return {
    pending: await OutboxMessageModel.countDocuments({ orgId, state: 'pending' }),
    failed: await OutboxMessageModel.countDocuments({ orgId, state: 'failed' }),
    oldestPending: oldest?.createdAt ?? null,
  };
}

/** The newest messages given up on, with LINE's last answer. */
export async function failedOutboxMessages(
  orgId: string,
  limit: number,
): Promise<{ id: string; recipients: number; attempts: number; lastStatus: number | null; lastError: string | null }[]> {
  const failed = await OutboxMessageModel.find({ orgId, state: 'failed' }).sort({ createdAt: -1 }).limit(limit).lean();
  return failed.map((f) => ({ id: f._id, recipients: f.recipients, attempts: f.attempts, lastStatus: f.lastStatus ?? null, lastError: f.lastError ?? null }));
}

/**
 * An event given up on took these notices into an answer that never went out: they wait again, and as their
 * attempt is claimed by that reply, the sender's lease pushes them after a minute.
 */
export async function releaseRepliedIn(eventId: string, now: Date): Promise<void> {
  await OutboxMessageModel.updateMany({ repliedIn: eventId }, { $set: { state: 'pending', repliedIn: null, sentAt: null, nextAttemptAt: now } });
}
