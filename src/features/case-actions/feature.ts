import { askHandlingText, continueHandling, DIALOG, isHandlingState, repeatHandlingPrompt, type HandlingDraft, type HandlingEffect } from './dialog.js';
import { noticeDeps } from '../common/notice-deps.js';
import { figures } from '../../domain/figures.js';
import { starsQuestion } from '../own-case-actions/dialog.js';
import { isRatable } from '../../domain/closure.js';
import { mayMake, nextStatuses, statusMoveTo, type Person } from '../../domain/complaint-states.js';
import { COMPLAINT_STATUS_TH, isComplaintStatus, type Complaint } from '../../domain/complaints.js';
import { mayOpenComplaintEvidence } from '../../domain/evidence.js';
import { caseCard, explanationText, handlerTimelineTexts, statusUpdateText } from '../../flex/complaint-messages.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { noticeToComplainant } from '../../outbox/complaint-notices.js';
import { staleMoveText } from '../common/stale-move.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature } from '../common/context.js';
import { handledKinds, handlerDialog } from '../cases/feature.js';
import { evidenceReplies, viewerOf } from '../evidence/feature.js';
import { CASE_ACTIONS } from './actions.js';
import { CASE_CLOSURE_ACTIONS } from '../case-closure/actions.js';

const NOT_YOURS = 'ไม่พบเรื่องนี้ในเรื่องที่ท่านรับผิดชอบได้';

/** A case this handler may act on, or null (which reads the same as a case that does not exist). */
async function caseFor(ctx: ChatContext, id: string | undefined): Promise<Complaint | null> {
  const c = id ? await ctx.stores.complaints.getComplaint(id) : null;
  return c && handledKinds(ctx.sender).includes(c.kind) ? c : null;
}

const personOf = (ctx: ChatContext, c: Complaint): Person => ({ roles: ctx.sender.roles, filedIt: c.reporterKey === ctx.sender.userKey });

/** Opens the one-step dialog in which the handler writes the note, explanation or status message. */
async function ask(ctx: ChatContext, draft: HandlingDraft, before: Message[] = []): Promise<Message[]> {
  return [...before, ...(await ctx.run(askHandlingText(draft), (e) => write(ctx, e)))];
}

/** What a handler does from a case card: take it, change its status, note, or explain a delay. */
async function act(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const c = await caseFor(ctx, params.c);
  if (!c) return [text(NOT_YOURS)];
  const next = nextStatuses(c.status);
  const open = next.length > 0;
  const draft = { complaintId: c.id, trackingNo: c.trackingNo };
  const takenBy = (taken: Complaint): Message[] =>
    taken.handlerUserId === ctx.sender.userId
      ? [text(`ท่านรับผิดชอบเรื่อง ${c.trackingNo} แล้ว`), { type: 'flex', altText: c.trackingNo, contents: caseCard(taken, ctx.now, figures(ctx.org.digits)) }]
      : [text(staleMoveText('take', taken))];
  switch (action) {
    case CASE_ACTIONS.caseTake.name: {
      // A second tap of one's own take reads as the first.
      if (c.handlerUserId) return takenBy(c);
      if (!mayMake('take', c, personOf(ctx, c))) return [text(staleMoveText('take', c))];
      const took = await ctx.stores.complaints.takeComplaint({ complaint: c, handler: ctx.sender.staff!, now: ctx.now, eventId: ctx.eventId });
      if (took.moved) return takenBy(took.complaint);
      return took.current ? takenBy(took.current) : [text(NOT_YOURS)];
    }
    case CASE_ACTIONS.caseStatus.name:
      if (!open) return [text(`${c.trackingNo} ปิดเรื่องแล้ว`)];
      if (c.explanationRequired) return ask(ctx, { ...draft, mode: 'explain' }, [text('เรื่องนี้เกินกำหนด 15 วัน ต้องแจ้งเหตุผลแก่ผู้ร้องเรียนก่อนเปลี่ยนสถานะ')]);
      return [
        text(`${c.trackingNo} สถานะปัจจุบัน: ${COMPLAINT_STATUS_TH[c.status]}\nเลือกสถานะใหม่`, [
          // Forwarding needs the agency and a note: it has a dialog of its own.
          ...next.map((s) =>
            quickPostback(COMPLAINT_STATUS_TH[s], s === 'forwarded' ? postbackData(CASE_CLOSURE_ACTIONS.caseForward, { c: c.id }) : postbackData(CASE_ACTIONS.caseSetStatus, { c: c.id, s })),
          ),
          quickText('ยกเลิก'),
        ]),
      ];
    case CASE_ACTIONS.caseSetStatus.name: {
      const s = params.s;
      if (!isComplaintStatus(s) || s === 'forwarded' || !next.includes(s)) return [text(`เปลี่ยนจาก "${COMPLAINT_STATUS_TH[c.status]}" เป็นสถานะนี้ไม่ได้`)];
      return ask(ctx, c.explanationRequired ? { ...draft, mode: 'explain' } : { ...draft, mode: 'status', status: s });
    }
    case CASE_ACTIONS.caseNote.name:
      return ask(ctx, { ...draft, mode: 'note' });
    case CASE_ACTIONS.caseExplain.name:
      if (!c.explanationRequired) return [text(`${c.trackingNo} ยังไม่ต้องแจ้งเหตุผลความล่าช้า`)];
      return ask(ctx, { ...draft, mode: 'explain' });
    case CASE_ACTIONS.caseEvidence.name:
      // caseFor has already kept to the handler's channel; the evidence rule says so on its own as well.
      if (!mayOpenComplaintEvidence(viewerOf(ctx.sender), c.kind)) return [text(NOT_YOURS)];
      return evidenceReplies(ctx, {
        of: `c:${c.id}`,
        heading: `หลักฐานของเรื่อง ${c.trackingNo}`,
        attachments: c.attachments,
        place: c.location,
        quickReplies: [quickPostback('ดูบันทึกทั้งหมด', postbackData(CASE_ACTIONS.caseLog, { c: c.id }), `ดูบันทึกทั้งหมด ${c.trackingNo}`)],
      });
    case CASE_ACTIONS.caseLog.name:
      return handlerTimelineTexts(c, await ctx.stores.complaints.timeline(c, false), figures(ctx.org.digits)).map((t) => text(t));
    default:
      return [text(CHAT_TEXT.oldButton)];
  }
}

