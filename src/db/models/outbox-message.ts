import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * `merged`: gone out inside a merged push (`mergedInto`), which is its own row. A notice delivered in the reply
 * to its recipient's message is `sent` with `repliedIn` (that event).
 */
export const OUTBOX_STATES = ['pending', 'sent', 'failed', 'merged'] as const;

/**
 * A push or multicast waiting to go to LINE, stored before it is sent. `_id` is stable for what the message
 * is (e.g. `<run>:<recipient>`), so enqueuing it again — a resumed run, a second instance — adds nothing;
 * `retryKey` is derived from it, so a send repeated after a crash is answered 409 by LINE, not shown twice.
 * A message that finally fails stays here as `failed`, with LINE's answer, for admins to see.
 */
const outboxMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    /** The job run (or other source) that produced it. */
    source: { type: String, required: true },
    /** What the message is (`domain/message-kinds.ts`); absent on messages enqueued before it was kept. */
    kind: { type: String, default: null },
    /** The recipients' LINE ids as sealed JSON: a complainant's id is never readable at rest. */
    toSealed: { type: String, required: true },
    recipients: { type: Number, required: true },
    /**
     * The recipients as a keyed hash (`sealer.userKey` of the sorted ids): messages to the same people are found
     * by it (to merge them, or to hand a person's waiting notices to the reply to their next message).
     */
    toKey: { type: String, default: null },
    /** The messages as sealed JSON: a notice may quote a complaint, a corruption report above all. */
    messagesSealed: { type: String, required: true },
    retryKey: { type: String, required: true },
    state: { type: String, enum: OUTBOX_STATES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastStatus: { type: Number, default: null },
    lastError: { type: String, default: null },
    lineRequestId: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
    /** A merged push: the rows it carries, in order. */
    members: { type: [String], default: undefined },
    /** The merged push this row went out in. */
    mergedInto: { type: String, default: null },
    /** The webhook event whose reply carried this notice (free: no push). */
    repliedIn: { type: String, default: null },
    /** Held for its recipient's daily digest: that push may summarise it (outbox/merge.ts). */
    digest: { type: Boolean, default: undefined },
    /** `quota`: LINE refused it for the month's used-up quota; it waits, it has not failed. */
    waitingFor: { type: String, default: null },
  },
  { collection: 'outbox' },
);
outboxMessageSchema.index({ state: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ source: 1 });
outboxMessageSchema.index({ toKey: 1, state: 1 });
outboxMessageSchema.index({ repliedIn: 1 });
outboxMessageSchema.index({ orgId: 1, waitingFor: 1 });

/** One per send attempt; inserting it is how one instance claims the attempt. */
const outboxAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    messageId: { type: String, required: true },
    owner: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: 'outbox_attempts' },
);

outboxAttemptSchema.index({ messageId: 1 });

export type OutboxMessage = InferSchemaType<typeof outboxMessageSchema>;
export const OutboxMessageModel = model('OutboxMessage', outboxMessageSchema);
export const OutboxAttemptModel = model('OutboxAttempt', outboxAttemptSchema);

/**
 * One per admin, organisation and month in which LINE refused pushes for the used-up quota: inserting it is how
 * the admin's next reply claims telling them (once); `eventId` lets a retry of that event tell them again.
 */
const quotaNoticeSchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'quota_notices' },
);

export const QuotaNoticeModel = model('QuotaNotice', quotaNoticeSchema);
