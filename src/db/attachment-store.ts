import type { Attachment } from '../dialogs/officer-report.js';
import type { LineClient } from '../line/client.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { AttachmentFileModel, MAX_ATTACHMENT_BYTES } from './models/attachment-file.js';

/** Copies a photo/file out of LINE into the database while LINE still has it. */
export async function storeAttachment(orgId: string, attachment: Attachment, uploadedBy: string, line: Pick<LineClient, 'getContent'>, now: Date): Promise<void> {
  const _id = `${orgId}:${attachment.lineMessageId}`;
  if (await AttachmentFileModel.exists({ _id })) return;
  const content = await line.getContent(attachment.lineMessageId, MAX_ATTACHMENT_BYTES);
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
