import { daysBeforeRoundEnd, ROUND_TH, roundKey, roundOf, type Round } from '../domain/calendar.js';
import { awaitingReport, toldOfAll } from '../domain/reminders.js';
import { figures } from '../domain/figures.js';
import { measuresForOfficer } from '../db/measure-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { reminderMessages } from '../flex/reminder-message.js';
import { previousDoneRun, type Listed } from '../db/job-run-store.js';
import { roundToldSince, type RoundTold } from '../db/round-told-store.js';
import { nameOf } from '../domain/staff.js';
import type { Outgoing } from '../outbox/enqueue.js';
import type { JobDefinition } from './job.js';

/**
 * Before the E-PlanNACC rounds close (data as of 31 March and 30 September), officers with items still
 * awaiting a report in the round are reminded, on each configured number of days before. Whom it reminded of
 * what is kept (`listed`): the quarter's follow-up the next days leaves out an officer it would remind of
 * nothing more.
 * A later reminder of a round leaves out an officer told in a reply, since the reminder before, of every item
 * still awaiting (the answer to a saved report says what is left): they are still listed, as they know.
 */
export const roundReminder: JobDefinition<'round-reminder'> = {
  name: 'round-reminder',
  cron: '0 9 * 3,9 *',
  cronVariable: 'ROUND_REMINDER_CRON',
  thai: { name: 'เตือนก่อนรอบรายงาน', schedule: 'ตามกำหนดปกติ: 09:00 ก่อนวันส่งข้อมูลรอบ 6 เดือน (31 มี.ค.) และรอบ 12 เดือน (30 ก.ย.)' },
  period: (asOf) => {
    const round = roundOf(asOf);
    return `${roundKey(round)}-d${daysBeforeRoundEnd(asOf, round)}`;
  },
  isDue: (now, { roundReminderDaysBefore }) => roundReminderDaysBefore.includes(daysBeforeRoundEnd(now)),
  async produce(run, { orgId, digits }) {
    const f = figures(digits);
    const round = roundOf(run.asOf);
    const days = daysBeforeRoundEnd(run.asOf, round);
    const fiscalYear = await activeFiscalYear(orgId);
    const outgoing: Outgoing[] = [];
    const listed: Listed[] = [];
    const told = await toldSinceLastReminder(orgId, round, run.asOf);
    for (const officer of await staffWithRole(orgId, 'officer')) {
      const waiting = (await measuresForOfficer(orgId, fiscalYear, officer)).filter((m) => awaitingReport(m, round));
      if (waiting.length === 0) continue;
      listed.push({ lineUserId: officer.lineUserId, name: nameOf(officer) || officer.unit || 'เจ้าหน้าที่', measureIds: waiting.map((m) => m.id) });
      if (toldOfAll(told.get(officer.lineUserId), waiting)) continue;
      const deadline = f.date(new Date(round.end.getTime() - 1));
      const when = days > 0 ? `อีก ${f.count(days)} วัน` : 'วันนี้';
      const intro = `${when}จะครบกำหนดรายงานผล${f.digits(ROUND_TH[round.name])} (ข้อมูล ณ ${deadline})\nรายการของท่านที่ยังรอรายงาน ${f.count(waiting.length)} รายการ`;
      outgoing.push({ key: `${run.id}:officer:${officer.lineUserId}`, to: [officer.lineUserId], messages: reminderMessages(intro, waiting, f) });
    }
    return { outgoing, recipients: outgoing.length, listed };
  },
};

/**
 * The officers told in a reply since the round's previous reminder, by LINE user id; none before the round's
 * first reminder. Read from the stored run and tellings alone, so a run resumed or run by another instance
 * leaves out the same officers.
 */
async function toldSinceLastReminder(orgId: string, round: Round, asOf: Date): Promise<Map<string, RoundTold>> {
  const previous = await previousDoneRun(orgId, 'round-reminder', asOf);
  if (!previous || !previous.period.startsWith(`${roundKey(round)}-`)) return new Map();
  return roundToldSince(orgId, roundKey(round), previous.asOf);
}
