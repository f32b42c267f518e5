import { subHours } from 'date-fns';
import { storeAttachment } from '../db/attachment-store.js';
import {
  addInternalNote,
  changeComplaintStatus,
  complaintsSince,
  complaintStats,
  fileComplaint,
  findOwnComplaint,
  getComplaint,
  listOwnComplaints,
  openComplaints,
  recordExplanation,
  takeComplaint,
  timeline,
  type Complaint,
} from '../db/complaint-store.js';
import { clearDialog, saveDialog } from '../db/conversation-store.js';
import type { Command } from '../dialogs/commands.js';
import { continueComplaint, isComplaintState, repeatComplaintPrompt, startComplaint, type ComplaintEffect } from '../dialogs/complaint.js';
import { askHandlingText, continueHandling, isHandlingState, repeatHandlingPrompt, type HandlingEffect } from '../dialogs/complaint-handling.js';
import { postbackData, quickPostback, quickText, text, type DialogInput, type DialogState, type Message, type Outcome, type StaffFacts } from '../dialogs/types.js';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUS_TH,
  HANDLER_ROLE,
  isComplaintStatus,
  MAX_COMPLAINTS_PER_HOUR,
  NEXT_STATUSES,
  parseTrackingNumber,
  trackingNumberIn,
  type ComplaintKind,
} from '../domain/complaints.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { hasRole, isExecutiveOrAdmin } from '../domain/roles.js';
import { CASE_ACTIONS, caseCard, caseCarousel, explanationText, myCasesText, receiptMessage, statsText, statusUpdateText, trackingText } from '../flex/complaint-messages.js';
import type { LineClient } from '../line/client.js';
import { noticeToComplainant, noticeToHandlers } from '../outbox/complaint-notices.js';
import type { Sealer } from '../security/crypto.js';

/**
 * Complaints in the chat: citizens file and follow their own cases; complaint officers and integrity
 * officers handle the cases of their own channel; executives see statistics. Returns null when the input
 * is not about complaints.
 */
export interface ComplaintContext {
  orgId: string;
  userId: string;
  eventId: string;
  now: Date;
  sealer: Sealer;
  line: Pick<LineClient, 'getContent'>;
  staff: StaffFacts | null;
  dialogTimeoutMinutes: number;
  kickOutbox?: () => void;
}

const NOT_FOUND = 'ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้ กรุณาตรวจสอบเลขที่ หรือพิมพ์ "เรื่องของฉัน" เพื่อดูเรื่องทั้งหมดของท่าน';
const HANDLERS_ONLY = 'คำสั่งนี้สำหรับเจ้าหน้าที่รับเรื่องร้องเรียนและนิติกรเท่านั้น';

/** The kinds of case this person may handle. */
function handledKinds(staff: StaffFacts | null): ComplaintKind[] {
  return COMPLAINT_KINDS.filter((k) => !!staff && hasRole(staff.roles, HANDLER_ROLE[k]));
}

/** A person's own cases, each one tap away from its tracking (LINE shows at most 13 quick replies). */
async function ownCases(orgId: string, userKey: string): Promise<Message[]> {
  const cases = await listOwnComplaints(orgId, userKey);
  return [text(myCasesText(cases), cases.slice(0, 13).map((c) => quickText(`ติดตาม ${c.trackingNo}`)))];
}

export async function respondAboutComplaints(input: DialogInput, command: Command | null, state: DialogState | null, ctx: ComplaintContext): Promise<Message[] | null> {
  const userKey = ctx.sealer.userKey(ctx.userId);
  switch (command?.kind) {
    case 'complaint': {
      if ((await complaintsSince(ctx.orgId, userKey, subHours(ctx.now, 1))) >= MAX_COMPLAINTS_PER_HOUR) {
        return [text(`ท่านส่งเรื่องครบ ${MAX_COMPLAINTS_PER_HOUR} เรื่องในหนึ่งชั่วโมงแล้ว กรุณาลองใหม่ภายหลัง หากเร่งด่วนโปรดติดต่อองค์กรโดยตรง`)];
      }
      return apply(startComplaint(ctx.eventId), ctx);
    }
    case 'track': {
      const no = command.trackingNo ? (parseTrackingNumber(command.trackingNo) ?? trackingNumberIn(command.trackingNo)) : null;
      if (!no) return [text('กรุณาพิมพ์ "ติดตาม" ตามด้วยเลขที่เรื่อง เช่น ติดตาม G2569-0001')];
      const own = await findOwnComplaint(ctx.orgId, no, userKey);
      return [text(own ? trackingText(own, await timeline(own._id, true)) : NOT_FOUND)];
    }
    case 'myCases':
      return ownCases(ctx.orgId, userKey);
    case 'cases': {
      const kinds = handledKinds(ctx.staff);
      // The rich menu's "เรื่องร้องเรียน" tile is everyone's: a citizen who taps it means their own cases.
      if (kinds.length === 0 && !ctx.staff) return ownCases(ctx.orgId, userKey);
      if (kinds.length === 0) return [text(HANDLERS_ONLY)];
      return caseCarousel(await openComplaints(ctx.orgId, kinds), ctx.now, 'เรื่องร้องเรียนที่ยังเปิดอยู่');
    }
    case 'complaintStats': {
      if (!ctx.staff || !isExecutiveOrAdmin(ctx.staff.roles)) return [text('คำสั่งนี้สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น')];
      return [text(statsText(await complaintStats(ctx.orgId, fiscalYearOf(ctx.now), ctx.now)))];
    }
    default:
      break;
  }
  if (input.kind === 'postback' && input.action.startsWith('cp.')) return handlerAction(input.action, input.params, ctx);
  if (isComplaintState(state)) return apply(continueComplaint(state, input), ctx);
  if (isHandlingState(state)) return apply(continueHandling(state, input), ctx);
  return null;
}

