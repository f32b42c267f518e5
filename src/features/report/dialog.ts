import { asksForDisbursement, isLockedForRound, type MeasureView } from '../../domain/measures.js';
import type { Attachment } from '../../domain/attachments.js';
import type { NewProgressReport, PastReport } from '../../domain/progress.js';
import type { StaffFacts } from '../../domain/staff.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { CANNOT_PROCEED_REASONS_TH, isStatus, parseStatus, STATUS_SHORT_TH, STATUS_TH, STATUSES } from '../../domain/statuses.js';
import { figures, type Figures } from '../../domain/figures.js';
import { parseAmount, truncate } from '../../domain/thai.js';
import { confirmCard, savedCard, type ReportDraft } from './cards.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { cleanFreeText, NEED_TEXT } from '../../dialogs/free-text.js';
import { isConfirmWord, isSkipWord } from '../../dialogs/words.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import { REPORT_ACTIONS } from './actions.js';

/**
 * The officer's progress report, as a pure state machine:
 * pick a measure → status → (reason, when it cannot proceed) → summary (+ evidence files) → outcome,
 * problems, suggestions (each skippable) → amount disbursed (plan projects with a budget; skippable) →
 * confirm → saved. Where the last report on the measure answered a question, its answer is shown and
 * can be taken again with one tap: most rounds change a sentence, not the whole story.
 */
export const DIALOG = 'officer_report';

const SAY = {
  measureNotFound: 'ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ พิมพ์ "รายงาน" เพื่อเลือกใหม่',
  askStatus: (code: string, title: string) => `${code} ${title}\n\nเลือกสถานะการดำเนินงานปัจจุบัน`,
  askReason: 'ระบุเหตุผลที่ไม่สามารถดำเนินการได้ เลือกจากปุ่มด้านล่าง หรือพิมพ์เหตุผลเอง',
  askSummary: 'พิมพ์สรุปผลการดำเนินงาน ทำอะไรไปแล้ว เมื่อไร\nแนบรูปภาพหรือไฟล์หลักฐานได้ก่อนพิมพ์สรุป',
  askOutcome: (forty: string) => `ผลลัพธ์หรือความสำเร็จที่ได้คืออะไร? เช่น ผู้เข้าร่วม ${forty} คน ประชาชนเข้าถึงข้อมูลได้ทางเว็บไซต์\nพิมพ์ได้เลย หรือกด "ข้าม"`,
  askOutcomeOfCompleted: (forty: string) =>
    `ผลลัพธ์หรือความสำเร็จที่ได้คืออะไร? เช่น ผู้เข้าร่วม ${forty} คน ประชาชนเข้าถึงข้อมูลได้ทางเว็บไซต์\nรายการที่ดำเนินการแล้วเสร็จต้องระบุผลลัพธ์ เพื่อใช้ในรายงานผลการดำเนินการ`,
  outcomeNeeded: 'รายการที่ดำเนินการแล้วเสร็จต้องระบุผลลัพธ์หรือความสำเร็จ กรุณาพิมพ์ผลลัพธ์ที่ได้',
  askProblems: 'มีปัญหาอุปสรรคหรือไม่? พิมพ์ได้เลย หรือกด "ข้าม"',
  askSuggestions: 'มีข้อเสนอแนะหรือไม่? พิมพ์ได้เลย หรือกด "ข้าม"',
  attachmentAdded: (count: string) => `แนบหลักฐานแล้ว ${count} รายการ พิมพ์สรุปผลการดำเนินงานต่อได้เลย`,
  tooManyAttachments: (max: string) => `แนบหลักฐานได้ไม่เกิน ${max} ไฟล์`,
  askDisbursed: (disbursed: string, budget: string) =>
    `ยอดเบิกจ่ายสะสมถึงวันนี้กี่บาท?\nเบิกจ่ายสะสมที่รายงานไว้ ${disbursed} บาท จากงบประมาณ ${budget} บาท\nพิมพ์ตัวเลข หรือกด "ข้าม" หากยังไม่ทราบ`,
  badAmount: 'กรุณาพิมพ์จำนวนเงินเป็นตัวเลข เช่น 15000 หรือ 15,000 หรือกด "ข้าม"',
  amountOverBudget: (budget: string) => `ยอดเบิกจ่ายต้องไม่เกินงบประมาณ ${budget} บาท กรุณาตรวจสอบอีกครั้ง`,
  badStatus: 'กรุณาเลือกสถานะจากปุ่มด้านล่าง',
  confirmHint: 'กด "ยืนยันบันทึก" เพื่อบันทึก หรือ "ยกเลิก" เพื่อยกเลิก',
  staleButton: 'ปุ่มนี้เป็นของรายการเก่า กรุณาใช้ปุ่มของรายการล่าสุด หรือพิมพ์ "รายงาน" เพื่อเริ่มใหม่',
  resume: 'ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
  locked: (code: string) =>
    `${code} รายงานว่าดำเนินการแล้วเสร็จในรอบนี้แล้ว จึงปิดการรายงานไว้จนจบรอบ\nหากต้องแก้ไข กรุณาแจ้งผู้ดูแลระบบให้เปิดรายการนี้อีกครั้ง`,
  earlier: (when: string, value: string) => `ครั้งก่อน (${when}): ${value}`,
  reuse: 'ใช้ข้อความเดิม',
  sameAmount: 'ยอดเดิม',
} as const;

