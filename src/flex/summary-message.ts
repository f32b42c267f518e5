import type { messagingApi } from '@line/bot-sdk';
import type { ComplaintStats } from '../domain/complaints.js';
import { seesCorruptionCounts } from '../domain/corruption-privacy.js';
import { ROUND_TH } from '../domain/calendar.js';
import { ALL_UNITS, DIMENSIONS_TH, FAMILY_TH } from '../domain/measures.js';
import { STATUS_COLOUR, STATUS_TH } from '../domain/statuses.js';
import type { Summary, Tally } from '../domain/summary.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { postbackData } from '../line/postback.js';
import { renderTemplate, type TemplateVars } from '../line/flex-template.js';
import { SUMMARY_CARD_ACTIONS } from './actions.js';

/** The executive summary as flex: an overview bubble, then the breakdown by dimension and by unit. */

const barWidth = (n: number) => `${Math.max(0, Math.min(100, Math.round(n)))}%`;

function trendText(summary: Summary, f: Figures): string {
  const { percent, count } = f;
  const { previous, overall } = summary;
  const delta = Math.round((overall.implementationPercent - previous.overall.implementationPercent) * 100) / 100;
  const completed = overall.completed - previous.overall.completed;
  const since = f.date(previous.asOf);
  // The change in points, then where it started from: "from 0.00 %" is last month's level, not a change.
  const before = percent(previous.overall.implementationPercent);
  const direction = delta > 0 ? `เพิ่มขึ้น ${percent(delta)} จุด จากร้อยละ ${before}` : delta < 0 ? `ลดลง ${percent(-delta)} จุด จากร้อยละ ${before}` : `เท่าเดิมที่ร้อยละ ${before}`;
  return `แนวโน้มจาก ${since}: ${direction} · แล้วเสร็จเพิ่ม ${count(Math.max(0, completed))} รายการ`;
}

function breakdownRow(name: string, t: Tally, f: Figures): TemplateVars {
  const { percent, count } = f;
  return {
    name: truncate(name, 80),
    percent: percent(t.implementationPercent),
    width: barWidth(t.implementationPercent),
    colour: t.implementationPercent >= 70 ? '#1E9E4A' : t.implementationPercent >= 50 ? '#E0A800' : '#D93025',
    detail: `แล้วเสร็จ ${count(t.completed)} / ระหว่างดำเนินการ ${count(t.in_progress)} / ทั้งหมด ${count(t.total)}${t.budget > 0 ? ` · เบิกจ่ายร้อยละ ${percent(t.disbursementPercent)}` : ''}`,
  };
}

/** The button to the public page's charts, under the overview's own. */
function publicPageButton(url: string): messagingApi.FlexButton {
  return { type: 'button', style: 'secondary', height: 'sm', margin: 'sm', action: { type: 'uri', label: 'ดูแผนภูมิ', uri: url } };
}

