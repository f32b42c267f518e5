import { HTTPFetchError, type webhook } from '@line/bot-sdk';
import { addSeconds, differenceInSeconds } from 'date-fns';
import { claimAttempt, isFinished, loadEvent, markDone, markFailed, recordedReplies, recordReplies, type StoredEvent } from '../db/event-store.js';
import type { DigitStyle } from '../domain/figures.js';
import type { Threshold } from '../domain/summary.js';
import { describeLineError, type LineClient } from '../line/client.js';
import type { Message } from '../line/messages.js';
import { LINE_LIMITS } from '../line/limits.js';
import { retryKeyFor } from '../line/retry-key.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { respond, type ChatDeps } from '../chat/router.js';

/** What processing needs of the organisation an event came to: its LINE client and its link makers. */
export interface OrganisationChannelDeps {
  line: LineClient;
  reportLink?: ChatDeps['reportLink'];
  evidenceLink?: ChatDeps['evidenceLink'];
  publicPageUrl?: ChatDeps['publicPageUrl'];
  /** Its own level thresholds, when it set them. */
  thresholds?: Threshold[];
  /** Its digit style, when it chose one. */
  digits?: DigitStyle | null;
}

export interface ProcessorDeps {
  /** The event's organisation; throws when it has no channel any more (disabled), so the event is retried. */
  channelOf: (orgId: string) => OrganisationChannelDeps;
  log: Logger;
  /** Names this instance in attempt claims, for operators reading the database. */
  instanceId: string;
  sealer: Sealer;
  dialogTimeoutMinutes: number;
  maxAttempts: number;
  thresholds: Threshold[];
  complaintCategories?: string[];
  kickOutbox?: () => void;
  now: () => Date;
}

/** A reply token is good for about a minute; after that the answer goes as a push. */
const REPLY_TOKEN_SAFE_SECONDS = 50;
const ATTEMPT_LEASE_SECONDS = 60;

export function backoffSeconds(attempt: number): number {
  return Math.min(5 * 2 ** (attempt - 1), 600);
}

/** What became of one call: `busy` when another attempt holds the event (its claim is not ours to take yet). */
export type Outcome = 'done' | 'failed' | 'busy' | 'skipped';

/**
 * Processes one stored event, at most once per attempt across all instances. The dialog runs once: its
 * replies are stored before sending, and a later attempt only sends them again (as a push with a retry key
 * derived from the event, so LINE shows them once). Intake passes the event it has just stored (`fromIntake`);
 * the runner's pass over the inbox passes the event it read there, or an id, and the event is read back.
 */
