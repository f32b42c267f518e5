import { ROUND_TH } from '../../domain/calendar.js';
import { measureCounts, overdueByUnit, type Group } from '../../domain/executive-groups.js';
import { STATUS_COLOUR, STATUS_TH } from '../../domain/statuses.js';
import type { Summary, SummaryMeasure } from '../../domain/summary.js';
import { figures, type Figures } from '../../domain/figures.js';
import { truncate } from '../../domain/thai.js';
import { text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { COLOURS, groupCarousel, listText, shownGroupCount, type CardGroup } from '../../flex/group-cards.js';
import { SUMMARY_ACTIONS } from './actions.js';

/**
 * The summary's "overdue" button: measures whose period is over and that are not completed, as one card a
 * responsible unit with its counts and a button to that unit's list.
 */
const NO_OVERDUE = 'ไม่มีมาตรการหรือโครงการที่เกินกำหนดแล้วยังไม่เสร็จ';
/** The overview comes first; unit cards fill the rest of the carousel. */
const LEADING = 1;

function unitCard(group: Group<SummaryMeasure>, summary: Summary, f: Figures): CardGroup {
  const c = measureCounts(group.items, summary.round);
  return {
    name: group.name,
    note: `เกินกำหนดแล้วยังไม่เสร็จ ${f.count(c.total)} รายการ`,
    rows: [
      { label: STATUS_TH.not_started, count: c.not_started, colour: STATUS_COLOUR.not_started },
      { label: STATUS_TH.in_progress, count: c.in_progress, colour: STATUS_COLOUR.in_progress },
      { label: STATUS_TH.cannot_proceed, count: c.cannot_proceed, colour: STATUS_COLOUR.cannot_proceed },
      { label: `${STATUS_TH.awaiting_report} (${ROUND_TH[summary.round.name]})`, count: c.awaiting_report, colour: STATUS_COLOUR.awaiting_report },
    ],
    button: { label: 'ดูรายการ', postback: postbackData(SUMMARY_ACTIONS.overdueUnit, { u: group.key }) },
    size: group.items.length,
  };
}

export function overdueCards(summary: Summary, f: Figures = figures()): Message {
  if (summary.overdue.length === 0) return text(NO_OVERDUE);
  const groups = overdueByUnit(summary.overdue);
  const c = measureCounts(summary.overdue, summary.round);
  const asOf = f.date(summary.asOf);
  return groupCarousel({
    figures: f,
    altText: `เกินกำหนดแล้วยังไม่เสร็จ ${f.count(summary.overdue.length)} รายการ ใน ${f.count(groups.length)} หน่วยงาน: ${groups.map((g) => `${g.name} ${f.count(g.items.length)}`).join(', ')}`,
    overview: {
      name: 'รายการที่เกินกำหนดแล้วยังไม่เสร็จ',
      note: `ข้อมูล ณ ${asOf} · ${f.count(groups.length)} หน่วยงาน`,
      rows: [
        { label: 'เกินกำหนดทั้งหมด', count: c.total, colour: COLOURS.red },
        { label: STATUS_TH.not_started, count: c.not_started, colour: STATUS_COLOUR.not_started },
        { label: STATUS_TH.in_progress, count: c.in_progress, colour: STATUS_COLOUR.in_progress },
        { label: STATUS_TH.cannot_proceed, count: c.cannot_proceed, colour: STATUS_COLOUR.cannot_proceed },
        { label: `${STATUS_TH.awaiting_report} (${ROUND_TH[summary.round.name]})`, count: c.awaiting_report, colour: STATUS_COLOUR.awaiting_report },
      ],
      footnote: 'รายการที่หลายหน่วยงานรับผิดชอบร่วมกันนับในทุกหน่วยงานนั้น',
    },
    groups: groups.map((g) => unitCard(g, summary, f)),
    more: { noun: 'หน่วยงาน', postback: postbackData(SUMMARY_ACTIONS.overdueUnit, { u: 'rest' }) },
  });
}

function entry(m: SummaryMeasure, f: Figures): string {
  return `• ${m.code} ${truncate(m.title, 120)}\n  สิ้นสุด ${f.date(new Date(m.periodEnd.getTime() - 1))} · ${STATUS_TH[m.status]} · ${m.lastReportAt ? `รายงานล่าสุด ${f.date(m.lastReportAt)}` : 'ยังไม่เคยรายงาน'}`;
}

/** The list behind a unit's button, or behind the "more" card ("rest"): every overdue item of those units. */
export function overdueUnitText(summary: Summary, key: string, f: Figures = figures()): string {
  const groups = overdueByUnit(summary.overdue);
  const asOf = f.date(summary.asOf);
  const entryOf = (m: SummaryMeasure) => entry(m, f);
  if (key === 'rest') {
    const hidden = groups.slice(shownGroupCount(groups.length, LEADING));
    if (hidden.length === 0) return NO_OVERDUE;
    const entries = hidden.flatMap((g) => [`\n${g.name} (${f.count(g.items.length)} รายการ)`, ...g.items.map(entryOf)]);
    return listText(`รายการที่เกินกำหนดของอีก ${f.count(hidden.length)} หน่วยงาน (ข้อมูล ณ ${asOf})`, entries, f);
  }
  const group = groups.find((g) => g.key === key);
  if (!group) return `${NO_OVERDUE}ของหน่วยงานนี้แล้ว`;
  return listText(`${group.name}: เกินกำหนดแล้วยังไม่เสร็จ ${f.count(group.items.length)} รายการ (ข้อมูล ณ ${asOf})`, group.items.map(entryOf), f);
}
