import { createIgnoringDuplicates, writeAll } from './bulk-write.js';
import { batchedCreate, batchedUpdate } from './group-commit.js';
import { claimRound, insertUnique, type ClaimLedger } from './lease.js';
import { JobRunModel, JobRunTakeoverModel } from './models/job-run.js';

/** Whom a run asked for what: the next follow-up tells executives who did not respond. */
export interface Listed {
  lineUserId: string;
  name: string;
  measureIds: string[];
}

export interface NewJobRun {
  id: string;
  orgId: string;
  job: string;
  period: string;
  asOf: Date;
  trigger: 'schedule' | 'operator';
  owner: string;
  startedAt: Date;
  leaseUntil: Date;
}

export interface JobRun {
  id: string;
  job: string;
  period: string;
  asOf: Date;
  state: 'running' | 'done' | 'failed';
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  takeovers: number;
  recipients: number;
  error: string | null;
  listed: Listed[];
}

type RunDoc = Omit<JobRun, 'id'> & { _id: string };

function toJobRun(doc: RunDoc): JobRun {
  return {
    id: doc._id,
    job: doc.job,
    period: doc.period,
    asOf: doc.asOf,
    state: doc.state,
    trigger: doc.trigger,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    takeovers: doc.takeovers,
    recipients: doc.recipients,
    error: doc.error,
    listed: doc.listed.map(({ lineUserId, name, measureIds }) => ({ lineUserId, name, measureIds })),
  };
}

// Group commit: a tick for thousands of organisations claims thousands of runs.
const insertRun = batchedCreate<Omit<NewJobRun, 'id'> & { _id: string }>(JobRunModel);
const updateRun = batchedUpdate(JobRunModel);

/** Claims a run: of instances starting the same run, one inserts it and the others find it there. */
export async function claimRun(run: NewJobRun): Promise<boolean> {
  const { id, ...fields } = run;
  return insertRun({ _id: id, ...fields });
}

/** Claims many runs in a few bulk inserts (one tick for every organisation); for each, whether it was won. */
export async function claimRuns(runs: NewJobRun[]): Promise<boolean[]> {
  return createIgnoringDuplicates(JobRunModel, runs.map(({ id, ...fields }) => ({ _id: id, ...fields })));
}

/** A run's state; null when it is gone. */
export async function jobRunState(id: string): Promise<JobRun['state'] | null> {
  return (await JobRunModel.findById(id).lean<RunDoc>())?.state ?? null;
}

export interface RunDone {
  finishedAt: Date;
  recipients: number;
  messages: number;
  listed?: Listed[];
}

const finishing = (id: string, { listed, ...fields }: RunDone) => ({
  updateOne: { filter: { _id: id }, update: { $set: { state: 'done', ...fields, error: null, ...(listed ? { listed } : {}) } } },
});

export async function finishRun(id: string, done: RunDone): Promise<void> {
  await updateRun(finishing(id, done));
}

/** Records many runs as done in a few bulk writes. */
export async function finishRuns(done: { id: string; done: RunDone }[]): Promise<void> {
  await writeAll(JobRunModel, done.map((d) => finishing(d.id, d.done)));
}

/** Keeps a failed run `running` with its lease ended at `leaseUntil`, so a resume sweep tries it again. */
export async function releaseFailedRun(id: string, error: string, leaseUntil: Date): Promise<void> {
  await JobRunModel.updateOne({ _id: id }, { $set: { error: error.slice(0, 500), leaseUntil } });
}

/** `releaseFailedRun` for many runs whose shared write failed. */
export async function releaseFailedRuns(ids: string[], error: string, leaseUntil: Date): Promise<void> {
  await writeAll(JobRunModel, ids.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { error: error.slice(0, 500), leaseUntil } } } })));
}

export async function giveUpRun(id: string, finishedAt: Date): Promise<void> {
  await JobRunModel.updateOne({ _id: id }, { $set: { state: 'failed', finishedAt } });
}

/**
 * The organisations that have a run still `running` past its lease: one read, by an indexed equality on the
 * state (few runs are ever running), for the minute's resume sweep over every organisation of a deployment.
 */
export async function organisationsWithAbandonedRuns(now: Date): Promise<string[]> {
  const docs = await JobRunModel.find({ state: 'running', leaseUntil: { $lt: now } }, { orgId: 1 }).lean<{ orgId: string }[]>();
  return [...new Set(docs.map((d) => d.orgId))].sort();
}

/** Runs still `running` whose lease has passed: their instance stopped before finishing. */
export async function abandonedRuns(orgId: string, now: Date): Promise<JobRun[]> {
  const docs = await JobRunModel.find({ orgId, state: 'running', leaseUntil: { $lt: now } }).lean<RunDoc[]>();
  return docs.map(toJobRun);
}

const takeovers: ClaimLedger<{ _id: string; runId: string; owner: string; at: Date }> = {
  record: (_id, runId, owner, at) => ({ _id, runId, owner, at }),
  insert: insertUnique(JobRunTakeoverModel),
};

/**
 * Claims takeover `takeover` of an abandoned run, then holds the run for this instance until `leaseUntil`.
 * The run's own lease decides when it is abandoned, so a taken takeover just loses.
 */
export async function takeOverRun(id: string, takeover: number, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
  if (!(await claimRound(takeovers, { unitId: id, round: takeover, owner, now }))) return false;
  await JobRunModel.updateOne({ _id: id }, { $set: { owner, takeovers: takeover, leaseUntil } });
  return true;
}

/** The newest finished run of a job computed for a moment before `before`. */
export async function previousDoneRun(orgId: string, job: string, before: Date): Promise<JobRun | null> {
  const doc = await JobRunModel.findOne({ orgId, job, state: 'done', asOf: { $lt: before } })
    .sort({ asOf: -1 })
    .lean<RunDoc>();
  return doc ? toJobRun(doc) : null;
}

/** A finished run of a job by its period (the month of a follow-up), or null. */
export async function doneRun(orgId: string, job: string, period: string): Promise<JobRun | null> {
  const doc = await JobRunModel.findOne({ _id: `${orgId}:${job}:${period}`, orgId, state: 'done' }).lean<RunDoc>();
  return doc ? toJobRun(doc) : null;
}

export async function recentRuns(orgId: string, limit: number): Promise<JobRun[]> {
  const docs = await JobRunModel.find({ orgId }).sort({ startedAt: -1 }).limit(limit).lean<RunDoc[]>();
  return docs.map(toJobRun);
}
