/**
 * How guessing one-time codes (staff invites, group link codes) is slowed down: after MAX_WRONG_CODES wrong
 * codes within WRONG_CODE_WINDOW_MINUTES, no more are checked until the oldest of them leaves the window.
 * Codes are 8 characters of 31 (about 8.5e11): a handful of guesses changes nothing; thousands are what it stops.
 */
export const MAX_WRONG_CODES = 5;
export const WRONG_CODE_WINDOW_MINUTES = 10;
export const WRONG_CODE_WINDOW_MS = WRONG_CODE_WINDOW_MINUTES * 60_000;

/** Minutes (rounded up, at least 1) until another code may be tried, given the wrong ones of the window; 0 when it may now. */
export function minutesUntilNextTry(wrongAt: readonly Date[], now: Date): number {
  const recent = wrongAt.map((at) => at.getTime()).filter((t) => t > now.getTime() - WRONG_CODE_WINDOW_MS);
  if (recent.length < MAX_WRONG_CODES) return 0;
  // Another try is allowed once all but MAX_WRONG_CODES - 1 of them have left the window.
  const freedAt = recent.sort((a, b) => b - a)[MAX_WRONG_CODES - 1]! + WRONG_CODE_WINDOW_MS;
  return Math.max(1, Math.ceil((freedAt - now.getTime()) / 60_000));
}
