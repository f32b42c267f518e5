import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * One scheduled run of a job for one period. `_id` is `<orgId>:<job>:<period>`: the instance whose insert
 * succeeds runs it, the others skip. `leaseUntil` lets another instance take over a run whose instance died
 * (through an insert into job_run_takeovers, again unique). `asOf` is the moment the run computes for, kept
 * so a resumed run produces the same messages.
 */
const jobRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    job: { type: String, required: true },
    period: { type: String, required: true },
    asOf: { type: Date, required: true },
    trigger: { type: String, enum: ['schedule', 'operator', 'resume'], required: true },
    state: { type: String, enum: ['running', 'done', 'failed'], default: 'running' },
    owner: { type: String, required: true },
    takeovers: { type: Number, default: 0 },
    startedAt: { type: Date, required: true },
    leaseUntil: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    recipients: { type: Number, default: 0 },
    messages: { type: Number, default: 0 },
    error: { type: String, default: null },
    /** What the run asked of whom, for the next run's "who did not respond" (follow-ups only). */
    listed: { type: [{ lineUserId: String, name: String, measureIds: [String], _id: false }], default: [] },
  },
  { collection: 'job_runs' },
);
jobRunSchema.index({ orgId: 1, job: 1, startedAt: -1 });
// The resume sweep's one read for every organisation: the runs still running.
jobRunSchema.index({ state: 1, leaseUntil: 1 });

const jobRunTakeoverSchema = new Schema(
  { _id: { type: String, required: true }, runId: { type: String, required: true }, owner: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'job_run_takeovers' },
);

/**
 * What a finished run did: whom it reached and, for follow-ups, whom it asked for what. Kept apart from the
 * run so that a tick finishing thousands of runs inserts these in bulk and marks the runs done with one
 * update of many documents (FerretDB updates by `_id` one statement a document, about 2 ms each). Runs
 * finished before it existed carry these fields themselves.
 */
const jobRunOutcomeSchema = new Schema(
  {
    _id: { type: String, required: true },
    orgId: { type: String, required: true },
    recipients: { type: Number, required: true },
    messages: { type: Number, required: true },
    listed: { type: [{ lineUserId: String, name: String, measureIds: [String], _id: false }], default: [] },
  },
  { collection: 'job_run_outcomes' },
);

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const JobRunOutcomeModel = model('JobRunOutcome', jobRunOutcomeSchema);
export const JobRunModel = model('JobRun', jobRunSchema);
export const JobRunTakeoverModel = model('JobRunTakeover', jobRunTakeoverSchema);
