import { noticeDeps } from '../common/notice-deps.js';
import {
  askAfterPhotos,
  askAgency,
  continueCaseClosure,
  DIALOG,
  isCaseClosureState,
  repeatCaseClosurePrompt,
  type CaseClosureEffect,
  type PhotosDraft,
} from './dialog.js';
import { mayAddAfterPhotos, mayForward } from '../../domain/closure.js';
import { COMPLAINT_STATUS_TH, type Complaint } from '../../domain/complaints.js';
import { figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { evidenceMessages } from '../../flex/evidence-messages.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { noticeToComplainant } from '../../outbox/complaint-notices.js';
import { staleMoveText } from '../common/stale-move.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature } from '../common/context.js';
import { handledKinds, handlerDialog } from '../cases/feature.js';
import { CASE_CLOSURE_ACTIONS } from './actions.js';
import { OWN_CASE_ACTIONS } from '../own-case-actions/actions.js';

const NOT_YOURS = 'ไม่พบเรื่องนี้ในเรื่องที่ท่านรับผิดชอบได้';

/** A case this handler may act on, or null (which reads the same as a case that does not exist). */
async function caseFor(ctx: ChatContext, id: string | undefined): Promise<Complaint | null> {
  const c = id ? await ctx.stores.complaints.getComplaint(id) : null;
  return c && handledKinds(ctx.sender).includes(c.kind) ? c : null;
}

const told = (c: Complaint) => (c.notify ? 'แจ้งผู้ร้องเรียนแล้ว' : 'ผู้ร้องเรียนไม่ประสงค์รับแจ้งทาง LINE');

async function act(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const c = await caseFor(ctx, params.c);
  if (!c) return [text(NOT_YOURS)];
  const draft = { complaintId: c.id, trackingNo: c.trackingNo };
  switch (action) {
    case CASE_CLOSURE_ACTIONS.caseAfterPhotos.name:
      if (!mayAddAfterPhotos(c)) return [text(`${c.trackingNo} ปิดเรื่องแล้ว (${COMPLAINT_STATUS_TH[c.status]}) แนบภาพหลังดำเนินการไม่ได้`)];
      return ctx.run(askAfterPhotos(draft, figures(ctx.org.digits)), (e) => perform(ctx, e));
    case CASE_CLOSURE_ACTIONS.caseForward.name:
      if (!mayForward(c)) return [text(`${c.trackingNo} ปิดเรื่องแล้ว`)];
      if (c.explanationRequired) return [text(`เรื่อง ${c.trackingNo} เกินกำหนด 15 วัน ต้องแจ้งเหตุผลแก่ผู้ร้องเรียนก่อนส่งต่อ กด "แจ้งเหตุผลความล่าช้า" บนการ์ดเรื่อง`)];
      return ctx.run(askAgency(draft), (e) => perform(ctx, e));
    case CASE_CLOSURE_ACTIONS.caseCategory.name: {
      if (c.kind !== 'general') return [text('ประเภทเรื่องใช้กับเรื่องร้องเรียนทั่วไปเท่านั้น')];
      const current = c.category ? `ประเภทปัจจุบัน: ${c.category}\n` : '';
      return [
        text(`${c.trackingNo}: ${current}เลือกประเภทเรื่อง`, [
          ...ctx.org.complaintCategories.map((k) => quickPostback(k, postbackData(CASE_CLOSURE_ACTIONS.caseSetCategory, { c: c.id, k }), `ประเภท ${k}`)),
          quickText('ยกเลิก'),
        ]),
      ];
    }
    case CASE_CLOSURE_ACTIONS.caseSetCategory.name: {
      const k = params.k ?? '';
      if (c.kind !== 'general' || !ctx.org.complaintCategories.includes(k)) return [text('ไม่มีประเภทนี้ในรายการ กรุณาเลือกจากปุ่ม')];
      const filed = await ctx.stores.complaints.setComplaintCategory({ complaint: c, category: k, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
      if (!filed.moved) return [text(filed.current ? staleMoveText('categorise', filed.current) : NOT_YOURS)];
      return [text(`${c.trackingNo}: ประเภทเรื่อง "${k}"`)];
    }
    default:
      return [text(CHAT_TEXT.oldButton)];
  }
}

async function perform(ctx: ChatContext, effect: CaseClosureEffect): Promise<Message[]> {
  if (effect.type === 'storeAttachment') return [];
  const c = await caseFor(ctx, effect.draft.complaintId);
  if (!c) return [text(NOT_YOURS)];
  return effect.type === 'forward' ? forward(ctx, c, effect.agency, effect.note) : sendAfterPhotos(ctx, c, effect.draft);
}

/**
 * Forwarding closes the case here: a move this event must win (the entry `<case>:<event>` and the case, by
 * the winner alone), then the complainant's notice `update:<entry>`; a retry finds its own move and finishes it.
 */
async function forward(ctx: ChatContext, c: Complaint, agency: string, note: string): Promise<Message[]> {
  // Judged against the case as it stands when this event wins its move; a retry of the winner finishes it.
  const forwarded = await ctx.stores.complaints.forwardComplaint({ complaint: c, to: { agency, note }, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
  if (!forwarded.moved) return [text(forwarded.current ? staleMoveText('forward', forwarded.current) : NOT_YOURS)];
  await noticeToComplainant(
    c,
    `update:${forwarded.entry.id}`,
    [text(truncate(`ความคืบหน้าเรื่องเลขที่ ${c.trackingNo}\nสถานะ: ${COMPLAINT_STATUS_TH.forwarded}\nส่งต่อให้: ${agency}\n${note}`, 5_000))],
    noticeDeps(ctx),
  );
  return [text(`${c.trackingNo}: ส่งต่อ "${agency}" และปิดเรื่องแล้ว · ${told(c)}`)];
}

/**
 * After-fix photos: kept on the case, then pushed to the complainant (`photos:<entry>`), the photos as images
 * whose links are issued to the complainant's pseudonym, and a button that issues fresh ones later.
 */
async function sendAfterPhotos(ctx: ChatContext, c: Complaint, d: PhotosDraft): Promise<Message[]> {
  const added = await ctx.stores.complaints.addAfterPhotos({ complaint: c, photos: d.photos, handlerUserId: ctx.sender.userId, now: ctx.now, eventId: ctx.eventId });
  if (!added.moved) return [text(added.current ? staleMoveText('add_after_photos', added.current) : NOT_YOURS)];
  const entry = added.entry;
  if (c.notify) {
    const files = await ctx.stores.evidence.evidenceFiles(d.photos);
    let minutes = 0;
    const linked = files.map((file) => {
      if (!file.stored || !ctx.evidenceLink) return { file, url: null };
      const link = ctx.evidenceLink({ f: file.lineMessageId, v: c.reporterKey, r: `c:${c.id}` }, ctx.now);
      minutes = link.minutes;
      return { file, url: link.url };
    });
    const again = [quickPostback('ดูภาพหลังดำเนินการ', postbackData(OWN_CASE_ACTIONS.ownPhotos, { c: c.id }))];
    const messages = evidenceMessages({ heading: `เจ้าหน้าที่แนบภาพหลังดำเนินการ เรื่องเลขที่ ${c.trackingNo}`, files: linked, minutes, quickReplies: again, againLabel: 'ดูภาพหลังดำเนินการ', figures: figures(ctx.org.digits) });
    await noticeToComplainant(c, `photos:${entry.id}`, messages, noticeDeps(ctx));
  }
  return [text(`${c.trackingNo}: แนบภาพหลังดำเนินการ ${figures(ctx.org.digits).count(d.photos.length)} รูปแล้ว · ${told(c)}`)];
}

/** Handlers closing a case's loop from its card: after-fix photos, a category, forwarding to another agency. */
export const caseClosure: Feature = {
  name: 'caseClosure',
  actions: CASE_CLOSURE_ACTIONS,
  allowed: (sender) => handledKinds(sender).length > 0,
  refusal: CHAT_TEXT.handlersOnly,
  handle: (ctx) => (ctx.input.kind === 'postback' ? act(ctx, ctx.input.action, ctx.input.params) : Promise.resolve([])),
  dialog: handlerDialog(DIALOG, isCaseClosureState, (ctx, state) => ctx.run(continueCaseClosure(state, ctx.input, figures(ctx.org.digits)), (e: CaseClosureEffect) => perform(ctx, e)), repeatCaseClosurePrompt),
};
