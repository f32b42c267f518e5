import { minutesUntilNextTry, WRONG_CODE_WINDOW_MS } from '../domain/code-throttle.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { GroupLinkFailureModel } from './models/executive-group.js';

/**
 * Throttles guessing group link codes (the rule is domain/code-throttle.ts, the same as for invite codes),
 * counted on two units at once: the sender, so that moving from group to group gains nothing, and the group,
 * so that several executives in one group cannot add up their tries. Either one over the limit stops the
 * code from being checked. Kept in the database, so every instance sees the same attempts; counting rather
 * than claiming, so two instances at the very same moment may each check one more code (see
 * register-throttle-store.ts).
 */
export interface GroupLinkTryer {
  senderKey: string;
  groupKey: string;
}

const keysOf = (who: GroupLinkTryer) => [`sender:${who.senderKey}`, `group:${who.groupKey}`];

/** Minutes (rounded up, at least 1) until a code may be tried again by this sender in this group; 0 when it may now. */
export async function groupLinkWaitMinutes(orgId: string, who: GroupLinkTryer, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WRONG_CODE_WINDOW_MS);
  // One query per unit: each is an equality on the index (FerretDB reads every row for an $in alone).
  const waits = await Promise.all(
    keysOf(who).map(async (key) => minutesUntilNextTry((await GroupLinkFailureModel.find({ orgId, key, at: { $gt: since } }, { at: 1 }).lean()).map((f) => f.at), now)),
  );
  return Math.max(...waits);
}

/**
 * Records a wrong code against the sender and the group, once per event however often it is retried, and
 * forgets their attempts that no longer count (no TTL index on FerretDB).
 */
export async function recordGroupLinkFailure(orgId: string, { who, eventId, now }: { who: GroupLinkTryer; eventId: string; now: Date }): Promise<void> {
  for (const key of keysOf(who)) {
    try {
      await GroupLinkFailureModel.create({ _id: `${eventId}:${key}`, orgId, key, at: now });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    await GroupLinkFailureModel.deleteMany({ orgId, key, at: { $lte: new Date(now.getTime() - WRONG_CODE_WINDOW_MS) } });
  }
}

/** Drops every attempt older than the window, of senders and groups that never tried again (the daily prune). */
export async function pruneGroupLinkFailures(now: Date): Promise<number> {
  const { deletedCount } = await GroupLinkFailureModel.deleteMany({ at: { $lte: new Date(now.getTime() - WRONG_CODE_WINDOW_MS) } });
  return deletedCount;
}
