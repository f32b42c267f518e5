import { dayKey } from '../domain/calendar.js';
import type { JobDefinition } from './job.js';

/**
 * Reads LINE's count of the month's messages and the plan's quota for each organisation, once a day (and
 * after every run that sent something: `RunnerDeps.onRunsDone`). A job like the others so that, of several
 * instances, one reads for each organisation; it sends nothing. It is kept out of the jobs an admin times.
 */
export const messageQuota: JobDefinition<'message-quota'> = {
  name: 'message-quota',
  cron: '5 7 * * *',
  cronVariable: 'MESSAGE_QUOTA_CRON',
  thai: { name: 'อ่านโควตาข้อความจาก LINE', schedule: 'ตามกำหนดปกติ: 07:05 ทุกวัน อ่านโควตาและยอดใช้ข้อความของเดือนจาก LINE' },
  period: (asOf) => dayKey(asOf),
  isDue: () => true,
  async produce(_run, { orgId, readMessageQuota }) {
    await readMessageQuota?.(orgId);
    return { outgoing: [], recipients: 0 };
  },
};
