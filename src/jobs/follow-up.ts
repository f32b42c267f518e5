import { linkedGroup } from '../db/executive-group-store.js';
import { figures, type DigitStyle } from '../domain/figures.js';
import { fiscalQuarterOf, isLastDayOfMonth, isQuarterEnd, monthKey } from '../domain/calendar.js';
import { needsFollowUp } from '../domain/reminders.js';
import { stillUnreported } from '../domain/executive-groups.js';
import { nameOf } from '../domain/staff.js';
import { doneRunsBetween, previousDoneRun, type Listed } from '../db/job-run-store.js';
import { measureProgress, measuresForOfficer } from '../db/measure-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import type { Message } from '../line/messages.js';
import { followUpResultMessage } from '../flex/follow-up-cards.js';
import { reminderMessages } from '../flex/reminder-message.js';
import type { Outgoing } from '../outbox/enqueue.js';
import { executiveGroupCopy } from './executive-group-copy.js';
import type { JobDefinition } from './job.js';

/**
 * The 3-month follow-up: on the last day of each month, each officer is sent the measures that need an
 * update (at a quarter's end: everything open and not reported that quarter; otherwise: nothing reported
 * for 3 months), each with a button into the report dialog. Executives get cards of who did not respond to
 * the previous follow-up, one an officer.
 * An officer whose round reminder of the last days (31 March and 30 September end a round and a quarter
 * alike) already listed every measure the follow-up would is not pushed again, but is still recorded as asked,
 * so that next month's executives' cards count them as everyone else.
 */
export const followUp: JobDefinition<'follow-up'> = {
  name: 'follow-up',
  cron: '0 9 28-31 * *',
  cronVariable: 'FOLLOW_UP_CRON',
  thai: {
    name: 'ติดตามผลราย 3 เดือน',
    schedule: 'ตามกำหนดปกติ: 09:00 วันสุดท้ายของเดือน แจ้งเจ้าหน้าที่ถึงมาตรการ/โครงการที่ยังไม่รายงาน (สิ้นไตรมาสแจ้งทุกรายการที่ยังไม่รายงานในไตรมาสนั้น)',
  },
  period: (asOf) => monthKey(asOf),
  isDue: (now) => isLastDayOfMonth(now),
  async produce(run, { orgId, digits }) {
    const fiscalYear = await activeFiscalYear(orgId);
    const f = figures(digits);
    const outgoing: Outgoing[] = [];
    const listed: Listed[] = [];
    const quarter = isQuarterEnd(run.asOf) ? fiscalQuarterOf(run.asOf) : null;
    const reminded = await remindedLately(orgId, run.asOf);
    for (const officer of await staffWithRole(orgId, 'officer')) {
      const due = (await measuresForOfficer(orgId, fiscalYear, officer)).filter((m) => needsFollowUp(m, run.asOf));
      if (due.length === 0) continue;
      listed.push({ lineUserId: officer.lineUserId, name: nameOf(officer) || officer.unit || 'เจ้าหน้าที่', measureIds: due.map((m) => m.id) });
      const roundListed = reminded.get(officer.lineUserId);
      if (roundListed && due.every((m) => roundListed.has(m.id))) continue;
      const intro = quarter
        ? `ติดตามผลการดำเนินงานรายไตรมาส (ไตรมาสที่ ${f.digits(`${quarter.quarter}/${quarter.fiscalYear}`)})\nมาตรการ/โครงการของท่าน ${f.count(due.length)} รายการ ยังไม่มีรายงานในไตรมาสนี้ กรุณากด "รายงานความก้าวหน้า" ที่แต่ละรายการ`
        : `ติดตามผลการดำเนินงาน: มาตรการ/โครงการของท่าน ${f.count(due.length)} รายการ ไม่มีรายงานความก้าวหน้ามาเกิน ${f.count(3)} เดือน กรุณากด "รายงานความก้าวหน้า" ที่แต่ละรายการ`;
      outgoing.push({ key: `${run.id}:officer:${officer.lineUserId}`, to: [officer.lineUserId], messages: reminderMessages(intro, due, f) });
    }
    const officersPushed = outgoing.length;

    const executives = await staffWithRole(orgId, 'executive');
    const report = await nonResponders(orgId, run, digits);
    if (report && executives.length > 0) {
      outgoing.push({ key: `${run.id}:executives`, to: executives.map((e) => e.lineUserId), messages: [report] });
    }
    // The executives' group gets the same cards as the executives, without their buttons.
    const group = executiveGroupCopy(run.id, await linkedGroup(orgId), 'non-responders');
    if (report) outgoing.push(...group.outgoing([report]));
    return { outgoing, recipients: officersPushed + (report ? executives.length + group.recipients : 0), listed };
  },
};

/** How far back a round reminder stands for the follow-up: the reminders of the round's last week. */
const ROUND_REMINDER_COVERS_DAYS = 7;

/** What each officer was reminded of by the round reminders of the last week, by LINE user id. */
async function remindedLately(orgId: string, asOf: Date): Promise<Map<string, Set<string>>> {
  const runs = await doneRunsBetween(orgId, 'round-reminder', new Date(asOf.getTime() - ROUND_REMINDER_COVERS_DAYS * 86_400_000), asOf);
  const byOfficer = new Map<string, Set<string>>();
  for (const { lineUserId, measureIds } of runs.flatMap((r) => r.listed)) {
    const ids = byOfficer.get(lineUserId) ?? new Set<string>();
    for (const id of measureIds) ids.add(id);
    byOfficer.set(lineUserId, ids);
  }
  return byOfficer;
}

/** Executives' cards: what the previous follow-up asked for and is still unreported, by the officer it was asked of. */
async function nonResponders(orgId: string, run: { id: string; asOf: Date }, digits: DigitStyle | undefined): Promise<Message | null> {
  const previous = await previousDoneRun(orgId, 'follow-up', run.asOf);
  if (!previous || previous.listed.length === 0) return null;
  const ids = [...new Set(previous.listed.flatMap((l) => l.measureIds))];
  const unreported = stillUnreported(await measureProgress(orgId, ids), previous.asOf);
  return followUpResultMessage({ period: previous.period, asOf: previous.asOf, asked: previous.listed }, unreported, run.asOf, figures(digits));
}
