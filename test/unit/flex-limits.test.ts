import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pickMeasure, continueReport, type Facts } from '../../src/features/report/dialog.js';
import { MAX_FREE_TEXT } from '../../src/dialogs/free-text.js';
import { USER_FEATURES } from '../../src/chat/features.js';
import { helpText } from '../../src/features/help/menu.js';
import type { MeasureView } from '../../src/domain/measures.js';
import { matchCarousel, measureCarousel } from '../../src/flex/measure-cards.js';
import { savedCard } from '../../src/features/report/cards.js';
import { TEMPLATE_NAMES } from '../../src/line/flex-template.js';
import { STAFF_ROLES } from '../../src/domain/roles.js';
import { limitViolations } from '../../src/line/limits.js';
import { summarise } from '../../src/domain/summary.js';
import { summaryMessage } from '../../src/flex/summary-message.js';
import { overdueCards, overdueUnitText } from '../../src/features/summary/cards.js';
import { overdueComplaintCards, overdueComplaintText } from '../../src/flex/complaint-groups.js';
import { followUpOfficerText, followUpResultMessage } from '../../src/flex/follow-up-cards.js';
import { ALT_TEXT_MAX } from '../../src/flex/group-cards.js';
import { reminderMessages } from '../../src/flex/reminder-message.js';
import { caseCarousel, ownCasesMessages, receiptMessage, trackingText } from '../../src/flex/complaint-messages.js';
import { aComplaint } from '../support/complaint.js';

/** The longest real titles: every measure of the sample plan built from the seed reports, longest first. */
const plan = parse(readFileSync('examples/plan-2568.csv'), { bom: true, columns: true }) as Record<string, string>[];
const longest = [...plan].sort((a, b) => b['มาตรการ/โครงการ']!.length - a['มาตรการ/โครงการ']!.length);

function view(row: Record<string, string>, i: number): MeasureView {
  return {
    id: `65f0c0ffee0000000000${String(i).padStart(4, '0')}`,
    code: row['รหัส']!,
    title: row['มาตรการ/โครงการ']!,
    family: row['ประเภท'] as MeasureView['family'],
    status: (['not_started', 'in_progress', 'completed', 'cannot_proceed'] as const)[i % 4]!,
    periodText: row['ระยะเวลา']!,
    periodStart: new Date('2024-09-30T17:00:00Z'),
    periodEnd: new Date('2025-09-30T17:00:00Z'),
    budget: 9_999_999.99,
    disbursed: 0,
    lastReportAt: i % 2 ? new Date('2025-03-31T03:00:00Z') : null,
    responsibleUnits: [row['หน่วยงานรับผิดชอบ'] ?? 'สำนักปลัด'],
    guideline: row['มาตรการ/โครงการ']!,
    methodSteps: Array.from({ length: 8 }, (_, k) => `${k + 1}. ${row['มาตรการ/โครงการ']!}`),
    reopenedAt: null,
    dimension: 1,
  };
}

const measures = longest.map(view);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const facts: Facts = {
  now: new Date('2025-04-01T02:00:00Z'),
  staff: { lineUserId: 'U1', displayName: 'นางสาวสมศรี ใจดีมากเป็นพิเศษ นักวิชาการเงินและบัญชีชำนาญการพิเศษ', roles: ['officer'], unit: 'กองการศึกษา ศาสนาและวัฒนธรรม' },
  measures,
  eventId: '01JD0000000000000000000000',
};
const worstText = 'ก'.repeat(MAX_FREE_TEXT);