export type Step = 'status' | 'reason' | 'summary' | 'outcome' | 'problems' | 'suggestions' | 'disbursed' | 'confirm';

/** The questions answered in words, and the draft field each fills. */
type TextStep = 'summary' | 'outcome' | 'problems' | 'suggestions';
const ASK: Record<TextStep, (f: Figures) => string> = {
  summary: () => SAY.askSummary,
  outcome: (f) => SAY.askOutcome(f.count(40)),
  problems: () => SAY.askProblems,
  suggestions: () => SAY.askSuggestions,
};
const NEXT: Record<TextStep, Step> = { summary: 'outcome', outcome: 'problems', problems: 'suggestions', suggestions: 'disbursed' };

export type SaveReport = { type: 'saveReport'; report: NewProgressReport };
export type ReportEffect = SaveReport | StoreAttachment;

export interface Facts {
  now: Date;
  staff: StaffFacts;
  /** Measures this officer answers for, in display order: all of them, or the one the step is about. */
  measures: MeasureView[];
  /** Identifies the event being handled; used as a new draft's id. */
  eventId: string;
  /** The newest report on the measure the step is about, whose answers may be taken again. */
  previous?: PastReport | null;
  /** The organisation's digits for the dialog's own figures (Arabic when not given). */
  figures?: Figures;
}

const MAX_ATTACHMENTS = 10;

type ReportState = DialogState<ReportDraft> & { step: Step };
type ReportOutcome = Outcome<ReportEffect>;

const cancelQuick = () => quickText('ยกเลิก');

const figuresOf = (facts: Facts): Figures => facts.figures ?? figures();

function statusPrompt(m: MeasureView): Message {
  return text(
    SAY.askStatus(m.code, truncate(m.title, 300)),
    [...STATUSES.map((s) => quickPostback(STATUS_SHORT_TH[s], postbackData(REPORT_ACTIONS.reportStatus, { s }), STATUS_TH[s])), cancelQuick()],
  );
}

/**
 * Whether a question may be skipped. A completed item's outcome may not: the ITA report's ผลลัพธ์หรือความสำเร็จ
 * column and the E-PlanNACC note state what a finished item achieved (docs/domain.md, "The official reports").
 */
const skippable = (step: TextStep, draft: ReportDraft) => step !== 'summary' && !(step === 'outcome' && draft.status === 'completed');

/** The quick replies of a free-text question: the last report's answer again, skip where allowed, cancel. */
function textQuick(step: TextStep, draft: ReportDraft, previous: PastReport | null | undefined) {
  return [...(previous?.[step] ? [quickText(SAY.reuse)] : []), ...(skippable(step, draft) ? [quickText('ข้าม')] : []), cancelQuick()];
}

