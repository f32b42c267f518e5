import { describe, expect, it } from 'vitest';
import {
  daysBeforeRoundEnd,
  fiscalQuarterOf,
  isLastDayOfMonth,
  isQuarterEnd,
  monthKey,
  roundHasEnded,
  roundLastDay,
  roundOf,
  roundOfFiscalYear,
} from '../../src/domain/calendar.js';
import { isFirstWorkingDayOfMonth as firstWorkingDay, WEEKENDS_ONLY } from '../../src/domain/working-days.js';
import { awaitingReport, needsFollowUp, roundBeingReminded, toldOfAll } from '../../src/domain/reminders.js';
import { DEFAULT_LEVEL_THRESHOLDS, levelOf, parseThresholds, summarise, type SummaryMeasure, type SummaryReport } from '../../src/domain/summary.js';

const bkk = (local: string) => new Date(`${local}+07:00`);
const isFirstWorkingDayOfMonth = (date: Date) => firstWorkingDay(WEEKENDS_ONLY, date);

describe('the reporting calendar, in Bangkok whatever the machine zone', () => {
  it('runs these tests in a zone other than Bangkok', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('Asia/Bangkok');
    expect(new Date('2025-10-01T00:30:00+07:00').getDate()).toBe(30); // still 30 Sep on this machine's clock
  });

  it('names a fiscal year\'s rounds and says a round has ended only once its last day is over in Bangkok', () => {
    const twelve = roundOfFiscalYear(2568, 'twelve_month');
    expect(twelve).toMatchObject({ name: 'twelve_month', fiscalYear: 2568 });
    expect(twelve.end.toISOString()).toBe('2025-09-30T17:00:00.000Z');
    expect(roundLastDay(twelve) < twelve.end).toBe(true);
    expect(roundHasEnded(twelve, bkk('2025-09-30T23:59:00'))).toBe(false);
    expect(roundHasEnded(twelve, bkk('2025-10-01T00:00:00'))).toBe(true);
    const six = roundOfFiscalYear(2568, 'six_month');
    expect(six.start.toISOString()).toBe('2024-09-30T17:00:00.000Z');
    expect(roundHasEnded(six, bkk('2025-03-31T12:00:00'))).toBe(false);
    expect(roundHasEnded(six, bkk('2025-04-01T00:00:00'))).toBe(true);
  });

  it('crosses the fiscal-year boundary at Bangkok midnight, 30 Sep → 1 Oct', () => {
    const before = bkk('2025-09-30T23:59:00');
    const after = bkk('2025-10-01T00:01:00');
    expect(fiscalQuarterOf(before)).toMatchObject({ fiscalYear: 2568, quarter: 4 });
    expect(fiscalQuarterOf(after)).toMatchObject({ fiscalYear: 2569, quarter: 1 });
    expect(fiscalQuarterOf(after).start.toISOString()).toBe('2025-09-30T17:00:00.000Z');
    expect(roundOf(before)).toMatchObject({ name: 'twelve_month', fiscalYear: 2568 });
    expect(roundOf(after)).toMatchObject({ name: 'six_month', fiscalYear: 2569 });
    expect(daysBeforeRoundEnd(before)).toBe(0);
    expect(daysBeforeRoundEnd(after)).toBe(181); // to 31 March 2026
    expect(monthKey(before)).toBe('2025-09');
    expect(monthKey(after)).toBe('2025-10');
    expect(isQuarterEnd(before)).toBe(true);
    expect(isQuarterEnd(after)).toBe(false);
  });

  it('knows quarter ends, month ends, round days and the first working day', () => {
    expect([bkk('2025-12-31T09:00:00'), bkk('2026-03-31T09:00:00'), bkk('2026-06-30T09:00:00')].map(isQuarterEnd)).toEqual([true, true, true]);
    expect(isQuarterEnd(bkk('2026-01-31T09:00:00'))).toBe(false);
    expect(isLastDayOfMonth(bkk('2026-02-28T09:00:00'))).toBe(true);
    expect(isLastDayOfMonth(bkk('2028-02-28T09:00:00'))).toBe(false); // leap year
    expect(daysBeforeRoundEnd(bkk('2026-03-24T09:00:00'))).toBe(7);
    expect(daysBeforeRoundEnd(bkk('2026-09-29T09:00:00'))).toBe(1);
    // 1 Nov 2026 is a Sunday: the first working morning is Monday 2 Nov.
    expect(isFirstWorkingDayOfMonth(bkk('2026-11-01T08:30:00'))).toBe(false);
    expect(isFirstWorkingDayOfMonth(bkk('2026-11-02T08:30:00'))).toBe(true);
    expect(isFirstWorkingDayOfMonth(bkk('2026-12-01T08:30:00'))).toBe(true);
    expect(isFirstWorkingDayOfMonth(bkk('2026-12-02T08:30:00'))).toBe(false);
  });
});

