import { minutesUntilNextTry, WRONG_CODE_WINDOW_MS } from '../domain/code-throttle.js';
import { RegisterFailureModel } from './models/invite.js';

/**
 * Throttles invite-code guessing per LINE account (the rule is domain/code-throttle.ts): a throttled
 * account's codes are neither checked nor does it cost a LINE profile call. Kept in the database, so every
 * instance behind the load balancer sees the same attempts.
 *
 * Counting (not claiming) attempts: two wrong codes from one account handled at the very same moment by two
 * instances may both be checked, so the limit can be passed by the number of instances, never more.
 */
/** Minutes (rounded up, at least 1) until the account may try a code again; 0 when it may now. */
export async function registrationWaitMinutes(orgId: string, userKey: string, now = new Date()): Promise<number> {
  // The equality selects one account's few records (indexed); the time range narrows them afterwards.
  const recent = await RegisterFailureModel.find({ orgId, userKey, at: { $gt: new Date(now.getTime() - WRONG_CODE_WINDOW_MS) } }, { at: 1 }).lean();
  return minutesUntilNextTry(recent.map((r) => r.at), now);
}

/** Records a wrong code and forgets this account's attempts that no longer count (no TTL index on FerretDB). */
export async function recordRegistrationFailure(orgId: string, userKey: string, now = new Date()): Promise<void> {
  await RegisterFailureModel.create({ orgId, userKey, at: now });
  await RegisterFailureModel.deleteMany({ orgId, userKey, at: { $lte: new Date(now.getTime() - WRONG_CODE_WINDOW_MS) } });
}

/** Drops every attempt older than the window, of accounts that never came back (the daily prune). */
export async function pruneRegistrationFailures(now = new Date()): Promise<void> {
  await RegisterFailureModel.deleteMany({ at: { $lte: new Date(now.getTime() - WRONG_CODE_WINDOW_MS) } });
}
