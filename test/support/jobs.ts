import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import type { Harness } from './harness.js';

/** A Bangkok wall-clock time (`2025-09-29T09:00`) as the instant it is. */
export const bkk = (local: string) => new Date(`${local}+07:00`);

/** Runs a job as the operator would for `asOf`, then sends what it put in the outbox. */
export async function runJobAndSend(h: Harness, job: keyof typeof JOBS, asOf: Date) {
  const result = await runJob(JOBS[job], asOf, 'operator', h.server.jobDeps);
  await h.server.outbox.flush();
  return result;
}
