import { linkedGroup } from '../db/executive-group-store.js';
import { fiscalQuarterOf, isLastDayOfMonth, isQuarterEnd, monthKey } from '../domain/calendar.js';
import { needsFollowUp } from '../domain/reminders.js';
import { formatThaiDate, truncate } from '../domain/thai.js';
import { previousDoneRun, type Listed } from '../db/job-run-store.js';
import { measureProgress, measuresForOfficer } from '../db/measure-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { text } from '../line/messages.js';
import { reminderMessages } from '../flex/reminder-message.js';
import type { Outgoing } from '../outbox/enqueue.js';
import { executiveGroupCopy } from './executive-group-copy.js';
import type { JobDefinition } from './job.js';

/**
 * The 3-month follow-up: on the last day of each month, each officer is sent the measures that need an
 * update (at a quarter's end: everything open and not reported that quarter; otherwise: nothing reported
 * for 3 months), each with a button into the report dialog. Executives are told who did not respond to
 * the previous follow-up.
 */
export const followUp: JobDefinition = {
  name: 'follow-up',
  period: (asOf) => monthKey(asOf),
  isDue: (now) => isLastDayOfMonth(now),
  async produce(run, { orgId }) {
    const fiscalYear = await activeFiscalYear(orgId);
    const outgoing: Outgoing[] = [];
    const listed: Listed[] = [];
    const quarter = isQuarterEnd(run.asOf) ? fiscalQuarterOf(run.asOf) : null;
    for (const officer of await staffWithRole(orgId, 'officer')) {
      const due = (await measuresForOfficer(orgId, fiscalYear, officer)).filter((m) => needsFollowUp(m, run.asOf));
      if (due.length === 0) continue;
      const intro = quarter
        ? `ติดตามผลการดำเนินงานรายไตรมาส (ไตรมาสที่ ${quarter.quarter}/${quarter.fiscalYear})\nมาตรการ/โครงการของท่าน ${due.length} รายการ ยังไม่มีรายงานในไตรมาสนี้ กรุณากด "รายงานความก้าวหน้า" ที่แต่ละรายการ`
        : `ติดตามผลการดำเนินงาน: มาตรการ/โครงการของท่าน ${due.length} รายการ ไม่มีรายงานความก้าวหน้ามาเกิน 3 เดือน กรุณากด "รายงานความก้าวหน้า" ที่แต่ละรายการ`;
      outgoing.push({ key: `${run.id}:officer:${officer.lineUserId}`, to: [officer.lineUserId], messages: reminderMessages(intro, due) });
      listed.push({ lineUserId: officer.lineUserId, name: officer.displayName || officer.unit || 'เจ้าหน้าที่', measureIds: due.map((m) => m.id) });
    }

    const executives = await staffWithRole(orgId, 'executive');
    const report = await nonResponders(orgId, run);
    if (report && executives.length > 0) {
      outgoing.push({ key: `${run.id}:executives`, to: executives.map((e) => e.lineUserId), messages: [text(report)] });
    }
    // The executives' group hears the same list as the executives.
    const group = executiveGroupCopy(run.id, await linkedGroup(orgId));
    if (report) outgoing.push(...group.outgoing('non-responders', [text(report)]));
    return { outgoing, recipients: listed.length + (report ? executives.length + group.recipients : 0), listed };
  },
};

/** Executives' list: what the previous follow-up asked for and is still unreported, with whom it was asked of. */
async function nonResponders(orgId: string, run: { id: string; asOf: Date }): Promise<string | null> {
  const previous = await previousDoneRun(orgId, 'follow-up', run.asOf);
  if (!previous || previous.listed.length === 0) return null;
  const ids = [...new Set(previous.listed.flatMap((l) => l.measureIds))];
  const measures = await measureProgress(orgId, ids);
  const silent = new Map(
    measures.filter((m) => m.status !== 'completed' && (!m.lastReportAt || m.lastReportAt < previous.asOf)).map((m) => [m.id, m]),
  );
  const since = formatThaiDate(previous.asOf);
  if (silent.size === 0) return `ผลการติดตามครั้งก่อน (${since}): เจ้าหน้าที่รายงานครบทุกรายการแล้ว`;
  const lines = [`ผลการติดตามครั้งก่อน (${since}): ยังไม่มีรายงาน ${silent.size} รายการ`];
  for (const person of previous.listed) {
    const theirs = person.measureIds.map((id) => silent.get(id)).filter((m) => m !== undefined);
    if (theirs.length === 0) continue;
    lines.push(`\n${person.name} (${theirs.length} รายการ)`);
    for (const m of theirs) lines.push(`• ${m.code} ${truncate(m.title, 90)}`);
  }
  return truncate(lines.join('\n'), 4_900);
}
