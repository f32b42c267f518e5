import { subHours } from 'date-fns';
import { noticeDeps } from '../common/notice-deps.js';
import { figures } from '../../domain/figures.js';
import { continueComplaint, DIALOG, isComplaintState, offerStory, repeatComplaintPrompt, startComplaint } from './dialog.js';
import { MAX_COMPLAINTS_PER_HOUR, type ComplaintKind, type NewComplaint } from '../../domain/complaints.js';
import { caseCard, receiptMessage } from '../../flex/complaint-messages.js';
import { text, type Message } from '../../line/messages.js';
import { noticeToHandlers } from '../../outbox/complaint-notices.js';
import type { ChatContext, Feature } from '../common/context.js';
import { readMessage, SURE, withoutWorkNames } from '../common/meanings/score.js';
import { COMPLAINT_ACTIONS } from './actions.js';

const tooMany = (notSent: boolean, ctx: ChatContext) =>
  `ท่านส่งเรื่องครบ ${figures(ctx.org.digits).count(MAX_COMPLAINTS_PER_HOUR)} เรื่องในหนึ่งชั่วโมงแล้ว${notSent ? ' เรื่องนี้ยังไม่ได้ส่ง' : ''} กรุณาลองใหม่ภายหลัง หากเร่งด่วนโปรดติดต่อองค์กรโดยตรง`;

/**
 * The kind a request names: the bot's own names for the two channels, and the words people use for
 * them; corruption words anywhere ("ร้องทุกข์ว่าปลัดเรียกเงิน") name the confidential channel.
 */
function kindNamed(plain: string, raw: string): ComplaintKind | '' {
  if (/ทุจริต|เบาะแส|คอร์รัปชั่?น|ประพฤติมิชอบ|corruption/.test(plain) || readMessage(raw).scores.corruption >= SURE) return 'corruption';
  if (/ร้องทุกข์/.test(plain)) return 'general';
  return '';
}

async function overTheLimit(ctx: ChatContext): Promise<boolean> {
  return (await ctx.stores.complaints.complaintsSince(ctx.sender.userKey, subHours(ctx.now, 1))) >= MAX_COMPLAINTS_PER_HOUR;
}

/**
 * Files the confirmed complaint, tells its handlers, and gives the complainant the receipt. Each step is
 * keyed by the event or the case (the complaint by the event, its "submitted" entry and the handlers'
 * notice by the case), so a retry of the same confirmation does whatever an earlier attempt left undone
 * and repeats nothing. The hourly limit is asked only before the complaint exists: on a retry it would
 * count this very complaint.
 */
async function file(ctx: ChatContext, input: NewComplaint): Promise<Message[]> {
  const filedBefore = await ctx.stores.complaints.complaintFiledBy(ctx.eventId);
  if (!filedBefore && (await overTheLimit(ctx))) return [text(tooMany(true, ctx))];
  const { complaint } = await ctx.stores.complaints.fileComplaint({ complaint: input, reporterLineUserId: ctx.sender.userId, sealer: ctx.sealer, now: ctx.now, eventId: ctx.eventId, calendar: await ctx.org.workingCalendar() });
  const f = figures(ctx.org.digits);
  const card = { type: 'flex' as const, altText: `เรื่องใหม่ ${complaint.trackingNo}`, contents: caseCard(complaint, complaint.submittedAt, f) };
  await noticeToHandlers(complaint, 'new', [text(`มีเรื่องใหม่ ${complaint.trackingNo}`), card], noticeDeps(ctx));
  return [receiptMessage(complaint, f)];
}

/**
 * Offers a message that reads as a problem report for filing, the message itself being the story
 * (chat/meaning-route.ts); `likely` is the channel offered first.
 */
export async function offerToFile(ctx: ChatContext, story: string, likely: ComplaintKind): Promise<Message[]> {
  if (await overTheLimit(ctx)) return [text(tooMany(false, ctx))];
  return ctx.run(offerStory(ctx.eventId, story, likely));
}

/** The complaint tile's icon: a megaphone. */
const MEGAPHONE = '<path d="M3 10.5v3a1 1 0 0 0 1 1h2.5L12 19V5L6.5 9.5H4a1 1 0 0 0-1 1z"/><path d="M15.5 9a4 4 0 0 1 0 6"/><path d="M18.5 6a8 8 0 0 1 0 12"/>';

/** A citizen's complaint or corruption report, filed through the complaint dialog. */
export const complaint: Feature = {
  name: 'complaint',
  tiles: [
    { menu: 'citizen', place: 1, label: 'ร้องเรียน', sends: { text: 'ร้องเรียน' }, title: 'ร้องเรียน', hint: 'แจ้งเรื่อง แจ้งเบาะแสการทุจริต', colour: '#06C755', icon: MEGAPHONE },
    { menu: 'officer', place: 2, label: 'ร้องเรียน', sends: { text: 'ร้องเรียน' }, title: 'ร้องเรียน', hint: 'แจ้งเรื่อง แจ้งเบาะแส', colour: '#06C755', icon: MEGAPHONE },
    { menu: 'handler', place: 2, label: 'ร้องเรียน', sends: { text: 'ร้องเรียน' }, title: 'ร้องเรียน', hint: 'แจ้งเรื่อง แจ้งเบาะแส', colour: '#06C755', icon: MEGAPHONE },
  ],
  actions: COMPLAINT_ACTIONS,
  menu: [
    { for: 'citizen', order: 70, help: '"ร้องเรียน" แจ้งเรื่องร้องเรียนทั่วไป หรือแจ้งเบาะแสการทุจริตของเจ้าหน้าที่ โดยปกปิดตัวตนผู้แจ้ง' },
    { for: 'everyone', order: 70, button: 'ร้องเรียน' },
  ],
  words: ['ร้องเรียน', 'แจ้งเรื่อง', 'complaint'],
  meaning: (typed, raw) => {
    // "แผนป้องกันการทุจริต" names the plan, not a wrong done.
    const plain = withoutWorkNames(typed);
    return /ร้องเรียน|ร้องทุกข์|แจ้งทุจริต|แจ้งเบาะแส|ทุจริต|คอร์รัปชั่?น|แจ้งเรื่อง|แจ้งปัญหา|complain/.test(plain) ? kindNamed(plain, raw) : null;
  },
  startsDialog: true,
  async handle(ctx) {
    if (await overTheLimit(ctx)) return [text(tooMany(false, ctx))];
    const kind = ctx.argument === 'general' || ctx.argument === 'corruption' ? ctx.argument : undefined;
    return ctx.run(startComplaint(ctx.eventId, kind, figures(ctx.org.digits)));
  },
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      if (!isComplaintState(ctx.dialog)) return [];
      return ctx.run(continueComplaint(ctx.dialog, ctx.input, figures(ctx.org.digits)), (effect) => file(ctx, effect.complaint));
    },
    resume: async (ctx) => (isComplaintState(ctx.dialog) ? repeatComplaintPrompt(ctx.dialog, figures(ctx.org.digits)) : []),
  },
};