export function repeatComplaintStep(state: DialogState | null): Message[] {
  if (isComplaintState(state)) return repeatComplaintPrompt(state);
  if (isHandlingState(state)) return repeatHandlingPrompt(state);
  return [];
}

/** A case this handler may act on, or null (which reads the same as a case that does not exist). */
async function caseFor(ctx: ComplaintContext, id: string | undefined): Promise<Complaint | null> {
  const c = id ? await getComplaint(ctx.orgId, id) : null;
  return c && handledKinds(ctx.staff).includes(c.kind) ? c : null;
}

async function handlerAction(action: string, params: Record<string, string>, ctx: ComplaintContext): Promise<Message[]> {
  if (handledKinds(ctx.staff).length === 0) return [text(HANDLERS_ONLY)];
  const c = await caseFor(ctx, params.c);
  if (!c) return [text('ไม่พบเรื่องนี้ในเรื่องที่ท่านรับผิดชอบได้')];
  const open = NEXT_STATUSES[c.status].length > 0;
  switch (action) {
    case CASE_ACTIONS.take:
      if (c.handlerUserId && c.handlerUserId !== ctx.userId) return [text(`${c.trackingNo} มีผู้รับผิดชอบแล้ว`)];
      await takeComplaint(c, ctx.staff!, ctx.now, ctx.eventId);
      return [text(`ท่านรับผิดชอบเรื่อง ${c.trackingNo} แล้ว`), { type: 'flex', altText: c.trackingNo, contents: caseCard((await getComplaint(ctx.orgId, String(c._id)))!, ctx.now) }];
    case CASE_ACTIONS.status:
      if (!open) return [text(`${c.trackingNo} ปิดเรื่องแล้ว`)];
      if (c.explanationRequired) return apply(askHandlingText({ complaintId: String(c._id), trackingNo: c.trackingNo, mode: 'explain' }), ctx, [text('เรื่องนี้เกินกำหนด 15 วัน ต้องแจ้งเหตุผลแก่ผู้ร้องเรียนก่อนเปลี่ยนสถานะ')]);
      return [
        text(`${c.trackingNo} สถานะปัจจุบัน: ${COMPLAINT_STATUS_TH[c.status]}\nเลือกสถานะใหม่`, [
          ...NEXT_STATUSES[c.status].map((s) => quickPostback(COMPLAINT_STATUS_TH[s], postbackData(CASE_ACTIONS.setStatus, { c: String(c._id), s }))),
          quickText('ยกเลิก'),
        ]),
      ];
    case CASE_ACTIONS.setStatus: {
      const s = params.s;
      if (!isComplaintStatus(s) || !NEXT_STATUSES[c.status].includes(s)) return [text(`เปลี่ยนจาก "${COMPLAINT_STATUS_TH[c.status]}" เป็นสถานะนี้ไม่ได้`)];
      if (c.explanationRequired) return apply(askHandlingText({ complaintId: String(c._id), trackingNo: c.trackingNo, mode: 'explain' }), ctx);
      return apply(askHandlingText({ complaintId: String(c._id), trackingNo: c.trackingNo, mode: 'status', status: s }), ctx);
    }
    case CASE_ACTIONS.note:
      return apply(askHandlingText({ complaintId: String(c._id), trackingNo: c.trackingNo, mode: 'note' }), ctx);
    case CASE_ACTIONS.explain:
      if (!c.explanationRequired) return [text(`${c.trackingNo} ยังไม่ต้องแจ้งเหตุผลความล่าช้า`)];
      return apply(askHandlingText({ complaintId: String(c._id), trackingNo: c.trackingNo, mode: 'explain' }), ctx);
    default:
      return [text('ไม่รู้จักคำสั่งนี้')];
  }
}

