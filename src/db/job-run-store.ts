import { createIgnoringDuplicates, insertIgnoringDuplicates, writeAll } from './bulk-write.js';
import { batchedCreate, batchedUpdate } from './group-commit.js';
import { claimRound, insertUnique, type ClaimLedger } from './lease.js';
import { JobRunModel, JobRunOutcomeModel, JobRunTakeoverModel } from './models/job-run.js';

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
type OutcomeDoc = { _id: string; orgId: string; recipients: number; messages: number; listed: Listed[] };

function toJobRun(doc: RunDoc, outcome: OutcomeDoc | null): JobRun {
  // Runs finished before outcomes were kept apart carry them on themselves.
  const { recipients, listed } = outcome ?? doc;
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
    recipients,
    error: doc.error,
    listed: listed.map(({ lineUserId, name, measureIds }) => ({ lineUserId, name, measureIds })),
  };
}

async function withOutcome(doc: RunDoc | null): Promise<JobRun | null> {
  return doc ? toJobRun(doc, await JobRunOutcomeModel.findById(doc._id).lean<OutcomeDoc>()) : null;
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
  recipients: number;
  messages: number;
  listed?: Listed[];
}

/**
 * Records what runs did. New but for a run finished again after a crash, so inserted, and only an outcome
 * already there replaced.
 */
async function recordOutcomes(outcomes: { id: string; orgId: string; done: RunDone }[]): Promise<void> {
  const docs: OutcomeDoc[] = outcomes.map(({ id, orgId, done }) => ({ _id: id, orgId, recipients: done.recipients, messages: done.messages, listed: done.listed ?? [] }));
  const inserted = await insertIgnoringDuplicates(JobRunOutcomeModel, docs);
  await writeAll(JobRunOutcomeModel, docs.filter((_, i) => !inserted[i]).map((replacement) => ({ replaceOne: { filter: { _id: replacement._id }, replacement } })));
}

const done = (finishedAt: Date) => ({ $set: { state: 'done', finishedAt, error: null } });

export async function finishRun({ id, orgId, outcome, finishedAt }: { id: string; orgId: string; outcome: RunDone; finishedAt: Date }): Promise<void> {
  await recordOutcomes([{ id, orgId, done: outcome }]);
  await updateRun({ updateOne: { filter: { _id: id }, update: done(finishedAt) } });
}

/**
 * Records as done the runs one tick claimed (`claimed`: the job, the instance and the moment they share),
 * but for those in `except` (their output failed; they stay running for the resume sweep): their outcomes
 * in bulk, then one update of many documents, found by an indexed equality on the running state.
 */
export async function finishRuns({
  claimed,
  outcomes,
  except,
  finishedAt,
}: {
  claimed: { job: string; owner: string; startedAt: Date };
  outcomes: { id: string; orgId: string; done: RunDone }[];
  except: string[];
  finishedAt: Date;
}): Promise<void> {
  await recordOutcomes(outcomes);
  await JobRunModel.updateMany({ state: 'running', ...claimed, ...(except.length > 0 ? { _id: { $nin: except } } : {}) }, done(finishedAt));
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
  return docs.map((doc) => toJobRun(doc, null));
}

const takeovers: ClaimLedger<{ _id: string; runId: string; owner: string; at: Date }> = {
  record: (_id, runId, owner, at) => ({ _id, runId, owner, at }),
  insert: insertUnique(JobRunTakeoverModel),
};

/**
 * Claims takeover `takeover` of an abandoned run, then holds the run for this instance until `leaseUntil`.
 * The run's own lease decides when it is abandoned, so a taken takeover just loses.
 */
export async function takeOverRun({ id, takeover, owner, now, leaseUntil }: { id: string; takeover: number; owner: string; now: Date; leaseUntil: Date }): Promise<boolean> {
  if (!(await claimRound(takeovers, { unitId: id, round: takeover, owner, now }))) return false;
  await JobRunModel.updateOne({ _id: id }, { $set: { owner, takeovers: takeover, leaseUntil } });
  return true;
}

/** The newest finished run of a job computed for a moment before `before`. */
export async function previousDoneRun(orgId: string, job: string, before: Date): Promise<JobRun | null> {
  const doc = await JobRunModel.findOne({ orgId, job, state: 'done', asOf: { $lt: before } })
    .sort({ asOf: -1 })
    .lean<RunDoc>();
  return withOutcome(doc);
}

/** The finished runs of a job computed for a moment from `from` to `to`, both included. */
export async function doneRunsBetween(orgId: string, job: string, from: Date, to: Date): Promise<JobRun[]> {
  const docs = await JobRunModel.find({ orgId, job, state: 'done', asOf: { $gte: from, $lte: to } }).lean<RunDoc[]>();
  return (await Promise.all(docs.map(withOutcome))).filter((r): r is JobRun => r !== null);
}

/** A finished run of a job by its period (the month of a follow-up), or null. */
export async function doneRun(orgId: string, job: string, period: string): Promise<JobRun | null> {
  return withOutcome(await JobRunModel.findOne({ _id: `${orgId}:${job}:${period}`, orgId, state: 'done' }).lean<RunDoc>());
}

export async function recentRuns(orgId: string, limit: number): Promise<JobRun[]> {
  const docs = await JobRunModel.find({ orgId }).sort({ startedAt: -1 }).limit(limit).lean<RunDoc[]>();
  return (await Promise.all(docs.map(withOutcome))).filter((r): r is JobRun => r !== null);
}
