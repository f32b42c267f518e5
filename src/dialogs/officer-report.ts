import { asksForDisbursement, type MeasureView } from '../domain/measures.js';
import type { Attachment } from '../domain/attachments.js';
import type { NewProgressReport } from '../domain/progress.js';
import type { StaffFacts } from '../domain/staff.js';
import type { DialogState } from '../domain/dialog-state.js';
import { CANNOT_PROCEED_REASONS_TH, isStatus, parseStatus, STATUS_SHORT_TH, STATUS_TH, STATUSES } from '../domain/statuses.js';
import { formatBaht, parseAmount, truncate } from '../domain/thai.js';
import { confirmCard, savedCard, type ReportDraft } from './report-cards.js';
import { quickPostback, quickText, text, type Message } from '../line/messages.js';
import { ACTION, postbackData } from '../line/postback.js';
import { cleanFreeText, NEED_TEXT } from './free-text.js';
import { isConfirmWord, isSkipWord } from './words.js';
import type { DialogInput, Outcome, StoreAttachment } from './types.js';

/**
 * The officer's progress report, as a pure state machine:
 * pick a measure → status → (reason, when it cannot proceed) → summary (+ evidence files) → problems
 * (skippable) → amount disbursed (plan projects with a budget; skippable) → confirm → saved.
 */
export const DIALOG = 'officer_report';

const SAY = {
  measureNotFound: 'ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ พิมพ์ "รายงาน" เพื่อเลือกใหม่',
  askStatus: (code: string, title: string) => `${code} ${title}\n\nเลือกสถานะการดำเนินงานปัจจุบัน`,
  askReason: 'ระบุเหตุผลที่ไม่สามารถดำเนินการได้ เลือกจากปุ่มด้านล่าง หรือพิมพ์เหตุผลเอง',
  askSummary: 'พิมพ์สรุปผลการดำเนินงาน (ทำอะไรไปแล้ว เมื่อไร ได้ผลอย่างไร)\nแนบรูปภาพหรือไฟล์หลักฐานได้ก่อนพิมพ์สรุป',
  attachmentAdded: (count: number) => `แนบหลักฐานแล้ว ${count} รายการ พิมพ์สรุปผลการดำเนินงานต่อได้เลย`,
  tooManyAttachments: (max: number) => `แนบหลักฐานได้ไม่เกิน ${max} ไฟล์`,
  askProblems: 'มีปัญหาอุปสรรคหรือข้อเสนอแนะหรือไม่? พิมพ์ได้เลย หรือกด "ข้าม"',
  askDisbursed: (budget: string) => `ยอดเบิกจ่ายสะสมถึงวันนี้กี่บาท? (งบประมาณ ${budget} บาท)\nพิมพ์ตัวเลข หรือกด "ข้าม" หากยังไม่ทราบ`,
  badAmount: 'กรุณาพิมพ์จำนวนเงินเป็นตัวเลข เช่น 15000 หรือ 15,000 หรือกด "ข้าม"',
  amountOverBudget: (budget: string) => `ยอดเบิกจ่ายต้องไม่เกินงบประมาณ ${budget} บาท กรุณาตรวจสอบอีกครั้ง`,
  badStatus: 'กรุณาเลือกสถานะจากปุ่มด้านล่าง',
  confirmHint: 'กด "ยืนยันบันทึก" เพื่อบันทึก หรือ "ยกเลิก" เพื่อยกเลิก',
  staleButton: 'ปุ่มนี้เป็นของรายการเก่า กรุณาใช้ปุ่มของรายการล่าสุด หรือพิมพ์ "รายงาน" เพื่อเริ่มใหม่',
  resume: 'ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก',
} as const;


export type Step = 'status' | 'reason' | 'summary' | 'problems' | 'disbursed' | 'confirm';

export type SaveReport = { type: 'saveReport'; report: NewProgressReport };
export type ReportEffect = SaveReport | StoreAttachment;

export interface Facts {
  now: Date;
  staff: StaffFacts;
  /** Measures this officer answers for, in display order: all of them, or the one the step is about. */
  measures: MeasureView[];
  /** Identifies the event being handled; used as a new draft's id. */
  eventId: string;
}

const MAX_ATTACHMENTS = 10;

type ReportState = DialogState<ReportDraft> & { step: Step };
type ReportOutcome = Outcome<ReportEffect>;

const cancelQuick = () => quickText('ยกเลิก');

function statusPrompt(m: MeasureView): Message {
  return text(
    SAY.askStatus(m.code, truncate(m.title, 300)),
    [...STATUSES.map((s) => quickPostback(STATUS_SHORT_TH[s], postbackData(ACTION.reportStatus, { s }), STATUS_TH[s])), cancelQuick()],
  );
}

function promptFor(step: Step, draft: ReportDraft, m: MeasureView): Message {
  switch (step) {
    case 'status':
      return statusPrompt(m);
    case 'reason':
      return text(SAY.askReason, [...CANNOT_PROCEED_REASONS_TH.map((r) => quickText(r.label, r.text)), cancelQuick()]);
    case 'summary':
      return text(SAY.askSummary, [cancelQuick()]);
    case 'problems':
      return text(SAY.askProblems, [quickText('ข้าม'), cancelQuick()]);
    case 'disbursed':
      return text(SAY.askDisbursed(formatBaht(m.budget)), [quickText('ข้าม'), cancelQuick()]);
    case 'confirm':
      return confirmCard(draft, m);
  }
}

