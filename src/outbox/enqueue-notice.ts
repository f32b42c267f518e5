import { addDays, addSeconds } from 'date-fns';
import { digestDaysLater, isGroupOrRoomId, kindOfOutgoing, waitsForDigest } from '../domain/message-kinds.js';
import { AT_ONCE, nextDigestAt, type NoticeTiming } from '../domain/notice-timing.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue, type Outgoing } from './enqueue.js';

/** What a notice needs to be enqueued: the organisation, the clock, and when its notices are first due. */
export interface NoticeDeps {
  orgId: string;
  sealer: Sealer;
  now: Date;
  /** The organisation's notice timing (`OrgSettings.notices`); at once, on its own, when not given. */
  timing?: NoticeTiming;
  /** Sends at once instead of at the outbox's next tick. */
  kick?: () => void;
}

/**
 * Enqueues a notice caused by someone's action (not a job's message). A kind that may wait for the digest
 * (`waitsForDigest`) is held until the organisation's next digest time, one row per person, so that each
 * person's copy rides that person's next reply or digest push (LINE bills per recipient: a push each costs what
 * the multicast would). Anything else, and every notice while the digest is off, is due after the merging
 * window. A group is never held: it gets only jobs' messages. Returns how many rows were new.
 */
export async function enqueueNotice(source: string, item: Outgoing, deps: NoticeDeps): Promise<number> {
  const { orgId, now, sealer } = deps;
  const timing = deps.timing ?? AT_ONCE;
  const kind = item.kind ?? kindOfOutgoing(source, item.key);
  let added: number;
  if (timing.digestTime && waitsForDigest(kind) && !item.to.some(isGroupOrRoomId)) {
    // Keyed by the person's keyed hash, never their LINE id: stable, so a redelivered event adds nothing.
    const each = [...new Set(item.to)].map((to) => ({ ...item, kind, key: `${item.key}:to-${sealer.userKey(to).slice(3, 19)}`, to: [to] }));
    added = await enqueue(orgId, source, each, now, sealer, { until: addDays(nextDigestAt(now, timing.digestTime), digestDaysLater(kind)), digest: true });
  } else {
    added = await enqueue(orgId, source, [{ ...item, kind }], now, sealer, timing.mergeSeconds > 0 ? { until: addSeconds(now, timing.mergeSeconds) } : undefined);
  }
  if (added > 0) deps.kick?.();
  return added;
}
