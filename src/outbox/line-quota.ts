import { recordLineQuota } from '../db/message-use-store.js';
import { monthKey } from '../domain/calendar.js';
import type { LineClient } from '../line/client.js';

/** Reads LINE's own figures for an organisation's channel (its plan's quota, this month's use) and keeps them. */
export async function readLineQuota(orgId: string, line: Pick<LineClient, 'messageQuota'>, now: Date): Promise<void> {
  const { quota, used } = await line.messageQuota();
  await recordLineQuota(orgId, { quota, used, month: monthKey(now), readAt: now });
}
