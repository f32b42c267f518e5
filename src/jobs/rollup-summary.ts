import { monthKey } from '../domain/calendar.js';
import { figures } from '../domain/figures.js';
import { isFirstWorkingDayOfMonth } from '../domain/working-days.js';
import { parseScope, scopeKey, scopeTh, type SupervisorScope } from '../domain/rollup.js';
import { THAI_MONTHS_SHORT } from '../domain/thai.js';
import { loadRollup } from '../db/rollup-store.js';
import { supervisorsOf } from '../db/staff-store.js';
import { rollupMessage } from '../flex/rollup-message.js';
import { text } from '../line/messages.js';
import type { Outgoing } from '../outbox/enqueue.js';
import type { JobDefinition } from './job.js';

const FOLLOW_UP = 'พิมพ์ "ภาพรวม" เพื่อดูตัวเลขล่าสุดและรับตาราง Excel รายองค์กร พร้อมรายชื่อองค์กรที่ยังไม่รายงานทั้งหมด';

/**
 * On the first working morning of each month (weekends and holidays skipped), every supervisor gets the roll-up of their scope. It runs in the
 * per-organisation loop like every job, so its run and its claim belong to the supervising organisation (the
 * office whose staff the supervisors are): an ordinary organisation has no supervisor and produces nothing,
 * and an office's run covers all its supervisors' scopes, each computed once and sent as one multicast.
 * Sending through the office's own channel keeps a supervisor's messages in the chat they registered in.
 */
export const rollupSummary: JobDefinition<'rollup-summary'> = {
  name: 'rollup-summary',
  // After the organisations' own summaries (08:30).
  cron: '0 9 1-10 * 1-5',
  cronVariable: 'ROLLUP_SUMMARY_CRON',
  thai: { name: 'ภาพรวมถึงผู้กำกับดูแล', schedule: 'ตามกำหนดปกติ: 09:00 วันทำการแรกของเดือน ส่งภาพรวมของหน่วยงานในพื้นที่ถึงผู้กำกับดูแลระดับอำเภอและจังหวัด' },
  period: (asOf) => monthKey(asOf),
  isDue: (now, _settings, calendar) => isFirstWorkingDayOfMonth(calendar, now),
  async produce(run, { orgId, thresholds, digits }) {
    const f = figures(digits);
    const supervisors = await supervisorsOf(orgId);
    const byScope = new Map<string, { scope: SupervisorScope; to: string[] }>();
    for (const s of supervisors) {
      const scope = s.scope ? parseScope(s.scope) : null;
      if (!scope) continue;
      const key = scopeKey(scope);
      const entry = byScope.get(key) ?? { scope, to: [] };
      entry.to.push(s.lineUserId);
      byScope.set(key, entry);
    }
    const [year, month] = monthKey(run.asOf).split('-').map(Number) as [number, number];
    const outgoing: Outgoing[] = [];
    for (const [key, { scope, to }] of [...byScope].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const rollup = await loadRollup(scope, run.asOf, thresholds);
      const heading = `ภาพรวม${scopeTh(scope)} ประจำเดือน ${THAI_MONTHS_SHORT[month - 1]} ${f.fiscalYear(year + 543)}`;
      outgoing.push({ key: `${run.id}:rollup:${key}`, to, messages: [rollupMessage(rollup, heading, f), text(FOLLOW_UP)] });
    }
    return { outgoing, recipients: outgoing.reduce((n, o) => n + o.to.length, 0) };
  },
};
