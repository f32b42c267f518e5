import { MAX_ATTACHMENT_BYTES, type Attachment } from '../domain/attachments.js';
import { isTransientLineError, type LineClient } from './client.js';

export type AttachmentContent = { data: Buffer; contentType: string };

/**
 * The bytes of a photo or file a user sent, fetched from LINE's data API while LINE still holds them; null when
 * LINE no longer has them or they are over the size kept. A passing outage throws, so that the event is
 * retried; content that is gone yields null rather than holding up the person's report.
 */
export async function downloadAttachment(line: Pick<LineClient, 'getContent'>, attachment: Attachment): Promise<AttachmentContent | null> {
  try {
    return await line.getContent(attachment.lineMessageId, MAX_ATTACHMENT_BYTES);
  } catch (error) {
    if (isTransientLineError(error)) throw error;
    return null;
  }
}