function measure(i: number, over: Partial<SummaryMeasure> = {}): SummaryMeasure {
  return {
    id: `m${i}`,
    code: `EP-${i}`,
    title: `โครงการ ${i}`,
    family: 'anticorruption_project',
    dimension: (i % 4) + 1,
    responsibleUnits: [i % 2 ? 'สำนักปลัด' : 'กองคลัง'],
    periodStart: bkk('2025-10-01T00:00:00'),
    periodEnd: bkk('2026-10-01T00:00:00'),
    budget: 0,
    status: 'not_started',
    disbursed: 0,
    lastReportAt: null,
    ...over,
  };
}

describe('summary figures exactly as the seeds compute them', () => {
  it('seed 004: 15 projects, 10 completed and 5 in progress → 83.33 %, level มาก, budget 0 → disbursement 0.00', () => {
    const reportedAt = bkk('2026-09-15T10:00:00');
    const measures = Array.from({ length: 15 }, (_, i) => measure(i, { status: i < 10 ? 'completed' : 'in_progress', lastReportAt: reportedAt }));
    const reports: SummaryReport[] = measures.map((m) => ({ measureId: m.id, reportedAt, status: m.status, disbursed: null }));
    const s = summarise(2569, measures, reports, bkk('2026-09-30T12:00:00'));
    expect(s.overall).toMatchObject({ total: 15, completed: 10, in_progress: 5, implementationPercent: 83.33, disbursementPercent: 0, awaiting_report: 0 });
    expect(s.level).toBe('มาก');
    expect(s.byDimension.map((d) => d.tally.total)).toEqual([4, 4, 4, 3]);
    expect(s.byUnit.map((u) => [u.unit, u.tally.total])).toEqual([
      ['กองคลัง', 8],
      ['สำนักปลัด', 7],
    ]);
    // A month earlier nothing had been reported: the trend shows the whole rise.
    expect(s.previous.overall.implementationPercent).toBe(0);
  });

  it('seed 001: 50 of 50 done = 100 %', () => {
    const measures = Array.from({ length: 50 }, (_, i) => measure(i, { family: 'ita_measure', dimension: null, status: 'completed', lastReportAt: bkk('2026-01-10T10:00:00') }));
    const s = summarise(2569, measures, [], bkk('2026-02-01T08:30:00'));
    expect(s.overall.implementationPercent).toBe(100);
    expect(s.level).toBe('มากที่สุด');
    expect(s.byDimension).toEqual([]);
  });

  it('disbursement is disbursed ÷ budget × 100, overdue and stale are listed, awaiting report counts the round', () => {
    const now = bkk('2026-05-01T08:30:00');
    const measures = [
      measure(1, { budget: 200_000, disbursed: 50_000, status: 'in_progress', lastReportAt: bkk('2026-04-20T10:00:00') }),
      measure(2, { budget: 100_000, disbursed: 0, periodEnd: bkk('2026-04-01T00:00:00'), status: 'in_progress', lastReportAt: bkk('2026-01-05T10:00:00') }),
      measure(3, { status: 'completed', periodEnd: bkk('2026-03-01T00:00:00'), lastReportAt: bkk('2026-02-01T10:00:00') }),
    ];
    const s = summarise(2569, measures, [], now);
    expect(s.overall.disbursementPercent).toBe(16.67);
    expect(s.overdue.map((m) => m.code)).toEqual(['EP-2']);
    expect(s.stale.map((m) => m.code)).toEqual(['EP-2']);
    expect(s.round.name).toBe('twelve_month');
    expect(s.overall.awaiting_report).toBe(1); // EP-2: nothing since 1 April; EP-3 is completed
  });

  it('uses configurable thresholds and says which', () => {
    expect(levelOf(83.33)).toBe('มาก');
    const custom = parseThresholds('ดีเยี่ยม:85,ดี:60,ต้องปรับปรุง:0')!;
    expect(levelOf(83.33, custom)).toBe('ดี');
    expect(parseThresholds('ดี:60')).toBeNull(); // no label for the bottom
    expect(DEFAULT_LEVEL_THRESHOLDS.map((t) => t.min)).toEqual([90, 70, 50, 30, 0]);
  });
});

