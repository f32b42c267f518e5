import type { messagingApi } from '@line/bot-sdk';
import { DIMENSIONS_TH, FAMILY_TH, numberedSteps, type MeasureView } from '../domain/measures.js';
import type { PastReport } from '../domain/progress.js';
import { STATUS_COLOUR, STATUS_TH } from '../domain/statuses.js';
import { isOverdue } from '../domain/summary.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { renderTemplate } from '../line/flex-template.js';
import { quickPostback, quickText, text, type Message, type QuickReply } from '../line/messages.js';
import { postbackData } from '../line/postback.js';
import { REPORT_CARD_ACTIONS } from './actions.js';

/** 10 measure cards and a "next page" card fit LINE's 12-bubble carousel with room to spare. */
export const PAGE_SIZE = 10;

/** One measure with a button that opens the report dialog on it (also used by reminders). */
export function measureCard(m: MeasureView, f: Figures = figures()): messagingApi.FlexBubble {
  return card(m, false, f);
}

/** The item's period as its plan words it, or its months. */
function periodOf(m: MeasureView, f: Figures): string {
  return m.periodText || `${f.monthYear(m.periodStart)} – ${f.monthYear(new Date(m.periodEnd.getTime() - 1))}`;
}

/** The card, marked when the item is overdue. */
function card(m: MeasureView, overdue: boolean, f: Figures): messagingApi.FlexBubble {
  const label = `รายงาน ${m.code}`;
  return renderTemplate('measure-card', {
    familyLabel: FAMILY_TH[m.family],
    code: m.code,
    overdue: overdue ? 'เกินกำหนดแล้ว' : null,
    title: truncate(m.title, 400),
    statusLabel: STATUS_TH[m.status],
    statusColour: STATUS_COLOUR[m.status],
    period: periodOf(m, f),
    lastReport: m.lastReportAt ? f.date(m.lastReportAt) : 'ยังไม่เคยรายงาน',
    postback: postbackData(REPORT_CARD_ACTIONS.reportPick, { m: m.id }),
    briefPostback: postbackData(REPORT_CARD_ACTIONS.reportBrief, { m: m.id }),
    displayText: truncate(label, LINE_LIMITS.displayText),
  });
}

/** Which of an officer's items a carousel shows: those still to report on, or those completed. */
export type ListView = 'due' | 'done';

export const SEE_DONE = 'ดูรายการที่เสร็จแล้ว';

const LIST_NAME: Record<ListView, string> = { due: 'รายการที่ต้องรายงาน', done: 'รายการที่ดำเนินการแล้วเสร็จ' };

/** The button that lists the completed items, shown wherever the list of items to report on ends. */
export const seeDonePostback = () => postbackData(REPORT_CARD_ACTIONS.reportPage, { v: 'done', p: '1' });

/**
 * One page of an officer's items (at least one), PAGE_SIZE a page. The last card leads to the next page
 * and, on the list of items still to report on, to the completed ones (`doneCount` of them), so those
 * never stand between an officer and the work still open. Given `now`, overdue items are marked.
 */
export function measureCarousel(measures: MeasureView[], page: number, view: ListView = 'due', doneCount = 0, now?: Date, f: Figures = figures()): Message {
  const pages = Math.ceil(measures.length / PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const slice = measures.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const bubbles = slice.map((m) => card(m, !!now && isOverdue(m, now), f));
  const done = view === 'due' && doneCount > 0;
  if (pages > 1 || done) {
    const next = current < pages ? current + 1 : 1;
    bubbles.push(
      renderTemplate('more-card', {
        shown: `${f.count((current - 1) * PAGE_SIZE + 1)}–${f.count((current - 1) * PAGE_SIZE + slice.length)}`,
        total: f.count(measures.length),
        page: f.count(current),
        pages: pages > 1 ? f.count(pages) : null,
        buttonLabel: current < pages ? 'หน้าถัดไป' : 'กลับหน้าแรก',
        postback: pages > 1 ? postbackData(REPORT_CARD_ACTIONS.reportPage, { ...(view === 'done' ? { v: 'done' } : {}), p: String(next) }) : null,
        doneCount: done ? f.count(doneCount) : null,
        donePostback: done ? seeDonePostback() : null,
      }),
    );
  }
  const quickReply = done ? [quickPostback(SEE_DONE, seeDonePostback(), SEE_DONE)] : view === 'done' ? [quickText(LIST_NAME.due, 'รายงาน')] : [];
  return {
    type: 'flex',
    altText: `${LIST_NAME[view]} ${f.count(measures.length)} รายการ (หน้า ${f.count(current)}/${f.count(pages)})`,
    contents: { type: 'carousel', contents: bubbles },
    ...(quickReply.length > 0 ? { quickReply: { items: quickReply } } : {}),
  };
}

/** Items offered for the words an officer typed: their cards, and each as a quick reply that opens it. */
export function matchCarousel(measures: MeasureView[], now?: Date, f: Figures = figures()): Message {
  return {
    type: 'flex',
    altText: truncate(`รายการที่ใกล้เคียง: ${measures.map((m) => m.code).join(', ')}`, LINE_LIMITS.altText),
    contents: { type: 'carousel', contents: measures.slice(0, PAGE_SIZE).map((m) => card(m, !!now && isOverdue(m, now), f)) },
    quickReply: { items: measures.slice(0, PAGE_SIZE).map((m) => quickText(truncate(`รายงาน ${m.code}`, LINE_LIMITS.quickReplyLabel), `รายงาน ${m.code}`)) },
  };
}

/**
 * Everything someone taking over an item needs on one page: what it is, who answers for it, how it is
 * done, and what the last three reports said and who wrote them (projects stall when an officer leaves).
 */
export function measureBrief(m: MeasureView, reports: PastReport[], actions: QuickReply[], f: Figures = figures()): Message {
  const lines = [`${m.code} ${truncate(m.title, 400)}`, FAMILY_TH[m.family]];
  if (m.dimension) lines.push(`มิติที่ ${f.digits(m.dimension)} ${DIMENSIONS_TH[m.dimension] ?? ''}`.trim());
  lines.push(`สถานะ: ${STATUS_TH[m.status]}`, `ผู้รับผิดชอบ: ${m.responsibleUnits.join(', ') || '-'}`, `ระยะเวลา: ${periodOf(m, f)}`);
  if (m.budget > 0) lines.push(`งบประมาณ ${f.baht(m.budget)} บาท เบิกจ่ายแล้ว ${f.baht(m.disbursed)} บาท`);
  if (m.guideline) lines.push('', `แนวทาง: ${truncate(m.guideline, 600)}`);
  const steps = numberedSteps(m.methodSteps, f.digits);
  if (steps.length > 0) lines.push('', 'วิธีดำเนินการ', ...steps.slice(0, 15).map((step) => truncate(step, 300)));
  lines.push('', reports.length > 0 ? 'รายงานล่าสุด' : 'ยังไม่เคยรายงาน');
  for (const r of reports) {
    const who = [r.reporterName || 'เจ้าหน้าที่', r.reporterUnit].filter(Boolean).join(' ');
    lines.push(`• ${f.date(r.reportedAt)} ${who}: ${STATUS_TH[r.status]}`, `  ${truncate(r.summary, 400)}`);
    if (r.outcome) lines.push(`  ผลลัพธ์: ${truncate(r.outcome, 300)}`);
  }
  return text(truncate(lines.join('\n'), LINE_LIMITS.textLength), actions);
}
