import { createIgnoringDuplicates } from './bulk-write.js';
import { batchedCreate } from './group-commit.js';
import { insertUnique, claimRound, type ClaimLedger, type Lease } from './lease.js';
import { OutboxAttemptModel, OutboxMessageModel, type OUTBOX_STATES } from './models/outbox-message.js';

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
  messagesSealed: string;
  retryKey: string;
  createdAt: Date;
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

const insertMessage = batchedCreate<Omit<NewOutboxMessage, 'id'> & { _id: string; nextAttemptAt: Date }>(OutboxMessageModel);

/** Adds a message, due at once; false when it is already in the outbox. */
export async function addToOutbox(message: NewOutboxMessage): Promise<boolean> {
  const { id, ...fields } = message;
  return insertMessage({ _id: id, ...fields, nextAttemptAt: message.createdAt });
}

/** Adds many messages in a few bulk inserts (a job's messages for every organisation); returns how many were new. */
export async function addAllToOutbox(messages: NewOutboxMessage[]): Promise<number> {
  const added = await createIgnoringDuplicates(
    OutboxMessageModel,
    messages.map(({ id, ...fields }) => ({ _id: id, ...fields, nextAttemptAt: fields.createdAt })),
  );
  return added.filter(Boolean).length;
}

/** Pending messages whose next attempt is due, the longest waiting first. */
export async function dueOutboxMessages(now: Date, limit: number): Promise<{ id: string; orgId: string; attempts: number; createdAt: Date }[]> {
  const due = await OutboxMessageModel.find({ state: 'pending', nextAttemptAt: { $lte: now } })
    .sort({ nextAttemptAt: 1, _id: 1 })
    .limit(limit)
    .select('_id orgId attempts createdAt')
    .lean();
  return due.map(({ _id, orgId, attempts, createdAt }) => ({ id: _id, orgId, attempts, createdAt }));
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
  await OutboxMessageModel.updateOne({ _id: id }, { $set: { state: 'sent', sentAt, lineRequestId, lastStatus: 200, lastError: null } });
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
