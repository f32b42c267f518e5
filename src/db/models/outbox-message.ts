import { Schema, model, type InferSchemaType } from 'mongoose';

export const OUTBOX_STATES = ['pending', 'sent', 'failed'] as const;

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
  },
  { collection: 'outbox' },
);
outboxMessageSchema.index({ state: 1, nextAttemptAt: 1 });
outboxMessageSchema.index({ source: 1 });

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
