import type { messagingApi } from '@line/bot-sdk';
import { DIMENSIONS_TH, FAMILY_TH, numberedSteps, type MeasureView } from '../domain/measures.js';
import type { PastReport } from '../domain/progress.js';
import { STATUS_COLOUR, STATUS_TH } from '../domain/statuses.js';
import { formatBaht, formatThaiDate, formatThaiMonthYear, truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { renderTemplate } from '../line/flex-template.js';
import { text, type Message, type QuickReply } from '../line/messages.js';
import { ACTION, postbackData } from '../line/postback.js';

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
    briefPostback: postbackData(ACTION.reportBrief, { m: m.id }),
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

/**
 * Everything someone taking over an item needs on one page: what it is, who answers for it, how it is
 * done, and what the last three reports said and who wrote them (projects stall when an officer leaves).
 */
export function measureBrief(m: MeasureView, reports: PastReport[], actions: QuickReply[]): Message {
  const lines = [`${m.code} ${truncate(m.title, 400)}`, FAMILY_TH[m.family]];
  if (m.dimension) lines.push(`มิติที่ ${m.dimension} ${DIMENSIONS_TH[m.dimension] ?? ''}`.trim());
  lines.push(`สถานะ: ${STATUS_TH[m.status]}`, `ผู้รับผิดชอบ: ${m.responsibleUnits.join(', ') || '-'}`, `ระยะเวลา: ${m.periodText || `${formatThaiMonthYear(m.periodStart)} – ${formatThaiMonthYear(new Date(m.periodEnd.getTime() - 1))}`}`);
  if (m.budget > 0) lines.push(`งบประมาณ ${formatBaht(m.budget)} บาท เบิกจ่ายแล้ว ${formatBaht(m.disbursed)} บาท`);
  if (m.guideline) lines.push('', `แนวทาง: ${truncate(m.guideline, 600)}`);
  const steps = numberedSteps(m.methodSteps);
  if (steps.length > 0) lines.push('', 'วิธีดำเนินการ', ...steps.slice(0, 15).map((step) => truncate(step, 300)));
  lines.push('', reports.length > 0 ? 'รายงานล่าสุด' : 'ยังไม่เคยรายงาน');
  for (const r of reports) {
    const who = [r.reporterName || 'เจ้าหน้าที่', r.reporterUnit].filter(Boolean).join(' ');
    lines.push(`• ${formatThaiDate(r.reportedAt)} ${who}: ${STATUS_TH[r.status]}`, `  ${truncate(r.summary, 400)}`);
    if (r.outcome) lines.push(`  ผลลัพธ์: ${truncate(r.outcome, 300)}`);
  }
  return text(truncate(lines.join('\n'), LINE_LIMITS.textLength), actions);
}
