import { TZDate } from '@date-fns/tz';
import { DIGEST_OFF, parseTimeOfDay, type DigestChoice, type NoticeTiming, type TimeOfDay } from './organisation.js';
import { TIME_ZONE } from './time-zone.js';

export { DIGEST_OFF, digestTimeOf, type DigestChoice, type NoticeTiming } from './organisation.js';

// When a notice is first due: `NoticeTiming` (domain/organisation.ts), resolved per organisation.

/** Nothing held, nothing merged: every notice due at once, on its own. */
export const AT_ONCE: NoticeTiming = { mergeSeconds: 0, digestTime: null };

/** "16:00" or "off" (the environment's and the CLI's spelling); null for anything else. */
export function parseDigestChoice(value: string): DigestChoice | null {
  const v = value.trim().toLowerCase();
  return v === DIGEST_OFF ? DIGEST_OFF : parseTimeOfDay(v);
}

/** The next digest after `now`: today's at `time` (Bangkok) if still ahead, else tomorrow's. */
export function nextDigestAt(now: Date, time: TimeOfDay): Date {
  const d = new TZDate(now.getTime(), TIME_ZONE);
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  const today = new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute, TIME_ZONE);
  if (today.getTime() > now.getTime()) return new Date(today.getTime());
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + 1, hour, minute, TIME_ZONE).getTime());
}