/** A free-text question, with the last report's answer to it shown and offered again. */
function textPrompt(step: TextStep, draft: ReportDraft, previous: PastReport | null | undefined, f: Figures): Message {
  const earlier = previous?.[step];
  const question = step === 'outcome' && !skippable(step, draft) ? SAY.askOutcomeOfCompleted(f.count(40)) : ASK[step](f);
  const ask = earlier ? `${question}\n\n${SAY.earlier(f.date(previous.reportedAt), truncate(earlier, 600))}` : question;
  return text(ask, textQuick(step, draft, previous));
}

function promptFor(step: Step, draft: ReportDraft, m: MeasureView, previous: PastReport | null | undefined, f: Figures): Message {
  switch (step) {
    case 'status':
      return statusPrompt(m);
    case 'reason':
      return text(SAY.askReason, [...CANNOT_PROCEED_REASONS_TH.map((r) => quickText(r.label, r.text)), cancelQuick()]);
    case 'summary':
    case 'outcome':
    case 'problems':
    case 'suggestions':
      return textPrompt(step, draft, previous, f);
    case 'disbursed':
      return text(SAY.askDisbursed(f.baht(m.disbursed), f.baht(m.budget)), [
        ...(m.disbursed > 0 ? [quickText(SAY.sameAmount, String(m.disbursed))] : []),
        quickText('ข้าม'),
        cancelQuick(),
      ]);
    case 'confirm':
      return confirmCard(draft, m, f);
  }
}

function at(step: Step, draft: ReportDraft, m: MeasureView, facts: Facts, before: Message[] = []): ReportOutcome {
  // The disbursement is asked only of plan projects with a budget.
  const shown = step === 'disbursed' && !asksForDisbursement(m) ? 'confirm' : step;
  return { replies: [...before, promptFor(shown, draft, m, facts.previous, figuresOf(facts))], state: { dialog: DIALOG, step: shown, data: draft } };
}

/** Starts a report on a measure chosen from the carousel (or from a reminder's button). */
export function pickMeasure(measureId: string, facts: Facts): ReportOutcome {
  const m = facts.measures.find((x) => x.id === measureId);
  if (!m) return { replies: [text(SAY.measureNotFound)], state: null };
  if (isLockedForRound(m, facts.now)) return { replies: [text(SAY.locked(m.code))] };
  return at('status', { draftId: facts.eventId, measureId: m.id, attachments: [] }, m, facts);
}

