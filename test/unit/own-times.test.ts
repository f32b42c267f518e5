import { describe, expect, it } from 'vitest';
import { timeOfDayKey } from '../../src/domain/calendar.js';
import { parseTimeOfDay, timesOfDayBetween } from '../../src/domain/organisation.js';
import { firesOnDayOf } from '../../src/jobs/cron-days.js';

const bkk = (local: string) => new Date(`${local}+07:00`);

describe('times of day', () => {
  it('reads a real 24-hour time and nothing else', () => {
    expect(['9:05', '09:05', '00:00', '23:59'].map(parseTimeOfDay)).toEqual(['09:05', '09:05', '00:00', '23:59']);
    expect(['24:00', '10:60', '9.30', '930', '', '1:5', '-1:00'].map(parseTimeOfDay)).toEqual([null, null, null, null, null, null, null]);
  });

  it('lists the minutes of a tick window, from midnight when there was no tick before', () => {
    expect(timesOfDayBetween('09:58', '10:01')).toEqual(['09:59', '10:00', '10:01']);
    expect(timesOfDayBetween('10:00', '10:00')).toEqual([]);
    expect(timesOfDayBetween(null, '00:02')).toEqual(['00:00', '00:01', '00:02']);
    expect(timesOfDayBetween(null, '23:59')).toHaveLength(1_440);
    expect(timeOfDayKey(new Date('2026-06-02T03:00:59Z'))).toBe('10:00');
  });
});

describe("a cron's days", () => {
  it("matches the Bangkok days on which the cron fires, whatever the time (the monthly summary's 1–10, Monday–Friday)", () => {
    const fires = firesOnDayOf('30 8 1-10 * 1-5');
    expect(fires(bkk('2026-12-01T23:59:00'))).toBe(true); // Tuesday
    expect(fires(bkk('2026-12-01T00:00:00'))).toBe(true);
    expect(fires(bkk('2026-12-05T10:00:00'))).toBe(false); // Saturday
    expect(fires(bkk('2026-12-11T10:00:00'))).toBe(false);
    // 30 November 23:30 UTC is 1 December in Bangkok.
    expect(fires(new Date('2026-11-30T17:30:00Z'))).toBe(true);
    const months = firesOnDayOf('0 9 * 3,9 *');
    expect([months(bkk('2027-03-01T13:00:00')), months(bkk('2027-02-14T13:00:00'))]).toEqual([true, false]);
  });
});
