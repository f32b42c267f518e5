import { describe, expect, it } from 'vitest';
import { CHAT_TEXT } from '../../src/features/common/texts.js';
import type { ComplaintYearStatistics } from '../../src/domain/complaint-statistics.js';
import { computeComplaintStatistics } from '../../src/domain/complaint-statistics.js';
import { countComplaints, type ComplaintStats } from '../../src/domain/complaints.js';
import type { OitItem } from '../../src/domain/oit.js';
import { organisationArea } from '../../src/domain/organisation.js';
import { arabicDigits } from '../../src/domain/thai.js';
import type { PastReport } from '../../src/domain/progress.js';
import { summarise, type SummaryMeasure } from '../../src/domain/summary.js';
import { statisticsMessage } from '../../src/features/complaint-stats/cards.js';
import { linkMessage } from '../../src/flex/link-message.js';
import { measureBrief } from '../../src/flex/measure-cards.js';
import { oitOwnerCard } from '../../src/flex/oit-cards.js';
import { complaintLine, summaryMessage } from '../../src/flex/summary-message.js';
import { limitViolations } from '../../src/line/limits.js';
import { uriOf, visibleText } from '../support/chat.js';
import { aMeasureView } from '../support/measure-view.js';

/** What the smaller points of issue 21 say a person reads; figures compared in Arabic digits (visibleText). */

const now = new Date('2025-04-01T01:30:00Z');
function item(i: number, status: SummaryMeasure['status'], periodEnd = new Date('2025-09-30T17:00:00Z')): SummaryMeasure {
  return {
    id: `m${i}`,
    code: `EP-${i}`,
    title: `โครงการที่ ${i}`,
    family: 'anticorruption_project',
    dimension: 1,
    responsibleUnits: ['สำนักปลัด'],
    periodStart: new Date('2024-09-30T17:00:00Z'),
    periodEnd,
    budget: 0,
    status,
    disbursed: 0,
    lastReportAt: null,
  };
}
const zero = { total: 4, completed: 0, in_progress: 0, not_started: 4, cannot_proceed: 0, awaiting_report: 4, implementationPercent: 0, budget: 0, disbursed: 0, disbursementPercent: 0 };
const overview = (m: any) => m.contents.contents[0];

describe('the monthly summary', () => {
  it('reads the trend as a change from last month\'s level, not as a percentage change of 0', () => {
    const s = summarise(2568, [item(1, 'completed'), item(2, 'completed'), item(3, 'completed'), item(4, 'not_started')], [], now, undefined, { asOf: new Date('2025-03-01T01:30:00Z'), overall: zero as any });
    const text = visibleText([summaryMessage(s, { heading: 'สรุป' })]);
    expect(text).toContain('เพิ่มขึ้น 75.00 จุด จากร้อยละ 0.00');
    expect(text).not.toContain('(ร้อยละ 0.00)');
    const same = summarise(2568, [item(1, 'not_started')], [], now, undefined, { asOf: new Date('2025-03-01T01:30:00Z'), overall: { ...zero, total: 1 } as any });
    expect(visibleText([summaryMessage(same, { heading: 'สรุป' })])).toContain('เท่าเดิมที่ร้อยละ 0.00');
  });

  it('shows the red overdue button only when something is overdue', () => {
    const onTime = summarise(2568, [item(1, 'in_progress')], [], now);
    const calm = summaryMessage(onTime, { heading: 'สรุป' });
    expect(visibleText([calm])).not.toContain('ดูรายการที่เกินกำหนด');
    expect(overview(calm).footer).toBeUndefined();
    expect(limitViolations(calm)).toEqual([]);
    // The chart button stays on its own.
    const withPage = summaryMessage(onTime, { heading: 'สรุป', publicPage: 'https://bot.example/p/x' });
    expect(overview(withPage).footer.contents.map((b: any) => b.action.label)).toEqual(['ดูแผนภูมิ']);
    // Late complaints are behind the same button for executives.
    expect(visibleText([summaryMessage(onTime, { heading: 'สรุป', lateComplaints: 1 })])).toContain('ดูรายการที่เกินกำหนด');
    const late = summarise(2568, [item(1, 'in_progress', new Date('2025-01-31T17:00:00Z'))], [], now);
    expect(visibleText([summaryMessage(late, { heading: 'สรุป' })])).toContain('ดูรายการที่เกินกำหนด');
  });

  it('counts withdrawn complaints apart from those done', () => {
    const all = countComplaints(['resolved', 'withdrawn', 'in_progress', 'rejected']);
    expect(all).toEqual({ total: 4, completed: 2, inProgress: 1, withdrawn: 1 });
    const stats: ComplaintStats = { fiscalYear: 2568, all, byKind: { general: all, corruption: countComplaints([]) }, overdue: 0, overdueByKind: { general: 0, corruption: 0 } };
    expect(arabicDigits(complaintLine(stats, 'executives'))).toContain('เสร็จ 2 · อยู่ระหว่างดำเนินการ 1 · ผู้ร้องถอนเรื่อง 1');
    expect(arabicDigits(complaintLine(stats, 'executive_group'))).toContain('เสร็จ 2 · อยู่ระหว่างดำเนินการ 1 · ผู้ร้องถอนเรื่อง 1');
  });
});

