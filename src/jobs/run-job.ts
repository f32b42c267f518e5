import { addSeconds } from 'date-fns';
import { abandonedRuns, claimRun, claimRuns, finishRun, finishRuns, giveUpRun, jobRunState, releaseFailedRun, releaseFailedRuns, takeOverRun, type NewJobRun, type RunDone } from '../db/job-run-store.js';
import { addAllToOutbox } from '../db/outbox-store.js';
import { recordSnapshot, recordSnapshots } from '../db/summary-store.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue, outboxParts } from '../outbox/enqueue.js';
import type { JobDefinition, JobOutput, JobSettings, OnePass } from './job.js';

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
  /** Called with the organisations whose runs just put messages out: LINE's count is read again once they are sent. */
  onRunsDone?: (orgIds: string[]) => void;
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
 * Runs a job for many organisations in one tick, in phases, each a few bulk commands for all of them rather
 * than a few writes an organisation: every organisation's run is claimed (so several instances still send once
 * per organisation); if some claim was won, the job's one-pass read is made once for all; each claimed run's
 * output is produced (in memory, `concurrency` at a time for runs that read for themselves); then the
 * snapshots and the outbox messages are written in bulk, then the runs' records, so that a crash in between
 * leaves runs "running" for the resume sweep to finish one by one.
 */
export async function runJobForMany(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', many: RunnerDeps[], concurrency = 24): Promise<Map<string, RunResult>> {
  const results = new Map<string, RunResult>();
  if (many.length === 0) return results;
  const first = many[0]!;
  // How long each phase took, in the log line of the tick: what an operator of a large deployment watches.
  const phasesMs: Record<string, number> = {};
  let phaseStart = performance.now();
  const phaseDone = (name: string) => {
    phasesMs[name] = Math.round(performance.now() - phaseStart);
    phaseStart = performance.now();
  };
  // One moment for the whole tick: with the job and this instance it names the tick's runs (`finishRuns`).
  const startedAt = first.clock();
  const runs = many.map((deps) => ({ deps, run: newRun(job, asOf, trigger, deps, startedAt) }));
  let won: boolean[];
  try {
    won = await claimRuns(runs.map((r) => r.run));
  } catch (error) {
    for (const { deps, run } of runs) results.set(deps.settings.orgId, { status: 'failed', runId: run.id, error: String(error) });
    return results;
  }
  const claimed = runs.filter((_, i) => won[i]);
  await inParallel(runs.filter((_, i) => !won[i]), concurrency, async ({ deps, run }) => {
    results.set(deps.settings.orgId, { status: 'already', runId: run.id, state: (await jobRunState(run.id)) ?? 'running' });
  });
  phaseDone('claim');
  if (claimed.length === 0) return results;

  let onePass: OnePass | undefined;
  if (job.prepare && claimed.length > 1) {
    try {
      onePass = await job.prepare(asOf, first.settings);
    } catch (error) {
      // Each run can still read for itself.
      first.log.error({ job: job.name, err: error }, 'one-pass read failed; reading per organisation');
    }
  }
  phaseDone('read');
  const produced: { deps: RunnerDeps; runId: string; output: JobOutput }[] = [];
  await inParallel(claimed, concurrency, async ({ deps, run }) => {
    try {
      produced.push({ deps, runId: run.id, output: await job.produce({ id: run.id, asOf }, deps.settings, onePass) });
    } catch (error) {
      // One organisation's failure must not keep the others from their run.
      results.set(deps.settings.orgId, await failed(run.id, error, deps));
    }
  });
  if (produced.length === 0) return results;
  phaseDone('produce');

  try {
    const now = first.clock();
    // Independent of each other; both land before any run is recorded as done.
    const [, added] = await Promise.all([
      recordSnapshots(produced.flatMap(({ deps, output }) => (output.snapshot ? [{ orgId: deps.settings.orgId, summary: output.snapshot }] : []))),
      addAllToOutbox(produced.flatMap(({ deps, runId, output }) => outboxParts(deps.settings.orgId, runId, output.outgoing, now, deps.sealer))),
    ]);
    if (added > 0) first.onEnqueued?.();
    phaseDone('snapshotsAndOutbox');
    const failedIds = new Set(claimed.map((c) => c.run.id));
    for (const { runId } of produced) failedIds.delete(runId);
    await finishRuns({ claimed: { job: job.name, owner: first.instanceId, startedAt }, outcomes: produced.map(({ deps, runId, output }) => ({ id: runId, orgId: deps.settings.orgId, done: doneOf(output) })), except: [...failedIds], finishedAt: first.clock() });
    phaseDone('finish');
    first.log.info({ job: job.name, runs: produced.length, added, phasesMs }, 'job runs done');
    const sent = produced.filter(({ output }) => output.outgoing.length > 0).map(({ deps }) => deps.settings.orgId);
    if (sent.length > 0) first.onRunsDone?.(sent);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await releaseFailedRuns(produced.map((p) => p.runId), message, first.clock());
    first.log.error({ job: job.name, runs: produced.length, err: error }, 'job runs failed');
    for (const { deps, runId } of produced) results.set(deps.settings.orgId, { status: 'failed', runId, error: message });
    return results;
  }
  for (const { deps, runId, output } of produced) {
    results.set(deps.settings.orgId, { status: 'done', runId, recipients: output.recipients, messages: output.outgoing.length });
  }
  return results;
}

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function newRun(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', deps: RunnerDeps, now = deps.clock()): NewJobRun {
  const { orgId } = deps.settings;
  const period = job.period(asOf, deps.settings);
  return { id: `${orgId}:${job.name}:${period}`, orgId, job: job.name, period, asOf, trigger, owner: deps.instanceId, startedAt: now, leaseUntil: addSeconds(now, deps.leaseSeconds) };
}

