import type { Listed } from '../db/job-run-store.js';
import type { Threshold } from '../domain/summary.js';
import type { Outgoing } from '../outbox/enqueue.js';

export const JOB_NAMES = ['follow-up', 'monthly-summary', 'round-reminder', 'complaint-deadlines', 'oit-reminder', 'oit-url-check', 'rollup-summary'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export interface JobSettings {
  orgId: string;
  thresholds: Threshold[];
  /** Days before 31 March / 30 September on which officers are reminded. */
  roundReminderDaysBefore: number[];
  /** Days before 30 April on which OIT owners and reviewers are reminded, besides Mondays. */
  oitReminderDaysBefore?: number[];
  /** How long a published OIT address may take to answer. */
  urlCheckTimeoutMs?: number;
}

export interface JobOutput {
  outgoing: Outgoing[];
  recipients: number;
  listed?: Listed[];
}

/**
 * A scheduled job: which period a moment belongs to (one run per period), whether a scheduled tick is the
 * right moment, and the messages it produces for a moment. `produce` reads the database but sends nothing:
 * its messages go to the outbox.
 */
export interface JobDefinition {
  name: JobName;
  period(asOf: Date, settings: JobSettings): string;
  isDue(now: Date, settings: JobSettings): boolean;
  produce(run: { id: string; asOf: Date }, settings: JobSettings): Promise<JobOutput>;
}
