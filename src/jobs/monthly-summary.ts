import { monthKey } from '../domain/calendar.js';
import { figures } from '../domain/figures.js';
import { isFirstWorkingDayOfMonth } from '../domain/working-days.js';
import { THAI_MONTHS_SHORT } from '../domain/thai.js';
import { loadAllSummaries, loadSummary } from '../db/summary-store.js';
import { staffWithRole, staffWithRoleByOrganisation } from '../db/staff-store.js';
import { complaintLine, summaryMessage } from '../flex/summary-message.js';
import { complaintStats, complaintStatsByOrganisation } from '../db/complaint-store.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { linkedGroup, linkedGroupsByOrganisation } from '../db/executive-group-store.js';
import { executiveGroupCopy } from './executive-group-copy.js';
import type { JobDefinition } from './job.js';

/** On the first working morning of each month (weekends and holidays skipped), every executive gets the summary (one multicast), and so does the executives' group. */
export const monthlySummary: JobDefinition<'monthly-summary'> = {
  name: 'monthly-summary',
  cron: '30 8 1-10 * 1-5',
  cronVariable: 'MONTHLY_SUMMARY_CRON',
  thai: { name: 'สรุปรายเดือนถึงผู้บริหาร', schedule: 'ตามกำหนดปกติ: 08:30 วันทำการแรกของเดือน ส่งสรุปผลการดำเนินงานถึงผู้บริหารและกลุ่มผู้บริหาร' },
  period: (asOf) => monthKey(asOf),
  isDue: (now, _settings, calendar) => isFirstWorkingDayOfMonth(calendar, now),
  async prepare(asOf, { thresholds, thresholdsOf }) {
    const [summaries, executives, complaintStats, executiveGroup] = await Promise.all([
      loadAllSummaries(asOf, thresholdsOf ?? (() => thresholds)),
      staffWithRoleByOrganisation('executive'),
      complaintStatsByOrganisation(fiscalYearOf(asOf), asOf),
      linkedGroupsByOrganisation(),
    ]);
    return { summary: (orgId) => summaries.get(orgId), executives, complaintStats, executiveGroup };
  },
  async produce(run, { orgId, thresholds, publicPageUrl, digits }, onePass) {
    const f = figures(digits);
    const executives = onePass?.executives?.(orgId) ?? (await staffWithRole(orgId, 'executive'));
    const group = executiveGroupCopy(run.id, onePass?.executiveGroup ? onePass.executiveGroup(orgId) : await linkedGroup(orgId), 'summary');
    if (executives.length === 0 && group.recipients === 0) return { outgoing: [], recipients: 0 };
    const summary = onePass?.summary?.(orgId) ?? (await loadSummary(orgId, run.asOf, thresholds));
    const stats = onePass?.complaintStats?.(orgId) ?? (await complaintStats(orgId, fiscalYearOf(run.asOf), run.asOf));
    const [year, month] = monthKey(run.asOf).split('-').map(Number) as [number, number];
    const heading = `สรุปผลการดำเนินงานประจำเดือน ${THAI_MONTHS_SHORT[month - 1]} ${f.fiscalYear(year + 543)}`;
    // The group's copy differs in its complaints line only: it counts nothing of corruption reports.
    const messageFor = (audience: 'executives' | 'executive_group') =>
      summaryMessage(summary, {
        heading,
        complaints: complaintLine(stats, audience, f),
        publicPage: publicPageUrl?.(orgId),
        lateComplaints: audience === 'executives' ? stats.overdue : stats.overdueByKind.general,
        figures: f,
      });
    return {
      outgoing: [{ key: `${run.id}:executives`, to: executives.map((e) => e.lineUserId), messages: [messageFor('executives')] }, ...group.outgoing([messageFor('executive_group')])],
      recipients: executives.length + group.recipients,
      snapshot: summary,
    };
  },
};