/**
 * Stores what the handler wrote, and tells the complainant what is theirs to read. Every step is keyed by
 * the case and this event (the timeline entry `<case>:<event>`, the notice `update:<entry>`); a status
 * change is a move the event must win (complaint-moves.ts), and only a won move is told to the citizen. A
 * retry of the same event finds its own move and finishes it with the same answer.
 */
async function write(ctx: ChatContext, effect: HandlingEffect): Promise<Message[]> {
  const c = await caseFor(ctx, effect.draft.complaintId);
  if (!c) return [text(NOT_YOURS)];
  const { complaints } = ctx.stores;
  const notice = noticeDeps(ctx);
  const told = c.notify ? 'แจ้งผู้ร้องเรียนแล้ว' : 'ผู้ร้องเรียนไม่ประสงค์รับแจ้งทาง LINE';
  switch (effect.draft.mode) {
    case 'note': {
      const noted = await complaints.addInternalNote({ complaint: c, note: effect.text, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
      if (!noted.moved) return [text(noted.current ? staleMoveText('note', noted.current) : NOT_YOURS)];
      return [text(`บันทึกภายในของ ${c.trackingNo} แล้ว ผู้ร้องเรียนจะไม่เห็นบันทึกนี้`)];
    }
    case 'explain': {
      const explained = await complaints.recordExplanation({ complaint: c, text: effect.text, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
      if (!explained.moved) return [text(explained.current ? staleMoveText('explain', explained.current) : NOT_YOURS)];
      await noticeToComplainant(c, `explained:${explained.entry.id}`, [text(explanationText(c, effect.text, figures(ctx.org.digits)))], notice);
      return [text(`บันทึกเหตุผลความล่าช้าของ ${c.trackingNo} แล้ว · ${told}`)];
    }
    case 'status': {
      const status = effect.draft.status!;
      // Judged by the store against the case as it stands when this event wins its move (a withdrawal may
      // have come first); a retry of the event that won finds its move and finishes it.
      const changed = await complaints.changeComplaintStatus({ complaint: c, to: status, note: effect.text, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
      if (!changed.moved) return [text(changed.current ? staleMoveText(statusMoveTo(status)!, changed.current) : NOT_YOURS)];
      // A resolved general complaint asks the citizen, in the same notice, how it went (domain.md, "Closure").
      const rating = status === 'resolved' && isRatable(c) ? [starsQuestion(c)] : [];
      await noticeToComplainant(c, `update:${changed.entry.id}`, [text(statusUpdateText(c, status, effect.text)), ...rating], notice);
      // A resolved case leaves the open list: its card's after-fix photo button is offered here instead.
      const photos = status === 'resolved' ? [quickPostback('แนบภาพหลังดำเนินการ', postbackData(CASE_CLOSURE_ACTIONS.caseAfterPhotos, { c: c.id }), `แนบภาพหลังดำเนินการ ${c.trackingNo}`)] : [];
      return [text(`${c.trackingNo}: ${COMPLAINT_STATUS_TH[status]} · ${told}`, photos)];
    }
  }
}

/** Complaint officers and integrity officers handling the cases of their own channel. */
export const caseActions: Feature = {
  name: 'caseActions',
  actions: CASE_ACTIONS,
  allowed: (sender) => handledKinds(sender).length > 0,
  refusal: CHAT_TEXT.handlersOnly,
  handle: (ctx) => (ctx.input.kind === 'postback' ? act(ctx, ctx.input.action, ctx.input.params) : Promise.resolve([])),
  dialog: handlerDialog(DIALOG, isHandlingState, (ctx, state) => ctx.run(continueHandling(state, ctx.input), (e: HandlingEffect) => write(ctx, e)), repeatHandlingPrompt),
};
