import type { Attachment } from '../domain/attachments.js';
import { isTransientLineError, type LineClient } from '../line/client.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { AttachmentFileModel, MAX_ATTACHMENT_BYTES } from './models/attachment-file.js';

/** Copies a photo/file out of LINE into the database while LINE still has it. */
export async function storeAttachment(orgId: string, attachment: Attachment, uploadedBy: string, line: Pick<LineClient, 'getContent'>, now: Date): Promise<void> {
  const _id = `${orgId}:${attachment.lineMessageId}`;
  if (await AttachmentFileModel.exists({ _id })) return;
  let content: Awaited<ReturnType<LineClient['getContent']>> = null;
  try {
    content = await line.getContent(attachment.lineMessageId, MAX_ATTACHMENT_BYTES);
  } catch (error) {
    // A passing outage is retried with the event; content LINE no longer has is recorded without its bytes
    // rather than holding up the officer's report.
    if (isTransientLineError(error)) throw error;
  }
  try {
    await AttachmentFileModel.create({
      _id,
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