async function claimJobRun(job: JobDefinition, asOf: Date, trigger: 'schedule' | 'operator', deps: RunnerDeps): Promise<{ status: 'claimed'; runId: string } | RunResult> {
  const run = newRun(job, asOf, trigger, deps);
  if (!(await claimRun(run))) return { status: 'already', runId: run.id, state: (await jobRunState(run.id)) ?? 'running' };
  return { status: 'claimed', runId: run.id };
}

const doneOf = (output: JobOutput): RunDone => ({ recipients: output.recipients, messages: output.outgoing.length, listed: output.listed });

async function execute(job: JobDefinition, runId: string, asOf: Date, deps: RunnerDeps, onePass?: OnePass): Promise<RunResult> {
  try {
    const output = await job.produce({ id: runId, asOf }, deps.settings, onePass);
    if (output.snapshot) await recordSnapshot(deps.settings.orgId, output.snapshot);
    const added = await enqueue(deps.settings.orgId, runId, output.outgoing, deps.clock(), deps.sealer);
    if (added > 0) deps.onEnqueued?.();
    const messages = output.outgoing.length;
    await finishRun({ id: runId, orgId: deps.settings.orgId, outcome: doneOf(output), finishedAt: deps.clock() });
    deps.log.info({ runId, recipients: output.recipients, messages, added }, 'job run done');
    if (messages > 0) deps.onRunsDone?.([deps.settings.orgId]);
    return { status: 'done', runId, recipients: output.recipients, messages };
  } catch (error) {
    return failed(runId, error, deps);
  }
}

/** Leaves a failed run "running" with its lease ended now, so the next resume sweep tries again. */
async function failed(runId: string, error: unknown, deps: RunnerDeps): Promise<RunResult> {
  const message = error instanceof Error ? error.message : String(error);
  await releaseFailedRun(runId, message, deps.clock());
  deps.log.error({ runId, err: error }, 'job run failed');
  return { status: 'failed', runId, error: message };
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
    if (!(await takeOverRun({ id: run.id, takeover, owner: deps.instanceId, now, leaseUntil: addSeconds(now, deps.leaseSeconds) }))) continue;
    deps.log.warn({ runId: run.id, takeover }, 'resuming an abandoned job run');
    results.push(await execute(job, run.id, run.asOf, deps));
  }
  return results;
}
