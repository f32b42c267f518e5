import type { webhook } from '@line/bot-sdk';
import { chatStores, routerStores } from '../db/chat-stores.js';
import type { DialogInput, StoreAttachment } from '../dialogs/types.js';
import { DEFAULT_DIGIT_STYLE, figures } from '../domain/figures.js';
import { quickPostback, text, type Message } from '../line/messages.js';
import { postbackData } from '../line/postback.js';
import { loadWorkingCalendar } from '../holidays/load-calendar.js';
import type { ChatContext, Feature, Sender } from '../features/common/context.js';
import { failureApology, isTransientFailure } from './error-boundary.js';
import type { ChatDeps } from './deps.js';
import { GROUP_FEATURES, USER_FEATURES } from './features.js';
import { fitReply } from './fit-reply.js';
import { keepAttachment } from './keep-attachment.js';
import { helpMessage } from '../features/help/menu.js';
import { CHAT_TEXT } from '../features/common/texts.js';
import { toDialogInput } from './to-input.js';
import { understand } from './understand.js';
import { answerByMeaning, isPleasantry, leavesStoryOffer, nothingFitsReply, pleasantryReply, readInput } from './meaning-route.js';
import { SURE } from '../features/common/meanings/score.js';
import { checkedParams } from './actions.js';
import { SWITCH_ACTIONS } from '../features/common/switch.actions.js';

const stores = routerStores;

/**
 * Decides what the bot does with one event, carries out its storage effects, and returns the replies.
 * One-to-one chats hear the user features; in groups the bot stays quiet rather than talk over people, but
 * for the group features (the executives' group commands).
 */
export async function respond(event: webhook.Event, eventId: string, deps: ChatDeps): Promise<Message[]> {
  if (event.source?.type === 'group') return respondInGroup(event, eventId, deps);
  const userId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (!userId) return [];
  if (event.type === 'follow') {
    const staff = await stores.staff.findStaff(deps.org.orgId, userId);
    return [text(CHAT_TEXT.welcome), helpMessage(USER_FEATURES, staff?.roles ?? [])];
  }
  if (event.type === 'unfollow') {
    await stores.dialogs.clearDialog(deps.org.orgId, deps.sealer.userKey(userId));
    return [];
  }
  const input = toDialogInput(event);
  if (!input) return [];
  const opened = await openContext(userId, input, eventId, deps);
  const { ctx, before, dialogTouched } = opened;
  let replies: Message[];
  try {
    replies = await route(ctx, dialogTouched);
  } catch (error) {
    // A database or LINE outage is retried (intake/process-event.ts); a fault in a feature would fail the
    // same way on every retry, so the person is answered now and the dialog put back as the event found it.
    if (isTransientFailure(error)) throw error;
    deps.log.error({ err: error, eventId, input: input.kind, dialog: opened.startedFrom?.dialog ?? null }, 'a feature failed; the person was told');
    await opened.putDialogBack();
    replies = [failureApology(opened.startedFrom !== null)];
  }
  // Never cut: what does not fit one reply is pushed, in order (intake/process-event.ts).
  return fitReply([...before, ...replies]);
}

