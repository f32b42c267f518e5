import { daysBeforeRoundEnd, ROUND_TH, roundOf } from '../domain/calendar.js';
import { awaitingReport } from '../domain/reminders.js';
import { figures } from '../domain/figures.js';
import { measuresForOfficer } from '../db/measure-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { reminderMessages } from '../flex/reminder-message.js';
import type { Listed } from '../db/job-run-store.js';
import { nameOf } from '../domain/staff.js';
import type { Outgoing } from '../outbox/enqueue.js';
import type { JobDefinition } from './job.js';

/**
 * Before the E-PlanNACC rounds close (data as of 31 March and 30 September), officers with items still
 * awaiting a report in the round are reminded, on each configured number of days before. Whom it reminded of
 * what is kept (`listed`): the quarter's follow-up the next days leaves out an officer it would remind of
 * nothing more.
 */
export const roundReminder: JobDefinition<'round-reminder'> = {
  name: 'round-reminder',
  cron: '0 9 * 3,9 *',
  cronVariable: 'ROUND_REMINDER_CRON',
  thai: { name: 'เตือนก่อนรอบรายงาน', schedule: 'ตามกำหนดปกติ: 09:00 ก่อนวันส่งข้อมูลรอบ 6 เดือน (31 มี.ค.) และรอบ 12 เดือน (30 ก.ย.)' },
  period: (asOf) => {
    const round = roundOf(asOf);
    return `${round.fiscalYear}-${round.name}-d${daysBeforeRoundEnd(asOf, round)}`;
  },
  isDue: (now, { roundReminderDaysBefore }) => roundReminderDaysBefore.includes(daysBeforeRoundEnd(now)),
  async produce(run, { orgId, digits }) {
    const f = figures(digits);
    const round = roundOf(run.asOf);
    const days = daysBeforeRoundEnd(run.asOf, round);
    const fiscalYear = await activeFiscalYear(orgId);
    const outgoing: Outgoing[] = [];
    const listed: Listed[] = [];
    for (const officer of await staffWithRole(orgId, 'officer')) {
      const waiting = (await measuresForOfficer(orgId, fiscalYear, officer)).filter((m) => awaitingReport(m, round));
      if (waiting.length === 0) continue;
      const deadline = f.date(new Date(round.end.getTime() - 1));
      const when = days > 0 ? `อีก ${f.count(days)} วัน` : 'วันนี้';
      const intro = `${when}จะครบกำหนดรายงานผล${f.digits(ROUND_TH[round.name])} (ข้อมูล ณ ${deadline})\nรายการของท่านที่ยังรอรายงาน ${f.count(waiting.length)} รายการ`;
      outgoing.push({ key: `${run.id}:officer:${officer.lineUserId}`, to: [officer.lineUserId], messages: reminderMessages(intro, waiting, f) });
      listed.push({ lineUserId: officer.lineUserId, name: nameOf(officer) || officer.unit || 'เจ้าหน้าที่', measureIds: waiting.map((m) => m.id) });
    }
    return { outgoing, recipients: outgoing.length, listed };
  },
};
