import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dueAt } from '../../src/domain/complaints.js';
import { isOitReminderDay } from '../../src/domain/oit.js';
import {
  isFirstWorkingDayOfMonth,
  isFirstWorkingDayOfWeek,
  isWorkingDay,
  nextWorkingDay,
  workingCalendar,
  type HolidayChange,
} from '../../src/domain/working-days.js';
import { holidayFiles, publicHolidays } from '../../src/holidays/public-holidays.js';

const bkk = (local: string) => new Date(`${local}+07:00`);
const shipped = publicHolidays();
const calendar = (changes: HolidayChange[] = [], orgId = 'org-a') => workingCalendar(orgId, shipped, changes);
const named = (date: string) => shipped.filter((h) => h.date === date).map((h) => h.name);

describe('the shipped calendar of public holidays', () => {
  it('has the Buddhist days of 2569 and the substitute for วิสาขบูชา as announced', () => {
    expect(named('2026-03-03')).toEqual(['วันมาฆบูชา']);
    expect(named('2026-05-31')).toEqual(['วันวิสาขบูชา']);
    expect(named('2026-06-01')).toEqual(['วันหยุดชดเชยวันวิสาขบูชา']);
    expect(named('2026-07-29')).toEqual(['วันอาสาฬหบูชา']);
    expect(named('2026-07-30')).toEqual(['วันเข้าพรรษา']);
    expect(named('2026-04-13')).toEqual(['วันสงกรานต์']);
  });

  it('ships 2569 and 2570 with their status, each day once, every substitute day on a weekday right after a weekend holiday', () => {
    expect(holidayFiles().map((f) => [f.year, f.status])).toEqual([
      [2569, 'compiled'],
      [2570, 'provisional'],
    ]);
    expect(new Set(shipped.map((h) => h.date)).size).toBe(shipped.length);
    const weekendsOnly = workingCalendar('x', [], []);
    const utcDay = (key: string) => Date.parse(`${key}T00:00:00Z`) / 86_400_000;
    const onWeekend = (key: string) => !isWorkingDay(weekendsOnly, bkk(`${key}T12:00:00`));
    for (const sub of shipped.filter((h) => h.substitute)) {
      expect(onWeekend(sub.date), sub.date).toBe(false);
      const gap = (h: { date: string }) => utcDay(sub.date) - utcDay(h.date);
      expect(shipped.some((h) => !h.substitute && onWeekend(h.date) && gap(h) >= 1 && gap(h) <= 3), sub.date).toBe(true);
    }
  });

  it('refuses a file whose days are not in its year', () => {
    const dir = mkdtempSync(join(tmpdir(), 'holidays-'));
    writeFileSync(join(dir, '2571.json'), JSON.stringify({ year: 2571, status: 'provisional', note: '', days: [{ date: '2027-01-01', name: 'วันขึ้นปีใหม่' }] }));
    expect(() => holidayFiles(dir)).toThrow(/2028/);
    writeFileSync(join(dir, '2571.json'), JSON.stringify({ year: 2571, status: 'provisional', note: '', days: [{ date: '2028-02-30', name: 'x' }] }));
    expect(() => holidayFiles(dir)).toThrow(/YYYY-MM-DD/);
  });
});