/** Picks the feature, asks before a dialog is thrown away, and brings the person back to the dialog under way. */
async function route(ctx: ChatContext, dialogTouched: () => boolean): Promise<Message[]> {
  const { input } = ctx;
  // Meaning layer: the "file this as a complaint?" offer is a question with buttons, not a form; a
  // message answering something else is read afresh.
  if (leavesStoryOffer(ctx.dialog, input)) {
    await ctx.endDialog();
    ctx.dialog = null;
  }
  const underway = ctx.dialog ? USER_FEATURES.find((f) => f.dialog?.name === ctx.dialog!.dialog) : undefined;
  const resume = async () => (underway && !dialogTouched() ? underway.dialog!.resume(ctx) : []);

  if (input.kind === 'postback') {
    // A button whose data does not fit its action's schema (tampered, or damaged on the way) reaches no
    // handler: it is answered like a button of something already over.
    const params = checkedParams(input.action, input.params);
    if (!params) return ctx.dialog ? [text(CHAT_TEXT.oldButton), ...(await resume())] : unknown(input, ctx.sender);
    input.params = params;
  }

  if (input.kind === 'postback' && input.action === SWITCH_ACTIONS.keepDialog.name) {
    const current = await resume();
    return current.length > 0 ? current : [text(CHAT_TEXT.nothingUnderway)];
  }
  if (input.kind === 'postback' && input.action === SWITCH_ACTIONS.switchDialog.name) {
    const target = USER_FEATURES.find((f) => f.startsDialog && f.name === input.params.to);
    if (!target || (target.allowed && !target.allowed(ctx.sender))) return [text(CHAT_TEXT.oldButton)];
    if (ctx.dialog) await ctx.endDialog();
    ctx.argument = input.params.arg ?? '';
    return target.handle(ctx);
  }

  // A photo or file sent while a dialog is under way is that dialog's (a complaint's photo, a report's evidence),
  // unless the dialog asks only for typed text: then it may be an admin's plan, sent right after registering.
  const answerAwaited =
    ctx.dialog !== null &&
    (input.kind === 'media' ? (underway?.dialog?.takesMedia?.(ctx.dialog) ?? true) : !(underway?.dialog?.hearsSentences?.(ctx.dialog) ?? false));
  // Meaning layer (chat/meaning-route.ts), only where no answer is awaited: a pleasantry is answered
  // politely before any command is looked for ("ขอบคุณที่แจ้งเรื่องให้ทราบ" is no complaint).
  const reading = answerAwaited ? null : readInput(input);
  if (!answerAwaited && ctx.dialog === null && isPleasantry(input, reading)) return pleasantryReply(ctx);
  const found = understand(USER_FEATURES, input, answerAwaited, (f) => !f.allowed || f.allowed(ctx.sender));
  // Nothing listed fits, what fits is not theirs to use, or a bare "complaint" sentence already tells
  // its story: the message is read for what it means to this person.
  const refused = found?.feature.allowed ? !found.feature.allowed(ctx.sender) : false;
  const storyInRequest = found?.feature.name === 'complaint' && found.argument === '' && Math.max(reading?.scores.complaint ?? 0, reading?.scores.corruption ?? 0) >= SURE;
  if (reading && (!found || refused || storyInRequest)) {
    const meant = await answerByMeaning(ctx, reading);
    if (meant) return meant;
  }
  // "อยากร้องเรียนเรื่องถนน" names what it is about: a general complaint, so its kind is not asked.
  if (found?.feature.name === 'complaint' && found.argument === '' && reading && reading.topics > 0 && reading.scores.corruption === 0) found.argument = 'general';
  if (!found) {
    if (underway) return underway.dialog!.continue(ctx);
    // A dialog no feature carries on any more (left by an older version) is dropped.
    if (ctx.dialog) await ctx.endDialog();
    // Typed text that means nothing known gets the main buttons, not "not understood" and the whole help.
    return input.kind === 'text' ? nothingFitsReply(ctx) : unknown(input, ctx.sender);
  }
  const { feature, argument } = found;
  ctx.argument = argument;
  if (feature.allowed && !feature.allowed(ctx.sender)) return [text(feature.refusal ?? CHAT_TEXT.unknown), ...(await resume())];
  if (feature.startsDialog && ctx.dialog && input.kind === 'text') {
    // A dialog that stored each answer as it went loses nothing: it simply gives way.
    if (!underway?.dialog?.savesEachAnswer) return [switchQuestion(feature, argument)];
    await ctx.endDialog();
  }
  const replies = await feature.handle(ctx);
  return [...replies, ...(await resume())];
}

/**
 * A group hears only its features' events and exact commands (no sentence is read for its meaning), and
 * keeps no dialog; rooms (chats without a group) get nothing at all.
 */
