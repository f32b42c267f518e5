import type { messagingApi } from '@line/bot-sdk';
import { asksForDisbursement, FAMILY_TH, type Family } from '../domain/measures.js';
import { CANNOT_PROCEED_REASONS_TH, isStatus, parseStatus, STATUS_COLOUR, STATUS_SHORT_TH, STATUS_TH, STATUSES, type Status } from '../domain/statuses.js';
import { formatBaht, formatThaiDate, formatThaiDateTime, formatThaiMonthYear, parseAmount, truncate } from '../domain/thai.js';
import { renderTemplate } from '../flex/render.js';
import { LINE_LIMITS } from '../line/limits.js';
import { parseCommand } from './commands.js';
import { cleanFreeText } from './free-text.js';
export { MAX_FREE_TEXT } from './free-text.js';
import { TEXT } from './texts.js';
import { postbackData, quickPostback, quickText, text, type DialogInput, type DialogState, type Message, type Outcome, type StaffFacts } from './types.js';

/**
 * The officer's progress report, as a pure state machine:
 * pick a measure → status → (reason, when it cannot proceed) → summary (+ evidence files) → problems
 * (skippable) → amount disbursed (plan projects with a budget; skippable) → confirm → saved.
 */
export const DIALOG = 'officer_report';

export const ACTIONS = {
  pick: 'rp.pick',
  page: 'rp.page',
  status: 'rp.status',
  confirm: 'rp.confirm',
  cancel: 'cancel',
} as const;

export interface MeasureView {
  id: string;
  code: string;
  title: string;
  family: Family;
  status: Status;
  periodText: string;
  periodStart: Date;
  periodEnd: Date;
  budget: number;
  disbursed: number;
  lastReportAt: Date | null;
}

export interface Attachment {
  kind: 'image' | 'video' | 'audio' | 'file';
  lineMessageId: string;
  fileName: string | null;
}

export interface ReportDraft {
  /** Ties confirm buttons to this draft, so a button left in the chat from an older draft cannot save this one. */
  draftId: string;
  measureId: string;
  status?: Status;
  reason?: string;
  summary?: string;
  problems?: string | null;
  disbursed?: number | null;
  attachments: Attachment[];
}

export type Step = 'status' | 'reason' | 'summary' | 'problems' | 'disbursed' | 'confirm';

export interface SaveReport {
  type: 'saveReport';
  measure: MeasureView;
  draft: Required<Pick<ReportDraft, 'status' | 'summary'>> & ReportDraft;
}

export interface StoreAttachment {
  type: 'storeAttachment';
  attachment: Attachment;
}

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
/** 10 measure cards and a "next page" card fit LINE's 12-bubble carousel with room to spare. */
export const PAGE_SIZE = 10;

type ReportState = DialogState<ReportDraft> & { step: Step };
type ReportOutcome = Outcome<ReportEffect>;

const cancelQuick = () => quickText('ยกเลิก');

/** One measure with a button that opens the report dialog on it (also used by reminders). */
export function measureCard(m: MeasureView): messagingApi.FlexBubble {
  const label = `รายงาน ${m.code}`;
  return renderTemplate('measure-card', {
    familyLabel: FAMILY_TH[m.family],
    code: m.code,
    title: truncate(m.title, 400),
    statusLabel: STATUS_TH[m.status],
    statusColour: STATUS_COLOUR[m.status],
    period: m.periodText || `${formatThaiMonthYear(m.periodStart)} – ${formatThaiMonthYear(new Date(m.periodEnd.getTime() - 1))}`,
    lastReport: m.lastReportAt ? formatThaiDate(m.lastReportAt) : 'ยังไม่เคยรายงาน',
    postback: postbackData(ACTIONS.pick, { m: m.id }),
    displayText: truncate(label, LINE_LIMITS.displayText),
  });
}

