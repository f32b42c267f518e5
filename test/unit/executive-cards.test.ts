import { describe, expect, it } from 'vitest';
import { summarise, type SummaryMeasure } from '../../src/domain/summary.js';
import { overdueCards, overdueUnitText } from '../../src/features/summary/cards.js';
import { overdueComplaintCards, overdueComplaintText } from '../../src/flex/complaint-groups.js';
import { followUpOfficerText, followUpResultMessage } from '../../src/flex/follow-up-cards.js';
import { visibleText } from '../support/chat.js';
import { aComplaint } from '../support/complaint.js';

/** What an executive reads on each card: its title, the note under it, its counts, its button. */
function cards(message: any): { name: string; text: string; button: string | null }[] {
  return message.contents.contents.map((b: any) => ({
    name: visibleText([b.header.contents[0]]),
    text: visibleText([b]),
    button: b.footer?.contents[0].action.data ?? null,
  }));
}
/** The number on the row with this label (the row's text, then its count). */
function countOf(card: { text: string }, label: string): number {
  const lines = card.text.split('\n');
  const i = lines.indexOf(label);
  return i < 0 ? NaN : Number(lines[i + 1]);
}
const param = (data: string, name: string) => new URLSearchParams(data).get(name)!;

const now = new Date('2025-03-20T03:00:00Z');
function measure(i: number, units: string[], status: SummaryMeasure['status'], lastReportAt: Date | null = null): SummaryMeasure {
  return {
    id: `m${i}`,
    code: `EP-${String(i).padStart(2, '0')}`,
    title: `โครงการที่ ${i}`,
    family: 'anticorruption_project',
    dimension: 1,
    responsibleUnits: units,
    periodStart: new Date('2024-10-01T00:00:00Z'),
    periodEnd: new Date('2025-02-01T00:00:00Z'),
    budget: 0,
    status,
    disbursed: 0,
    lastReportAt,
  };
}

describe('overdue measures by unit', () => {
  const items = [
    measure(1, ['กองช่าง'], 'not_started'),
    measure(2, ['กองช่าง'], 'in_progress', new Date('2025-02-15T03:00:00Z')),
    measure(3, ['กองช่าง', 'กองคลัง'], 'cannot_proceed', new Date('2025-03-15T03:00:00Z')),
    measure(4, ['กองคลัง'], 'in_progress', new Date('2024-12-01T03:00:00Z')),
    measure(5, ['สำนักปลัด'], 'completed'),
  ];
  const summary = summarise(2568, items, [], now);

  it('one card a unit, the largest first, with counts that match the items', () => {
    const shown = cards(overdueCards(summary));
    expect(shown.map((c) => c.name)).toEqual(['รายการที่เกินกำหนดแล้วยังไม่เสร็จ', 'กองช่าง', 'กองคลัง']);
    expect(shown[0]!.text).toContain('2 หน่วยงาน');
    expect(countOf(shown[0]!, 'เกินกำหนดทั้งหมด')).toBe(4);
    const works = shown[1]!;
    expect(works.text).toContain('เกินกำหนดแล้วยังไม่เสร็จ 3 รายการ');
    expect(countOf(works, 'ยังไม่ได้ดำเนินการ')).toBe(1);
    expect(countOf(works, 'อยู่ระหว่างดำเนินการ')).toBe(1);
    expect(countOf(works, 'ไม่สามารถดำเนินการได้')).toBe(1);
    // Reported before 1 October (the six-month round's start) or never: awaiting a report in this round.
    expect(countOf(works, 'รอรายงาน (รอบ 6 เดือน)')).toBe(1);
    expect(countOf(shown[2]!, 'รอรายงาน (รอบ 6 เดือน)')).toBe(0);
  });

  it("each unit's button lists exactly that unit's overdue items", () => {
    const [, works, finance] = cards(overdueCards(summary));
    const list = overdueUnitText(summary, param(works!.button!, 'u'));
    expect(list).toContain('กองช่าง: เกินกำหนดแล้วยังไม่เสร็จ 3 รายการ');
    expect(list.match(/EP-\d\d/g)).toEqual(['EP-01', 'EP-02', 'EP-03']);
    expect(overdueUnitText(summary, param(finance!.button!, 'u')).match(/EP-\d\d/g)).toEqual(['EP-03', 'EP-04']);
    expect(overdueUnitText(summary, 'made-up')).not.toContain('EP-');
  });

  it('more units than fit: the largest first, and a card naming the rest whose button lists them', () => {
    const many = Array.from({ length: 14 }, (_, u) => Array.from({ length: u + 1 }, (_, k) => measure(u * 100 + k, [`หน่วยที่ ${u + 1}`], 'not_started'))).flat();
    const big = summarise(2568, many, [], now);
    const shown = cards(overdueCards(big));
    expect(shown).toHaveLength(12);
    expect(shown.slice(1, 11).map((c) => c.name)).toEqual(Array.from({ length: 10 }, (_, i) => `หน่วยที่ ${14 - i}`));
    const more = shown[11]!;
    expect(more.name).toBe('และอีก 4 หน่วยงาน');
    expect(more.text).toContain('รวม 10 รายการ');
    const rest = overdueUnitText(big, param(more.button!, 'u'));
    for (const unit of ['หน่วยที่ 1', 'หน่วยที่ 2', 'หน่วยที่ 3', 'หน่วยที่ 4']) expect(rest).toContain(`\n${unit} (`);
    expect(rest).not.toContain('หน่วยที่ 5 (');
  });

  it('nothing overdue is said in one line', () => {
    expect(overdueCards(summarise(2568, [measure(5, ['สำนักปลัด'], 'completed')], [], now))).toMatchObject({ type: 'text' });
  });
});

