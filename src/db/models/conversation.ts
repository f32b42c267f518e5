import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Where each user is in a dialog. `_id` is `<orgId>:<userKey>` (the user's pseudonym, never the LINE id);
 * `sealedData` is the dialog's own draft, encrypted: a corruption story is written into it step by step.
 * `data` is the clear draft that versions before sealing wrote; it is read once, then replaced.
 * Expired documents are answered politely on the next message and removed by the sweeper, not by a TTL
 * index (FerretDB has none).
 */
const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    userKey: { type: String, required: true },
    dialog: { type: String, required: true },
    step: { type: String, required: true },
    sealedData: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: undefined },
    updatedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /**
     * The event that wrote this dialog, and the dialog it started from (sealed JSON, null for none): a retry of
     * that event runs from there (see conversation-store). Written with the dialog, so it costs no write of its own.
     */
    keptFor: { type: String, default: undefined },
    keptSealed: { type: String, default: undefined },
  },
  { collection: 'conversations', minimize: false },
);

export type Conversation = InferSchemaType<typeof conversationSchema>;
export const ConversationModel = model('Conversation', conversationSchema);
export const conversationId = (orgId: string, userKey: string) => `${orgId}:${userKey}`;
