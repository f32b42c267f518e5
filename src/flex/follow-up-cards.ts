import { groupKey, unreportedByOfficer, type AskedOfficer, type FollowedMeasure, type Group } from '../domain/executive-groups.js';
import { STATUS_COLOUR, STATUS_TH } from '../domain/statuses.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { text, type Message } from '../line/messages.js';
import { postbackData } from '../line/postback.js';
import { COLOURS, groupCarousel, listText, shownGroupCount, type CardGroup } from './group-cards.js';
import { FOLLOW_UP_CARD_ACTIONS } from './actions.js';

/**
 * The follow-up's result for executives: what the previous follow-up asked for and is still unreported, as
 * one card an officer with counts and a button to that officer's list.
 */
export interface PreviousFollowUp {
  /** The month of the previous run (its period), which the buttons carry. */
  period: string;
  asOf: Date;
  asked: AskedOfficer[];
}

const LEADING = 1;

function counts(items: FollowedMeasure[], now: Date) {
  return {
    overdue: items.filter((m) => m.periodEnd !== null && m.periodEnd <= now).length,
    not_started: items.filter((m) => m.status === 'not_started').length,
    in_progress: items.filter((m) => m.status === 'in_progress').length,
  };
}

function officerCard(group: Group<FollowedMeasure>, asked: number, period: string, now: Date, f: Figures): CardGroup {
  const c = counts(group.items, now);
  return {
    name: group.name,
    note: `ยังไม่รายงาน ${f.count(group.items.length)} จาก ${f.count(asked)} รายการที่ขอ`,
    rows: [
      { label: 'เกินกำหนดแล้ว', count: c.overdue, colour: COLOURS.red },
      { label: STATUS_TH.not_started, count: c.not_started, colour: STATUS_COLOUR.not_started },
      { label: STATUS_TH.in_progress, count: c.in_progress, colour: STATUS_COLOUR.in_progress },
    ],
    button: { label: 'ดูรายการ', postback: postbackData(FOLLOW_UP_CARD_ACTIONS.followUpOfficer, { p: period, o: group.key }) },
    size: group.items.length,
  };
}

export function followUpResultMessage(previous: PreviousFollowUp, unreported: Map<string, FollowedMeasure>, now: Date, f: Figures = figures()): Message {
  const since = f.date(previous.asOf);
  if (unreported.size === 0) return text(`ผลการติดตามครั้งก่อน (${since}): เจ้าหน้าที่รายงานครบทุกรายการแล้ว`);
  const groups = unreportedByOfficer(previous.asked, unreported);
  const all = [...unreported.values()];
  const c = counts(all, now);
  const askedOf = new Map(previous.asked.map((p) => [groupKey(`officer:${p.lineUserId}`), p.measureIds.length]));
  return groupCarousel({
    figures: f,
    altText: `ผลการติดตามครั้งก่อน (${since}): ยังไม่มีรายงาน ${f.count(unreported.size)} รายการ จากเจ้าหน้าที่ ${f.count(groups.length)} คน: ${groups.map((g) => `${g.name} ${f.count(g.items.length)}`).join(', ')}`,
    overview: {
      name: `ผลการติดตามครั้งก่อน (${since})`,
      note: `ยังไม่มีรายงาน ${f.count(unreported.size)} รายการ`,
      rows: [
        { label: 'เจ้าหน้าที่ที่ยังไม่รายงาน', count: groups.length, colour: COLOURS.red },
        { label: 'เจ้าหน้าที่ที่รายงานครบแล้ว', count: previous.asked.length - groups.length, colour: COLOURS.green },
        { label: 'รายการที่เกินกำหนดแล้ว', count: c.overdue, colour: COLOURS.red },
        { label: STATUS_TH.not_started, count: c.not_started, colour: STATUS_COLOUR.not_started },
        { label: STATUS_TH.in_progress, count: c.in_progress, colour: STATUS_COLOUR.in_progress },
      ],
    },
    groups: groups.map((g) => officerCard(g, askedOf.get(g.key) ?? g.items.length, previous.period, now, f)),
    more: { noun: 'คน', postback: postbackData(FOLLOW_UP_CARD_ACTIONS.followUpOfficer, { p: previous.period, o: 'rest' }) },
  });
}

function entry(m: FollowedMeasure, f: Figures): string {
  return `• ${m.code} ${truncate(m.title, 120)}\n  ${STATUS_TH[m.status]} · ${m.lastReportAt ? `รายงานล่าสุด ${f.date(m.lastReportAt)}` : 'ยังไม่เคยรายงาน'}`;
}

/** The list behind an officer's button (or the "more" card's, "rest"), as it stands when the button is pressed. */
export function followUpOfficerText(previous: PreviousFollowUp, unreported: Map<string, FollowedMeasure>, key: string, f: Figures = figures()): string {
  const since = f.date(previous.asOf);
  const entryOf = (m: FollowedMeasure) => entry(m, f);
  const groups = unreportedByOfficer(previous.asked, unreported);
  if (key === 'rest') {
    const hidden = groups.slice(shownGroupCount(groups.length, LEADING));
    if (hidden.length === 0) return `ผลการติดตามครั้งก่อน (${since}): ไม่มีรายการค้างเพิ่มเติม`;
    return listText(`ผลการติดตามครั้งก่อน (${since}): เจ้าหน้าที่อีก ${f.count(hidden.length)} คน`, hidden.flatMap((g) => [`\n${g.name} (${f.count(g.items.length)} รายการ)`, ...g.items.map(entryOf)]), f);
  }
  const group = groups.find((g) => g.key === key);
  if (!group) return `ผลการติดตามครั้งก่อน (${since}): เจ้าหน้าที่ท่านนี้รายงานครบทุกรายการแล้ว`;
  return listText(`${group.name}: ยังไม่มีรายงานตั้งแต่การติดตามเมื่อ ${since} ${f.count(group.items.length)} รายการ`, group.items.map(entryOf), f);
}
