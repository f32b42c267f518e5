import type { Message } from '../line/client.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue, noticeMergeWindow } from './enqueue.js';

/**
 * Messages about an OIT item, through the outbox. The key names the item and the occasion (the event that
 * caused it), so a redelivered event sends nothing twice.
 */
export async function noticeAboutOitItem(
  itemId: string,
  occasion: string,
  to: string[],
  messages: Message[],
  deps: { orgId: string; sealer: Sealer; now: Date; kick?: () => void },
): Promise<number> {
  if (to.length === 0) return 0;
  const added = await enqueue(deps.orgId, `oit:${itemId}`, [{ key: `oit:${itemId}:${occasion}`, to, messages }], deps.now, deps.sealer, noticeMergeWindow());
  if (added > 0) deps.kick?.();
  return added;
}