async function respondInGroup(event: webhook.Event, eventId: string, deps: ChatDeps): Promise<Message[]> {
  if (event.source?.type !== 'group') return [];
  const { groupId, userId } = event.source;
  const group = { id: groupId, key: deps.sealer.userKey(groupId) };
  if (event.type === 'join' || event.type === 'leave') {
    const happened = event.type;
    const feature = GROUP_FEATURES.find((f) => f.events?.includes(happened));
    // Joining and leaving carry no user: nobody wrote, so nobody is checked.
    const nobody: Sender = { userId: '', userKey: '', staff: null, roles: [] };
    return feature ? feature.handle(groupContext({ kind: 'other', what: happened }, nobody, group, eventId, deps)) : [];
  }
  const input = toDialogInput(event);
  // A group keeps no dialog, so a file is never an answer there; sentences are never read for their meaning.
  const found = input && understand(GROUP_FEATURES, input, input.kind !== 'media');
  // LINE leaves out who wrote only for people it cannot name; without a sender nothing can be checked.
  if (!input || !found || !userId) return [];
  // Who wrote is read only for a command, not for every message in a busy group.
  const staff = await stores.staff.findStaff(deps.org.orgId, userId);
  const sender: Sender = { userId, userKey: deps.sealer.userKey(userId), staff, roles: staff?.roles ?? [] };
  const { feature, argument } = found;
  if (feature.allowed && !feature.allowed(sender)) return [text(feature.refusal ?? CHAT_TEXT.unknown)];
  const ctx = groupContext(input, sender, group, eventId, deps);
  ctx.argument = argument;
  return feature.handle(ctx);
}

/** The context of a group event: no dialog is kept in a group, so a step's replies are all it gives. */
function groupContext(input: DialogInput, sender: Sender, group: { id: string; key: string }, eventId: string, deps: ChatDeps): ChatContext {
  return {
    ...sharedContext(deps),
    input,
    argument: '',
    eventId,
    sender,
    group,
    features: GROUP_FEATURES,
    dialog: null,
    async run(outcome) {
      return [...outcome.replies];
    },
    async endDialog() {},
  };
}

/** What a handler's context holds whoever wrote and wherever: the organisation, the clock, the services. */
function sharedContext(deps: ChatDeps): Pick<ChatContext, 'now' | 'org' | 'stores' | 'line' | 'sealer' | 'log' | 'kickOutbox' | 'reportLink' | 'evidenceLink' | 'publicPageUrl'> {
  const { org } = deps;
  const { orgId } = org;
  return {
    now: deps.now,
    org: {
      id: orgId,
      thresholds: org.thresholds,
      digits: org.digits ?? DEFAULT_DIGIT_STYLE,
      dialogTimeoutMinutes: org.dialogTimeoutMinutes,
      complaintCategories: org.complaintCategories,
      roundReminderDaysBefore: org.roundReminderDaysBefore,
      oitReminderDaysBefore: org.oitReminderDaysBefore,
      notices: org.notices,
      workingCalendar: () => loadWorkingCalendar(orgId),
      activeFiscalYear: deps.activeFiscalYear,
    },
    // Built here, once per event: no feature names an organisation to a store.
    stores: chatStores.for(orgId),
    line: deps.line,
    sealer: deps.sealer,
    log: deps.log,
    kickOutbox: deps.kickOutbox,
    reportLink: deps.reportLink,
    evidenceLink: deps.evidenceLink,
    publicPageUrl: deps.publicPageUrl,
  };
}

function switchQuestion(feature: Feature, argument: string): Message {
  return text(CHAT_TEXT.switchAsk, [
    quickPostback('ทิ้งแล้วเริ่มใหม่', postbackData(SWITCH_ACTIONS.switchDialog, { to: feature.name, arg: argument })),
    quickPostback('ทำรายการเดิมต่อ', postbackData(SWITCH_ACTIONS.keepDialog)),
  ]);
}

