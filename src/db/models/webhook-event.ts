import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * pending → (dialog run, replies stored) replying → done; `dead` after too many failed attempts, kept for
 * operators.
 */
export const EVENT_STATES = ['pending', 'replying', 'dead', 'done'] as const;

/**
 * The inbox: webhook events stored before LINE gets its 200. `_id` is LINE's `webhookEventId`, so a
 * redelivery of an event still here collides (E11000). A finished event stays as its own done record (state
 * `done`, without its body) until the prune: finishing is one write, and a redelivery of it collides like
 * any other. Every query for work asks for `pending` or `replying` (an indexed equality), so done records are
 * never read as work. The raw event is kept as sealed (encrypted) JSON text: the user's LINE id and words are
 * not readable at rest, and user-chosen keys never become document keys.
 */
const webhookEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    type: { type: String, required: true },
    /** The sender's pseudonym (see security/crypto.ts), for operators to group events; not the LINE id. */
    sourceUserKey: { type: String, default: null },
    timestamp: { type: Date, required: true },
    /** Removed when the event is done. */
    body: { type: String, required(this: { state?: string }) { return this.state !== 'done'; } },
    state: { type: String, enum: EVENT_STATES, default: 'pending' },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    nextAttemptAt: { type: Date, required: true },
    /** The instance that accepted the event and queued it in memory; see `event_runners`. */
    owner: { type: String, default: null },
    /** On a done event: when it finished, and the instance that finished it (what `<event>#done` held before). */
    finishedAt: { type: Date, default: undefined },
    finishedBy: { type: String, default: undefined },
  },
  { collection: 'webhook_events' },
);
webhookEventSchema.index({ state: 1, nextAttemptAt: 1 });

/**
 * Every event id accepted, as earlier versions wrote it beside the inbox entry, when a finished event left the
 * inbox. No longer written (the done record in the inbox tells the same); what is left is pruned after the
 * redelivery window, and the model can go with it.
 */
const webhookReceiptSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'webhook_receipts' },
);
webhookReceiptSchema.index({ receivedAt: 1 });

/**
 * What happened to an event, as inserts only (cheap on any store): `<event>#<n>` claims attempt n (the insert
 * is how one instance wins it), `<event>#dialog` the dialog the event started from (see conversation-store),
 * `<event>#replies` holds the answers before they are sent. (`<event>#done`, that the event finished, was
 * written here by earlier versions; the inbox entry says it now.)
 */
const eventAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    owner: { type: String, required: true },
    /** On `<event>#replies`: the answers as sealed JSON (they may repeat what a user wrote), stored before sending. */
    repliesSealed: { type: String },
    /** On `<event>#dialog`: the dialog as the event found it (sealed JSON, null for none), kept before the event changes it. */
    dialogSealed: { type: String },
  },
  { collection: 'webhook_event_attempts' },
);

eventAttemptSchema.index({ eventId: 1 });
eventAttemptSchema.index({ claimedAt: 1 });

/**
 * The instances that run events, with their host and process id: an instance that finds a record of its own
 * host whose process is gone knows that instance died (a crash, a SIGKILL, a container restart keeps the
 * hostname), and takes its queued events and claims over at once instead of waiting out their leases.
 */
const eventRunnerSchema = new Schema(
  {
    _id: { type: String, required: true },
    host: { type: String, required: true },
    pid: { type: Number, required: true },
    startedAt: { type: Date, required: true },
  },
  { collection: 'event_runners' },
);
eventRunnerSchema.index({ host: 1 });

export type WebhookEventDoc = InferSchemaType<typeof webhookEventSchema>;
export const WebhookEventModel = model('WebhookEvent', webhookEventSchema);
export const EventAttemptModel = model('EventAttempt', eventAttemptSchema);
export const WebhookReceiptModel = model('WebhookReceipt', webhookReceiptSchema);
export const EventRunnerModel = model('EventRunner', eventRunnerSchema);
