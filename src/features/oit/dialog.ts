import type { Attachment } from '../../domain/attachments.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { itasWindow, parsePublicUrl, sameAnswer, type NewOitAnswer, type OitItem } from '../../domain/oit.js';
import type { StaffFacts } from '../../domain/staff.js';
import { figures, type Figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { LINE_LIMITS } from '../../line/limits.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { cleanFreeText, NEED_TEXT } from '../../dialogs/free-text.js';
import { isConfirmWord, isSkipWord } from '../../dialogs/words.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import { OIT_ACTIONS } from './actions.js';

/**
 * An owner answers one OIT item, as a pure state machine:
 * pick an item → มี/ไม่มี → the web address where it is published (only for มี; the old one can be kept)
 * → an explanation (skippable; photos and files may be sent first as evidence) → confirm → saved.
 */
export const DIALOG = 'oit_answer';

const SAY = {
  notFound: 'ไม่พบข้อนี้ในรายการที่ท่านรับผิดชอบ พิมพ์ "OIT" เพื่อเลือกใหม่',
  askAvailable: (code: string, title: string, description: string, current: string) =>
    [`${code} ${title}`, description ? `\nสิ่งที่ต้องแสดง\n${description}` : '', current ? `\nคำตอบปัจจุบัน: ${current}` : '', '\nหน่วยงานมีข้อมูลข้อนี้เผยแพร่บนเว็บไซต์แล้วหรือยัง?'].join('\n').replace(/\n{3,}/g, '\n\n'),
  badAvailable: 'กรุณาตอบ "มี" หรือ "ไม่มี" จากปุ่มด้านล่าง',
  askUrl: 'วางลิงก์ของหน้าเว็บไซต์ที่เผยแพร่ข้อมูลข้อนี้ เช่น https://www.example.go.th/news/123',
  askUrlKeep: (url: string) => `วางลิงก์ของหน้าเว็บไซต์ที่เผยแพร่ข้อมูลข้อนี้ หรือกด "ใช้ลิงก์เดิม"\nลิงก์เดิม: ${url}`,
  badUrl: 'ลิงก์นี้ใช้ไม่ได้ กรุณาวางลิงก์เต็มที่ขึ้นต้นด้วย https:// หรือ http:// เช่น https://www.example.go.th/news/123',
  askExplanation: 'พิมพ์คำอธิบายสั้น ๆ สำหรับกรอกในระบบ ITAS เช่น ข้อมูลอยู่ในเมนูใดของเว็บไซต์ หรือกด "ข้าม"\nส่งรูปภาพหรือไฟล์หลักฐานก่อนพิมพ์ได้',
  askWhyNot: 'พิมพ์คำอธิบาย เช่น เหตุที่ยังไม่มีข้อมูล และจะเผยแพร่ได้เมื่อใด หรือกด "ข้าม"\nส่งรูปภาพหรือไฟล์หลักฐานก่อนพิมพ์ได้',
  attachmentAdded: (n: string) => `แนบหลักฐานแล้ว ${n} ไฟล์ พิมพ์คำอธิบายต่อ หรือกด "ข้าม"`,
  tooManyAttachments: (max: string) => `แนบหลักฐานได้ไม่เกิน ${max} ไฟล์ พิมพ์คำอธิบายต่อ หรือกด "ข้าม"`,
  confirmHint: 'กด "ยืนยันบันทึก" เพื่อบันทึก หรือ "ยกเลิก" เพื่อยกเลิก',
  staleButton: 'ปุ่มนี้เป็นของรายการเก่า กรุณาใช้ปุ่มของรายการล่าสุด หรือพิมพ์ "OIT" เพื่อเริ่มใหม่',
  resume: 'ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
} as const;

const MAX_ATTACHMENTS = 10;
const KEEP_URL = 'ใช้ลิงก์เดิม';

export type Step = 'available' | 'url' | 'explanation' | 'confirm';

export interface OitDraft {
  /** Ties the confirm button to this draft. */
  draftId: string;
  itemId: string;
  available?: boolean;
  url?: string | null;
  explanation?: string | null;
  attachments: Attachment[];
}

export type SaveOitAnswer = { type: 'saveOitAnswer'; itemId: string; answer: NewOitAnswer };
export type OitAnswerEffect = SaveOitAnswer | StoreAttachment;

export interface Facts {
  now: Date;
  staff: StaffFacts;
  /** The item the step is about, when it is still one the person answers for. */
  item: OitItem | null;
  eventId: string;
  /** The organisation's digits for the dialog's own figures (Arabic when not given). */
  figures?: Figures;
}

type AnswerState = DialogState<OitDraft> & { step: Step };
type AnswerOutcome = Outcome<OitAnswerEffect>;

const cancelQuick = () => quickText('ยกเลิก');

function currentWords(item: OitItem): string {
  const a = item.answer;
  if (!a) return '';
  return [a.available ? 'มี' : 'ไม่มี', a.url ?? ''].filter(Boolean).join(' · ');
}

function promptFor(step: Step, draft: OitDraft, item: OitItem, f: Figures): Message {
  switch (step) {
    case 'available':
      return text(truncate(SAY.askAvailable(item.code, truncate(item.title, 300), truncate(item.description, 1_500), currentWords(item)), LINE_LIMITS.textLength), [
        quickPostback('มี', postbackData(OIT_ACTIONS.oitAvailable, { v: '1' })),
        quickPostback('ไม่มี', postbackData(OIT_ACTIONS.oitAvailable, { v: '0' })),
        cancelQuick(),
      ]);
    case 'url':
      return item.answer?.url ? text(SAY.askUrlKeep(item.answer.url), [quickText(KEEP_URL), cancelQuick()]) : text(SAY.askUrl, [cancelQuick()]);
    case 'explanation':
      return text(draft.available ? SAY.askExplanation : SAY.askWhyNot, [quickText('ข้าม'), cancelQuick()]);
    case 'confirm':
      return confirmMessage(draft, item, f);
  }
}

function describe(draft: OitDraft, item: OitItem, f: Figures): string[] {
  return [
    `${item.code} ${truncate(item.title, 200)}`,
    `คำตอบ: ${draft.available ? 'มี' : 'ไม่มี'}`,
    ...(draft.url ? [`ลิงก์: ${draft.url}`] : []),
    `คำอธิบาย: ${draft.explanation ? truncate(draft.explanation, 1_000) : '-'}`,
    ...(draft.attachments.length > 0 ? [`หลักฐาน: ${f.count(draft.attachments.length)} ไฟล์`] : []),
  ];
}

function confirmMessage(draft: OitDraft, item: OitItem, f: Figures): Message {
  return text(['ตรวจสอบก่อนบันทึก', '', ...describe(draft, item, f)].join('\n'), [
    quickPostback('ยืนยันบันทึก', postbackData(OIT_ACTIONS.oitConfirm, { d: draft.draftId })),
    cancelQuick(),
  ]);
}

const figuresOf = (facts: Facts): Figures => facts.figures ?? figures();

function at(step: Step, draft: OitDraft, item: OitItem, f: Figures, before: Message[] = []): AnswerOutcome {
  return { replies: [...before, promptFor(step, draft, item, f)], state: { dialog: DIALOG, step, data: draft } };
}

/** Starts an answer on an item chosen from the list (or from a reminder's card). */
export function pickOitItem(facts: Facts): AnswerOutcome {
  const { item } = facts;
  const f = figuresOf(facts);
  if (!item) return { replies: [text(SAY.notFound)], state: null };
  return at('available', { draftId: facts.eventId, itemId: item.id, attachments: [] }, item, f);
}

/** มี / ไม่มี typed in the ways people say it; null when it is neither. */
export function parseAvailable(raw: string): boolean | null {
  const t = raw.trim().replace(/\s+/g, '').toLowerCase();
  if (/^(ไม่มี|ยังไม่มี|ไม่|no)/.test(t)) return false;
  if (/^(มี|yes)/.test(t)) return true;
  return null;
}

/** Handles one input while the dialog is open; cancel, help and other commands are handled before this. */
export function continueOitAnswer(state: AnswerState, input: DialogInput, facts: Facts): AnswerOutcome {
  const draft = state.data;
  const { item } = facts;
  const f = figuresOf(facts);
  if (!item || item.id !== draft.itemId) return { replies: [text(SAY.notFound)], state: null };

  if (input.kind === 'postback' && input.action === OIT_ACTIONS.oitConfirm.name) {
    if (input.params.d !== draft.draftId || state.step !== 'confirm') return { replies: [text(SAY.staleButton)] };
    return confirm(draft, item, facts);
  }

  switch (state.step) {
    case 'available': {
      const chosen =
        input.kind === 'postback' && input.action === OIT_ACTIONS.oitAvailable.name
          ? input.params.v === '1'
          : input.kind === 'text'
            ? parseAvailable(input.text)
            : null;
      if (chosen === null) return at('available', draft, item, f, [text(SAY.badAvailable)]);
      return chosen ? at('url', { ...draft, available: true }, item, f) : at('explanation', { ...draft, available: false, url: null }, item, f);
    }
    case 'url': {
      if (input.kind === 'media') return addAttachment(state, input, item, f);
      if (input.kind !== 'text') return at('url', draft, item, f, [text(SAY.badUrl)]);
      const keep = input.text.trim() === KEEP_URL && item.answer?.url;
      const url = keep ? item.answer!.url : parsePublicUrl(input.text);
      if (!url) return at('url', draft, item, f, [text(SAY.badUrl)]);
      return at('explanation', { ...draft, url }, item, f);
    }
    case 'explanation': {
      if (input.kind === 'media') return addAttachment(state, input, item, f);
      if (input.kind === 'text' && isSkipWord(input.text)) return at('confirm', { ...draft, explanation: null }, item, f);
      if (input.kind !== 'text') return at('explanation', draft, item, f, [text(NEED_TEXT)]);
      const value = cleanFreeText(input.text);
      if (typeof value !== 'string') return at('explanation', draft, item, f, [text(value.error)]);
      return at('confirm', { ...draft, explanation: value }, item, f);
    }
    case 'confirm': {
      if (input.kind === 'text' && isConfirmWord(input.text)) return confirm(draft, item, facts);
      return at('confirm', draft, item, f, [text(SAY.confirmHint)]);
    }
  }
}

function addAttachment(state: AnswerState, input: Extract<DialogInput, { kind: 'media' }>, item: OitItem, f: Figures): AnswerOutcome {
  const draft = state.data;
  if (draft.attachments.length >= MAX_ATTACHMENTS) return { replies: [text(SAY.tooManyAttachments(f.count(MAX_ATTACHMENTS)), [quickText('ข้าม'), cancelQuick()])] };
  const attachment: Attachment = { kind: input.mediaKind, lineMessageId: input.messageId, fileName: input.fileName };
  const attachments = [...draft.attachments, attachment];
  // Evidence sent while the address is asked for still belongs to the answer; the address is asked again.
  const replies = state.step === 'url' ? [text(`แนบหลักฐานแล้ว ${f.count(attachments.length)} ไฟล์`), promptFor('url', draft, item, f)] : [text(SAY.attachmentAdded(f.count(attachments.length)), [quickText('ข้าม'), cancelQuick()])];
  return { replies, state: { dialog: DIALOG, step: state.step, data: { ...draft, attachments } }, effects: [{ type: 'storeAttachment', attachment }] };
}

function confirm(draft: OitDraft, item: OitItem, facts: Facts): AnswerOutcome {
  const f = figuresOf(facts);
  if (draft.available === undefined) return at('available', draft, item, f);
  if (draft.available && !draft.url) return at('url', draft, item, f);
  const answer: NewOitAnswer = { available: draft.available, url: draft.available ? (draft.url ?? null) : null, explanation: draft.explanation ?? null, attachments: draft.attachments };
  const closes = f.date(new Date(itasWindow(item.fiscalYear).end.getTime() - 1));
  const unchangedAndPassed = sameAnswer(answer, item.answer) && item.review?.decision === 'approved' && item.review.version === item.answer?.version;
  const next = unchangedAndPassed
    ? 'คำตอบเหมือนเดิม ผลการตรวจสอบที่ผ่านแล้วยังคงอยู่'
    : `ผู้ตรวจสอบข้อมูลจะตรวจคำตอบนี้ก่อนกรอกในระบบ ITAS ซึ่งปิดวันที่ ${closes}`;
  return {
    replies: [text(['บันทึกคำตอบแล้ว', '', ...describe({ ...draft, url: answer.url }, item, f), '', next].join('\n'))],
    state: null,
    effects: [{ type: 'saveOitAnswer', itemId: item.id, answer }],
  };
}

/** The current question again, e.g. after `ช่วยเหลือ` in the middle of the dialog. */
export function repeatOitPrompt(state: AnswerState, facts: Facts): Message[] {
  return facts.item ? [text(SAY.resume), promptFor(state.step, state.data, facts.item, figuresOf(facts))] : [];
}

export function isOitAnswerState(state: DialogState | null): state is AnswerState {
  return state?.dialog === DIALOG;
}
