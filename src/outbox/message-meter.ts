import { recordMessageSent } from '../db/message-use-store.js';
import { monthKey } from '../domain/calendar.js';
import { isGroupOrRoomId, type MessageKind } from '../domain/message-kinds.js';
import type { LineClient } from '../line/client.js';
import type { Logger } from '../log.js';

/** A group's member count is read again after this: members come and go, but not by the minute. */
const MEMBER_COUNT_MINUTES = 60;

export interface SentPush {
  /** The request's retry key: a repeat of the same message (a retry, LINE's 409) has the same one. */
  retryKey: string;
  kind: MessageKind;
  /** What produced it (a job run's id …). */
  source: string;
  to: string[];
  at: Date;
}

/** Records every push and multicast LINE accepted, with what LINE bills for it (docs/domain.md, "Messages and their cost"). */
export interface MessageMeter {
  sent(orgId: string, push: SentPush): Promise<void>;
  /** What LINE would bill for a push to these: their number, or a group's members. */
  recipientsOf(orgId: string, to: string[]): Promise<number>;
}

export interface MeterDeps {
  lineFor: (orgId: string) => Pick<LineClient, 'memberCount'>;
  log: Logger;
  now: () => Date;
}

export function createMessageMeter(deps: MeterDeps): MessageMeter {
  const counts = new Map<string, { count: number; until: number }>();

  /** A group's or room's members as LINE last said (re-read hourly); the last known count, or 1, if LINE does not answer. */
  async function membersOf(orgId: string, id: string): Promise<number> {
    const cached = counts.get(id);
    if (cached && cached.until > deps.now().getTime()) return cached.count;
    try {
      const count = await deps.lineFor(orgId).memberCount(id);
      counts.set(id, { count, until: deps.now().getTime() + MEMBER_COUNT_MINUTES * 60_000 });
      return count;
    } catch (error) {
      deps.log.warn({ orgId, err: error }, 'could not read a group\'s member count; counting the push by the last known count');
      return cached?.count ?? 1;
    }
  }

  return {
    recipientsOf: (orgId, to) => (to.length === 1 && isGroupOrRoomId(to[0]!) ? membersOf(orgId, to[0]!) : Promise.resolve(to.length)),
    async sent(orgId, push) {
      // The message is out: a failure to count it must not make the sender retry it as unsent.
      try {
        const toGroup = push.to.length === 1 && isGroupOrRoomId(push.to[0]!);
        const recipients = toGroup ? await membersOf(orgId, push.to[0]!) : push.to.length;
        await recordMessageSent({ orgId, retryKey: push.retryKey, month: monthKey(push.at), kind: push.kind, recipients, source: push.source, toGroup, sentAt: push.at });
      } catch (error) {
        deps.log.error({ orgId, kind: push.kind, err: error }, 'could not record a sent message');
      }
    },
  };
}
