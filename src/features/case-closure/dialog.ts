import type { Attachment } from '../../domain/attachments.js';
import { MAX_AFTER_PHOTOS } from '../../domain/closure.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { figures, type Figures } from '../../domain/figures.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import { isConfirmWord } from '../../dialogs/words.js';

/**
 * A handler closing a case's loop: forwarding it to another agency (the agency's name, then the note the
 * citizen reads) or sending after-fix photos (photos, then "send"). One dialog, a step each.
 */
export const DIALOG = 'case_closure';

export interface CaseDraft {
  complaintId: string;
  trackingNo: string;
}
export interface ForwardDraft extends CaseDraft {
  agency?: string;
}
export interface PhotosDraft extends CaseDraft {
  photos: Attachment[];
}

type ForwardState = DialogState<ForwardDraft> & { step: 'agency' | 'note' };
type PhotosState = DialogState<PhotosDraft> & { step: 'photos' };
export type CaseClosureState = ForwardState | PhotosState;

export type CaseClosureEffect =
  | { type: 'forward'; draft: ForwardDraft; agency: string; note: string }
  | { type: 'afterPhotos'; draft: PhotosDraft }
  | StoreAttachment;

/** An agency's name is short: it is shown on cards and in the citizen's view. */
export const MAX_AGENCY_LENGTH = 200;
export const SEND_PHOTOS = 'ส่งให้ผู้ร้อง';

const cancel = () => quickText('ยกเลิก');

export function askAgency(draft: CaseDraft): Outcome<CaseClosureEffect> {
  return {
    replies: [text(`${draft.trackingNo} ส่งต่อหน่วยงานอื่น 1/2: พิมพ์ชื่อหน่วยงานที่รับเรื่องต่อ เช่น การไฟฟ้าส่วนภูมิภาคอำเภอโพธิ์ทอง`, [cancel()])],
    state: { dialog: DIALOG, step: 'agency', data: { complaintId: draft.complaintId, trackingNo: draft.trackingNo } },
  };
}

function askNote(draft: ForwardDraft): Outcome<CaseClosureEffect> {
  return {
    replies: [text(`${draft.trackingNo} ส่งต่อ "${draft.agency}" 2/2: พิมพ์ข้อความถึงผู้ร้องเรียน เช่น เหตุที่ส่งต่อและช่องทางติดต่อหน่วยงานนั้น (ผู้ร้องจะเห็นข้อความนี้)`, [cancel()])],
    state: { dialog: DIALOG, step: 'note', data: draft },
  };
}

export function askAfterPhotos(draft: CaseDraft, f: Figures = figures()): Outcome<CaseClosureEffect> {
  return {
    replies: [text(`${draft.trackingNo}: ส่งภาพหลังดำเนินการ (ไม่เกิน ${f.count(MAX_AFTER_PHOTOS)} รูป) แล้วกด "${SEND_PHOTOS}" ผู้ร้องเรียนจะได้รับภาพเหล่านี้`, [cancel()])],
    state: { dialog: DIALOG, step: 'photos', data: { complaintId: draft.complaintId, trackingNo: draft.trackingNo, photos: [] } },
  };
}

export function continueCaseClosure(state: CaseClosureState, input: DialogInput, f: Figures = figures()): Outcome<CaseClosureEffect> {
  if (state.step === 'photos') return continuePhotos(state as PhotosState, input, f);
  const d = state.data as ForwardDraft;
  if (input.kind !== 'text') return { replies: [text('กรุณาพิมพ์ข้อความ หรือพิมพ์ "ยกเลิก"', [cancel()])] };
  const value = cleanFreeText(input.text);
  if (typeof value !== 'string') return { replies: [text(value.error, [cancel()])] };
  if (state.step === 'agency') {
    if (value.length > MAX_AGENCY_LENGTH) return { replies: [text(`ชื่อหน่วยงานยาวเกิน ${f.count(MAX_AGENCY_LENGTH)} ตัวอักษร`, [cancel()])] };
    return askNote({ ...d, agency: value });
  }
  return { replies: [], state: null, effects: [{ type: 'forward', draft: d, agency: d.agency ?? '', note: value }] };
}

function continuePhotos(state: PhotosState, input: DialogInput, f: Figures): Outcome<CaseClosureEffect> {
  const d = state.data;
  const send = [quickText(SEND_PHOTOS), cancel()];
  if (input.kind === 'media') {
    if (input.mediaKind !== 'image') return { replies: [text('รับเฉพาะรูปภาพ', d.photos.length > 0 ? send : [cancel()])] };
    if (d.photos.length >= MAX_AFTER_PHOTOS) return { replies: [text(`ส่งได้ครั้งละไม่เกิน ${f.count(MAX_AFTER_PHOTOS)} รูป กด "${SEND_PHOTOS}"`, send)] };
    const attachment: Attachment = { kind: 'image', lineMessageId: input.messageId, fileName: null };
    const next = { ...d, photos: [...d.photos, attachment] };
    return {
      replies: [text(`ได้รับรูปแล้ว ${f.count(next.photos.length)} รูป ส่งรูปเพิ่ม หรือกด "${SEND_PHOTOS}"`, send)],
      state: { dialog: DIALOG, step: 'photos', data: next },
      effects: [{ type: 'storeAttachment', attachment }],
    };
  }
  const sending = input.kind === 'text' && (input.text.trim() === SEND_PHOTOS || isConfirmWord(input.text) || /^ส่ง/.test(input.text.trim()));
  if (sending && d.photos.length > 0) return { replies: [], state: null, effects: [{ type: 'afterPhotos', draft: d }] };
  return { replies: [text(d.photos.length === 0 ? 'กรุณาส่งรูปภาพหลังดำเนินการก่อน' : `กด "${SEND_PHOTOS}" เพื่อส่ง หรือส่งรูปเพิ่ม`, d.photos.length > 0 ? send : [cancel()])] };
}

export function repeatCaseClosurePrompt(state: CaseClosureState, f: Figures = figures()): Message[] {
  if (state.step === 'photos') {
    const d = state.data as PhotosDraft;
    return [text(`${d.trackingNo}: ส่งภาพหลังดำเนินการแล้ว ${f.count(d.photos.length)} รูป ส่งรูปเพิ่ม หรือกด "${SEND_PHOTOS}"`, [quickText(SEND_PHOTOS), cancel()])];
  }
  const d = state.data as ForwardDraft;
  return state.step === 'agency' ? askAgency(d).replies : askNote(d).replies;
}

export function isCaseClosureState(state: DialogState | null): state is CaseClosureState {
  return state?.dialog === DIALOG && ['agency', 'note', 'photos'].includes(state.step);
}
