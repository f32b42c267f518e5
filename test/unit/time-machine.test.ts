import { describe, expect, it } from 'vitest';
import type { JobRun } from '../../src/db/job-run-store.js';
import { WEEKENDS_ONLY, workingCalendar } from '../../src/domain/working-days.js';
import { JOB_NAMES } from '../../src/jobs/registry.js';
import { describeRun, firstWorkingDayOfMonth, JOB_TH } from '../../src/simulator/time-machine.js';

describe("the time machine's first working day of a month", () => {
  const calendar = workingCalendar('org', [{ date: '2027-01-01', name: 'วันขึ้นปีใหม่' }], [{ date: '2027-01-04', name: 'วันหยุดของเทศบาล', orgId: 'org', off: true }]);

  it('skips the weekend, the public holiday and the organisation\'s own day off', () => {
    expect(firstWorkingDayOfMonth(WEEKENDS_ONLY, 2027, 0)).toBe('2027-01-01');
    expect(firstWorkingDayOfMonth(calendar, 2027, 0)).toBe('2027-01-05');
    expect(firstWorkingDayOfMonth(calendar, 2026, 10)).toBe('2026-11-02');
  });
});

describe('a run in words', () => {
  const earlier = (recipients: number): JobRun => ({
    id: 'org:monthly-summary:2026-11',
    job: 'monthly-summary',
    period: '2026-11',
    asOf: new Date('2026-11-02T01:30:00Z'),
    state: 'done',
    trigger: 'operator',
    startedAt: new Date('2026-11-02T01:30:00Z'),
    finishedAt: new Date('2026-11-02T01:30:05Z'),
    takeovers: 0,
    recipients,
    error: null,
    listed: [],
  });

  it('says what a run sent, or that there was nothing to send', () => {
    expect(describeRun({ status: 'done', runId: 'r', recipients: 2, messages: 2 }, null)).toEqual({ kind: 'ok', text: 'ทำงานเสร็จแล้ว ส่ง 2 ข้อความ ถึงผู้รับ 2 ราย' });
    expect(describeRun({ status: 'done', runId: 'r', recipients: 0, messages: 0 }, null).text).toBe('ทำงานเสร็จแล้ว รอบนี้ไม่มีข้อความที่ต้องส่ง');
  });

  it('a repeated run says it ran before, when, and what it sent then, and that nothing new was sent', () => {
    const again = describeRun({ status: 'already', runId: 'org:monthly-summary:2026-11', state: 'done' }, earlier(2));
    expect(again).toEqual({ kind: 'warn', text: 'งานของรอบเวลานี้ทำไปแล้วเมื่อ 2 พ.ย. 2569 เวลา 08:30 น. (ครั้งนั้นส่งถึงผู้รับ 2 ราย) ครั้งนี้จึงไม่ได้ส่งข้อความใหม่' });
    expect(describeRun({ status: 'already', runId: 'x', state: 'done' }, earlier(0)).text).toContain('ครั้งนั้นไม่มีข้อความที่ต้องส่ง');
    expect(describeRun({ status: 'already', runId: 'x', state: 'running' }, null).text).toBe('งานของรอบเวลานี้กำลังทำอยู่ จึงไม่ได้ส่งข้อความใหม่');
    expect(describeRun({ status: 'already', runId: 'x', state: 'failed' }, null).text).toBe('งานของรอบเวลานี้เคยสั่งแล้วแต่ทำไม่สำเร็จ จึงไม่ได้ส่งข้อความใหม่');
  });

  it('names every job in Thai, each differently', () => {
    const names = JOB_NAMES.map((j) => JOB_TH[j].name);
    for (const name of names) expect(name).toMatch(/^[\u0E00-\u0E7F]/);
    expect(new Set(names).size).toBe(JOB_NAMES.length);
  });
});
