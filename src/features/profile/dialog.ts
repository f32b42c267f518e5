import type { DialogState } from '../../domain/dialog-state.js';
import { figures, type Figures } from '../../domain/figures.js';
import { MAX_FULL_NAME, MAX_OFFICIAL_POSITION } from '../../domain/staff.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { isSkipWord } from '../../dialogs/words.js';

/**
 * A staff member's ชื่อ-นามสกุล and ตำแหน่ง, the way they sign official reports: asked right after
 * registration (name, then position), and again one at a time from `ข้อมูลของฉัน`. Each answer is stored
 * as soon as it is given, so leaving half-way keeps what was answered.
 */
export const DIALOG = 'staff_profile';

export type ProfileField = 'name' | 'position';

export interface ProfileDraft {
  /** Asked as part of registration (then the closing words point to help), or an edit from ข้อมูลของฉัน. */
  registering: boolean;
  /** The question after this one, if any. */
  next: ProfileField | null;
}

type ProfileState = DialogState<ProfileDraft> & { step: ProfileField };

export type ProfileEffect = { type: 'saveFullName'; value: string } | { type: 'saveOfficialPosition'; value: string };

const LABEL: Record<ProfileField, string> = { name: 'ชื่อ-นามสกุล', position: 'ตำแหน่ง' };
const LIMIT: Record<ProfileField, number> = { name: MAX_FULL_NAME, position: MAX_OFFICIAL_POSITION };

const buttons = () => [quickText('ข้าม'), quickText('ยกเลิก')];

function question(field: ProfileField, draft: ProfileDraft): string {
  if (field === 'name') {
    return draft.registering
      ? 'กรุณาพิมพ์ชื่อ-นามสกุลของท่าน พร้อมคำนำหน้า เช่น นางสาวสมศรี ใจดี เพื่อใช้ลงนามในรายงานที่ท่านส่งออก\nหากยังไม่สะดวก กด "ข้าม" แล้วกรอกภายหลังได้ด้วยคำสั่ง "ข้อมูลของฉัน"'
      : 'กรุณาพิมพ์ชื่อ-นามสกุลที่ใช้ลงนามในรายงาน พร้อมคำนำหน้า เช่น นางสาวสมศรี ใจดี หรือกด "ข้าม" เพื่อคงไว้ตามเดิม';
  }
  return draft.registering
    ? 'กรุณาพิมพ์ตำแหน่งของท่าน เช่น นักวิเคราะห์นโยบายและแผนชำนาญการ หรือกด "ข้าม" แล้วกรอกภายหลังได้'
    : 'กรุณาพิมพ์ตำแหน่งที่ใช้ลงนามในรายงาน เช่น นักวิเคราะห์นโยบายและแผนชำนาญการ หรือกด "ข้าม" เพื่อคงไว้ตามเดิม';
}

/** The question of a step, with its buttons; the dialog saved at that step. */
export function askProfile(field: ProfileField, draft: ProfileDraft, before: Message[] = []): Outcome<ProfileEffect> {
  return { replies: [...before, text(question(field, draft), buttons())], state: { dialog: DIALOG, step: field, data: draft } };
}

/** Registration's questions: only those not answered yet (a second invite code does not ask again). */
export function startRegistrationProfile(known: { fullName: boolean; officialPosition: boolean }, before: Message[]): Outcome<ProfileEffect> | null {
  if (!known.fullName) return askProfile('name', { registering: true, next: known.officialPosition ? null : 'position' }, before);
  if (!known.officialPosition) return askProfile('position', { registering: true, next: null }, before);
  return null;
}

const CLOSING_REGISTRATION = 'เรียบร้อยแล้ว ท่านดูหรือแก้ไขชื่อและตำแหน่งได้ทุกเมื่อด้วยคำสั่ง "ข้อมูลของฉัน"\nพิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้';

/** What comes after an answered or skipped step: the next question, or the end. */
function onwards(draft: ProfileDraft, said: string[], effects: ProfileEffect[]): Outcome<ProfileEffect> {
  const replies = said.map((s) => text(s));
  if (draft.next) return { ...askProfile(draft.next, { ...draft, next: null }, replies), effects };
  if (draft.registering) replies.push(text(CLOSING_REGISTRATION));
  return { replies, state: null, effects };
}

/** A typed value made ready to keep, exactly as typed but trimmed; the reason in Thai when it cannot be. */
function cleanValue(field: ProfileField, raw: string, f: Figures): string | { error: string } {
  const value = cleanFreeText(raw);
  if (typeof value !== 'string') return { error: `กรุณาพิมพ์${LABEL[field]} หรือกด "ข้าม"` };
  // One line: it is printed on one line of the report.
  if (/[\r\n]/.test(value)) return { error: `กรุณาพิมพ์${LABEL[field]}ในบรรทัดเดียว` };
  if (value.length > LIMIT[field]) return { error: `${LABEL[field]}ยาวเกิน ${f.count(LIMIT[field])} ตัวอักษร กรุณาพิมพ์ให้สั้นลง` };
  return value;
}

export function continueProfile(state: ProfileState, input: DialogInput, f: Figures = figures()): Outcome<ProfileEffect> {
  const field = state.step;
  const draft = state.data;
  if (input.kind !== 'text') return { replies: [text(`ขั้นตอนนี้ต้องการข้อความ ${question(field, draft)}`, buttons())] };
  if (isSkipWord(input.text)) {
    const skipped = draft.registering ? `ข้ามการกรอก${LABEL[field]}แล้ว` : `${LABEL[field]}คงไว้ตามเดิม`;
    return onwards(draft, [skipped], []);
  }
  const value = cleanValue(field, input.text, f);
  if (typeof value !== 'string') return { replies: [text(value.error, buttons())] };
  const effect: ProfileEffect = field === 'name' ? { type: 'saveFullName', value } : { type: 'saveOfficialPosition', value };
  return onwards(draft, [`บันทึก${LABEL[field]}แล้ว: ${value}`], [effect]);
}

export function repeatProfilePrompt(state: ProfileState): Message[] {
  return askProfile(state.step, state.data).replies;
}

export function isProfileState(state: DialogState | null): state is ProfileState {
  return state?.dialog === DIALOG && (state.step === 'name' || state.step === 'position');
}