describe('late complaints by handler', () => {
  const today = new Date('2025-11-20T03:00:00Z');
  const cases = [
    aComplaint({ id: 'a1', trackingNo: 'G2569-0001', handlerUserId: 'U-h1', handlerName: 'นายรับเรื่อง หนึ่ง', status: 'in_progress', description: 'ไฟถนนดับ' }),
    aComplaint({ id: 'a2', trackingNo: 'G2569-0002', handlerUserId: 'U-h1', handlerName: 'นายรับเรื่อง หนึ่ง', explainedAt: new Date('2025-11-18T03:00:00Z') }),
    aComplaint({ id: 'a3', trackingNo: 'G2569-0003', description: 'น้ำประปาไม่ไหล' }),
    aComplaint({ id: 'c1', trackingNo: 'C2569-0001', kind: 'corruption', description: 'รับเงินใต้โต๊ะ', accused: 'นาย ก.', handlerUserId: 'U-i1', handlerName: 'นิติกร สอง' }),
    aComplaint({ id: 'a4', trackingNo: 'G2569-0004', dueAt: new Date('2025-11-30T17:00:00Z') }),
  ];

  it('general complaints by handler with their counts; corruption reports only as a number, without a button', () => {
    const message = overdueComplaintCards(cases, today, new Set(['a1', 'c1']))!;
    const shown = cards(message);
    expect(shown.map((c) => c.name)).toEqual(['เรื่องร้องเรียนเกินกำหนด 15 วัน', 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ', 'นายรับเรื่อง หนึ่ง', 'ยังไม่มีผู้รับผิดชอบ']);
    expect(countOf(shown[0]!, 'ยังไม่เสร็จและเกินกำหนด')).toBe(4);
    expect(countOf(shown[0]!, 'เกินกำหนดวันนี้')).toBe(2);
    expect(countOf(shown[0]!, 'แจ้งเบาะแสการทุจริต')).toBe(1);
    expect(shown[1]!.button).toBeNull();
    const h1 = shown[2]!;
    expect(countOf(h1, 'เกินกำหนดวันนี้')).toBe(1);
    expect(countOf(h1, 'ยังไม่ได้แจ้งเหตุผลแก่ผู้ร้อง')).toBe(1);
    expect(countOf(h1, 'ยังไม่เริ่มดำเนินการ')).toBe(1);
    // Nothing of the corruption report but its count: no number, no content, no accused, no handler.
    const all = visibleText([message]);
    for (const secret of ['C2569-0001', 'รับเงินใต้โต๊ะ', 'นาย ก.', 'นิติกร สอง']) expect(all).not.toContain(secret);
  });

  it("a handler's button lists that handler's late general complaints and never a corruption report", () => {
    const shown = cards(overdueComplaintCards(cases, today, null)!);
    expect(shown[0]!.text).not.toContain('เกินกำหนดวันนี้');
    const list = overdueComplaintText(cases, today, param(shown[2]!.button!, 'h'));
    expect(list.match(/G2569-\d+/g)).toEqual(['G2569-0001', 'G2569-0002']);
    expect(list).toContain('เรื่อง: ไฟถนนดับ');
    expect(list).toContain('แจ้งเหตุผลแก่ผู้ร้องแล้ว');
    expect(overdueComplaintText(cases, today, param(shown[3]!.button!, 'h'))).toContain('G2569-0003');
    for (const key of ['rest', 'x', param(shown[2]!.button!, 'h')]) expect(overdueComplaintText(cases, today, key)).not.toMatch(/C2569|รับเงิน|นาย ก\./);
  });

  it('no late case, no card', () => {
    expect(overdueComplaintCards([cases[4]!], today, null)).toBeNull();
  });
});

describe('the follow-up result by officer', () => {
  const asOf = new Date('2024-12-31T02:00:00Z');
  const item = (id: string, status: 'not_started' | 'in_progress' | 'completed', lastReportAt: Date | null, periodEnd: Date) => ({ id, code: id.toUpperCase(), title: `รายการ ${id}`, status, lastReportAt, periodEnd });
  const measures = new Map(
    [
      item('m1', 'not_started', null, new Date('2024-12-31T17:00:00Z')),
      item('m2', 'in_progress', new Date('2024-11-01T03:00:00Z'), new Date('2025-09-30T17:00:00Z')),
      item('m3', 'in_progress', null, new Date('2025-09-30T17:00:00Z')),
    ].map((m) => [m.id, m]),
  );
  const previous = {
    period: '2024-12',
    asOf,
    asked: [
      { lineUserId: 'U-a', name: 'สมชาย การเงิน', measureIds: ['m1', 'm2', 'm9'] },
      { lineUserId: 'U-b', name: 'สมหญิง ช่างดี', measureIds: ['m3'] },
      { lineUserId: 'U-c', name: 'สมปอง รายงานครบ', measureIds: ['m9'] },
    ],
  };

  it('one card an officer still silent, with counts; those who reported everything are only counted', () => {
    const shown = cards(followUpResultMessage(previous, measures, new Date('2025-01-31T02:00:00Z')));
    expect(shown.map((c) => c.name)).toEqual(['ผลการติดตามครั้งก่อน (31 ธ.ค. 2567)', 'สมชาย การเงิน', 'สมหญิง ช่างดี']);
    expect(shown[0]!.text).toContain('ยังไม่มีรายงาน 3 รายการ');
    expect(countOf(shown[0]!, 'เจ้าหน้าที่ที่รายงานครบแล้ว')).toBe(1);
    expect(shown[1]!.text).toContain('ยังไม่รายงาน 2 จาก 3 รายการที่ขอ');
    expect(countOf(shown[1]!, 'เกินกำหนดแล้ว')).toBe(1);
    expect(countOf(shown[1]!, 'ยังไม่ได้ดำเนินการ')).toBe(1);
    const list = followUpOfficerText(previous, measures, param(shown[1]!.button!, 'o'));
    expect(list.match(/M\d/g)).toEqual(['M1', 'M2']);
    expect(param(shown[1]!.button!, 'p')).toBe('2024-12');
  });
});