/** Handles one input while the dialog is open. Global commands (cancel, help, report) are handled before this. */
export function continueReport(state: ReportState, input: DialogInput, facts: Facts): ReportOutcome {
  const draft = state.data;
  const m = facts.measures.find((x) => x.id === draft.measureId);
  if (!m) return { replies: [text(SAY.measureNotFound)], state: null };

  if (input.kind === 'postback' && input.action === REPORT_ACTIONS.reportConfirm.name) {
    if (input.params.d !== draft.draftId || state.step !== 'confirm') return { replies: [text(SAY.staleButton)] };
    return confirm(draft, m, facts);
  }

  switch (state.step) {
    case 'status': {
      const chosen =
        input.kind === 'postback' && input.action === REPORT_ACTIONS.reportStatus.name && isStatus(input.params.s)
          ? input.params.s
          : input.kind === 'text'
            ? parseStatus(input.text)
            : null;
      if (!chosen) return at('status', draft, m, facts, [text(SAY.badStatus)]);
      const next: ReportDraft = { ...draft, status: chosen, reason: undefined };
      return chosen === 'cannot_proceed' ? at('reason', next, m, facts) : at('summary', next, m, facts);
    }
    case 'reason': {
      const answer = freeText(input);
      if (typeof answer !== 'string') return at('reason', draft, m, facts, [answer]);
      return at('summary', { ...draft, reason: answer }, m, facts);
    }
    case 'summary':
    case 'outcome':
    case 'problems':
    case 'suggestions': {
      const step = state.step;
      if (step === 'summary' && input.kind === 'media') {
        if (draft.attachments.length >= MAX_ATTACHMENTS) return at('summary', draft, m, facts, [text(SAY.tooManyAttachments(figuresOf(facts).count(MAX_ATTACHMENTS)))]);
        const attachment: Attachment = { kind: input.mediaKind, lineMessageId: input.messageId, fileName: input.fileName };
        const attachments = [...draft.attachments, attachment];
        // The last summary stays one tap away after a photo, as before it.
        return {
          replies: [text(SAY.attachmentAdded(figuresOf(facts).count(attachments.length)), textQuick('summary', draft, facts.previous))],
          state: { dialog: DIALOG, step: 'summary', data: { ...draft, attachments } },
          effects: [{ type: 'storeAttachment', attachment }],
        };
      }
      if (isSkip(input) && step !== 'summary') {
        if (!skippable(step, draft)) return at(step, draft, m, facts, [text(SAY.outcomeNeeded)]);
        return at(NEXT[step], { ...draft, [step]: null }, m, facts);
      }
      const earlier = facts.previous?.[step];
      if (earlier && input.kind === 'text' && input.text.trim() === SAY.reuse) return at(NEXT[step], { ...draft, [step]: earlier }, m, facts);
      const answer = freeText(input);
      if (typeof answer !== 'string') return at(step, draft, m, facts, [answer]);
      return at(NEXT[step], { ...draft, [step]: answer }, m, facts);
    }
    case 'disbursed': {
      if (isSkip(input)) return at('confirm', { ...draft, disbursed: null }, m, facts);
      if (input.kind !== 'text') return at('disbursed', draft, m, facts, [text(SAY.badAmount)]);
      const amount = parseAmount(input.text);
      if (amount === null) return at('disbursed', draft, m, facts, [text(SAY.badAmount)]);
      if (amount > m.budget) return at('disbursed', draft, m, facts, [text(SAY.amountOverBudget(figuresOf(facts).baht(m.budget)))]);
      return at('confirm', { ...draft, disbursed: amount }, m, facts);
    }
    case 'confirm': {
      if (input.kind === 'text' && isConfirmWord(input.text)) return confirm(draft, m, facts);
      return at('confirm', draft, m, facts, [text(SAY.confirmHint)]);
    }
  }
}

/** Shows the current step again, e.g. after `ช่วยเหลือ` in the middle of a dialog. */
export function repeatPrompt(state: ReportState, facts: Facts): Message[] {
  const m = facts.measures.find((x) => x.id === state.data.measureId);
  return m ? [text(SAY.resume), promptFor(state.step, state.data, m, facts.previous, figuresOf(facts))] : [];
}

function confirm(draft: ReportDraft, m: MeasureView, facts: Facts): ReportOutcome {
  if (!draft.status || !draft.summary) return at(draft.status ? 'summary' : 'status', draft, m, facts);
  // A draft kept from before outcomes were required, or a crafted button, still cannot save a completion without one.
  if (draft.status === 'completed' && !draft.outcome) return at('outcome', draft, m, facts, [text(SAY.outcomeNeeded)]);
  const full = { ...draft, status: draft.status, summary: draft.summary };
  const { draftId: _, ...report } = full;
  return {
    replies: [savedCard(full, m, facts.now, facts.staff, figuresOf(facts))],
    state: null,
    effects: [{ type: 'saveReport', report }],
  };
}

function isSkip(input: DialogInput): boolean {
  return input.kind === 'text' && isSkipWord(input.text);
}

/** The text of a free-text answer, or the message explaining why the input is not one. */
function freeText(input: DialogInput): string | Message {
  if (input.kind !== 'text') return text(NEED_TEXT);
  const value = cleanFreeText(input.text);
  return typeof value === 'string' ? value : text(value.error);
}

export function isReportState(state: DialogState | null): state is ReportState {
  return state?.dialog === DIALOG;
}
