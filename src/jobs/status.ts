import { recentRuns } from '../db/job-run-store.js';
import { spentBySource } from '../db/message-use-store.js';
import { failedOutboxMessages, outboxBacklog, outboxCountsBySource } from '../db/outbox-store.js';
import { formatThaiDateTime } from '../domain/thai.js';

export interface JobsStatus {
  runs: { id: string; job: string; period: string; state: string; trigger: string; startedAt: Date; finishedAt: Date | null; recipients: number; sent: number; /** Messages LINE billed for the run's pushes (a group counts its members). */ spent: number; pending: number; failed: number; error: string | null }[];
  backlog: { pending: number; failed: number; oldestPending: Date | null };
  failures: { id: string; to: number; lastStatus: number | null; lastError: string | null; attempts: number }[];
}

/** The last runs with what their messages became, and what waits or failed in the outbox. */
export async function jobsStatus(orgId: string, limit = 10): Promise<JobsStatus> {
  const runs = await recentRuns(orgId, limit);
  const counts = await outboxCountsBySource(orgId, runs.map((r) => r.id));
  const spent = await spentBySource(orgId, runs.map((r) => r.id));
  const count = (source: string, state: string) => counts.find((c) => c.source === source && c.state === state)?.n ?? 0;
  const failures = await failedOutboxMessages(orgId, 20);
  return {
    runs: runs.map((r) => ({
      id: r.id,
      job: r.job,
      period: r.period,
      state: r.state,
      trigger: r.trigger,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      recipients: r.recipients,
      sent: count(r.id, 'sent'),
      spent: spent.get(r.id) ?? 0,
      pending: count(r.id, 'pending'),
      failed: count(r.id, 'failed'),
      error: r.error,
    })),
    backlog: await outboxBacklog(orgId),
    failures: failures.map((f) => ({ id: f.id, to: f.recipients, lastStatus: f.lastStatus, lastError: f.lastError, attempts: f.attempts })),
  };
}

export function formatJobsStatus(s: JobsStatus): string {
  const lines = ['การทำงานล่าสุด'];
  if (s.runs.length === 0) lines.push('  (ยังไม่มี)');
  for (const r of s.runs) {
    lines.push(
      `  ${r.job} ${r.period} · ${r.state} (${r.trigger}) · เริ่ม ${formatThaiDateTime(r.startedAt)}${r.finishedAt ? ` เสร็จ ${formatThaiDateTime(r.finishedAt)}` : ''}` +
        ` · ผู้รับ ${r.recipients} · ส่งแล้ว ${r.sent} รอส่ง ${r.pending} ล้มเหลว ${r.failed} · นับโควตา ${r.spent} ข้อความ${r.error ? ` · ${r.error}` : ''}`,
    );
  }
  lines.push('', `คิวข้อความ: รอส่ง ${s.backlog.pending}${s.backlog.oldestPending ? ` (เก่าสุด ${formatThaiDateTime(s.backlog.oldestPending)})` : ''} · ล้มเหลว ${s.backlog.failed}`);
  for (const f of s.failures) lines.push(`  ล้มเหลว ${f.id} · ผู้รับ ${f.to} · ลอง ${f.attempts} ครั้ง · ${f.lastError ?? ''}`);
  return lines.join('\n');
}
