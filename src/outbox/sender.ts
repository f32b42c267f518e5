import { addSeconds } from 'date-fns';
import { startOfNextBangkokMonth } from '../domain/calendar.js';
import {
  attemptOwner,
  claimSendAttempt,
  dueOutboxMessages,
  loadOutboxMessage,
  markMerged,
  markSendFailed,
  markSent,
  markWaitingForBudget,
  markWaitingForQuota,
  outboxMessageExists,
  recordSendAttempt,
} from '../db/outbox-store.js';
import { describeLineError, isQuotaRefusal, isTransientLineError, retryAfterSeconds, type LineClient, type Message } from '../line/client.js';
import { isMessageKind, kindOfOutgoing } from '../domain/message-kinds.js';
import type { DigitStyle } from '../domain/figures.js';
import type { Logger } from '../log.js';
import type { BudgetGate } from './message-budget.js';
import type { MessageMeter } from './message-meter.js';
import type { Sealer } from '../security/crypto.js';
import { mergeDue } from './merge.js';
import { quotaAnswerChanged } from './reply-extras.js';

export interface SenderDeps {
  /** The LINE client of the organisation a message is from: each sends with its own channel's token. */
  lineFor: (orgId: string) => Pick<LineClient, 'push' | 'multicast'>;
  log: Logger;
  instanceId: string;
  sealer: Sealer;
  maxAttempts: number;
  now: () => Date;
  /** Counts what LINE accepted, per organisation and month (`message-meter.ts`). */
  meter?: MessageMeter;
  /** Keeps to the organisation's monthly budget (`message-budget.ts`); without it, only LINE's quota limits. */
  budget?: BudgetGate;
  /**
   * Packs notices to the same person into one push (outbox/merge.ts): false when NOTICE_MERGE_SECONDS is 0 and the
   * deployment's digest is off, so each goes alone; a notice held for an organisation's own digest is packed anyway.
   */
  mergeNotices?: boolean;
  /** The organisation's digits, for the figures of a digest's summary. */
  digitsOf?: (orgId: string) => DigitStyle;
}

/** If the instance that claimed a send dies, the message is due again after this. */
const SEND_LEASE_SECONDS = 60;
/** Channels sent to side by side in one drain; within a channel messages go one after another. */
const CHANNELS_AT_ONCE = 8;
/**
 * After LINE refuses a push for the month's used-up quota, the organisation's messages wait and one is tried
 * again after this: an hour notices a raised quota or the new month soon enough, at 24 refused requests a day.
 */
export const QUOTA_RECHECK_SECONDS = 3_600;

