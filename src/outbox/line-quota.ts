import { recordLineQuota } from '../db/message-use-store.js';
import { releaseBudgetWaiting } from '../db/outbox-store.js';
import { monthKey } from '../domain/calendar.js';
import type { LineClient } from '../line/client.js';

/**
 * Reads LINE's own figures for an organisation's channel (its plan's quota, this month's use) and keeps them.
 * A changed quota changes the budget of an organisation that set none: what the budget held back is checked again.
 */
export async function readLineQuota(orgId: string, line: Pick<LineClient, 'messageQuota'>, now: Date): Promise<void> {
  const { quota, used } = await line.messageQuota();
  const before = await recordLineQuota(orgId, { quota, used, month: monthKey(now), readAt: now });
  if (before && before.quotaBefore !== quota) await releaseBudgetWaiting(orgId, now);
}
