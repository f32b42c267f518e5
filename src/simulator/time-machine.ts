import { TZDate } from '@date-fns/tz';
import type { JobRun } from '../db/job-run-store.js';
import type { JobName } from '../jobs/job.js';
import type { RunResult } from '../jobs/run-job.js';
import { TIME_ZONE } from '../domain/time-zone.js';
import { isFirstWorkingDayOfMonth, type DayKey, type WorkingCalendar } from '../domain/working-days.js';

/**
 * What the simulator's time machine tells its user: each job by a Thai name and when it normally runs, the
 * first working day of a month by the organisation's holiday calendar, and what a run did in words.
 */

/** Every job has a Thai name: the record type makes a new job without one a type error. */
export const JOB_TH: Record<JobName, { name: string; schedule: string }> = {
  'follow-up': {
    name: 'ติดตามผลราย 3 เดือน',
    schedule: 'ตามกำหนดปกติ: 09:00 วันสุดท้ายของเดือน แจ้งเจ้าหน้าที่ถึงมาตรการ/โครงการที่ยังไม่รายงาน (สิ้นไตรมาสแจ้งทุกรายการที่ยังไม่รายงานในไตรมาสนั้น)',
  },
  'monthly-summary': { name: 'สรุปรายเดือนถึงผู้บริหาร', schedule: 'ตามกำหนดปกติ: 08:30 วันทำการแรกของเดือน ส่งสรุปผลการดำเนินงานถึงผู้บริหารและกลุ่มผู้บริหาร' },
  'round-reminder': { name: 'เตือนก่อนรอบรายงาน', schedule: 'ตามกำหนดปกติ: 09:00 ก่อนวันส่งข้อมูลรอบ 6 เดือน (31 มี.ค.) และรอบ 12 เดือน (30 ก.ย.)' },
  'complaint-deadlines': { name: 'กำหนด 15 วันเรื่องร้องเรียน', schedule: 'ตามกำหนดปกติ: 09:00 ทุกวัน ตรวจเรื่องร้องเรียนที่ใกล้หรือเกินกำหนด 15 วัน' },
  'oit-reminder': {
    name: 'เตือนตอบข้อมูลเปิดเผยต่อสาธารณะ (OIT)',
    schedule: 'ตามกำหนดปกติ: 09:00 วันทำการแรกของทุกสัปดาห์ ตั้งแต่ 1 ม.ค. ถึง 30 เม.ย. แจ้งเจ้าหน้าที่ถึงข้อที่ยังไม่ได้ตอบ และแจ้งผู้ตรวจสอบถึงคำตอบที่รอตรวจ',
  },
  'oit-url-check': { name: 'ตรวจลิงก์ข้อมูลเปิดเผยต่อสาธารณะ (OIT)', schedule: 'ตามกำหนดปกติ: 06:00 ทุกวัน เปิดลิงก์ที่ตอบไว้ทุกข้อ และแจ้งผู้รับผิดชอบเมื่อเปิดไม่ได้' },
  'rollup-summary': { name: 'ภาพรวมถึงผู้กำกับดูแล', schedule: 'ตามกำหนดปกติ: 09:00 วันทำการแรกของเดือน ส่งภาพรวมของหน่วยงานในพื้นที่ถึงผู้กำกับดูแลระดับอำเภอและจังหวัด' },
};

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
