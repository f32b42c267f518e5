import { nameOf } from '../../domain/staff.js';
import type { Attachment } from '../../domain/attachments.js';
import type { MeasureView } from '../../domain/measures.js';
import { STATUS_COLOUR, STATUS_TH, type Status } from '../../domain/statuses.js';
import { figures, type Figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { renderTemplate } from '../../line/flex-template.js';
import { LINE_LIMITS } from '../../line/limits.js';
import { quickPostback, quickText, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { CANCEL_ACTIONS } from '../cancel/actions.js';
import { EVIDENCE_ACTIONS } from '../evidence/actions.js';
import { REPORT_ACTIONS } from './actions.js';

/** The officer's report being written, as the dialog keeps it and the cards show it. */
export interface ReportDraft {
  /** Ties confirm buttons to this draft, so a button left in the chat from an older draft cannot save this one. */
  draftId: string;
  measureId: string;
  status?: Status;
  reason?: string;
  summary?: string;
  outcome?: string | null;
  problems?: string | null;
  suggestions?: string | null;
  disbursed?: number | null;
  attachments: Attachment[];
}

/**
 * The typed answers as a card shows them. Each is cut short so that four answers of the longest allowed
 * length still fit LINE's size of a bubble; the stored report keeps them whole.
 */
function answers(draft: ReportDraft): Record<'reason' | 'summary' | 'outcome' | 'problems' | 'suggestions', string> {
  return {
    reason: truncate(draft.reason ?? '', 300),
    summary: truncate(draft.summary ?? '', 1_200),
    outcome: truncate(draft.outcome ?? '', 500),
    problems: truncate(draft.problems ?? '', 500),
    suggestions: truncate(draft.suggestions ?? '', 500),
  };
}

function describeAttachments(attachments: Attachment[], f: Figures): string {
  return attachments.length > 0 ? `${f.count(attachments.length)} ไฟล์` : '';
}

/** The draft laid out for a last look, with the confirm button tied to this draft. */
export function confirmCard(draft: ReportDraft, m: MeasureView, f: Figures = figures()): Message {
  const status = draft.status ?? 'in_progress';
  return {
    type: 'flex',
    altText: truncate(`ตรวจสอบก่อนบันทึก: ${m.code} ${STATUS_TH[status]}`, LINE_LIMITS.altText),
    contents: renderTemplate('report-confirm', {
      code: m.code,
      title: truncate(m.title, 300),
      statusLabel: STATUS_TH[status],
      statusColour: STATUS_COLOUR[status],
      ...answers(draft),
      disbursed: draft.disbursed == null ? '' : `${f.baht(draft.disbursed)} จากงบประมาณ ${f.baht(m.budget)}`,
      attachments: describeAttachments(draft.attachments, f),
      confirmPostback: postbackData(REPORT_ACTIONS.reportConfirm, { d: draft.draftId }),
      cancelPostback: postbackData(CANCEL_ACTIONS.cancel),
    }),
    quickReply: { items: [quickPostback('ยืนยันบันทึก', postbackData(REPORT_ACTIONS.reportConfirm, { d: draft.draftId })), quickText('ยกเลิก')] },
  };
}

/**
 * The button data that opens a stored report's evidence. The report is named by its measure and the moment
 * it was reported, because the card is made in the same step as the report and before its id exists.
 */
export function reportEvidencePostback(measureId: string, reportedAt: Date): string {
  return postbackData(EVIDENCE_ACTIONS.reportEvidence, { m: measureId, t: String(reportedAt.getTime()) });
}

/** The bubble the reporter sees once the update is stored. */
export function savedCard(
  draft: ReportDraft & { status: Status; summary: string },
  m: MeasureView,
  reportedAt: Date,
  reporter: { displayName: string; fullName?: string | null; unit: string | null },
  f: Figures = figures(),
): Message {
  return {
    type: 'flex',
    altText: truncate(`บันทึกแล้ว: ${m.code} ${STATUS_TH[draft.status]}`, LINE_LIMITS.altText),
    contents: renderTemplate('report-saved', {
      reportedAt: f.dateTime(reportedAt),
      code: m.code,
      title: truncate(m.title, 300),
      statusLabel: STATUS_TH[draft.status],
      statusColour: STATUS_COLOUR[draft.status],
      ...answers(draft),
      disbursed: draft.disbursed == null ? '' : f.baht(draft.disbursed),
      attachments: describeAttachments(draft.attachments, f),
      reporter: [nameOf(reporter) || 'เจ้าหน้าที่', reporter.unit].filter(Boolean).join(' · '),
      evidencePostback: draft.attachments.length > 0 ? reportEvidencePostback(m.id, reportedAt) : '',
    }),
  };
}