describe('who is reminded of what', () => {
  const started = { periodStart: bkk('2025-10-01T00:00:00') };
  it('at a quarter end: open measures not reported during the quarter', () => {
    const q1End = bkk('2025-12-31T09:00:00');
    expect(needsFollowUp({ ...started, status: 'in_progress', lastReportAt: bkk('2025-09-20T10:00:00') }, q1End)).toBe(true);
    expect(needsFollowUp({ ...started, status: 'in_progress', lastReportAt: bkk('2025-11-20T10:00:00') }, q1End)).toBe(false);
    expect(needsFollowUp({ ...started, status: 'completed', lastReportAt: null }, q1End)).toBe(false);
    expect(needsFollowUp({ periodStart: bkk('2026-03-01T00:00:00'), status: 'not_started', lastReportAt: null }, q1End)).toBe(false);
  });

  it('at other month ends: only measures with no report for 3 months', () => {
    const janEnd = bkk('2026-01-31T09:00:00');
    expect(needsFollowUp({ ...started, status: 'in_progress', lastReportAt: bkk('2025-10-15T10:00:00') }, janEnd)).toBe(true);
    expect(needsFollowUp({ ...started, status: 'in_progress', lastReportAt: bkk('2025-11-15T10:00:00') }, janEnd)).toBe(false);
  });

  it('before a round closes: items with nothing reported since the round began', () => {
    const round = roundOf(bkk('2026-03-24T09:00:00'));
    expect(awaitingReport({ ...started, status: 'in_progress', lastReportAt: bkk('2025-09-01T10:00:00') }, round)).toBe(true);
    expect(awaitingReport({ ...started, status: 'in_progress', lastReportAt: bkk('2025-12-01T10:00:00') }, round)).toBe(false);
    expect(awaitingReport({ ...started, status: 'completed', lastReportAt: bkk('2025-09-01T10:00:00') }, round)).toBe(false);
  });

  it("a round's reminders run from the first reminder day, in Bangkok, to the end of its last day", () => {
    expect(roundBeingReminded(bkk('2026-03-23T23:59:00'), [7, 1])).toBeNull();
    expect(roundBeingReminded(bkk('2026-03-24T00:00:00'), [7, 1])).toMatchObject({ name: 'six_month', fiscalYear: 2569 });
    expect(roundBeingReminded(bkk('2026-03-31T23:59:00'), [1, 7])).toMatchObject({ name: 'six_month' });
    expect(roundBeingReminded(bkk('2026-04-01T00:00:00'), [7, 1])).toBeNull();
    expect(roundBeingReminded(bkk('2026-03-30T10:00:00'), [])).toBeNull();
  });

  it('a reminder tells nothing new to an officer told in a reply of every item still awaiting', () => {
    const told = { measureIds: ['a', 'b'] };
    expect(toldOfAll(told, [{ id: 'b' }])).toBe(true);
    expect(toldOfAll(told, [{ id: 'b' }, { id: 'c' }])).toBe(false);
    expect(toldOfAll(undefined, [{ id: 'b' }])).toBe(false);
  });
});