/** 2 s, 4 s, 8 s … up to 5 minutes; LINE's Retry-After wins when it asks for longer. */
export function outboxBackoffSeconds(attempt: number): number {
  return Math.min(2 ** attempt, 300);
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what is due in the outbox. Every attempt is claimed by inserting `<message>#<attempt>`, so two
 * instances never send the same attempt; a repeat after a crash carries the same retry key, which LINE
 * answers with 409 (counted as sent).
 */
export class OutboxSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DrainResult | undefined> | undefined;

  constructor(private readonly deps: SenderDeps) {}

  /** Channels LINE has asked to slow down (429), until when: their messages wait, the others' do not. */
  private readonly throttledUntil = new Map<string, number>();

  /**
   * Sends what is due, each organisation's messages in a lane of its own (each LINE channel has its own rate
   * limit): lanes run side by side, a lane stops at its channel's 429 until LINE's Retry-After has passed, and
   * a slow or refusing channel holds back no other.
   */
  async drain(limit = 200): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    const now = this.deps.now().getTime();
    for (const [orgId, until] of this.throttledUntil) if (until <= now) this.throttledUntil.delete(orgId);
    const lanes = new Map<string, { id: string; attempts: number; createdAt: Date }[]>();
    const due = (await dueOutboxMessages(this.deps.now(), limit)).filter((m) => !this.throttledUntil.has(m.orgId));
    // Notices to the same people go as one push where they fit (outbox/merge.ts).
    const merging = this.deps.mergeNotices || due.some((d) => d.digest);
    const { merged, added, busy } = merging
      ? await mergeDue(due, { sealer: this.deps.sealer, now: this.deps.now(), digitsOf: this.deps.digitsOf })
      : { merged: new Set<string>(), added: [], busy: new Set<string>() };
    // A person whose notices another instance is packing waits a drain: any pushed alone here would split their one push.
    for (const m of [...due.filter((d) => !merged.has(d.id) && !(d.toKey && busy.has(d.toKey))), ...added]) lanes.set(m.orgId, [...(lanes.get(m.orgId) ?? []), m]);
    // In the order they were written: a message retried after a 429 still comes before the ones behind it.
    const queue = [...lanes.values()].map((lane) => lane.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)));
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const { id, attempts } of next) {
          const outcome = await this.sendOne(id, attempts + 1);
          if (outcome === 'throttled') {
            result.retrying++;
            break;
          }
          if (outcome) result[outcome]++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHANNELS_AT_ONCE, queue.length) }, lane));
    return result;
  }

  private async sendOne(id: string, attempt: number): Promise<keyof DrainResult | 'throttled' | null> {
    const now = this.deps.now();
    if (!(await claimSendAttempt({ messageId: id, attempt, owner: this.deps.instanceId, now, leaseSeconds: SEND_LEASE_SECONDS }))) return null;
    const item = await loadOutboxMessage(id);
    // The drain's list may be stale: skip a message sent or re-leased since.
    if (!item || item.state !== 'pending' || item.attempts !== attempt - 1) return null;
    // The attempt before was claimed for a merged push by an instance that died before recording it: if that
    // push was written, it carries this message (outbox/merge.ts).
    const before = attempt > 1 ? await attemptOwner(id, attempt - 1) : null;
    if (before?.startsWith('merge:') && (await outboxMessageExists(before.slice('merge:'.length)))) {
      await markMerged([id], before.slice('merge:'.length));
      return null;
    }
    const to = JSON.parse(this.deps.sealer.open(item.toSealed)) as string[];
    const kind = isMessageKind(item.kind) ? item.kind : kindOfOutgoing(item.source, item.id);
    if (this.deps.budget && !(await this.deps.budget.allows(item.orgId, { kind, to, at: now }))) {
      // Not a failure: it goes free in the person's next reply, when the budget is raised, or next month.
      await markWaitingForBudget(id, attempt, startOfNextBangkokMonth(now));
      this.deps.log.info({ outboxId: id, orgId: item.orgId, kind }, "the organisation's monthly message budget is spent; the message waits");
      return null;
    }
    await recordSendAttempt(id, attempt, addSeconds(now, SEND_LEASE_SECONDS));

    const messages = JSON.parse(this.deps.sealer.open(item.messagesSealed)) as Message[];
    try {
      const line = this.deps.lineFor(item.orgId);
      const requestId = to.length === 1 ? await line.push(to[0]!, messages, item.retryKey) : await line.multicast(to, messages, item.retryKey);
      // Before it is marked sent: a crash in between repeats the send, LINE answers 409, and the count, keyed on the retry key, stays one.
      await this.deps.meter?.sent(item.orgId, { retryKey: item.retryKey, kind, source: item.source, to, at: this.deps.now() });
      await markSent(id, this.deps.now(), requestId);
      quotaAnswerChanged(item.orgId);
      await this.deps.budget?.afterSent(item.orgId, { to, at: this.deps.now() });
      return 'sent';
    } catch (error) {
      const { status, message } = describeLineError(error);
      if (isQuotaRefusal(error)) {
        // Not a failure: nothing went out, and it goes when the quota allows (or by reply, free, before that).
        const until = addSeconds(this.deps.now(), QUOTA_RECHECK_SECONDS);
        await markWaitingForQuota(id, { status, error: message, nextAttemptAt: until });
        quotaAnswerChanged(item.orgId);
        this.deps.log.warn({ outboxId: id, orgId: item.orgId, attempt, status }, "LINE's monthly message quota is used up; messages wait");
        this.throttledUntil.set(item.orgId, until.getTime());
        return 'throttled';
      }
      const giveUp = !isTransientLineError(error) || attempt >= this.deps.maxAttempts;
      const wait = Math.max(retryAfterSeconds(error, this.deps.now()) ?? 0, outboxBackoffSeconds(attempt));
      await markSendFailed(id, { status, error: message, nextAttemptAt: addSeconds(this.deps.now(), wait), giveUp });
      this.deps.log.warn({ outboxId: id, orgId: item.orgId, attempt, status, giveUp }, 'outbox send failed');
      if (status === 429 && !giveUp) {
        this.throttledUntil.set(item.orgId, addSeconds(this.deps.now(), wait).getTime());
        return 'throttled';
      }
      return giveUp ? 'failed' : 'retrying';
    }
  }

  /** Drains every `intervalMs`, and at once when `kick()` is called after new messages are enqueued. */
  start(intervalMs = 2_000): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
    this.timer.unref();
  }

  kick(): void {
    if (this.running) return;
    void this.drainOnce();
  }

  /** One drain at a time in this instance: a kick during a flush does not race it for the same lane. */
  private drainOnce(): Promise<DrainResult | undefined> {
    this.running = this.drainWhileFull()
      .catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'outbox drain failed');
        return undefined;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Drains pass after pass while passes come back full: a monthly run for thousands of organisations goes out at once. */
  private async drainWhileFull(limit = 200): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const pass = await this.drain(limit);
      total.sent += pass.sent;
      total.retrying += pass.retrying;
      total.failed += pass.failed;
      if (pass.sent + pass.retrying + pass.failed < limit) return total;
    }
  }

  /** Waits for a drain in progress, then sends whatever is still due; counts both. */
  async flush(): Promise<DrainResult> {
    const earlier = await this.running;
    const now = (await this.drainOnce()) ?? { sent: 0, retrying: 0, failed: 0 };
    return { sent: now.sent + (earlier?.sent ?? 0), retrying: now.retrying + (earlier?.retrying ?? 0), failed: now.failed + (earlier?.failed ?? 0) };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
