import { describe, expect, it } from 'vitest';
import { digestTimeOf, nextDigestAt, parseDigestChoice } from '../../src/domain/notice-timing.js';
import { digestText, parseTypedDigestTime } from '../../src/domain/settings.js';

/** A Bangkok wall-clock moment (UTC+7, no daylight saving). */
const bkk = (local: string) => new Date(`${local}+07:00`);

describe('the next digest', () => {
  it("is today's when its time is still ahead in Bangkok, else tomorrow's", () => {
    expect(nextDigestAt(bkk('2026-12-05T11:00:00'), '16:00')).toEqual(bkk('2026-12-05T16:00:00'));
    expect(nextDigestAt(bkk('2026-12-05T16:00:00'), '16:00')).toEqual(bkk('2026-12-06T16:00:00'));
    expect(nextDigestAt(bkk('2026-12-05T17:30:00'), '16:00')).toEqual(bkk('2026-12-06T16:00:00'));
  });

  it('crosses the month and the year, and counts Bangkok days on a UTC machine clock', () => {
    expect(nextDigestAt(bkk('2026-12-31T20:00:00'), '08:30')).toEqual(bkk('2027-01-01T08:30:00'));
    // 23:30 UTC on the 4th is already 06:30 on the 5th in Bangkok.
    expect(nextDigestAt(new Date('2026-12-04T23:30:00Z'), '07:00')).toEqual(bkk('2026-12-05T07:00:00'));
  });
});

describe('the digest choice', () => {
  it('is a time, off, or the deployment default; the organisation\'s own wins', () => {
    expect(parseDigestChoice('9:05')).toBe('09:05');
    expect(parseDigestChoice('OFF')).toBe('off');
    expect(parseDigestChoice('25:00')).toBeNull();
    expect(digestTimeOf(null, '16:00')).toBe('16:00');
    expect(digestTimeOf('off', '16:00')).toBeNull();
    expect(digestTimeOf('08:00', null)).toBe('08:00');
  });

  it('is typed as people write it in ตั้งค่า, and shown with what it costs', () => {
    expect(parseTypedDigestTime('๑๖.๓๐ น.')).toEqual({ value: '16:30' });
    expect(parseTypedDigestTime('ส่งทันที')).toEqual({ value: 'off' });
    expect(parseTypedDigestTime('บ่ายสี่โมง')).toHaveProperty('error');
    expect(digestText('off')).toContain('ข้อความแยกทีละเรื่อง');
    expect(digestText('16:00')).toContain('ข้อความเดียวต่อคน');
  });
});
