import { HTTPFetchError, type webhook } from '@line/bot-sdk';
import { addSeconds, differenceInSeconds } from 'date-fns';
import { claimAttempt, isFinished, loadEvent, markDone, markFailed, recordedReplies, recordReplies, type StoredEvent } from '../db/event-store.js';
import type { OrgSettings } from '../domain/organisation.js';
import { describeLineError, LineRequestTimeout, type LineClient } from '../line/client.js';
import type { Message } from '../line/messages.js';
import { LINE_LIMITS } from '../line/limits.js';
import { retryKeyFor } from '../line/retry-key.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import type { ChatDeps } from '../chat/deps.js';
import { respond } from '../chat/router.js';
import type { MessageMeter } from '../outbox/message-meter.js';
import { noticeDeadEvent } from '../outbox/dead-event-notices.js';
import { releaseRepliedIn } from '../db/outbox-store.js';
import { extrasForReply } from '../outbox/reply-extras.js';
import { DEFAULT_DIGIT_STYLE } from '../domain/figures.js';

/** What processing needs of the organisation an event came to: its LINE client and its link makers. */
export interface OrganisationChannelDeps {
  line: LineClient;
  reportLink?: ChatDeps['reportLink'];
  evidenceLink?: ChatDeps['evidenceLink'];
  publicPageUrl?: ChatDeps['publicPageUrl'];
  /** Its settings (its own, else the environment's), as the tenant directory resolved them. */
  settings: OrgSettings;
  /** Its active fiscal year, as the tenant directory keeps it (no database read per event). */
  activeFiscalYear: () => Promise<number>;
}

export interface ProcessorDeps {
  /** The event's organisation; throws when it has no channel any more (disabled), so the event is retried. */
  channelOf: (orgId: string) => OrganisationChannelDeps;
  log: Logger;
  /** Names this instance in attempt claims, for operators reading the database. */
  instanceId: string;
  sealer: Sealer;
  maxAttempts: number;
  kickOutbox?: () => void;
  /** Counts the answers that went as pushes (`outbox/message-meter.ts`): a reply costs nothing, a push does. */
  meter?: MessageMeter;
  now: () => Date;
  /** How long a reply token is used after its event (REPLY_TOKEN_SAFE_SECONDS); later answers are pushed. */
  replyTokenSafeSeconds?: number;
}

