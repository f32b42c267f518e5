import type { messagingApi } from '@line/bot-sdk';
import type { Attachment } from '../domain/attachments.js';
import { FAMILY_TH, type MeasureView } from '../domain/measures.js';
import { STATUS_COLOUR, STATUS_TH, type Status } from '../domain/statuses.js';
import { formatBaht, formatThaiDate, formatThaiDateTime, formatThaiMonthYear, truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { quickPostback, quickText, type Message } from '../line/messages.js';
import { ACTION, postbackData } from '../line/postback.js';
import { renderTemplate } from './render.js';

/** What the officer's report cards show of a draft. */
export interface ReportCardDraft {
  draftId: string;
  status?: Status;
  reason?: string;
  summary?: string;
  problems?: string | null;
  disbursed?: number | null;
  attachments: Attachment[];
}

/** 10 measure cards and a "next page" card fit LINE's 12-bubble carousel with room to spare. */
export const PAGE_SIZE = 10;

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
    postback: postbackData(ACTION.reportPick, { m: m.id }),
    displayText: truncate(label, LINE_LIMITS.displayText),
  });
}

/** The officer's measures (at least one) as a carousel, PAGE_SIZE a page, with a card leading to the next page. */
export function measureCarousel(measures: MeasureView[], page: number): Message {
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
        postback: postbackData(ACTION.reportPage, { p: String(next) }),
      }),
    );
  }
  return {
    type: 'flex',
    altText: `มาตรการ/โครงการที่ท่านรับผิดชอบ ${measures.length} รายการ (หน้า ${current}/${pages})`,
    contents: { type: 'carousel', contents: bubbles },
  };
}

function describeAttachments(attachments: Attachment[]): string {
  return attachments.length > 0 ? `${attachments.length} ไฟล์` : '';
}

/** The draft laid out for a last look, with the confirm button tied to this draft. */
export function confirmCard(draft: ReportCardDraft, m: MeasureView): Message {
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
      confirmPostback: postbackData(ACTION.reportConfirm, { d: draft.draftId }),
      cancelPostback: postbackData(ACTION.cancel),
    }),
    quickReply: { items: [quickPostback('ยืนยันบันทึก', postbackData(ACTION.reportConfirm, { d: draft.draftId })), quickText('ยกเลิก')] },
  };
}

/** The bubble the reporter sees once the update is stored. */
export function savedCard(draft: ReportCardDraft & { status: Status; summary: string }, m: MeasureView, reportedAt: Date, reporter: { displayName: string; unit: string | null }): Message {
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
