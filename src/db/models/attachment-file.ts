import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * Evidence photos and files sent during a report. LINE deletes message content after a while, so the bytes
 * are copied here when they arrive. `_id` is `<orgId>:<lineMessageId>`: storing the same message twice is a
 * no-op. Files over MAX_ATTACHMENT_BYTES (domain/attachments.ts) keep only their metadata (`data` null).
 */
const attachmentFileSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    lineMessageId: { type: String, required: true },
    kind: { type: String, required: true },
    fileName: { type: String, default: null },
    contentType: { type: String, default: null },
    size: { type: Number, default: null },
    data: { type: Buffer, default: null },
    /** The sender's pseudonym (user key), not the LINE id. */
    uploadedBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'attachment_files' },
);

export type AttachmentFile = InferSchemaType<typeof attachmentFileSchema>;
export const AttachmentFileModel = model('AttachmentFile', attachmentFileSchema);
