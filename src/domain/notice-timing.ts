import { TZDate } from '@date-fns/tz';
import { parseTimeOfDay, type TimeOfDay } from './organisation.js';
import { TIME_ZONE } from './time-zone.js';

/**
 * When a notice (not a job's message: those go at the job's time) is first due, as an organisation has it:
 * notices to the same people within `mergeSeconds` go as one push (outbox/merge.ts, NOTICE_MERGE_SECONDS, the
 * deployment's); a notice of a kind that may wait (`waitsForDigest`) is held until the organisation's daily
 * digest time, Bangkok (its own `digestTime`, else NOTICE_DIGEST_TIME), unless the digest is off (null).
 */
export interface NoticeTiming {
  mergeSeconds: number;
  digestTime: TimeOfDay | null;
}

/** Nothing held, nothing merged: every notice due at once, on its own. */
export const AT_ONCE: NoticeTiming = { mergeSeconds: 0, digestTime: null };

/** What an organisation may choose for its digest besides a time: no digest, notices go at once. */
export const DIGEST_OFF = 'off';
export type DigestChoice = TimeOfDay | typeof DIGEST_OFF;

/** "16:00" or "off" (the environment's and the CLI's spelling); null for anything else. */
export function parseDigestChoice(value: string): DigestChoice | null {
  const v = value.trim().toLowerCase();
  return v === DIGEST_OFF ? DIGEST_OFF : parseTimeOfDay(v);
}

/** The organisation's own choice over the deployment's (`own` null: it made none). */
export function digestTimeOf(own: DigestChoice | null, deployment: TimeOfDay | null): TimeOfDay | null {
  if (own === null) return deployment;
  return own === DIGEST_OFF ? null : own;
}

/** The next digest after `now`: today's at `time` (Bangkok) if still ahead, else tomorrow's. */
export function nextDigestAt(now: Date, time: TimeOfDay): Date {
  const d = new TZDate(now.getTime(), TIME_ZONE);
  const [hour, minute] = [Number(time.slice(0, 2)), Number(time.slice(3, 5))];
  const today = new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hour, minute, TIME_ZONE);
  if (today.getTime() > now.getTime()) return new Date(today.getTime());
  return new Date(new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + 1, hour, minute, TIME_ZONE).getTime());
}
