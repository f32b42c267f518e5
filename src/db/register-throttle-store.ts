import { RegisterFailureModel } from './models/invite.js';

/**
 * Throttles invite-code guessing per LINE account: after MAX_FAILURES wrong codes within WINDOW_MINUTES the
 * account is told to wait, and its codes are neither checked nor does it cost a LINE profile call. Kept in
 * the database, so every instance behind the load balancer sees the same attempts.
 *
 * Counting (not claiming) attempts: two wrong codes from one account handled at the very same moment by two
 * instances may both be checked, so the limit can be passed by the number of instances, never more. Codes
 * are 8 characters of 31 (about 8.5e11): a handful more guesses changes nothing; thousands are what it stops.
 */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 10;
const WINDOW_MS = WINDOW_MINUTES * 60_000;

/** Minutes (rounded up, at least 1) until the account may try a code again; 0 when it may now. */
export async function registrationWaitMinutes(orgId: string, userKey: string, now = new Date()): Promise<number> {
  // The equality selects one account's few records (indexed); the time range narrows them afterwards.
  const recent = await RegisterFailureModel.find({ orgId, userKey, at: { $gt: new Date(now.getTime() - WINDOW_MS) } }, { at: 1 }).lean();
  if (recent.length < MAX_FAILURES) return 0;
  // The account may try again once all but MAX_FAILURES - 1 of them have left the window.
  const times = recent.map((r) => r.at.getTime()).sort((a, b) => b - a);
  const freedAt = times[MAX_FAILURES - 1]! + WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000));
}

/** Records a wrong code and forgets this account's attempts that no longer count (no TTL index on FerretDB). */
export async function recordRegistrationFailure(orgId: string, userKey: string, now = new Date()): Promise<void> {
  await RegisterFailureModel.create({ orgId, userKey, at: now });
  await RegisterFailureModel.deleteMany({ orgId, userKey, at: { $lte: new Date(now.getTime() - WINDOW_MS) } });
}

/** Drops every attempt older than the window, of accounts that never came back (the daily prune). */
export async function pruneRegistrationFailures(now = new Date()): Promise<void> {
  await RegisterFailureModel.deleteMany({ at: { $lte: new Date(now.getTime() - WINDOW_MS) } });
}
