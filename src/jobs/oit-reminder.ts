import { dayKey } from '../domain/calendar.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { daysBeforeItasCloses, isOitReminderDay, itasWindow, needsOwner, oitState, ownsOitItem } from '../domain/oit.js';
import { figures } from '../domain/figures.js';
import { latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { oitOwnerCard, oitReminderMessages, oitReviewCard } from '../flex/oit-cards.js';
import type { Outgoing } from '../outbox/enqueue.js';
import type { JobDefinition } from './job.js';

export const DEFAULT_OIT_REMINDER_DAYS_BEFORE = [7, 3, 1];

/**
 * While ITAS is open (1 January – 30 April), on the first working day of each week and in the last days before it closes: each owner is
 * sent the OIT items of theirs still unanswered or sent back, and each reviewer the answers still waiting for
 * review, as cards whose buttons open the answer or the decision.
 */
export const oitReminder: JobDefinition<'oit-reminder'> = {
  name: 'oit-reminder',
  // Candidate days of January–April: the job keeps to Mondays and the last days before 30 April.
  cron: '0 9 * 1-4 *',
  cronVariable: 'OIT_REMINDER_CRON',
  thai: {
    name: 'เตือนตอบข้อมูลเปิดเผยต่อสาธารณะ (OIT)',
    schedule: 'ตามกำหนดปกติ: 09:00 วันทำการแรกของทุกสัปดาห์ ตั้งแต่ 1 ม.ค. ถึง 30 เม.ย. แจ้งเจ้าหน้าที่ถึงข้อที่ยังไม่ได้ตอบ และแจ้งผู้ตรวจสอบถึงคำตอบที่รอตรวจ',
  },
  period: (asOf) => dayKey(asOf),
  isDue: (now, settings, calendar) => isOitReminderDay(now, fiscalYearOf(now), settings.oitReminderDaysBefore ?? DEFAULT_OIT_REMINDER_DAYS_BEFORE, calendar),
  async produce(run, { orgId, digits }) {
    const f = figures(digits);
    const fiscalYear = fiscalYearOf(run.asOf);
    // The list of this year's form must have been imported; last year's answers are not this year's.
    if ((await latestOitYear(orgId)) !== fiscalYear) return { outgoing: [], recipients: 0 };
    const items = await oitItemsOfYear(orgId, fiscalYear);
    const days = daysBeforeItasCloses(run.asOf, fiscalYear);
    const closes = f.date(new Date(itasWindow(fiscalYear).end.getTime() - 1));
    const when = days > 0 ? `ระบบ ITAS จะปิดในอีก ${f.count(days)} วัน (${closes})` : `ระบบ ITAS ปิดวันนี้ (${closes})`;
    const outgoing: Outgoing[] = [];

    for (const officer of await staffWithRole(orgId, 'officer')) {
      const todo = items.filter((i) => ownsOitItem(i, officer) && needsOwner(i));
      if (todo.length === 0) continue;
      const returned = todo.filter((i) => oitState(i) === 'returned').length;
      const intro = `${when}\nข้อมูลเปิดเผยต่อสาธารณะที่ท่านรับผิดชอบ ยังไม่ได้ตอบ ${f.count(todo.length - returned)} ข้อ${returned > 0 ? ` ถูกส่งกลับให้แก้ไข ${f.count(returned)} ข้อ` : ''} กดที่แต่ละข้อเพื่อตอบ`;
      outgoing.push({ key: `${run.id}:owner:${officer.lineUserId}`, to: [officer.lineUserId], messages: oitReminderMessages(intro, todo, oitOwnerCard, 'OIT', f) });
    }

    const waiting = items.filter((i) => oitState(i) === 'waiting');
    const reviewers = (await staffWithRole(orgId, 'reviewer')).map((r) => r.lineUserId);
    if (waiting.length > 0 && reviewers.length > 0) {
      const approved = items.filter((i) => oitState(i) === 'approved').length;
      const intro = `${when}\nข้อ OIT รอตรวจสอบ ${f.count(waiting.length)} ข้อ (ผ่านแล้ว ${f.count(approved)} จาก ${f.count(items.length)} ข้อ)`;
      outgoing.push({ key: `${run.id}:reviewers`, to: reviewers, messages: oitReminderMessages(intro, waiting, oitReviewCard, 'รอตรวจ', f) });
    }
    return { outgoing, recipients: outgoing.reduce((n, o) => n + o.to.length, 0) };
  },
};