/** A reply token is good for about a minute (LINE promises no figure); after that the answer goes as a push. */
export const REPLY_TOKEN_SAFE_SECONDS = 50;
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
  if (!doc || doc.state === 'dead' || doc.state === 'done') return 'skipped';
  const eventId = doc._id;
  const startedAt = deps.now();
  // A sweep's list may be stale: an attempt that failed since then has put the next one off.
  if (options.onlyIfDue && doc.nextAttemptAt > startedAt) return 'skipped';
  const attempt = doc.attempts + 1;
  // Winning attempt 1 proves no attempt ran before: nothing can have finished it or stored its replies, so
  // those two reads are left out (most of recovery after a crash is first attempts). The event may have
  // finished since the inbox was read (another instance), or (an earlier version's record) be a copy left in
  // the inbox by a redelivery of a finished event, which loses claim 1: either way it is only marked done.
  const firstEver = attempt === 1;
  const leftover = async () => {
    if (fromIntake || !(await isFinished(eventId))) return false;
    await markDone(eventId, deps.instanceId, startedAt);
    return true;
  };
  if (!firstEver && (await leftover())) return 'skipped';
  // The claim holds the event for a lease: another instance's sweep that sees it due cannot claim it too.
  if (!(await claimAttempt({ eventId, attempt, owner: deps.instanceId, now: startedAt, leaseSeconds: ATTEMPT_LEASE_SECONDS }))) {
    return firstEver && (await leftover()) ? 'skipped' : 'busy';
  }
  // Replies an earlier attempt stored mean the dialog has run: only the sending is left.
  const earlierReplies = fromIntake || firstEver ? null : await recordedReplies(eventId);

  const event = JSON.parse(deps.sealer.open(doc.body)) as webhook.Event;
  let channel: OrganisationChannelDeps;
  // Where a late answer is pushed: the person, or the group (which hears only the executives' group commands).
  const userId = event.source?.type === 'user' ? (event.source.userId ?? null) : event.source?.type === 'group' ? event.source.groupId : null;
  const replyToken = 'replyToken' in event ? event.replyToken : undefined;
  const young = () => differenceInSeconds(deps.now(), doc.timestamp) < (deps.replyTokenSafeSeconds ?? REPLY_TOKEN_SAFE_SECONDS);
  const previous = previousAttempt(attempt, doc.lastError);
  let repliesStored = earlierReplies !== null;
  /** Set once LINE has taken the answer: a failure after that must not lead to sending it again. */
  let answered = false;
  let replying = false;
  try {
    channel = deps.channelOf(doc.orgId);
    let sending: Sending;
    if (earlierReplies === null) {
      const answer = await respond(event, eventId, {
        org: channel.settings,
        activeFiscalYear: channel.activeFiscalYear,
        firstAttempt: firstEver,
        sealer: deps.sealer,
        kickOutbox: deps.kickOutbox,
        reportLink: channel.reportLink,
        evidenceLink: channel.evidenceLink,
        publicPageUrl: channel.publicPageUrl,
        line: channel.line,
        log: deps.log,
        now: startedAt,
      });
      // The person's waiting notices ride free after the answer (outbox/reply-extras.ts), as many as fit one
      // request; a late answer, pushed, carries them too at no extra cost.
      const room = LINE_LIMITS.messagesPerRequest - answer.length;
      const extras =
        userId && replyToken !== undefined && answer.length > 0 && room > 0
          ? await extrasForReply({ orgId: doc.orgId, to: userId, eventId, room, firstAttempt: firstEver, digits: channel.settings.digits ?? DEFAULT_DIGIT_STYLE, sealer: deps.sealer, now: startedAt })
          : [];
      const replies = [...answer, ...extras];
      // No attempt before this one sent anything (none stored replies), so the token is unused if young.
      const canReply = replyToken !== undefined && replies.length <= LINE_LIMITS.messagesPerRequest && (attempt === 1 || previous === 'cut-off') && young();
      sending = { via: canReply ? 'reply' : 'push', replies };
      if (replies.length > 0) {
        // The intent is recorded with the answer, before LINE is called: a retry knows a reply may be out.
        await recordReplies({ eventId, repliesSealed: deps.sealer.seal(JSON.stringify(sending)), owner: deps.instanceId, now: startedAt });
        repliesStored = true;
      }
    } else {
      sending = readSending(deps.sealer.open(earlierReplies));
    }
    const { replies } = sending;
    let lineRequestIds: (string | null)[] = [];
    if (replies.length === 0 || previous === 'answered') {
      // Nothing to say, or an earlier attempt's answer went out and only its record failed.
    } else if (sending.via === 'reply' && earlierReplies !== null && (previous === 'cut-off' || (previous === 'unsure' && young()))) {
      // An earlier attempt was stopped (a kill, a crash) or lost LINE's answer while replying: the reply may
      // be out. While the token is young, replying again tells (LINE refuses a used token). Once it is not,
      // nothing can tell: after a kill the answer is not pushed, at most once rather than twice, as the kill
      // most likely fell after LINE took the reply (docs/line-platform.md). A timed-out reply is likelier
      // lost than delivered (LINE slow or unreachable), so that one is pushed below, at least once.
      if (young()) {
        replying = true;
        try {
          lineRequestIds = [await channel.line.reply(replyToken!, replies)];
        } catch (error) {
          if (!isUsedReplyToken(error)) throw error;
          deps.log.info({ eventId, attempt }, 'the reply of a cut-off attempt had gone out; not sent again');
        }
      } else {
        deps.log.warn({ eventId, attempt }, 'a reply was under way when an attempt was cut off, and its token is too old to tell whether it went out; not pushed, so as not to show it twice');
      }
    } else if (sending.via === 'reply' && (attempt === 1 || previous === 'cut-off') && young()) {
      replying = true;
      lineRequestIds = [await channel.line.reply(replyToken!, replies)];
    } else if (userId) {
      const counted = (retryKey: string) => deps.meter?.sent(doc.orgId, { retryKey, kind: 'late-answer', source: `event:${eventId}`, to: [userId], at: deps.now() });
      lineRequestIds = await push(replies, eventId, userId, channel.line, counted);
    }
    answered = true;
    await markDone(eventId, deps.instanceId, deps.now());
    deps.log.debug({ eventId, type: doc.type, attempt, replies: replies.length, lineRequestIds }, 'event processed');
    return 'done';
  } catch (error) {
    const dead = attempt >= deps.maxAttempts;
    const next = addSeconds(deps.now(), backoffSeconds(attempt));
    const mark = answered ? ANSWERED : replying && error instanceof LineRequestTimeout ? UNSURE : '';
    await markFailed({ eventId, attempt, error: `${mark}${describe(error)}`, nextAttemptAt: next, state: dead ? 'dead' : repliesStored ? 'replying' : 'pending' });
    deps.log.warn({ eventId, type: doc.type, attempt, dead, err: error }, 'event processing failed');
    if (dead) {
      // Notices this answer was to carry wait again for their own push.
      await releaseRepliedIn(eventId, deps.now()).catch((releaseError: unknown) => deps.log.error({ eventId, err: releaseError }, 'could not put back the notices of a dead event'));
      const person = event.source?.type === 'user' ? userId : null;
      await noticeDeadEvent(doc.orgId, { id: eventId, userId: person, answered: repliesStored }, { sealer: deps.sealer, now: deps.now(), kick: deps.kickOutbox }).catch(
        (noticeError: unknown) => deps.log.error({ eventId, err: noticeError }, 'could not tell of a dead event'),
      );
    }
    return 'failed';
  }
}

