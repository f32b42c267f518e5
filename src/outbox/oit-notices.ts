import type { Message } from '../line/client.js';
import { enqueueNotice, type NoticeDeps } from './enqueue-notice.js';

/**
 * Messages about an OIT item, through the outbox. The key names the item and the occasion (the event that
 * caused it), so a redelivered event sends nothing twice.
 */
export async function noticeAboutOitItem(
  itemId: string,
  occasion: string,
  to: string[],
  messages: Message[],
  deps: NoticeDeps,
): Promise<number> {
  if (to.length === 0) return 0;
  return enqueueNotice(`oit:${itemId}`, { key: `oit:${itemId}:${occasion}`, to, messages }, deps);
}
