import { addSeconds } from 'date-fns';
import { abandonedRuns, claimRun, finishRun, giveUpRun, jobRunState, releaseFailedRun, takeOverRun } from '../db/job-run-store.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue } from '../outbox/enqueue.js';
import type { JobDefinition, JobSettings, OnePass } from './job.js';

export interface RunnerDeps {
  settings: JobSettings;
  log: Logger;
  sealer: Sealer;
  instanceId: string;
  /** How long a run may go without finishing before another instance takes it over. */
  leaseSeconds: number;
  /** Real time, for leases; a run computes for its own `asOf`. */
  clock: () => Date;
  /** Called when a run has put messages in the outbox, to send them without waiting for the next tick. */
  onEnqueued?: () => void;
}

export type RunResult =
  | { status: 'done'; runId: string; recipients: number; messages: number }
  | { status: 'already'; runId: string; state: string }
  | { status: 'failed'; runId: string; error: string };

/** After this many takeovers a run is given up and marked failed, for an operator to look at. */
const MAX_TAKEOVERS = 5;

/**
 * Runs a job once for the period `asOf` falls in, across every instance: the run is claimed by inserting
 * its id. Messages go to the outbox under keys stable for the run, so finishing a run that an instance
 * left half-way (see `resumeAbandonedRuns`) adds only what was missing and re-sends nothing.
 */
export async function runJob(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', deps: RunnerDeps): Promise<RunResult> {
  const claim = await claimJobRun(job, asOf, trigger, deps);
  return claim.status === 'claimed' ? execute(job, claim.runId, asOf, deps) : claim;
}

/**
 * Runs a job for many organisations in one tick: each organisation's run is claimed on its own (so several
 * instances still send once per organisation), and only if some claim was won is the job's one-pass read
 * made, once for all of them; the claimed runs then go `concurrency` at a time: their writes are
 * group-committed, so more in flight means fewer, larger commands, but not so many that the local FerretDB
 * runs out of PostgreSQL connections (128 in flight hung it, waiting on its pool of 50).
 */
export async function runJobForMany(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', many: RunnerDeps[], concurrency = 24): Promise<Map<string, RunResult>> {
  const results = new Map<string, RunResult>();
  const claimed: { deps: RunnerDeps; runId: string }[] = [];
  await inParallel(many, concurrency, async (deps) => {
    // One organisation's failure must not keep the others from their run.
    const claim = await claimJobRun(job, asOf, trigger, deps).catch((error: unknown): RunResult => ({ status: 'failed', runId: '', error: String(error) }));
    if (claim.status === 'claimed') claimed.push({ deps, runId: claim.runId });
    else results.set(deps.settings.orgId, claim);
  });
  if (claimed.length === 0) return results;
  let onePass: OnePass | undefined;
  if (job.prepare && claimed.length > 1) {
    try {
      onePass = await job.prepare(asOf, claimed[0]!.deps.settings);
    } catch (error) {
      // Each run can still read for itself.
      claimed[0]!.deps.log.error({ job: job.name, err: String(error) }, 'one-pass read failed; reading per organisation');
    }
  }
  await inParallel(claimed, concurrency, async ({ deps, runId }) => {
    results.set(deps.settings.orgId, await execute(job, runId, asOf, deps, onePass));
  });
  return results;
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function claimJobRun(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', deps: RunnerDeps): Promise<{ status: 'claimed'; runId: string } | RunResult> {
  const { orgId } = deps.settings;
  const period = job.period(asOf, deps.settings);
  const runId = `${orgId}:${job.name}:${period}`;
  const now = deps.clock();
  const claimed = await claimRun({
    id: runId,
    orgId,
    job: job.name,
    period,
    asOf,
    trigger,
    owner: deps.instanceId,
    startedAt: now,
    leaseUntil: addSeconds(now, deps.leaseSeconds),
  });
  if (!claimed) return { status: 'already', runId, state: (await jobRunState(runId)) ?? 'running' };
  return { status: 'claimed', runId };
}

async function execute(job: JobDefinition, runId: string, asOf: Date, deps: RunnerDeps, onePass?: OnePass): Promise<RunResult> {
  try {
    const output = await job.produce({ id: runId, asOf }, deps.settings, onePass);
    const added = await enqueue(deps.settings.orgId, runId, output.outgoing, deps.clock(), deps.sealer);
    if (added > 0) deps.onEnqueued?.();
    const messages = output.outgoing.length;
    await finishRun(runId, { finishedAt: deps.clock(), recipients: output.recipients, messages, listed: output.listed });
    deps.log.info({ runId, recipients: output.recipients, messages, added }, 'job run done');
    return { status: 'done', runId, recipients: output.recipients, messages };
  } catch (error) {
    // Left "running" with its lease ended now, so the next resume sweep tries again.
    const message = error instanceof Error ? error.message : String(error);
    await releaseFailedRun(runId, message, deps.clock());
    deps.log.error({ runId, err: message }, 'job run failed');
    return { status: 'failed', runId, error: message };
  }
}

/**
 * Finishes runs whose instance stopped before finishing (crash, deploy, kill) once their lease is over.
 * Of several instances, the one whose takeover insert succeeds finishes the run.
 */
export async function resumeAbandonedRuns(jobs: JobDefinition[], deps: RunnerDeps): Promise<RunResult[]> {
  const now = deps.clock();
  const results: RunResult[] = [];
  for (const run of await abandonedRuns(deps.settings.orgId, now)) {
    const job = jobs.find((j) => j.name === run.job);
    if (!job) continue;
    const takeover = run.takeovers + 1;
    if (takeover > MAX_TAKEOVERS) {
      await giveUpRun(run.id, now);
      results.push({ status: 'failed', runId: run.id, error: run.error ?? 'abandoned too often' });
      continue;
    }
    if (!(await takeOverRun(run.id, takeover, deps.instanceId, now, addSeconds(now, deps.leaseSeconds)))) continue;
    deps.log.warn({ runId: run.id, takeover }, 'resuming an abandoned job run');
    results.push(await execute(job, run.id, run.asOf, deps));
  }
  return results;
}