function at(step: Step, draft: ReportDraft, m: MeasureView, before: Message[] = []): ReportOutcome {
  return { replies: [...before, promptFor(step, draft, m)], state: { dialog: DIALOG, step, data: draft } };
}

function afterSummaryStep(draft: ReportDraft, m: MeasureView): ReportOutcome {
  return at('problems', draft, m);
}

function afterProblemsStep(draft: ReportDraft, m: MeasureView): ReportOutcome {
  return asksForDisbursement(m) ? at('disbursed', draft, m) : at('confirm', draft, m);
}

/** Starts a report on a measure chosen from the carousel (or from a reminder's button). */
export function pickMeasure(measureId: string, facts: Facts): ReportOutcome {
  const m = facts.measures.find((x) => x.id === measureId);
  if (!m) return { replies: [text(SAY.measureNotFound)], state: null };
  return at('status', { draftId: facts.eventId, measureId: m.id, attachments: [] }, m);
}

/** Handles one input while the dialog is open. Global commands (cancel, help, report) are handled before this. */
export function continueReport(state: ReportState, input: DialogInput, facts: Facts): ReportOutcome {
  const draft = state.data;
  const m = facts.measures.find((x) => x.id === draft.measureId);
  if (!m) return { replies: [text(SAY.measureNotFound)], state: null };

  if (input.kind === 'postback' && input.action === ACTION.reportConfirm) {
    if (input.params.d !== draft.draftId || state.step !== 'confirm') return { replies: [text(SAY.staleButton)] };
    return confirm(draft, m, facts);
  }

  switch (state.step) {
    case 'status': {
      const chosen =
        input.kind === 'postback' && input.action === ACTION.reportStatus && isStatus(input.params.s)
          ? input.params.s
          : input.kind === 'text'
            ? parseStatus(input.text)
            : null;
      if (!chosen) return at('status', draft, m, [text(SAY.badStatus)]);
      const next: ReportDraft = { ...draft, status: chosen, reason: undefined };
      return chosen === 'cannot_proceed' ? at('reason', next, m) : at('summary', next, m);
    }
    case 'reason': {
      const answer = freeText(input);
      if (typeof answer !== 'string') return at('reason', draft, m, [answer]);
      return at('summary', { ...draft, reason: answer }, m);
    }
    case 'summary': {
      if (input.kind === 'media') {
        if (draft.attachments.length >= MAX_ATTACHMENTS) return at('summary', draft, m, [text(SAY.tooManyAttachments(MAX_ATTACHMENTS))]);
        const attachment: Attachment = { kind: input.mediaKind, lineMessageId: input.messageId, fileName: input.fileName };
        const attachments = [...draft.attachments, attachment];
        return {
          replies: [text(SAY.attachmentAdded(attachments.length), [cancelQuick()])],
          state: { dialog: DIALOG, step: 'summary', data: { ...draft, attachments } },
          effects: [{ type: 'storeAttachment', attachment }],
        };
      }
      const answer = freeText(input);
      if (typeof answer !== 'string') return at('summary', draft, m, [answer]);
      return afterSummaryStep({ ...draft, summary: answer }, m);
    }
    case 'problems': {
      if (isSkip(input)) return afterProblemsStep({ ...draft, problems: null }, m);
      const answer = freeText(input);
      if (typeof answer !== 'string') return at('problems', draft, m, [answer]);
      return afterProblemsStep({ ...draft, problems: answer }, m);
    }
    case 'disbursed': {
      if (isSkip(input)) return at('confirm', { ...draft, disbursed: null }, m);
      if (input.kind !== 'text') return at('disbursed', draft, m, [text(SAY.badAmount)]);
      const amount = parseAmount(input.text);
      if (amount === null) return at('disbursed', draft, m, [text(SAY.badAmount)]);
      if (amount > m.budget) return at('disbursed', draft, m, [text(SAY.amountOverBudget(formatBaht(m.budget)))]);
      return at('confirm', { ...draft, disbursed: amount }, m);
    }
    case 'confirm': {
      if (input.kind === 'text' && isConfirmWord(input.text)) return confirm(draft, m, facts);
      return at('confirm', draft, m, [text(SAY.confirmHint)]);
    }
  }
}

/** Shows the current step again, e.g. after `ช่วยเหลือ` in the middle of a dialog. */
export function repeatPrompt(state: ReportState, facts: Facts): Message[] {
  const m = facts.measures.find((x) => x.id === state.data.measureId);
  return m ? [text(SAY.resume), promptFor(state.step, state.data, m)] : [];
}

function confirm(draft: ReportDraft, m: MeasureView, facts: Facts): ReportOutcome {
  if (!draft.status || !draft.summary) return at(draft.status ? 'summary' : 'status', draft, m);
  const full = { ...draft, status: draft.status, summary: draft.summary };
  const { draftId: _, ...report } = full;
  return {
    replies: [savedCard(full, m, facts.now, facts.staff)],
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
