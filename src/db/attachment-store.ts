import type { Attachment } from '../domain/attachments.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { AttachmentFileModel } from './models/attachment-file.js';

const fileId = (orgId: string, lineMessageId: string) => `${orgId}:${lineMessageId}`;

/** Whether the photo/file of this LINE message is kept already (a repeated event need not fetch it again). */
export async function hasAttachment(orgId: string, lineMessageId: string): Promise<boolean> {
  return (await AttachmentFileModel.exists({ _id: fileId(orgId, lineMessageId) })) !== null;
}

/** Keeps a photo/file once; `content` null keeps only what is known of it (LINE no longer had the bytes). */
export async function saveAttachment(
  orgId: string,
  { attachment, uploadedBy, content, now }: { attachment: Attachment; uploadedBy: string; content: { data: Buffer; contentType: string } | null; now: Date },
): Promise<void> {
  try {
    await AttachmentFileModel.create({
      _id: fileId(orgId, attachment.lineMessageId),
      orgId,
      lineMessageId: attachment.lineMessageId,
      kind: attachment.kind,
      fileName: attachment.fileName,
      contentType: content?.contentType ?? null,
      size: content?.data.length ?? null,
      data: content?.data ?? null,
      uploadedBy,
      createdAt: now,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