/** The answer as stored before sending, with the way it goes: `reply` (with the event's token) or `push`. */
interface Sending {
  via: 'reply' | 'push';
  replies: Message[];
}

function readSending(json: string): Sending {
  const stored = JSON.parse(json) as Sending | Message[];
  // Stored by an older version, which did not say: treated as it treated them, pushed on a retry.
  return Array.isArray(stored) ? { via: 'push', replies: stored } : stored;
}

/**
 * Marks on `lastError` that tell the next attempt what a failed one left behind: its answer went out (only
 * a later step failed), or its reply timed out and may have gone out.
 */
const ANSWERED = 'answered, then: ';
const UNSURE = 'reply unconfirmed: ';

/**
 * What the attempt before this one left: none (this is the first); `cut-off` (it recorded no failure: killed
 * or crashed, perhaps in the middle of a reply); `answered` or `unsure` (see the marks); `failed` (LINE or the
 * database refused, and nothing went out).
 */
function previousAttempt(attempt: number, lastError: string | null): 'none' | 'cut-off' | 'answered' | 'unsure' | 'failed' {
  if (attempt === 1) return 'none';
  if (lastError === null) return 'cut-off';
  if (lastError.startsWith(ANSWERED)) return 'answered';
  if (lastError.startsWith(UNSURE)) return 'unsure';
  return 'failed';
}

/** Pushes in parts of 5, in order, each with a retry key of the event and the part: LINE shows each once. */
async function push(replies: Message[], eventId: string, to: string, line: LineClient, counted?: (retryKey: string) => Promise<void> | undefined): Promise<(string | null)[]> {
  const requestIds: (string | null)[] = [];
  for (let i = 0; i < replies.length; i += LINE_LIMITS.messagesPerRequest) {
    const part = replies.slice(i, i + LINE_LIMITS.messagesPerRequest);
    const retryKey = retryKeyFor(`${eventId}:${i / LINE_LIMITS.messagesPerRequest}`);
    requestIds.push(await line.push(to, part, retryKey));
    await counted?.(retryKey);
  }
  return requestIds;
}

const describe = (error: unknown) => describeLineError(error).message;

const isUsedReplyToken = (error: unknown) => error instanceof HTTPFetchError && error.status === 400 && /invalid reply token/i.test(error.body);
