import { isFirstWorkingDayOfMonth, monthKey } from '../domain/calendar.js';
import { THAI_MONTHS_SHORT } from '../domain/thai.js';
import { loadSummary, recordSnapshot } from '../db/summary-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { complaintLine, summaryMessage } from '../flex/summary-message.js';
import { complaintStats } from '../db/complaint-store.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { JobDefinition } from './job.js';

/** On the first working morning of each month, every executive gets the summary (one multicast). */
export const monthlySummary: JobDefinition = {
  name: 'monthly-summary',
  period: (asOf) => monthKey(asOf),
  isDue: (now) => isFirstWorkingDayOfMonth(now),
  async produce(run, { orgId, thresholds, publicPageUrl }) {
    const executives = await staffWithRole(orgId, 'executive');
    if (executives.length === 0) return { outgoing: [], recipients: 0 };
    const summary = await loadSummary(orgId, run.asOf, thresholds);
    await recordSnapshot(orgId, summary);
    const complaints = complaintLine(await complaintStats(orgId, fiscalYearOf(run.asOf), run.asOf));
    const [year, month] = monthKey(run.asOf).split('-').map(Number) as [number, number];
    const heading = `สรุปผลการดำเนินงานประจำเดือน ${THAI_MONTHS_SHORT[month - 1]} ${year + 543}`;
    return {
      outgoing: [{ key: `${run.id}:executives`, to: executives.map((e) => e.lineUserId), messages: [summaryMessage(summary, { heading, complaints, publicPage: publicPageUrl })] }],
      recipients: executives.length,
    };
  },
};