/** Carries out a complaint dialog's outcome: effects first, then the dialog state, then the replies. */
async function apply(outcome: Outcome<ComplaintEffect | HandlingEffect>, ctx: ComplaintContext, before: Message[] = []): Promise<Message[]> {
  const replies = [...before, ...outcome.replies];
  const userKey = ctx.sealer.userKey(ctx.userId);
  for (const effect of outcome.effects ?? []) {
    if (effect.type === 'storeAttachment') await storeAttachment(ctx.orgId, effect.attachment, userKey, ctx.line, ctx.now);
    else if (effect.type === 'submitComplaint') replies.push(...(await submit(effect.draft, ctx)));
    else replies.push(...(await handle(effect, ctx)));
  }
  if (outcome.state === null) await clearDialog(ctx.orgId, userKey);
  else if (outcome.state) await saveDialog(ctx.orgId, userKey, outcome.state, ctx.now, ctx.dialogTimeoutMinutes);
  return replies;
}

async function submit(draft: Extract<ComplaintEffect, { type: 'submitComplaint' }>['draft'], ctx: ComplaintContext): Promise<Message[]> {
  const userKey = ctx.sealer.userKey(ctx.userId);
  if ((await complaintsSince(ctx.orgId, userKey, subHours(ctx.now, 1))) >= MAX_COMPLAINTS_PER_HOUR) {
    return [text(`ท่านส่งเรื่องครบ ${MAX_COMPLAINTS_PER_HOUR} เรื่องในหนึ่งชั่วโมงแล้ว เรื่องนี้ยังไม่ได้ส่ง กรุณาลองใหม่ภายหลัง`)];
  }
  const general = draft.kind === 'general';
  const { complaint, created } = await fileComplaint(
    ctx.orgId,
    {
      kind: draft.kind,
      description: draft.description,
      accused: general ? null : (draft.accused ?? null),
      happenedWhen: general ? null : (draft.happenedWhen ?? null),
      location: draft.location ?? null,
      attachments: draft.attachments,
      contactName: general ? (draft.contactName ?? null) : null,
      contactPhone: general ? (draft.contactPhone ?? null) : null,
      notify: draft.notify,
    },
    ctx.userId,
    ctx.sealer,
    ctx.now,
    ctx.eventId,
  );
  if (created) {
    await noticeToHandlers(complaint, 'new', [text(`มีเรื่องใหม่ ${complaint.trackingNo}`), { type: 'flex', altText: `เรื่องใหม่ ${complaint.trackingNo}`, contents: caseCard(complaint, ctx.now) }], {
      orgId: ctx.orgId,
      sealer: ctx.sealer,
      now: ctx.now,
      kick: ctx.kickOutbox,
    });
  }
  return [receiptMessage(complaint)];
}

async function handle(effect: HandlingEffect, ctx: ComplaintContext): Promise<Message[]> {
  const c = await caseFor(ctx, effect.draft.complaintId);
  if (!c) return [text('ไม่พบเรื่องนี้ในเรื่องที่ท่านรับผิดชอบได้')];
  const notice = { orgId: ctx.orgId, sealer: ctx.sealer, now: ctx.now, kick: ctx.kickOutbox };
  const told = c.notify ? 'แจ้งผู้ร้องเรียนแล้ว' : 'ผู้ร้องเรียนไม่ประสงค์รับแจ้งทาง LINE';
  switch (effect.draft.mode) {
    case 'note':
      await addInternalNote(c, effect.text, ctx.userId, ctx.now, ctx.eventId);
      return [text(`บันทึกภายในของ ${c.trackingNo} แล้ว (ผู้ร้องเรียนไม่เห็น)`)];
    case 'explain': {
      const entry = await recordExplanation(c, effect.text, ctx.userId, ctx.now, ctx.eventId);
      await noticeToComplainant(c, `update:${entry}`, [text(explanationText(c, effect.text))], notice);
      return [text(`บันทึกเหตุผลความล่าช้าของ ${c.trackingNo} แล้ว · ${told}`)];
    }
    case 'status': {
      const status = effect.draft.status!;
      if (!NEXT_STATUSES[c.status].includes(status) || c.explanationRequired) return [text(`สถานะของ ${c.trackingNo} เปลี่ยนไปแล้ว กรุณาเลือกใหม่จากรายการ "เรื่องร้องเรียน"`)];
      const entry = await changeComplaintStatus(c, status, effect.text, ctx.userId, ctx.now, ctx.eventId);
      await noticeToComplainant(c, `update:${entry}`, [text(statusUpdateText(c, status, effect.text))], notice);
      return [text(`${c.trackingNo}: ${COMPLAINT_STATUS_TH[status]} · ${told}`)];
    }
  }
}
