import { JobRunModel } from '../db/models/job-run.js';
import { OutboxMessageModel } from '../db/models/outbox-message.js';
import { formatThaiDateTime } from '../domain/thai.js';

export interface JobsStatus {
  runs: { id: string; job: string; period: string; state: string; trigger: string; startedAt: Date; finishedAt: Date | null; recipients: number; sent: number; pending: number; failed: number; error: string | null }[];
  backlog: { pending: number; failed: number; oldestPending: Date | null };
  failures: { id: string; to: number; lastStatus: number | null; lastError: string | null; attempts: number }[];
}

/** The last runs with what their messages became, and what waits or failed in the outbox. */
export async function jobsStatus(orgId: string, limit = 10): Promise<JobsStatus> {
  const runs = await JobRunModel.find({ orgId }).sort({ startedAt: -1 }).limit(limit).lean();
  // $match + $group with $sum only: the aggregation both MongoDB and FerretDB run the same.
  const counts = await OutboxMessageModel.aggregate<{ _id: { source: string; state: string }; n: number }>([
    { $match: { orgId, source: { $in: runs.map((r) => r._id) } } },
    { $group: { _id: { source: '$source', state: '$state' }, n: { $sum: 1 } } },
  ]);
  const count = (source: string, state: string) => counts.find((c) => c._id.source === source && c._id.state === state)?.n ?? 0;
  const oldest = await OutboxMessageModel.findOne({ orgId, state: 'pending' }).sort({ createdAt: 1 }).select('createdAt').lean();
  const failures = await OutboxMessageModel.find({ orgId, state: 'failed' }).sort({ createdAt: -1 }).limit(20).lean();
  return {
    runs: runs.map((r) => ({
      id: r._id,
      job: r.job,
      period: r.period,
      state: r.state,
      trigger: r.trigger,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt ?? null,
      recipients: r.recipients,
      sent: count(r._id, 'sent'),
      pending: count(r._id, 'pending'),
      failed: count(r._id, 'failed'),
      error: r.error ?? null,
    })),
    backlog: {
      pending: await OutboxMessageModel.countDocuments({ orgId, state: 'pending' }),
      failed: await OutboxMessageModel.countDocuments({ orgId, state: 'failed' }),
      oldestPending: oldest?.createdAt ?? null,
    },
    failures: failures.map((f) => ({ id: f._id, to: f.recipients, lastStatus: f.lastStatus ?? null, lastError: f.lastError ?? null, attempts: f.attempts })),
  };
}

export function formatJobsStatus(s: JobsStatus): string {
  const lines = ['การทำงานล่าสุด'];
  if (s.runs.length === 0) lines.push('  (ยังไม่มี)');
  for (const r of s.runs) {
    lines.push(
      `  ${r.job} ${r.period} · ${r.state} (${r.trigger}) · เริ่ม ${formatThaiDateTime(r.startedAt)}${r.finishedAt ? ` เสร็จ ${formatThaiDateTime(r.finishedAt)}` : ''}` +
        ` · ผู้รับ ${r.recipients} · ส่งแล้ว ${r.sent} รอส่ง ${r.pending} ล้มเหลว ${r.failed}${r.error ? ` · ${r.error}` : ''}`,
    );
  }
  lines.push('', `คิวข้อความ: รอส่ง ${s.backlog.pending}${s.backlog.oldestPending ? ` (เก่าสุด ${formatThaiDateTime(s.backlog.oldestPending)})` : ''} · ล้มเหลว ${s.backlog.failed}`);
  for (const f of s.failures) lines.push(`  ล้มเหลว ${f.id} · ผู้รับ ${f.to} · ลอง ${f.attempts} ครั้ง · ${f.lastError ?? ''}`);
  return lines.join('\n');
}
