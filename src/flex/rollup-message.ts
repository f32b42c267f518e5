import type { messagingApi } from '@line/bot-sdk';
import { ROUND_TH } from '../domain/calendar.js';
import { attentionText, oitAnsweredPercent, oitApprovedPercent, onTimePercent, scopeTh, type Rollup } from '../domain/rollup.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { renderTemplate } from '../line/flex-template.js';

/** The roll-up of a supervising office as one flex bubble: key figures, then who needs attention. */

const barWidth = (n: number) => `${Math.max(0, Math.min(100, Math.round(n)))}%`;

/** Shown in the bubble; the XLSX has every organisation. */
export const ATTENTION_SHOWN = 8;
const NOT_REPORTED_NAMED = 30;

/** "ยังไม่รายงาน (n แห่ง): ก, ข, … และอีก m แห่ง" — names, never more than fits a bubble. */
export function notReportedText(rollup: Rollup, named = NOT_REPORTED_NAMED, { count }: Figures = figures()): string {
  const list = rollup.notReported;
  if (list.length === 0) return '';
  const names = list.slice(0, named).map((r) => r.name).join(', ');
  const rest = list.length - Math.min(named, list.length);
  return `ยังไม่รายงานในรอบนี้ (${count(list.length)} แห่ง): ${names}${rest > 0 ? ` และอีก ${count(rest)} แห่ง` : ''}`;
}

export function rollupMessage(rollup: Rollup, heading = `ภาพรวม${scopeTh(rollup.scope)}`, f: Figures = figures()): messagingApi.FlexMessage {
  const { percent, count } = f;
  const { totals } = rollup;
  const t = totals.tally;
  const shown = rollup.attention.slice(0, ATTENTION_SHOWN);
  const bubble = renderTemplate('rollup-overview', {
    heading: truncate(heading, 120),
    round: ROUND_TH[rollup.round.name],
    asOf: f.date(rollup.asOf),
    organisations: count(totals.organisations),
    reported: count(totals.reported),
    implementation: percent(t.implementationPercent),
    implementationWidth: barWidth(t.implementationPercent),
    level: totals.level,
    items: `ทุกแห่งรวม ${count(t.total)} รายการ: แล้วเสร็จ ${count(t.completed)} · ระหว่างดำเนินการ ${count(t.in_progress)} · รอรายงาน ${count(t.awaiting_report)}`,
    figures: [
      { label: 'การเบิกจ่าย (ร้อยละ)', value: percent(t.disbursementPercent) },
      { label: 'งบประมาณ / เบิกจ่าย (บาท)', value: `${f.baht(t.budget)} / ${f.baht(t.disbursed)}` },
      { label: 'รายการเกินกำหนด', value: count(totals.overdue) },
      { label: `ตอบเรื่องร้องเรียนภายใน ${f.digits(15)} วัน (ร้อยละ)`, value: percent(onTimePercent(totals.complaints)) },
      { label: 'OIT ตอบแล้ว / ผ่านการตรวจ (ร้อยละ)', value: `${percent(oitAnsweredPercent(totals.oit))} / ${percent(oitApprovedPercent(totals.oit))}` },
    ],
    attentionTitle: shown.length > 0 ? `ต้องติดตาม ${count(rollup.attention.length)} แห่ง` : '',
    attention: shown.map((r) => ({ name: truncate(r.name, 80), why: f.digits(attentionText(r)) })),
    more: rollup.attention.length > shown.length ? `และอีก ${count(rollup.attention.length - shown.length)} แห่ง ดูทั้งหมดในไฟล์ Excel` : '',
    notReported: notReportedText(rollup, NOT_REPORTED_NAMED, f),
  });
  return { type: 'flex', altText: truncate(`${heading}: ระดับการดำเนินการร้อยละ ${percent(t.implementationPercent)} รายงานแล้ว ${count(totals.reported)} จาก ${count(totals.organisations)} แห่ง`, 400), contents: bubble };
}