describe('every message stays within LINE limits with the longest real data', () => {
  it('ships a template for every design the code renders, and none that nothing renders', () => {
    const rendered = new Set(sourceFiles('src').flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/renderTemplate\('([\w-]+)'/g)].map((m) => m[1]!)));
    expect(rendered.size).toBeGreaterThan(0);
    expect([...TEMPLATE_NAMES].sort()).toEqual([...rendered].sort());
  });

  it('measure carousel, on every page', () => {
    expect(longest[0]!['มาตรการ/โครงการ']!.length).toBeGreaterThan(100);
    for (let page = 1; page <= Math.ceil(measures.length / 10); page++) {
      const message = measureCarousel(measures, page);
      expect(limitViolations(message), `page ${page}`).toEqual([]);
      expect((message as any).contents.contents.length).toBeLessThanOrEqual(12);
    }
  });

  it('the list of items still to report on with the completed ones behind a card, the completed list, and the matches offered', () => {
    const done = measures.filter((m) => m.status === 'completed');
    for (let page = 1; page <= Math.ceil(measures.length / 10); page++) {
      for (const message of [measureCarousel(measures, page, 'due', done.length, new Date('2026-01-01T00:00:00Z')), measureCarousel(done, page, 'done')]) {
        expect(limitViolations(message), `page ${page}`).toEqual([]);
      }
    }
    expect((measureCarousel(measures, 1, 'due', done.length) as any).contents.contents.length).toBe(11);
    expect(limitViolations(matchCarousel(measures.slice(0, 5), new Date('2026-01-01T00:00:00Z')))).toEqual([]);
  });

  it('each step prompt, the confirmation and the saved card of a report with the longest answers', () => {
    // The last report's longest answers are shown again with every question.
    const previous = { reportedAt: facts.now, reporterName: 'ก', reporterUnit: null, status: 'in_progress' as const, summary: worstText, outcome: worstText, problems: worstText, suggestions: worstText };
    let outcome = pickMeasure(measures[0]!.id, { ...facts, previous });
    const seen = [...outcome.replies];
    const inputs = [
      { kind: 'postback', action: 'rp.status', params: { s: 'cannot_proceed' } },
      { kind: 'text', text: worstText },
      { kind: 'media', mediaKind: 'image', messageId: '1', fileName: null },
      { kind: 'text', text: worstText },
      { kind: 'text', text: worstText },
      { kind: 'text', text: worstText },
      { kind: 'text', text: worstText },
    ] as const;
    for (const input of inputs) {
      outcome = continueReport(outcome.state as any, input, { ...facts, previous, measures: measures.map((m) => ({ ...m, family: 'anticorruption_project' as const })) });
      seen.push(...outcome.replies);
    }
    outcome = continueReport(outcome.state as any, { kind: 'text', text: '9,999,999.99' }, { ...facts, measures: measures.map((m) => ({ ...m, family: 'anticorruption_project' as const })) });
    seen.push(...outcome.replies);
    expect(seen.some((m: any) => m.altText?.startsWith('ตรวจสอบก่อนบันทึก'))).toBe(true);
    const draft = (outcome.state as any).data;
    seen.push(savedCard({ ...draft, status: draft.status, summary: draft.summary }, measures[0]!, facts.now, facts.staff));
    for (const message of seen) expect(limitViolations(message), JSON.stringify(message).slice(0, 200)).toEqual([]);
  });

  it('the executive summary with every unit and dimension, and its overdue list', () => {
    const units = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม', 'กองสาธารณสุขและสิ่งแวดล้อม', 'ทุกส่วนราชการ'];
    const many = Array.from({ length: 20 }, (_, k) => measures.map((m, i) => ({
      ...m,
      id: `${m.id}-${k}`,
      code: `${m.code}-${k}`,
      dimension: (i % 4) + 1,
      responsibleUnits: [units[(i + k) % units.length]!, `หน่วยงานเพิ่มเติมที่ ${k} ของส่วนราชการที่มีชื่อยาวมาก`],
      periodEnd: new Date('2025-01-01T00:00:00Z'),
    }))).flat();
    const summary = summarise(2568, many, [], new Date('2025-04-01T01:30:00Z'));
    const message = summaryMessage(summary, { heading: 'สรุปผลการดำเนินงานประจำเดือน เม.ย. 2568', complaints: 'เรื่องร้องเรียน 12 เรื่อง' });
    expect(limitViolations(message)).toEqual([]);
    const cards = overdueCards(summary) as any;
    expect(limitViolations(cards)).toEqual([]);
    // 26 units do not fit one carousel: the overview, 10 units, and a card naming the other 15.
    expect(cards.contents.contents).toHaveLength(12);
    expect(cards.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    const list = overdueUnitText(summary, 'rest');
    expect(limitViolations({ type: 'text', text: list })).toEqual([]);
    expect(list).toMatch(/และอีก \d+ รายการ$/);
  });

  it('a large organisation: 60 overdue items across 9 units, 40 late complaints across 14 handlers, 30 silent officers', () => {
    const nine = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม', 'กองสาธารณสุขและสิ่งแวดล้อม', 'กองสวัสดิการสังคม', 'กองส่งเสริมการเกษตร', 'หน่วยตรวจสอบภายใน', 'ทุกส่วนราชการ'];
    const sixty = Array.from({ length: 60 }, (_, i) => ({ ...measures[i % measures.length]!, id: `m${i}`, code: `EP-${i}`, responsibleUnits: [nine[i % 9]!], status: (['not_started', 'in_progress', 'cannot_proceed'] as const)[i % 3]!, periodEnd: new Date('2025-01-01T00:00:00Z') }));
    const summary = summarise(2568, sixty, [], new Date('2025-04-01T01:30:00Z'));
    const cards = overdueCards(summary) as any;
    expect(limitViolations(cards)).toEqual([]);
    expect(cards.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(cards.contents.contents).toHaveLength(10);

    const long = 'ข'.repeat(MAX_FREE_TEXT);
    const now = new Date('2025-12-20T03:00:00Z');
    const late = Array.from({ length: 40 }, (_, i) =>
      aComplaint({ id: `65f0000000000000000001${String(i).padStart(2, '0')}`, trackingNo: `G2569-${1000 + i}`, kind: i % 5 === 0 ? 'corruption' : 'general', description: long, handlerUserId: `U-handler-${i % 14}`, handlerName: `นางสาวสมศรี ใจดีมากเป็นพิเศษ คนที่ ${i % 14}` }),
    );
    const complaintCards = overdueComplaintCards(late, now, new Set(late.map((c) => c.id)))! as any;
    expect(limitViolations(complaintCards)).toEqual([]);
    expect(complaintCards.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(complaintCards.contents.contents).toHaveLength(12);
    for (const key of ['rest', (complaintCards.contents.contents[2].footer.contents[0].action.data as string).split('h=')[1]!]) {
      expect(limitViolations({ type: 'text', text: overdueComplaintText(late, now, key) })).toEqual([]);
    }

    const asked = Array.from({ length: 30 }, (_, i) => ({ lineUserId: `U-officer-${i}`, name: facts.staff.displayName + i, measureIds: sixty.slice(i, i + 20).map((m) => m.id) }));
    const unreported = new Map(sixty.map((m) => [m.id, { ...m, periodEnd: m.periodEnd }]));
    const previous = { period: '2025-03', asOf: new Date('2025-03-31T02:00:00Z'), asked };
    const result = followUpResultMessage(previous, unreported, now) as any;
    expect(limitViolations(result)).toEqual([]);
    expect(result.altText.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(result.contents.contents).toHaveLength(12);
    expect(limitViolations({ type: 'text', text: followUpOfficerText(previous, unreported, 'rest') })).toEqual([]);
  });

  it('a reminder listing more measures than one push can carry', () => {
    const reminder = reminderMessages('ติดตามผลการดำเนินงาน', [...measures, ...measures]);
    expect(reminder.length).toBeLessThanOrEqual(5);
    expect((reminder[0] as any).text).toContain(`จาก ${measures.length * 2} รายการ`);
    for (const message of reminder) expect(limitViolations(message)).toEqual([]);
  });

  it('complaint receipts, case cards and timelines with the longest answers', () => {
    const long = 'ข'.repeat(MAX_FREE_TEXT);
    const base = aComplaint({
      trackingNo: 'C2569-0001',
      description: long,
      accused: long,
      happenedWhen: long,
      location: { title: long.slice(0, 100), address: long.slice(0, 300), latitude: 13.7, longitude: 100.5 },
      attachments: Array.from({ length: 5 }, (_, i) => ({ kind: 'image' as const, lineMessageId: String(i), fileName: null })),
      contactName: 'นางสาวสมศรี ใจดีมากเป็นพิเศษ',
      contactPhone: '0812345678',
      explanationRequired: true,
    });

    // Open cases carry the most buttons; resolved ones the closure facts (a forwarding note is up to 2,000 characters).
    const closure = {
      category: 'เสียงรบกวนจากสถานประกอบการ'.slice(0, 20),
      afterPhotos: Array.from({ length: 8 }, (_, i) => ({ kind: 'image' as const, lineMessageId: `a${i}`, fileName: null })),
      feedback: { stars: 1, comment: long, fixed: false, at: new Date('2025-11-19T03:00:00Z') },
      reopenCount: 2,
      forwardedTo: { agency: long.slice(0, 200), note: long },
    };
    for (const c of [{ ...base, ...closure, kind: 'general' as const }, { ...base, ...closure, kind: 'general' as const, status: 'resolved' as const, closedAt: new Date('2025-11-18T03:00:00Z'), feedback: null }]) {
      const now = new Date('2025-11-20T03:00:00Z');
      const messages = [...ownCasesMessages(Array.from({ length: 12 }, () => c)), ...caseCarousel(Array.from({ length: 20 }, () => c), now, 'เรื่องร้องเรียน'), { type: 'text', text: trackingText(c, []) }];
      for (const message of messages) expect(limitViolations(message), c.status).toEqual([]);
    }

    for (const kind of ['general', 'corruption'] as const) {
      const c = { ...base, kind };
      const now = new Date('2025-11-20T03:00:00Z');
      const messages = [receiptMessage(c), ...ownCasesMessages(Array.from({ length: 12 }, () => c)), ...caseCarousel(Array.from({ length: 20 }, () => c), now, 'เรื่องร้องเรียน'), { type: 'text', text: trackingText(c, Array.from({ length: 30 }, () => ({ at: now, type: 'status' as const, status: 'in_progress' as const, text: long, public: true }))) }];
      for (const message of messages) expect(limitViolations(message), kind).toEqual([]);
    }
  });

  it('help for every combination of roles', () => {
    for (let mask = 0; mask < 1 << STAFF_ROLES.length; mask++) {
      const roles = STAFF_ROLES.filter((_, i) => mask & (1 << i));
      expect(limitViolations({ type: 'text', text: helpText(USER_FEATURES, roles) })).toEqual([]);
    }
  });

  it('the checker itself catches what LINE would reject', () => {
    const carousel = measureCarousel(measures, 1) as any;
    const tooMany = { ...carousel, contents: { ...carousel.contents, contents: [...carousel.contents.contents, ...carousel.contents.contents] } };
    expect(limitViolations(tooMany).join()).toMatch(/bubbles/);
    expect(limitViolations({ type: 'text', text: 'x'.repeat(5001) })).toHaveLength(1);
    expect(limitViolations({ type: 'text', text: 'x', quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'ไม่สามารถดำเนินการได้', text: 'x' } }] } })).toHaveLength(1);
  });
});
