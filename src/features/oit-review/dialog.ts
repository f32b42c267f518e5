import type { DialogState } from '../../domain/dialog-state.js';
import type { OitItem, OitReview } from '../../domain/oit.js';
import { nameOf, type StaffFacts } from '../../domain/staff.js';
import { truncate } from '../../domain/thai.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { cleanFreeText, NEED_TEXT } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';

/**
 * The reviewer's decision on one answered OIT item: "ผ่านการตรวจสอบ" is one tap; "ส่งกลับให้แก้ไข" asks
 * for a note, which goes to whoever answered. Each decision names the answer version the reviewer saw, so a
 * decision on an answer that has since changed is refused rather than signing off something unseen.
 */
export const DIALOG = 'oit_review';

const SAY = {
  notFound: 'ไม่พบข้อนี้ พิมพ์ "รอตรวจ" เพื่อดูรายการล่าสุด',
  changed: (code: string) => `คำตอบข้อ ${code} เปลี่ยนไปแล้วหลังจากรายการที่ท่านเห็น กรุณาพิมพ์ "รอตรวจ" เพื่อดูคำตอบล่าสุด`,
  approved: (code: string, title: string) => `${code} ${title}\nผ่านการตรวจสอบแล้ว พร้อมกรอกในระบบ ITAS`,
  askNote: (code: string) => `พิมพ์สิ่งที่ต้องแก้ไขในข้อ ${code} ข้อความนี้จะส่งถึงผู้ตอบทาง LINE`,
  returned: (code: string) => `ส่งข้อ ${code} กลับให้แก้ไขแล้ว และแจ้งผู้ตอบแล้ว`,
  resume: 'ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
} as const;

export interface ReviewDraft {
  itemId: string;
  version: string;
}

export type SaveReview = { type: 'saveReview'; itemId: string; review: OitReview; notifyOwner: boolean };

export interface Facts {
  now: Date;
  reviewer: StaffFacts;
  item: OitItem | null;
}

type ReviewState = DialogState<ReviewDraft> & { step: 'note' };
type ReviewOutcome = Outcome<SaveReview>;

/** Whether the decision is about the answer as it stands; the reply when it is not. */
function stale(facts: Facts, version: string): Message | null {
  if (!facts.item) return text(SAY.notFound);
  if (!facts.item.answer || facts.item.answer.version !== version) return text(SAY.changed(facts.item.code));
  return null;
}

function review(facts: Facts, version: string, decision: OitReview['decision'], note: string | null): OitReview {
  return { version, decision, note, reviewedBy: facts.reviewer.lineUserId, reviewerName: nameOf(facts.reviewer), reviewedAt: facts.now };
}

export function approveOitItem(version: string, facts: Facts): ReviewOutcome {
  const problem = stale(facts, version);
  if (problem) return { replies: [problem] };
  const item = facts.item!;
  return {
    replies: [text(SAY.approved(item.code, truncate(item.title, 200)))],
    effects: [{ type: 'saveReview', itemId: item.id, review: review(facts, version, 'approved', null), notifyOwner: false }],
  };
}

export function startReturn(version: string, facts: Facts): ReviewOutcome {
  const problem = stale(facts, version);
  if (problem) return { replies: [problem], state: null };
  const item = facts.item!;
  return { replies: [text(SAY.askNote(item.code), [quickText('ยกเลิก')])], state: { dialog: DIALOG, step: 'note', data: { itemId: item.id, version } } };
}

export function continueReturn(state: ReviewState, input: DialogInput, facts: Facts): ReviewOutcome {
  const { version } = state.data;
  const problem = stale(facts, version);
  if (problem) return { replies: [problem], state: null };
  const item = facts.item!;
  if (input.kind !== 'text') return { replies: [text(NEED_TEXT), text(SAY.askNote(item.code), [quickText('ยกเลิก')])] };
  const note = cleanFreeText(input.text);
  if (typeof note !== 'string') return { replies: [text(note.error)] };
  return {
    replies: [text(SAY.returned(item.code))],
    state: null,
    effects: [{ type: 'saveReview', itemId: item.id, review: review(facts, version, 'returned', note), notifyOwner: true }],
  };
}

/** The message the person who answered receives when their answer is sent back. */
export function returnedNotice(item: OitItem, note: string, reviewerName: string): string {
  return `ผู้ตรวจสอบข้อมูล${reviewerName ? ` (${reviewerName})` : ''} ส่งข้อ ${item.code} ${truncate(item.title, 200)} กลับให้แก้ไข\n\nสิ่งที่ต้องแก้ไข: ${note}\n\nพิมพ์ "OIT" แล้วกด "แก้ไขคำตอบ" ที่ข้อนี้`;
}

export function repeatReturnPrompt(state: ReviewState, facts: Facts): Message[] {
  return facts.item ? [text(SAY.resume), text(SAY.askNote(facts.item.code), [quickText('ยกเลิก')])] : [];
}

export function isReviewState(state: DialogState | null): state is ReviewState {
  return state?.dialog === DIALOG;
}
