import type { routerStores } from '../db/chat-stores.js';
import type { Attachment } from '../domain/attachments.js';
import { downloadAttachment } from '../line/attachment-download.js';
import type { LineClient } from '../line/client.js';

/** Copies a photo/file a user sent out of LINE into the database, during the step that received it. */
export async function keepAttachment(
  store: Pick<(typeof routerStores)['attachments'], 'hasAttachment' | 'saveAttachment'>,
  line: Pick<LineClient, 'getContent'>,
  orgId: string,
  attachment: Attachment,
  uploadedBy: string,
  now: Date,
): Promise<void> {
  if (await store.hasAttachment(orgId, attachment.lineMessageId)) return;
  await store.saveAttachment(orgId, { attachment, uploadedBy, content: await downloadAttachment(line, attachment), now });
}
