import { COMPLAINT_STATUS_TH, type Complaint } from '../domain/complaints.js';
import { EXECUTIVE_COUNT_NOTE_TH, seesCorruptionCounts } from '../domain/corruption-privacy.js';
import { complaintCounts, daysLate, overdueComplaintsByHandler, overdueCorruptionCount } from '../domain/executive-groups.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import type { Message } from '../line/messages.js';
import { postbackData } from '../line/postback.js';
import { COLOURS, groupCarousel, listText, shownGroupCount, type CardGroup } from './group-cards.js';
import { SUMMARY_CARD_ACTIONS } from './actions.js';

/**
 * Complaints past the 15 days, for executives: general complaints as one card a handler (counts, and a
 * button to that handler's cases), corruption reports as a single number with no button, since only
 * integrity officers may see anything of them beyond how many there are.
 */

function leadingCards(corruption: number): number {
  return corruption > 0 ? 2 : 1;
}

/**
 * `escalatedToday`: ids of the cases that passed their deadline in today's run (the job's card says how many
 * are new); null when the cards are asked for, not pushed.
 */
export function overdueComplaintCards(cases: Complaint[], now: Date, escalatedToday: ReadonlySet<string> | null, f: Figures = figures()): Message | null {
  const groups = overdueComplaintsByHandler(cases, now);
  const corruption = seesCorruptionCounts('executives') ? overdueCorruptionCount(cases, now) : 0;
  const general = groups.flatMap((g) => g.items);
  if (general.length === 0 && corruption === 0) return null;
  const today = escalatedToday ?? new Set<string>();
  const all = complaintCounts(general, today);
  const newCorruption = cases.filter((c) => c.kind === 'corruption' && today.has(c.id)).length;
  const rows = (counts: ReturnType<typeof complaintCounts>) => [
    ...(escalatedToday ? [{ label: 'เกินกำหนดวันนี้', count: counts.newToday, colour: COLOURS.red }] : []),
    { label: 'ยังไม่ได้แจ้งเหตุผลแก่ผู้ร้อง', count: counts.unexplained, colour: COLOURS.amber },
    { label: 'ยังไม่เริ่มดำเนินการ', count: counts.notStarted, colour: COLOURS.grey },
  ];
  // A pushed card names its moment, so its list is drawn as of then at the earliest (a job run for a later
  // day, as the simulator's time machine does, still lists what its card counted).
  const asOf: Record<string, string> = escalatedToday ? { t: String(now.getTime()) } : {};
  const cards: CardGroup[] = groups.map((g) => ({
    name: g.name,
    note: `เกินกำหนด ${f.count(g.items.length)} เรื่อง`,
    rows: rows(complaintCounts(g.items, today)),
    button: { label: 'ดูรายการ', postback: postbackData(SUMMARY_CARD_ACTIONS.overdueComplaints, { h: g.key, ...asOf }) },
    size: g.items.length,
  }));
  const newTotal = all.newToday + newCorruption;
  return groupCarousel({
    figures: f,
    altText: `เรื่องร้องเรียนเกินกำหนด ${f.digits(15)} วัน ${f.count(general.length + corruption)} เรื่อง${escalatedToday ? ` (ใหม่วันนี้ ${f.count(newTotal)})` : ''}: ${[...groups.map((g) => `${g.name} ${f.count(g.items.length)}`), ...(corruption > 0 ? [`แจ้งเบาะแสการทุจริต ${f.count(corruption)}`] : [])].join(', ')}`,
    overview: {
      name: `เรื่องร้องเรียนเกินกำหนด ${f.digits(15)} วัน`,
      note: `ข้อมูล ณ ${f.date(now)}`,
      rows: [
        { label: 'ยังไม่เสร็จและเกินกำหนด', count: general.length + corruption, colour: COLOURS.red },
        ...(escalatedToday ? [{ label: 'เกินกำหนดวันนี้', count: newTotal, colour: COLOURS.red }] : []),
        { label: 'เรื่องร้องเรียนทั่วไป', count: general.length, colour: COLOURS.group },
        { label: 'แจ้งเบาะแสการทุจริต', count: corruption, colour: COLOURS.confidential },
      ],
    },
    fixed:
      corruption > 0
        ? [
            {
              name: 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ',
              note: `เกินกำหนด ${f.count(corruption)} เรื่อง`,
              rows: escalatedToday ? [{ label: 'เกินกำหนดวันนี้', count: newCorruption, colour: COLOURS.red }] : [{ label: 'เกินกำหนด', count: corruption, colour: COLOURS.red }],
              footnote: EXECUTIVE_COUNT_NOTE_TH,
            },
          ]
        : [],
    groups: cards,
    more: { noun: 'ผู้รับผิดชอบ', postback: postbackData(SUMMARY_CARD_ACTIONS.overdueComplaints, { h: 'rest', ...asOf }) },
  });
}

function entry(c: Complaint, now: Date, f: Figures): string {
  const late = daysLate(c.dueAt, now);
  return [
    `• ${c.trackingNo} · เกินกำหนด ${late > 0 ? `${f.count(late)} วัน` : 'วันนี้'} · ${COMPLAINT_STATUS_TH[c.status]}`,
    `  รับเรื่อง ${f.date(c.submittedAt)} · ครบกำหนด ${f.date(new Date(c.dueAt.getTime() - 1))} · ${c.explainedAt ? 'แจ้งเหตุผลแก่ผู้ร้องแล้ว' : 'ยังไม่ได้แจ้งเหตุผลแก่ผู้ร้อง'}`,
    `  เรื่อง: ${truncate(c.description, 120)}`,
  ].join('\n');
}

/** The list behind a handler's button (or the "more" card's, "rest"): general complaints only, never who filed them. */
export function overdueComplaintText(cases: Complaint[], now: Date, key: string, f: Figures = figures()): string {
  const groups = overdueComplaintsByHandler(cases, now);
  const asOf = f.date(now);
  if (key === 'rest') {
    const hidden = groups.slice(shownGroupCount(groups.length, leadingCards(overdueCorruptionCount(cases, now))));
    if (hidden.length === 0) return 'ไม่มีเรื่องร้องเรียนที่เกินกำหนดเพิ่มเติม';
    return listText(`เรื่องร้องเรียนเกินกำหนดของผู้รับผิดชอบอีก ${f.count(hidden.length)} คน (ข้อมูล ณ ${asOf})`, hidden.flatMap((g) => [`\n${g.name} (${f.count(g.items.length)} เรื่อง)`, ...g.items.map((c) => entry(c, now, f))]), f);
  }
  const group = groups.find((g) => g.key === key);
  if (!group) return 'เรื่องร้องเรียนของผู้รับผิดชอบนี้ไม่มีเรื่องที่เกินกำหนดแล้ว';
  return listText(`${group.name}: เรื่องร้องเรียนเกินกำหนด ${f.digits(15)} วัน ${f.count(group.items.length)} เรื่อง (ข้อมูล ณ ${asOf})`, group.items.map((c) => entry(c, now, f)), f);
}