describe('the complaint statistics in LINE', () => {
  const filed = new Date('2024-10-02T03:00:00Z');
  const row = (status: 'resolved' | 'withdrawn' | 'in_progress', reopenCount = 0) => ({
    kind: 'general' as const,
    category: null,
    status,
    submittedAt: filed,
    dueAt: new Date('2024-10-17T17:00:00Z'),
    closedAt: status === 'in_progress' ? null : new Date('2024-10-05T03:00:00Z'),
    reopenCount,
    stars: null,
  });
  const stats: ComplaintYearStatistics = computeComplaintStatistics([row('resolved', 1), row('withdrawn'), row('in_progress')], 2568, new Date('2024-10-10T03:00:00Z'));

  it('names what each count counts, and does not count a withdrawal as done', () => {
    const text = visibleText([statisticsMessage(stats, null, null)]);
    expect(text).toContain('รับ 3 เรื่อง · เสร็จแล้ว 1 · อยู่ระหว่างดำเนินการ 1');
    expect(text).toContain('เปิดเรื่องใหม่ 1 เรื่อง');
    expect(text).toContain('ผู้ร้องถอนเรื่อง 1 เรื่อง');
  });

  it('puts the spreadsheet behind a button with a short label, not a 250-character address', () => {
    const url = `https://bot.example/reports/${'x'.repeat(250)}`;
    const message = statisticsMessage(stats, null, { url, minutes: 30 });
    expect(uriOf([message], 'ดาวน์โหลด Excel')).toBe(url);
    expect(visibleText([message])).not.toContain('/reports/');
    expect(visibleText([message])).toContain('30 นาที');
    expect(limitViolations(message)).toEqual([]);
  });
});

describe('link buttons', () => {
  it('refuse what LINE would: a link over 1,000 characters or of another scheme', () => {
    expect(limitViolations(linkMessage('ดาวน์โหลด', [{ label: 'ดาวน์โหลด', uri: `https://bot.example/${'x'.repeat(1_000)}` }]))).not.toEqual([]);
    expect(limitViolations(linkMessage('ดาวน์โหลด', [{ label: 'ดาวน์โหลด', uri: 'javascript:alert(1)' }]))).not.toEqual([]);
    expect(limitViolations(linkMessage('ดาวน์โหลด', [{ label: 'ดาวน์โหลด', uri: 'https://bot.example/r/1' }]))).toEqual([]);
  });
});

describe('the handover brief', () => {
  const m = aMeasureView({ methodSteps: ['จัดทำคำสั่งคณะทำงาน', '(๒) ประชุมคณะทำงาน', 'เผยแพร่ผลบนเว็บไซต์'] });
  const report: PastReport = { reportedAt: new Date('2025-03-01T03:00:00Z'), reporterName: 'สมศรี', reporterUnit: 'สำนักปลัด', status: 'in_progress', summary: 'ประชุมแล้ว', outcome: null, problems: null, suggestions: null };

  it('numbers the method steps afresh and heads the reports in plain words', () => {
    const text = visibleText([measureBrief(m, [report], [])]);
    expect(text).toContain('วิธีดำเนินการ\n1. จัดทำคำสั่งคณะทำงาน\n2. ประชุมคณะทำงาน\n3. เผยแพร่ผลบนเว็บไซต์');
    expect(text).toContain('\nรายงานล่าสุด\n');
    expect(text).not.toMatch(/รายงาน \d+ ครั้งล่าสุด/);
  });
});

describe('an OIT card', () => {
  const item: OitItem = { id: 'i1', fiscalYear: 2567, code: 'O5', number: 5, title: 'ข่าวประชาสัมพันธ์', description: '', indicator: 9, responsibleUnits: ['สำนักปลัด'], assignees: [], guideline: null, guidelinePeriod: null, answer: null, review: null, urlCheck: null, brokenSince: null };

  it('says "not answered" once', () => {
    const text = visibleText([oitOwnerCard(item)]);
    expect(text.match(/ยังไม่ได้ตอบ/g)).toHaveLength(1);
    expect(limitViolations({ type: 'flex', altText: 'O5', contents: oitOwnerCard(item) })).toEqual([]);
  });
});

describe('wording', () => {
  it('greets in a neutral register', () => {
    expect(CHAT_TEXT.welcome).not.toMatch(/ครับ|ค่ะ/);
    expect(CHAT_TEXT.welcome.startsWith('ยินดีต้อนรับ')).toBe(true);
  });

  it('reads an organisation\'s ตำบล, อำเภอ and จังหวัด from its profile', () => {
    expect(organisationArea({ name: 'องค์การบริหารส่วนตำบลบางเจ้าฉ่า', district: 'อำเภอโพธิ์ทอง', province: 'จ. อ่างทอง' })).toEqual(['ตำบลบางเจ้าฉ่า', 'อำเภอโพธิ์ทอง', 'จังหวัดอ่างทอง']);
    expect(organisationArea({ name: 'เทศบาลเมืองอ่างทอง', district: 'เมืองอ่างทอง', province: 'อ่างทอง' })).toEqual(['อำเภอเมืองอ่างทอง', 'จังหวัดอ่างทอง']);
    expect(organisationArea({ name: 'เทศบาลตำบลโพธิ์ทอง', district: '', province: '' })).toEqual(['ตำบลโพธิ์ทอง']);
  });
});
