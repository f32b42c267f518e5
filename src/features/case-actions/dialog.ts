import { COMPLAINT_STATUS_TH, type ComplaintStatus } from '../../domain/complaints.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';

/**
 * A handler writing to a case: the note the complainant reads with a status change, an internal note, or
 * the explanation owed when a case runs past 15 days. One step: the text, then the effect.
 */
export const DIALOG = 'complaint_handling';

export type HandlingMode = 'status' | 'note' | 'explain';

export interface HandlingDraft {
  complaintId: string;
  trackingNo: string;
  mode: HandlingMode;
  status?: ComplaintStatus;
}

type State = DialogState<HandlingDraft>;

export interface HandlingEffect {
  type: 'handleComplaint';
  draft: HandlingDraft;
  text: string;
}

export function askHandlingText(draft: HandlingDraft): Outcome<HandlingEffect> {
  const ask =
    draft.mode === 'status'
      ? `${draft.trackingNo} → ${COMPLAINT_STATUS_TH[draft.status!]}\nพิมพ์ข้อความถึงผู้ร้องเรียน (ผู้ร้องจะเห็นข้อความนี้)`
      : draft.mode === 'note'
        ? `${draft.trackingNo}: พิมพ์บันทึกภายใน (ผู้ร้องเรียนไม่เห็น)`
        : `${draft.trackingNo} เกินกำหนด 15 วันแล้ว: พิมพ์เหตุผลที่ยังดำเนินการไม่แล้วเสร็จ เพื่อแจ้งผู้ร้องเรียน`;
  return { replies: [text(ask, [quickText('ยกเลิก')])], state: { dialog: DIALOG, step: 'text', data: draft } };
}

export function continueHandling(state: State, input: DialogInput): Outcome<HandlingEffect> {
  if (input.kind !== 'text') return { replies: [text('กรุณาพิมพ์ข้อความ หรือพิมพ์ "ยกเลิก"')] };
  const value = cleanFreeText(input.text);
  if (typeof value !== 'string') return { replies: [text(value.error)] };
  return { replies: [], state: null, effects: [{ type: 'handleComplaint', draft: state.data, text: value }] };
}

export function repeatHandlingPrompt(state: State): Message[] {
  return askHandlingText(state.data).replies;
}

export function isHandlingState(state: DialogState | null): state is State {
  return state?.dialog === DIALOG;
}