function unknown(input: DialogInput, sender: Sender): Message[] {
  const opener = input.kind === 'postback' ? CHAT_TEXT.oldButton : input.kind === 'text' ? CHAT_TEXT.unknown : CHAT_TEXT.unknownNonText;
  return [helpMessage(USER_FEATURES, sender.roles, opener)];
}

const isStoreAttachment = (effect: unknown): effect is StoreAttachment => (effect as { type?: string }).type === 'storeAttachment';

/** Reads who wrote and the dialog under way (dropping one that has expired), and builds the handlers' context. */
async function openContext(userId: string, input: DialogInput, eventId: string, deps: ChatDeps) {
  const { org, now } = deps;
  const { orgId, dialogTimeoutMinutes } = org;
  const userKey = deps.sealer.userKey(userId);
  const [staff, current, earlier] = await Promise.all([
    stores.staff.findStaff(orgId, userId),
    stores.dialogs.loadDialog(orgId, userKey, now, deps.sealer),
    // Only an earlier attempt of this event can have kept the dialog it started from.
    deps.firstAttempt ? undefined : stores.dialogs.dialogBefore(eventId, deps.sealer),
  ]);
  // A retry of an event whose first attempt moved the dialog and then failed runs from where that attempt
  // started, so that the same step gives the same answer (its effects are safe to repeat). An attempt that
  // saved the dialog kept it in the dialog's own document; one that removed the dialog, in the event's record.
  const keptWithDialog = current?.kept?.eventId === eventId ? current.kept.dialog : undefined;
  const startedAt = earlier !== undefined ? earlier : keptWithDialog;
  const stored = startedAt !== undefined ? startedAt : current && { state: current.state, expired: current.expired };
  const keptHere = { eventId, dialog: stored };
  let kept = earlier !== undefined;
  const keepBefore = async () => {
    if (kept) return;
    await stores.dialogs.keepDialogBefore({ eventId, dialog: stored, now, sealer: deps.sealer });
    kept = true;
  };
  const before: Message[] = [];
  let dialog = stored?.state ?? null;
  if (stored?.expired) {
    await keepBefore();
    await stores.dialogs.clearDialog(orgId, userKey);
    before.push(text(CHAT_TEXT.expired(figures(org.digits ?? DEFAULT_DIGIT_STYLE).count(dialogTimeoutMinutes))));
    dialog = null;
  }
  let touched = false;
  const ctx: ChatContext = {
    ...sharedContext(deps),
    input,
    argument: '',
    eventId,
    sender: { userId, userKey, staff, roles: staff?.roles ?? [] },
    features: USER_FEATURES,
    dialog,
    async run(outcome, perform) {
      const replies = [...outcome.replies];
      for (const effect of outcome.effects ?? []) {
        if (isStoreAttachment(effect)) await keepAttachment(stores.attachments, deps.line, orgId, effect.attachment, userKey, now);
        else if (perform) replies.push(...((await perform(effect)) ?? []));
      }
      if (outcome.state === null) await ctx.endDialog();
      else if (outcome.state) {
        await stores.dialogs.saveDialog(orgId, userKey, { state: outcome.state, now, timeoutMinutes: dialogTimeoutMinutes, sealer: deps.sealer, kept: keptHere });
        touched = true;
      }
      return replies;
    },
    async endDialog() {
      await keepBefore();
      await stores.dialogs.clearDialog(orgId, userKey);
      touched = true;
    },
  };
  // The dialog as the event found it (none when it had expired): what a failed feature leaves in place.
  const startedFrom = stored && !stored.expired ? stored.state : null;
  const putDialogBack = async () => {
    if (!touched) return;
    if (startedFrom) await stores.dialogs.saveDialog(orgId, userKey, { state: startedFrom, now, timeoutMinutes: dialogTimeoutMinutes, sealer: deps.sealer, kept: keptHere });
    else await stores.dialogs.clearDialog(orgId, userKey);
  };
  return { ctx, before, dialogTouched: () => touched, startedFrom, putDialogBack };
}