/** `lateComplaints`: complaints past their 15 days that the overdue button also lists for this reader (executives). */
export function summaryMessage(
  summary: Summary,
  options: { heading: string; complaints?: string | null; publicPage?: string | null; lateComplaints?: number; figures?: Figures },
): messagingApi.FlexMessage {
  const f = options.figures ?? figures();
  const { percent, count } = f;
  const o = summary.overall;
  const statusRows = (['completed', 'in_progress', 'not_started', 'cannot_proceed'] as const).map((s) => ({
    label: STATUS_TH[s],
    count: count(o[s]),
    colour: STATUS_COLOUR[s],
  }));
  statusRows.push({ label: `${STATUS_TH.awaiting_report} (${ROUND_TH[summary.round.name]})`, count: count(o.awaiting_report), colour: STATUS_COLOUR.awaiting_report });
  statusRows.push({ label: 'รวมทั้งหมด', count: count(o.total), colour: '#1F3A5F' });

  const bubbles: messagingApi.FlexBubble[] = [
    renderTemplate('summary-overview', {
      heading: options.heading,
      fiscalYear: f.fiscalYear(summary.fiscalYear),
      asOf: f.date(summary.asOf),
      implementation: percent(o.implementationPercent),
      implementationWidth: barWidth(o.implementationPercent),
      level: summary.level,
      trend: trendText(summary, f),
      disbursement: percent(o.disbursementPercent),
      disbursementWidth: barWidth(o.disbursementPercent),
      disbursed: f.baht(o.disbursed),
      budget: f.baht(o.budget),
      statusRows,
      overdue: count(summary.overdue.length),
      stale: count(summary.stale.length),
      complaints: options.complaints ?? '',
      thresholds: `เกณฑ์ระดับ: ${summary.thresholds.map((t) => `${t.label} ≥ ${f.digits(t.min)}`).join(', ')} · ร้อยละ = (แล้วเสร็จ + ${f.digits('0.5')} × ระหว่างดำเนินการ) ÷ ทั้งหมด × ${f.digits(100)}`,
      // A red button to an empty list only alarms: it is there when something is overdue.
      overduePostback: summary.overdue.length + (options.lateComplaints ?? 0) > 0 ? postbackData(SUMMARY_CARD_ACTIONS.overdueList) : '',
    }),
  ];
  const overview = bubbles[0]!;
  if (options.publicPage) (overview.footer as messagingApi.FlexBox).contents.push(publicPageButton(options.publicPage));
  if ((overview.footer as messagingApi.FlexBox).contents.length === 0) delete overview.footer;
  if (summary.byFamily.length > 0) {
    bubbles.push(
      renderTemplate('summary-breakdown', {
        heading: 'แยกตามประเภท',
        rows: summary.byFamily.map(({ family, tally, level }) => ({ ...breakdownRow(FAMILY_TH[family], tally, f), percent: `${percent(tally.implementationPercent)} ${level}` })),
      }),
    );
  }
  if (summary.byDimension.length > 0) {
    bubbles.push(
      renderTemplate('summary-breakdown', {
        heading: 'แยกตามมิติของแผนปฏิบัติการป้องกันการทุจริต',
        rows: summary.byDimension.map(({ dimension, tally }) => breakdownRow(`มิติที่ ${f.digits(dimension)} ${DIMENSIONS_TH[dimension] ?? ''}`, tally, f)),
      }),
    );
  }
  // Units beyond 15 would crowd one bubble past LINE's size limit; they continue on the next bubble.
  const units = summary.byUnit.map(({ unit, tally }) => breakdownRow(unit === ALL_UNITS ? `${ALL_UNITS} (ร่วมกัน)` : unit, tally, f));
  for (let i = 0; i < units.length && bubbles.length < 12; i += 15) {
    bubbles.push(renderTemplate('summary-breakdown', { heading: 'แยกตามส่วนราชการ', rows: units.slice(i, i + 15) }));
  }
  return {
    type: 'flex',
    altText: truncate(
      [
        `${options.heading}: ภาพรวมร้อยละ ${percent(o.implementationPercent)} (ระดับ ${summary.level})`,
        ...summary.byFamily.map(({ family, tally, level }) => `${FAMILY_TH[family]} ร้อยละ ${percent(tally.implementationPercent)} (ระดับ ${level})`),
        `เบิกจ่ายร้อยละ ${percent(o.disbursementPercent)} · เกินกำหนด ${count(summary.overdue.length)} รายการ`,
      ].join(' · '),
      1_500,
    ),
    contents: { type: 'carousel', contents: bubbles },
  };
}

/**
 * The complaints line of the summary (counts only, never who complained); empty when there are none. An
 * audience that may not count corruption reports (the executives' group) reads general complaints only, so
 * nothing in its line moves when a corruption report comes in.
 */
export function complaintLine(s: ComplaintStats, audience: 'executives' | 'executive_group', f: Figures = figures()): string {
  const { count } = f;
  if (!seesCorruptionCounts(audience)) {
    const g = s.byKind.general;
    if (g.total === 0) return '';
    return `เรื่องร้องเรียนทั่วไปปีงบประมาณ ${f.fiscalYear(s.fiscalYear)}: ทั้งหมด ${count(g.total)} · เสร็จ ${count(g.completed)} · อยู่ระหว่างดำเนินการ ${count(g.inProgress)}${g.withdrawn > 0 ? ` · ผู้ร้องถอนเรื่อง ${count(g.withdrawn)}` : ''} · เกินกำหนด ${count(s.overdueByKind.general)}`;
  }
  if (s.all.total === 0) return '';
  return `เรื่องร้องเรียนปีงบประมาณ ${f.fiscalYear(s.fiscalYear)}: ทั้งหมด ${count(s.all.total)} (แจ้งเบาะแสการทุจริต ${count(s.byKind.corruption.total)}) · เสร็จ ${count(s.all.completed)} · อยู่ระหว่างดำเนินการ ${count(s.all.inProgress)}${s.all.withdrawn > 0 ? ` · ผู้ร้องถอนเรื่อง ${count(s.all.withdrawn)}` : ''} · เกินกำหนด ${count(s.overdue)}`;
}
