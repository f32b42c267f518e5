import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One push or multicast LINE accepted, as LINE bills it: `_id` is `<orgId>:<retry key>`, so a repeat of the
 * same message (a retry after a crash, LINE's 409 for a retry key it had taken) is recorded once. `month` is
 * the Bangkok month it went out in; `recipients` what LINE counts (a group: its members when sent).
 */
const messageSentSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    month: { type: String, required: true },
    kind: { type: String, required: true },
    recipients: { type: Number, required: true },
    /** What produced it (a job run's id, `complaint:<id>` …), for the run's line in `jobs status`. */
    source: { type: String, required: true },
    toGroup: { type: Boolean, default: false },
    sentAt: { type: Date, required: true },
  },
  { collection: 'messages_sent' },
);
messageSentSchema.index({ orgId: 1, month: 1 });
messageSentSchema.index({ source: 1 });

/** LINE's own count for an organisation's channel, as last read: one document an organisation, `_id` its code. */
const lineQuotaSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The month's quota; null when LINE sets none (`type: none`). */
    quota: { type: Number, default: null },
    /** This month's messages by every sending API, LINE's figure. */
    used: { type: Number, required: true },
    month: { type: String, required: true },
    readAt: { type: Date, required: true },
  },
  { collection: 'line_quota' },
);

/**
 * An organisation's own monthly message budget, when it set one: one document an organisation, `_id` its code.
 * Absent: the budget is LINE's quota (domain/message-budget.ts).
 */
const messageBudgetSchema = new Schema(
  {
    _id: { type: String, required: true },
    amount: { type: Number, required: true },
  },
  { collection: 'message_budgets' },
);

export type MessageSent = InferSchemaType<typeof messageSentSchema>;
export const MessageSentModel = model('MessageSent', messageSentSchema);
export const LineQuotaModel = model('LineQuota', lineQuotaSchema);
export const MessageBudgetModel = model('MessageBudget', messageBudgetSchema);
