import type { DialogState } from '../../domain/dialog-state.js';
import { EDITABLE_FIELDS, type EditableField, type MeasureEdit } from '../../domain/measures.js';
import { parseAmount, truncate } from '../../domain/thai.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { cleanFreeText, NEED_TEXT } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { isSkipWord } from '../../dialogs/words.js';

/** An admin changing one field of one item: the new value, read for the field, then the effect. */
export const DIALOG = 'measure_edit';

export interface EditDraft {
  measureId: string;
  code: string;
  field: EditableField;
  /** The value now, as the chat shows it. */
  current: string;
}

export type EditMeasure = { type: 'editMeasure'; measureId: string; change: MeasureEdit };

type State = DialogState<EditDraft>;

const HOW: Record<EditableField, string> = {
  title: 'พิมพ์ชื่อใหม่',
  responsibleUnits: 'พิมพ์ชื่อหน่วยงาน คั่นด้วยเครื่องหมายจุลภาคหรือขึ้นบรรทัดใหม่ เช่น กองคลัง, กองช่าง',
  budget: 'พิมพ์งบประมาณเป็นตัวเลข เช่น 50000 หรือ 0 หากไม่ใช้งบประมาณ',
  guideline: 'พิมพ์แนวทางใหม่ หรือพิมพ์ "ไม่มี" เพื่อลบ',
  methodSteps: 'พิมพ์วิธีดำเนินการ ขั้นละบรรทัด',
};

export function askNewValue(draft: EditDraft): Outcome<EditMeasure> {
  const ask = `${draft.code}: แก้ไข${EDITABLE_FIELDS[draft.field]}\nปัจจุบัน: ${truncate(draft.current || '-', 1_500)}\n\n${HOW[draft.field]}`;
  return { replies: [text(ask, [quickText('ยกเลิก')])], state: { dialog: DIALOG, step: 'value', data: draft } };
}

const splitList = (value: string) =>
  value
    .split(/[,،\n]|\s+และ\s+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** The typed value read for its field, or why it cannot be. */
function read(field: EditableField, typed: string): MeasureEdit | string {
  switch (field) {
    case 'title':
      return { field, value: typed };
    case 'responsibleUnits': {
      const units = splitList(typed);
      return units.length > 0 ? { field, value: units } : 'กรุณาพิมพ์ชื่อหน่วยงานอย่างน้อยหนึ่งหน่วยงาน';
    }
    case 'budget': {
      const amount = parseAmount(typed);
      return amount === null ? 'กรุณาพิมพ์งบประมาณเป็นตัวเลข เช่น 50000' : { field, value: amount };
    }
    case 'guideline':
      return { field, value: isSkipWord(typed) ? null : typed };
    case 'methodSteps':
      return { field, value: typed.split('\n').map((line) => line.trim()).filter(Boolean) };
  }
}

export function continueEdit(state: State, input: DialogInput): Outcome<EditMeasure> {
  if (input.kind !== 'text') return { replies: [text(NEED_TEXT)] };
  const typed = cleanFreeText(input.text);
  if (typeof typed !== 'string') return { replies: [text(typed.error)] };
  const change = read(state.data.field, typed);
  if (typeof change === 'string') return { replies: [text(change)] };
  return { replies: [], state: null, effects: [{ type: 'editMeasure', measureId: state.data.measureId, change }] };
}

export function repeatEditPrompt(state: State): Message[] {
  return askNewValue(state.data).replies;
}

export function isEditState(state: DialogState | null): state is State {
  return state?.dialog === DIALOG;
}