/** The officer's measures as a carousel, PAGE_SIZE a page, with a card leading to the next page. */
export function measureCarousel(measures: MeasureView[], page: number, unit: string | null): Message[] {
  if (measures.length === 0) return [text(TEXT.noMeasures(unit))];
  const pages = Math.ceil(measures.length / PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const slice = measures.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const bubbles = slice.map(measureCard);
  if (pages > 1) {
    const next = current < pages ? current + 1 : 1;
    bubbles.push(
      renderTemplate('more-card', {
        shown: `${(current - 1) * PAGE_SIZE + 1}–${(current - 1) * PAGE_SIZE + slice.length}`,
        total: measures.length,
        page: current,
        pages,
        buttonLabel: current < pages ? 'หน้าถัดไป' : 'กลับหน้าแรก',
        postback: postbackData(ACTIONS.page, { p: String(next) }),
      }),
    );
  }
  return [
    {
      type: 'flex',
      altText: `มาตรการ/โครงการที่ท่านรับผิดชอบ ${measures.length} รายการ (หน้า ${current}/${pages})`,
      contents: { type: 'carousel', contents: bubbles },
    },
  ];
}

function statusPrompt(m: MeasureView): Message {
  return text(
    TEXT.askStatus(m.code, truncate(m.title, 300)),
    [...STATUSES.map((s) => quickPostback(STATUS_SHORT_TH[s], postbackData(ACTIONS.status, { s }), STATUS_TH[s])), cancelQuick()],
  );
}

function promptFor(step: Step, draft: ReportDraft, m: MeasureView): Message {
  switch (step) {
    case 'status':
      return statusPrompt(m);
    case 'reason':
      return text(TEXT.askReason, [...CANNOT_PROCEED_REASONS_TH.map((r) => quickText(r.label, r.text)), cancelQuick()]);
    case 'summary':
      return text(TEXT.askSummary, [cancelQuick()]);
    case 'problems':
      return text(TEXT.askProblems, [quickText('ข้าม'), cancelQuick()]);
    case 'disbursed':
      return text(TEXT.askDisbursed(formatBaht(m.budget)), [quickText('ข้าม'), cancelQuick()]);
    case 'confirm':
      return confirmCard(draft, m);
  }
}

function describeAttachments(attachments: Attachment[]): string {
  return attachments.length > 0 ? `${attachments.length} ไฟล์` : '';
}

function confirmCard(draft: ReportDraft, m: MeasureView): Message {
  const status = draft.status ?? 'in_progress';
  return {
    type: 'flex',
    altText: truncate(`ตรวจสอบก่อนบันทึก: ${m.code} ${STATUS_TH[status]}`, LINE_LIMITS.altText),
    contents: renderTemplate('report-confirm', {
      code: m.code,
      title: truncate(m.title, 300),
      statusLabel: STATUS_TH[status],
      statusColour: STATUS_COLOUR[status],
      reason: draft.reason ?? '',
      summary: draft.summary ?? '',
      problems: draft.problems ?? '',
      disbursed: draft.disbursed == null ? '' : `${formatBaht(draft.disbursed)} จากงบประมาณ ${formatBaht(m.budget)}`,
      attachments: describeAttachments(draft.attachments),
      confirmPostback: postbackData(ACTIONS.confirm, { d: draft.draftId }),
      cancelPostback: postbackData(ACTIONS.cancel),
    }),
    quickReply: { items: [quickPostback('ยืนยันบันทึก', postbackData(ACTIONS.confirm, { d: draft.draftId })), cancelQuick()] },
  };
}

/** The bubble the reporter sees once the update is stored. */
export function savedCard(draft: SaveReport['draft'], m: MeasureView, reportedAt: Date, reporter: StaffFacts): Message {
  return {
    type: 'flex',
    altText: truncate(`บันทึกแล้ว: ${m.code} ${STATUS_TH[draft.status]}`, LINE_LIMITS.altText),
    contents: renderTemplate('report-saved', {
      reportedAt: formatThaiDateTime(reportedAt),
      code: m.code,
      title: truncate(m.title, 300),
      statusLabel: STATUS_TH[draft.status],
      statusColour: STATUS_COLOUR[draft.status],
      reason: draft.reason ?? '',
      summary: draft.summary,
      problems: draft.problems ?? '',
      disbursed: draft.disbursed == null ? '' : formatBaht(draft.disbursed),
      attachments: describeAttachments(draft.attachments),
      reporter: [reporter.displayName || 'เจ้าหน้าที่', reporter.unit].filter(Boolean).join(' · '),
    }),
  };
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
  if (!m) return { replies: [text(TEXT.measureNotFound)], state: null };
  return at('status', { draftId: facts.eventId, measureId: m.id, attachments: [] }, m);
}

/** Handles one input while the dialog is open. Global commands (cancel, help, report) are handled before this. */
export function continueReport(state: ReportState, input: DialogInput, facts: Facts): ReportOutcome {
  const draft = state.data;
  const m = facts.measures.find((x) => x.id === draft.measureId);
  if (!m) return { replies: [text(TEXT.measureNotFound)], state: null };

  if (input.kind === 'postback' && input.action === ACTIONS.confirm) {
    if (input.params.d !== draft.draftId || state.step !== 'confirm') return { replies: [text(TEXT.staleButton)] };
    return confirm(draft, m, facts);
  }

  switch (state.step) {
    case 'status': {
      const chosen =
        input.kind === 'postback' && input.action === ACTIONS.status && isStatus(input.params.s)
          ? input.params.s
          : input.kind === 'text'
            ? parseStatus(input.text)
            : null;
      if (!chosen) return at('status', draft, m, [text(TEXT.badStatus)]);
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
        if (draft.attachments.length >= MAX_ATTACHMENTS) return at('summary', draft, m, [text(`แนบหลักฐานได้ไม่เกิน ${MAX_ATTACHMENTS} ไฟล์`)]);
        const attachment: Attachment = { kind: input.mediaKind, lineMessageId: input.messageId, fileName: input.fileName };
        const attachments = [...draft.attachments, attachment];
        return {
          replies: [text(TEXT.attachmentAdded(attachments.length), [cancelQuick()])],
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
      if (input.kind !== 'text') return at('disbursed', draft, m, [text(TEXT.badAmount)]);
      const amount = parseAmount(input.text);
      if (amount === null) return at('disbursed', draft, m, [text(TEXT.badAmount)]);
      if (amount > m.budget) return at('disbursed', draft, m, [text(TEXT.amountOverBudget(formatBaht(m.budget)))]);
      return at('confirm', { ...draft, disbursed: amount }, m);
    }
    case 'confirm': {
      if (input.kind === 'text' && parseCommand(input.text)?.kind === 'confirm') return confirm(draft, m, facts);
      return at('confirm', draft, m, [text(TEXT.confirmHint)]);
    }
  }
}

/** Shows the current step again, e.g. after `ช่วยเหลือ` in the middle of a dialog. */
export function repeatPrompt(state: ReportState, facts: Facts): Message[] {
  const m = facts.measures.find((x) => x.id === state.data.measureId);
  return m ? [text(TEXT.resume), promptFor(state.step, state.data, m)] : [];
}

function confirm(draft: ReportDraft, m: MeasureView, facts: Facts): ReportOutcome {
  if (!draft.status || !draft.summary) return at(draft.status ? 'summary' : 'status', draft, m);
  const full = { ...draft, status: draft.status, summary: draft.summary };
  return {
    replies: [savedCard(full, m, facts.now, facts.staff)],
    state: null,
    effects: [{ type: 'saveReport', measure: m, draft: full }],
  };
}

function isSkip(input: DialogInput): boolean {
  return input.kind === 'text' && parseCommand(input.text)?.kind === 'skip';
}

/** The text of a free-text answer, or the message explaining why the input is not one. */
function freeText(input: DialogInput): string | Message {
  if (input.kind !== 'text') return text(TEXT.needText);
  const value = cleanFreeText(input.text);
  return typeof value === 'string' ? value : text(value.error);
}

export function isReportState(state: DialogState | null): state is ReportState {
  return state?.dialog === DIALOG;
}
