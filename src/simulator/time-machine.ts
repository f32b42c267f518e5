import { TZDate } from '@date-fns/tz';
import type { JobRun } from '../db/job-run-store.js';
import type { JobDefinition } from '../jobs/job.js';
import { JOB_NAMES, JOBS, type JobName } from '../jobs/registry.js';
import type { RunResult } from '../jobs/run-job.js';
import { TIME_ZONE } from '../domain/time-zone.js';
import { isFirstWorkingDayOfMonth, type DayKey, type WorkingCalendar } from '../domain/working-days.js';

/**
 * What the simulator's time machine tells its user: each job by a Thai name and when it normally runs, the
 * first working day of a month by the organisation's holiday calendar, and what a run did in words.
 */

/** Each job's Thai name and usual time, as its definition gives them. */
export const JOB_TH = Object.fromEntries(JOB_NAMES.map((name) => [name, JOBS[name].thai])) as Record<JobName, JobDefinition['thai']>;

/** The first working day of a Bangkok month (`monthIndex` 0–11), weekends and the calendar's days off skipped. */
export function firstWorkingDayOfMonth(calendar: WorkingCalendar, year: number, monthIndex: number): DayKey {
  for (let day = 1; day <= 31; day++) {
    const noon = new TZDate(year, monthIndex, day, 12, TIME_ZONE);
    if (noon.getMonth() !== monthIndex) break;
    if (isFirstWorkingDayOfMonth(calendar, new Date(noon.getTime()))) return `${noon.getFullYear()}-${pad(noon.getMonth() + 1)}-${pad(noon.getDate())}`;
  }
  throw new Error(`no working day in ${year}-${monthIndex + 1}`);
}

const pad = (n: number) => String(n).padStart(2, '0');

const THAI_MONTHS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

function thaiMoment(at: Date): string {
  const d = new TZDate(at.getTime(), TIME_ZONE);
  return `${d.getDate()} ${THAI_MONTHS[d.getMonth()]} ${d.getFullYear() + 543} เวลา ${pad(d.getHours())}:${pad(d.getMinutes())} น.`;
}

export interface RunReport {
  kind: 'ok' | 'warn' | 'error';
  text: string;
}

/**
 * A run in words. A run of a period that already ran sends nothing: it says so, and what the earlier run
 * sent (`earlier`, when it finished), rather than a count of this call's sends.
 */
export function describeRun(result: RunResult, earlier: JobRun | null): RunReport {
  if (result.status === 'failed') return { kind: 'error', text: `งานนี้ทำไม่สำเร็จ: ${result.error}` };
  if (result.status === 'done') {
    if (result.messages === 0) return { kind: 'ok', text: 'ทำงานเสร็จแล้ว รอบนี้ไม่มีข้อความที่ต้องส่ง' };
    return { kind: 'ok', text: `ทำงานเสร็จแล้ว ส่ง ${result.messages} ข้อความ ถึงผู้รับ ${result.recipients} ราย` };
  }
  if (!earlier) {
    const text = result.state === 'failed' ? 'งานของรอบเวลานี้เคยสั่งแล้วแต่ทำไม่สำเร็จ จึงไม่ได้ส่งข้อความใหม่' : 'งานของรอบเวลานี้กำลังทำอยู่ จึงไม่ได้ส่งข้อความใหม่';
    return { kind: 'warn', text };
  }
  const before = earlier.recipients > 0 ? `ครั้งนั้นส่งถึงผู้รับ ${earlier.recipients} ราย` : 'ครั้งนั้นไม่มีข้อความที่ต้องส่ง';
  const when = earlier.finishedAt ? `เมื่อ ${thaiMoment(earlier.finishedAt)} ` : '';
  return { kind: 'warn', text: `งานของรอบเวลานี้ทำไปแล้ว${when}(${before}) ครั้งนี้จึงไม่ได้ส่งข้อความใหม่` };
}
