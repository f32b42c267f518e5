import { noticeDeps } from '../common/notice-deps.js';
import {
  askComment,
  askInformation,
  continueOwnCase,
  DIALOG,
  feedbackEntryText,
  fixedQuestion,
  isOwnCaseState,
  repeatOwnCasePrompt,
  starsQuestion,
  type FeedbackDraft,
  type InfoDraft,
  type OwnCaseEffect,
} from './dialog.js';
import { isRatable, isStars, mayAddInformation, mayRate, mayWithdraw, notFixedOutcome, starsText } from '../../domain/closure.js';
import { COMPLAINT_STATUS_TH, KIND_TH, MAX_REOPENS, REOPEN_WITHIN_DAYS, type Complaint } from '../../domain/complaints.js';
import { ADDED_INFO_SENT_TH } from '../../domain/corruption-privacy.js';
import { figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { caseCard } from '../../flex/complaint-messages.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { noticeToCaseHandler, noticeToExecutives, noticeToHandlers } from '../../outbox/complaint-notices.js';
import { staleMoveText } from '../common/stale-move.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature } from '../common/context.js';
import { evidenceReplies } from '../evidence/feature.js';
import { OWN_CASE_ACTIONS } from './actions.js';

const SAY = {
  notFound: 'ไม่พบเรื่องนี้ในเรื่องที่ท่านแจ้งไว้ พิมพ์ "เรื่องของฉัน" เพื่อดูเรื่องทั้งหมดของท่าน',
  notRatable: (c: Complaint) =>
    c.kind === 'corruption'
      ? 'เรื่องแจ้งเบาะแสการทุจริตไม่มีการประเมิน เพื่อคุ้มครองผู้แจ้ง ท่านติดตามผลได้ด้วย "ติดตาม" ตามเลขที่เรื่อง'
      : c.status !== 'resolved'
        ? `เรื่อง ${c.trackingNo} ยังไม่ได้ดำเนินการแล้วเสร็จ (สถานะ: ${COMPLAINT_STATUS_TH[c.status]}) ประเมินได้เมื่อเรื่องแล้วเสร็จ`
        : `ท่านประเมินเรื่อง ${c.trackingNo} แล้ว ขอบคุณที่ร่วมประเมิน`,
  closed: (c: Complaint) => `เรื่อง ${c.trackingNo} ปิดแล้ว (สถานะ: ${COMPLAINT_STATUS_TH[c.status]})`,
  withdrawn: (c: Complaint) => `ถอนเรื่อง ${c.trackingNo} แล้ว ขอบคุณที่แจ้งให้ทราบ หากต้องการแจ้งเรื่องใหม่ พิมพ์ "ร้องเรียน"`,
};

const card = (c: Complaint, now: Date, f = figures()): Message => ({ type: 'flex', altText: c.trackingNo, contents: caseCard(c, now, f) });

/** A case of the sender's own, or null: someone else's case reads the same as one that does not exist. */
async function ownCase(ctx: ChatContext, id: string | undefined): Promise<Complaint | null> {
  const c = id ? await ctx.stores.complaints.getComplaint(id) : null;
  return c && c.reporterKey === ctx.sender.userKey ? c : null;
}

async function act(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const c = await ownCase(ctx, params.c);
  if (!c) return [text(SAY.notFound)];
  switch (action) {
    case OWN_CASE_ACTIONS.ownRate.name: {
      if (!mayRate(c)) return [text(SAY.notRatable(c))];
      const stars = Number(params.s);
      return [isStars(stars) ? fixedQuestion(c, stars) : starsQuestion(c)];
    }
    case OWN_CASE_ACTIONS.ownFixed.name: {
      const stars = Number(params.s);
      if (!mayRate(c) || !c.closedAt) return [text(SAY.notRatable(c))];
      if (!isStars(stars) || (params.f !== '1' && params.f !== '0')) return [starsQuestion(c)];
      const draft: FeedbackDraft = { complaintId: c.id, trackingNo: c.trackingNo, round: c.reopenCount, resolvedAt: c.closedAt.toISOString(), stars, fixed: params.f === '1' };
      return ctx.run(askComment(draft), (e) => perform(ctx, e));
    }
    case OWN_CASE_ACTIONS.ownWithdraw.name:
      if (params.no === '1') return [text(`เรื่อง ${c.trackingNo} ยังดำเนินการต่อ ไม่ได้ถอนเรื่อง`)];
      if (!mayWithdraw(c)) return [text(SAY.closed(c))];
      return [
        text(`ยืนยันถอนเรื่อง ${c.trackingNo}?\nเมื่อถอนแล้วเจ้าหน้าที่จะหยุดดำเนินการเรื่องนี้ และเปิดเรื่องเดิมอีกไม่ได้ หากต้องการแจ้งใหม่ พิมพ์ "ร้องเรียน"`, [
          quickPostback('ยืนยันถอนเรื่อง', postbackData(OWN_CASE_ACTIONS.ownWithdrawConfirm, { c: c.id }), `ยืนยันถอนเรื่อง ${c.trackingNo}`),
          quickPostback('ไม่ถอนเรื่อง', postbackData(OWN_CASE_ACTIONS.ownWithdraw, { c: c.id, no: '1' })),
        ]),
      ];
    case OWN_CASE_ACTIONS.ownWithdrawConfirm.name:
      return withdraw(ctx, c);
    case OWN_CASE_ACTIONS.ownAddInfo.name:
      if (!mayAddInformation(c)) return [text(`${SAY.closed(c)} ส่งข้อมูลเพิ่มได้เฉพาะเรื่องที่ยังเปิดอยู่`)];
      return ctx.run(askInformation({ complaintId: c.id, trackingNo: c.trackingNo, photos: [] }, figures(ctx.org.digits)), (e) => perform(ctx, e));
    case OWN_CASE_ACTIONS.ownPhotos.name:
      if (c.afterPhotos.length === 0) return [text(`เรื่อง ${c.trackingNo} ยังไม่มีภาพหลังดำเนินการ`)];
      return evidenceReplies(ctx, { of: `c:${c.id}`, heading: `ภาพหลังดำเนินการ เรื่อง ${c.trackingNo}`, attachments: c.afterPhotos, againLabel: 'ดูภาพหลังดำเนินการ' });
    default:
      return [text(CHAT_TEXT.oldButton)];
  }
}

/**
 * Withdrawal: the case (only from an open status), its entry, the handlers' notice (`withdrawn`, once per
 * case), the reply. A retry, or a second tap, finds the case withdrawn and finishes the same way.
 */
async function withdraw(ctx: ChatContext, c: Complaint): Promise<Message[]> {
  // A withdrawn case still goes to the store: a retry of the event that withdrew it finishes its notice there.
  if (!mayWithdraw(c) && c.status !== 'withdrawn') return [text(SAY.closed(c))];
  const done = await ctx.stores.complaints.withdrawComplaint({ complaint: c, now: ctx.now, eventId: ctx.eventId });
  // A second tap that lost to the first reads as the first; the first told the handlers.
  if (!done.moved) return [text(done.current?.status === 'withdrawn' ? SAY.withdrawn(c) : SAY.closed(done.current ?? c))];
  const withdrawn = done.complaint;
  await noticeToCaseHandler(withdrawn, 'withdrawn', [text(`ผู้ร้องขอถอนเรื่อง ${c.trackingNo} (${KIND_TH[c.kind]}) ระบบปิดเรื่องแล้ว`), card(withdrawn, ctx.now, figures(ctx.org.digits))], noticeDeps(ctx));
  return [text(SAY.withdrawn(c))];
}

async function perform(ctx: ChatContext, effect: OwnCaseEffect): Promise<Message[]> {
  if (effect.type === 'storeAttachment') return [];
  const c = await ownCase(ctx, effect.draft.complaintId);
  if (!c) return [text(SAY.notFound)];
  return effect.type === 'submitFeedback' ? submitFeedback(ctx, c, effect.draft, effect.comment) : addInformation(ctx, c, effect.draft, effect.text);
}

/**
 * The rating, then what "not fixed" does. Keyed by round: the entry `<case>:feedback:<round>`, the reopening
 * `<case>:reopened:<round+1>` (only from resolved in that round), the notices `feedback:<round>`,
 * `reopened:<round+1>`, `not-fixed:<round>`; a retry of the same event finds its own entry and completes
 * the rest, another event's second rating of the round is told it was rated already.
 */
async function submitFeedback(ctx: ChatContext, c: Complaint, d: FeedbackDraft, comment: string | null): Promise<Message[]> {
  const { complaints } = ctx.stores;
  if (!isRatable(c)) return [text(SAY.notRatable(c))];
  const entryText = feedbackEntryText(d.stars, d.fixed, comment);
  const rated = await complaints.recordFeedback({ complaint: c, round: d.round, feedback: { stars: d.stars, comment, fixed: d.fixed, text: entryText }, now: ctx.now, eventId: ctx.eventId });
  if (!rated.moved) return [text(rated.current ? staleMoveText('rate', rated.current) : SAY.notFound)];
  const entry = rated.entry;
  const deps = noticeDeps(ctx);
  await noticeToCaseHandler(c, `feedback:${d.round}`, [text(truncate(`ผู้ร้องประเมินเรื่อง ${c.trackingNo}: ${entryText}`, 2_000))], deps);
  if (d.fixed) return [text(`ขอบคุณที่ประเมินเรื่อง ${c.trackingNo} (${starsText(d.stars)}) ความเห็นของท่านช่วยให้การบริการดีขึ้น`)];

  const outcome = notFixedOutcome(d.round, new Date(d.resolvedAt), entry.at);
  const words = comment ?? 'ผู้ร้องแจ้งว่าปัญหายังไม่ได้รับการแก้ไข';
  if (outcome === 'too_late') {
    return [text(`บันทึกการประเมินแล้ว เรื่อง ${c.trackingNo} ปิดมาเกิน ${figures(ctx.org.digits).count(REOPEN_WITHIN_DAYS)} วัน จึงเปิดเรื่องเดิมอีกไม่ได้ หากปัญหายังอยู่ กรุณาแจ้งเรื่องใหม่`, [quickText('ร้องเรียน')])];
  }
  if (outcome === 'reopen') {
    const moved = await complaints.reopenComplaint({ complaint: c, round: d.round, words, now: ctx.now, eventId: ctx.eventId, calendar: await ctx.org.workingCalendar() });
    if (!moved.moved) return [text(moved.current ? SAY.closed(moved.current) : SAY.notFound)];
    const reopened = moved.complaint;
    await noticeToCaseHandler(
      reopened,
      `reopened:${d.round + 1}`,
      [text(truncate(`ผู้ร้องแจ้งว่าเรื่อง ${c.trackingNo} ยังไม่ได้รับการแก้ไข ระบบเปิดเรื่องอีกครั้ง (ครั้งที่ ${figures(ctx.org.digits).count(d.round + 1)}) กำหนดตอบใหม่ภายใน ${figures(ctx.org.digits).date(new Date(reopened.dueAt.getTime() - 1))}\nผู้ร้องแจ้ง: ${words}`, 2_000)), card(reopened, ctx.now, figures(ctx.org.digits))],
      deps,
    );
    return [text(`เปิดเรื่อง ${c.trackingNo} อีกครั้งแล้ว เจ้าหน้าที่จะดำเนินการต่อ กำหนดตอบใหม่ภายใน ${figures(ctx.org.digits).date(new Date(reopened.dueAt.getTime() - 1))}\nระบบจะแจ้งท่านเมื่อมีความคืบหน้า`)];
  }
  // Reopenings used up: an executive decides. Executives read what the case is, never who reported it.
  const escalated = await complaints.recordNotFixedEscalation({ complaint: c, round: d.round, text: 'ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไขหลังเปิดเรื่องครบจำนวนครั้งแล้ว', now: ctx.now, eventId: ctx.eventId });
  if (!escalated.moved) return [text(escalated.current ? staleMoveText('escalate_not_fixed', escalated.current) : SAY.notFound)];
  // Its own occasion: a notice's key names the case and the occasion, so the handler's `not-fixed` below would
  // otherwise be taken for this one and never sent.
  await noticeToExecutives(
    c,
    `escalated-not-fixed:${d.round}`,
    [text(truncate(`เรื่องร้องเรียนที่ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข\n${c.trackingNo} · ${KIND_TH[c.kind]}\nเปิดเรื่องใหม่ครบ ${figures(ctx.org.digits).count(MAX_REOPENS)} ครั้งแล้ว ขอให้ผู้บริหารพิจารณา\nเรื่อง: ${truncate(c.description, 120)}\nผู้ร้องแจ้ง: ${words}`, 2_000))],
    deps,
  );
  await noticeToCaseHandler(c, `not-fixed:${d.round}`, [text(`ผู้ร้องแจ้งว่าเรื่อง ${c.trackingNo} ยังไม่ได้รับการแก้ไข เปิดเรื่องครบ ${figures(ctx.org.digits).count(MAX_REOPENS)} ครั้งแล้ว ระบบส่งเรื่องให้ผู้บริหารพิจารณา`)], deps);
  return [text(`เรื่อง ${c.trackingNo} เปิดใหม่ครบ ${figures(ctx.org.digits).count(MAX_REOPENS)} ครั้งแล้ว ระบบจึงส่งเรื่องให้ผู้บริหารพิจารณาโดยตรง ขออภัยที่ปัญหายังไม่ได้รับการแก้ไข`)];
}

/** More words and photos on an open case; the handlers hear of it without learning who sent it. */
async function addInformation(ctx: ChatContext, c: Complaint, d: InfoDraft, words: string): Promise<Message[]> {
  // The store judges the case as it stands (it may have closed while the citizen wrote); a retry finishes its notice.
  const added = await ctx.stores.complaints.addInformation({ complaint: c, words, photos: d.photos, now: ctx.now, eventId: ctx.eventId });
  if (!added.moved) return [text(added.current ? `${SAY.closed(added.current)} ส่งข้อมูลเพิ่มได้เฉพาะเรื่องที่ยังเปิดอยู่` : SAY.notFound)];
  const { entry, complaint: updated } = added;
  const heading = `ผู้ร้องส่งข้อมูลเพิ่มเติม เรื่อง ${c.trackingNo}${d.photos.length > 0 ? ` พร้อมรูปภาพ ${figures(ctx.org.digits).count(d.photos.length)} รูป (กด "ดูหลักฐาน")` : ''}`;
  // The channel's officers, not only the one who took it: whoever handles the case next should know.
  await noticeToHandlers(updated, `info:${entry.id}`, [text(truncate(`${heading}\n${words}`, 2_000)), card(updated, ctx.now, figures(ctx.org.digits))], noticeDeps(ctx));
  return [text(`ส่งข้อมูลเพิ่มเติมของเรื่อง ${c.trackingNo} ${c.kind === 'corruption' ? ADDED_INFO_SENT_TH : 'ถึงเจ้าหน้าที่แล้ว'}`)];
}

/** A citizen's own case: rating, "not fixed", withdrawal, more information, and the after-fix photos. */
export const ownCaseActions: Feature = {
  name: 'ownCaseActions',
  actions: OWN_CASE_ACTIONS,
  handle: (ctx) => (ctx.input.kind === 'postback' ? act(ctx, ctx.input.action, ctx.input.params) : Promise.resolve([])),
  dialog: {
    name: DIALOG,
    async continue(ctx) {
      if (!isOwnCaseState(ctx.dialog)) return [];
      return ctx.run(continueOwnCase(ctx.dialog, ctx.input, figures(ctx.org.digits)), (e) => perform(ctx, e));
    },
    resume: async (ctx) => (isOwnCaseState(ctx.dialog) ? repeatOwnCasePrompt(ctx.dialog, figures(ctx.org.digits)) : []),
  },
};