describe('working days in Bangkok', () => {
  it('moves the first working day of June 2026 past the substitute day for วิสาขบูชา', () => {
    expect(isFirstWorkingDayOfMonth(calendar(), bkk('2026-06-01T08:30:00'))).toBe(false);
    expect(isFirstWorkingDayOfMonth(calendar(), bkk('2026-06-02T08:30:00'))).toBe(true);
    expect(isFirstWorkingDayOfMonth(calendar(), bkk('2026-06-03T08:30:00'))).toBe(false); // a holiday itself, and not the first
    // 1 January 2026 (Thursday) is New Year's Day: Friday the 2nd is the first working day.
    expect(isFirstWorkingDayOfMonth(calendar(), bkk('2026-01-01T08:30:00'))).toBe(false);
    expect(isFirstWorkingDayOfMonth(calendar(), bkk('2026-01-02T08:30:00'))).toBe(true);
    // Bangkok's day, whatever the machine's zone: 00:30 on 1 June in Bangkok is still 31 May in UTC.
    expect(isWorkingDay(calendar(), bkk('2026-06-01T00:30:00'))).toBe(false);
    expect(isWorkingDay(calendar(), bkk('2026-06-02T00:30:00'))).toBe(true);
  });

  it('skips a weekend holiday and its substitute day: after Friday 4 December 2026 comes Tuesday the 8th', () => {
    expect(calendar().dayOff(bkk('2026-12-07T09:00:00'))).toMatchObject({ source: 'calendar', name: expect.stringContaining('วันหยุดชดเชย') });
    expect(nextWorkingDay(calendar(), bkk('2026-12-04T16:00:00')).toISOString()).toBe(bkk('2026-12-08T00:00:00').toISOString());
    expect(nextWorkingDay(calendar(), bkk('2026-12-08T09:00:00')).toISOString()).toBe(bkk('2026-12-09T00:00:00').toISOString());
  });

  it('applies an organisation\'s own day off to that organisation only, and a day added for all to everyone', () => {
    const changes: HolidayChange[] = [
      { date: '2026-09-01', name: 'งานประเพณีแห่เทียนพรรษา', orgId: 'org-a', off: true },
      { date: '2027-01-04', name: 'วันหยุดชดเชยวันสิ้นปี', orgId: null, off: true },
    ];
    const a = calendar(changes, 'org-a');
    const b = calendar(changes, 'org-b');
    expect(isFirstWorkingDayOfMonth(a, bkk('2026-09-01T08:30:00'))).toBe(false);
    expect(isFirstWorkingDayOfMonth(a, bkk('2026-09-02T08:30:00'))).toBe(true);
    expect(a.dayOff(bkk('2026-09-01T08:30:00'))).toMatchObject({ source: 'organisation', name: 'งานประเพณีแห่เทียนพรรษา' });
    expect(isFirstWorkingDayOfMonth(b, bkk('2026-09-01T08:30:00'))).toBe(true);
    for (const cal of [a, b]) {
      expect(isFirstWorkingDayOfMonth(cal, bkk('2027-01-04T08:30:00'))).toBe(false);
      expect(isFirstWorkingDayOfMonth(cal, bkk('2027-01-05T08:30:00'))).toBe(true);
    }
  });

  it('makes a cancelled public holiday a working day again', () => {
    const cancelled = calendar([{ date: '2026-06-01', name: 'วันหยุดชดเชยวันวิสาขบูชา', orgId: null, off: false }]);
    expect(isFirstWorkingDayOfMonth(cancelled, bkk('2026-06-01T08:30:00'))).toBe(true);
  });

  it('sends the weekly OIT reminder on the first working day of a week whose Monday is a holiday', () => {
    // 13–15 April 2026 (Monday–Wednesday) are สงกรานต์: the week's reminder goes on Thursday the 16th.
    expect(isFirstWorkingDayOfWeek(calendar(), bkk('2026-04-16T09:00:00'))).toBe(true);
    expect(isOitReminderDay(bkk('2026-04-13T09:00:00'), 2569, [], calendar())).toBe(false);
    expect(isOitReminderDay(bkk('2026-04-16T09:00:00'), 2569, [], calendar())).toBe(true);
    expect(isOitReminderDay(bkk('2026-04-17T09:00:00'), 2569, [], calendar())).toBe(false);
    expect(isOitReminderDay(bkk('2026-04-20T09:00:00'), 2569, [], calendar())).toBe(true);
  });
});

describe('the 15-day complaint deadline', () => {
  const calendar = workingCalendar('org', publicHolidays(), []);
  const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000);

  it('is the end of the 15th day after filing when that is a working day', () => {
    // Filed Monday 2 Nov 2026, 10:00 Bangkok: the 15th day is Tuesday 17 Nov.
    expect(dueAt(new Date('2026-11-02T10:00:00+07:00'), calendar)).toEqual(endOf('2026-11-17'));
  });

  it('moves to the next working day when the 15th day is a weekend or a public holiday', () => {
    // Filed 21 Nov 2026: the 15th day is Sunday 6 Dec; Monday 7 Dec is the substitute for วันพ่อแห่งชาติ.
    expect(dueAt(new Date('2026-11-21T10:00:00+07:00'), calendar)).toEqual(endOf('2026-12-08'));
    // Filed 25 Nov 2026: the 15th day is Thursday 10 Dec, วันรัฐธรรมนูญ.
    expect(dueAt(new Date('2026-11-25T10:00:00+07:00'), calendar)).toEqual(endOf('2026-12-11'));
    // An organisation's own day off counts too.
    const own = workingCalendar('org', publicHolidays(), [{ date: '2026-11-17', name: 'งานประเพณีท้องถิ่น', orgId: 'org', off: true }]);
    expect(dueAt(new Date('2026-11-02T10:00:00+07:00'), own)).toEqual(endOf('2026-11-18'));
  });
});
