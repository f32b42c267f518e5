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

export type JobRun = InferSchemaType<typeof jobRunSchema>;
export const JobRunModel = model('JobRun', jobRunSchema);
export const JobRunTakeoverModel = model('JobRunTakeover', jobRunTakeoverSchema);
