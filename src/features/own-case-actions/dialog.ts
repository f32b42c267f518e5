import type { Attachment } from '../../domain/attachments.js';
import { STAR_LABELS_TH, starsText } from '../../domain/closure.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { figures, type Figures } from '../../domain/figures.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import { isSkipWord } from '../../dialogs/words.js';
import { OWN_CASE_ACTIONS } from './actions.js';

/**
 * A citizen closing the loop on their own case: the rating of a resolved case (stars and "fixed?" are
 * buttons, then an optional comment, the one typed step), and more information for an open case (photos,
 * then the words). One dialog with a step each, so one feature carries both.
 */
export const DIALOG = 'own_case';

export interface FeedbackDraft {
  complaintId: string;
  trackingNo: string;
  /** The resolution round rated (the case's reopen count when it was resolved). */
  round: number;
  /** When that round was resolved, as ISO text: the 15-day reopening window counts from it. */
  resolvedAt: string;
  stars: number;
  fixed: boolean;
}

export interface InfoDraft {
  complaintId: string;
  trackingNo: string;
  photos: Attachment[];
}

type FeedbackState = DialogState<FeedbackDraft> & { step: 'comment' };
type InfoState = DialogState<InfoDraft> & { step: 'info' };
export type OwnCaseState = FeedbackState | InfoState;

export type OwnCaseEffect =
  | { type: 'submitFeedback'; draft: FeedbackDraft; comment: string | null }
  | { type: 'addInformation'; draft: InfoDraft; text: string }
  | StoreAttachment;

export const MAX_INFO_PHOTOS = 5;

const cancel = () => quickText('ยกเลิก');

/** The rating question, with five buttons (highest first): sent when a case is resolved, and from the case card. */
export function starsQuestion(c: { id: string; trackingNo: string }): Message {
  return text(
    `เรื่องเลขที่ ${c.trackingNo} ดำเนินการแล้วเสร็จ\nท่านพึงพอใจกับการดำเนินการเพียงใด? ให้คะแนน 1–5 ดาว`,
    [5, 4, 3, 2, 1].map((s) => quickPostback(`${'★'.repeat(s)} ${STAR_LABELS_TH[s]}`, postbackData(OWN_CASE_ACTIONS.ownRate, { c: c.id, s: String(s) }), `${s} ดาว`)),
  );
}

/** After the stars: is the problem really fixed? "Not fixed" may reopen the case. */
export function fixedQuestion(c: { id: string; trackingNo: string }, stars: number): Message {
  const answer = (label: string, fixed: boolean) => quickPostback(label, postbackData(OWN_CASE_ACTIONS.ownFixed, { c: c.id, s: String(stars), f: fixed ? '1' : '0' }));
  return text(`ได้รับ ${starsText(stars)} แล้ว\nปัญหาของท่านได้รับการแก้ไขจริงหรือไม่?`, [answer('แก้ไขแล้ว', true), answer('ยังไม่ได้แก้ไข', false)]);
}

export function askComment(draft: FeedbackDraft): Outcome<OwnCaseEffect> {
  const ask = draft.fixed
    ? 'มีความเห็นเพิ่มเติมถึงเจ้าหน้าที่หรือไม่? พิมพ์ได้เลย หรือกด "ข้าม"'
    : 'กรุณาเล่าว่ายังมีปัญหาอะไร เพื่อให้เจ้าหน้าที่ดำเนินการต่อ หรือกด "ข้าม"';
  return { replies: [text(ask, [quickText('ข้าม'), cancel()])], state: { dialog: DIALOG, step: 'comment', data: draft } };
}

export function askInformation(draft: InfoDraft, f: Figures = figures()): Outcome<OwnCaseEffect> {
  return {
    replies: [text(`ส่งข้อมูลเพิ่มเติมของเรื่อง ${draft.trackingNo}: ส่งรูปภาพก่อนได้ (ไม่เกิน ${f.count(MAX_INFO_PHOTOS)} รูป) แล้วพิมพ์รายละเอียด`, [cancel()])],
    state: { dialog: DIALOG, step: 'info', data: draft },
  };
}

export function continueOwnCase(state: OwnCaseState, input: DialogInput, f: Figures = figures()): Outcome<OwnCaseEffect> {
  if (state.step === 'comment') {
    const d = state.data;
    if (input.kind === 'text' && isSkipWord(input.text)) return { replies: [], state: null, effects: [{ type: 'submitFeedback', draft: d, comment: null }] };
    if (input.kind !== 'text') return { replies: [text('กรุณาพิมพ์ความเห็น หรือกด "ข้าม"', [quickText('ข้าม'), cancel()])] };
    const value = cleanFreeText(input.text);
    if (typeof value !== 'string') return { replies: [text(value.error, [quickText('ข้าม'), cancel()])] };
    return { replies: [], state: null, effects: [{ type: 'submitFeedback', draft: d, comment: value }] };
  }
  const d = state.data;
  if (input.kind === 'media') {
    if (input.mediaKind !== 'image') return { replies: [text('รับเฉพาะรูปภาพ พิมพ์รายละเอียดต่อได้เลย', [cancel()])] };
    if (d.photos.length >= MAX_INFO_PHOTOS) return { replies: [text(`แนบรูปได้ไม่เกิน ${f.count(MAX_INFO_PHOTOS)} รูป พิมพ์รายละเอียดต่อได้เลย`, [cancel()])] };
    const attachment: Attachment = { kind: 'image', lineMessageId: input.messageId, fileName: null };
    const next = { ...d, photos: [...d.photos, attachment] };
    return {
      replies: [text(`ได้รับรูปแล้ว ${f.count(next.photos.length)} รูป พิมพ์รายละเอียดเพื่อส่ง`, [cancel()])],
      state: { dialog: DIALOG, step: 'info', data: next },
      effects: [{ type: 'storeAttachment', attachment }],
    };
  }
  if (input.kind !== 'text') return { replies: [text('กรุณาพิมพ์รายละเอียด หรือพิมพ์ "ยกเลิก"', [cancel()])] };
  const value = cleanFreeText(input.text);
  if (typeof value !== 'string') return { replies: [text(value.error, [cancel()])] };
  return { replies: [], state: null, effects: [{ type: 'addInformation', draft: d, text: value }] };
}

export function repeatOwnCasePrompt(state: OwnCaseState, f: Figures = figures()): Message[] {
  return state.step === 'comment' ? askComment(state.data).replies : askInformation(state.data, f).replies;
}

export function isOwnCaseState(state: DialogState | null): state is OwnCaseState {
  return state?.dialog === DIALOG && (state.step === 'comment' || state.step === 'info');
}

/** What the timeline keeps of a rating: stars, fixed or not, and the citizen's words. */
export function feedbackEntryText(stars: number, fixed: boolean, comment: string | null): string {
  return `${starsText(stars)} · ${fixed ? 'แก้ไขแล้ว' : 'ยังไม่ได้แก้ไข'}${comment ? ` · ${comment}` : ''}`;
}