export async function processEvent(source: string | StoredEvent, deps: ProcessorDeps, options: { onlyIfDue?: boolean; fromIntake?: boolean } = {}): Promise<Outcome> {
  const fromIntake = options.fromIntake ?? typeof source !== 'string';
  const doc = typeof source !== 'string' ? source : await loadEvent(source);
  if (!doc || doc.state === 'dead') return 'skipped';
  const eventId = doc._id;
  const startedAt = deps.now();
  // A sweep's list may be stale: an attempt that failed since then has put the next one off.
  if (options.onlyIfDue && doc.nextAttemptAt > startedAt) return 'skipped';
  const attempt = doc.attempts + 1;
  // Winning attempt 1 proves no attempt ran before: nothing can have finished it or stored its replies, so
  // those two reads are left out (most of recovery after a crash is first attempts). A copy left in the
  // inbox by a redelivery of a finished event loses claim 1, and is only removed.
  const firstEver = attempt === 1;
  const leftover = async () => {
    if (fromIntake || !(await isFinished(eventId))) return false;
    await markDone(eventId, deps.instanceId, startedAt);
    return true;
  };
  if (!firstEver && (await leftover())) return 'skipped';
  // The claim holds the event for a lease: another instance's sweep that sees it due cannot claim it too.
  if (!(await claimAttempt(eventId, attempt, deps.instanceId, startedAt, ATTEMPT_LEASE_SECONDS))) {
    return firstEver && (await leftover()) ? 'skipped' : 'busy';
  }
  // Replies an earlier attempt stored mean the dialog has run: only the sending is left.
  const earlierReplies = fromIntake || firstEver ? null : await recordedReplies(eventId);

  const event = JSON.parse(deps.sealer.open(doc.body)) as webhook.Event;
  let channel: OrganisationChannelDeps;
  // Where a late answer is pushed: the person, or the group (which hears only the executives' group commands).
  const userId = event.source?.type === 'user' ? (event.source.userId ?? null) : event.source?.type === 'group' ? event.source.groupId : null;
  let repliesStored = earlierReplies !== null;
  try {
    channel = deps.channelOf(doc.orgId);
    let replies: Message[];
    if (earlierReplies === null) {
      replies = await respond(event, eventId, {
        orgId: doc.orgId,
        dialogTimeoutMinutes: deps.dialogTimeoutMinutes,
        thresholds: channel.thresholds ?? deps.thresholds,
        digits: channel.digits ?? undefined,
        complaintCategories: deps.complaintCategories,
        sealer: deps.sealer,
        kickOutbox: deps.kickOutbox,
        reportLink: channel.reportLink,
        evidenceLink: channel.evidenceLink,
        publicPageUrl: channel.publicPageUrl,
        line: channel.line,
        log: deps.log,
        now: startedAt,
      });
      if (replies.length > 0) {
        await recordReplies(eventId, deps.sealer.seal(JSON.stringify(replies)), deps.instanceId, startedAt);
        repliesStored = true;
      }
    } else {
      replies = JSON.parse(deps.sealer.open(earlierReplies)) as Message[];
    }
    const replyToken = 'replyToken' in event ? event.replyToken : undefined;
    // An earlier attempt that recorded no failure was cut off (a crash, a kill) and may or may not have
    // replied. While the token is young, replying again tells which: LINE refuses a used token, and then
    // the answer is there already; a push would show it twice, as a reply has no retry key.
    const cutOff = attempt > 1 && doc.lastError === null;
    const fresh = (attempt === 1 || cutOff) && differenceInSeconds(deps.now(), doc.timestamp) < REPLY_TOKEN_SAFE_SECONDS;
    let lineRequestIds: (string | null)[];
    try {
      lineRequestIds = await send(replies, { eventId, replyToken: fresh ? replyToken : undefined, userId }, channel.line);
    } catch (error) {
      if (!(cutOff && fresh && isUsedReplyToken(error))) throw error;
      deps.log.info({ eventId, attempt }, 'the reply of a cut-off attempt had gone out; not sent again');
      lineRequestIds = [];
    }
    await markDone(eventId, deps.instanceId, deps.now());
    deps.log.debug({ eventId, type: doc.type, attempt, replies: replies.length, lineRequestIds }, 'event processed');
    return 'done';
  } catch (error) {
    const dead = attempt >= deps.maxAttempts;
    const next = addSeconds(deps.now(), backoffSeconds(attempt));
    await markFailed(eventId, attempt, describe(error), next, dead ? 'dead' : repliesStored ? 'replying' : 'pending');
    deps.log.warn({ eventId, type: doc.type, attempt, dead, err: describe(error) }, 'event processing failed');
    return 'failed';
  }
}

async function send(replies: Message[], to: { eventId: string; replyToken?: string; userId: string | null }, line: LineClient): Promise<(string | null)[]> {
  if (replies.length === 0) return [];
  if (replies.length <= LINE_LIMITS.messagesPerRequest && to.replyToken) return [await line.reply(to.replyToken, replies)];
  if (!to.userId) return [];
  const requestIds: (string | null)[] = [];
  for (let i = 0; i < replies.length; i += LINE_LIMITS.messagesPerRequest) {
    const part = replies.slice(i, i + LINE_LIMITS.messagesPerRequest);
    requestIds.push(await line.push(to.userId, part, retryKeyFor(`${to.eventId}:${i / LINE_LIMITS.messagesPerRequest}`)));
  }
  return requestIds;
}

const describe = (error: unknown) => describeLineError(error).message;

const isUsedReplyToken = (error: unknown) => error instanceof HTTPFetchError && error.status === 400 && /invalid reply token/i.test(error.body);
