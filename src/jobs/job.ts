import type { Config } from '../config.js';
import type { Listed } from '../db/job-run-store.js';
import type { ComplaintStats } from '../domain/complaints.js';
import type { ExecutiveGroup } from '../domain/executive-group.js';
import type { StaffContact } from '../domain/staff.js';
import type { DigitStyle } from '../domain/figures.js';
import type { Summary, Threshold } from '../domain/summary.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import type { Outgoing } from '../outbox/enqueue.js';

/** The environment variables that move a job's schedule (`FOLLOW_UP_CRON` …). */
export type CronVariable = Extract<keyof Config, `${string}_CRON`>;

export interface JobSettings {
  orgId: string;
  thresholds: Threshold[];
  /** Days before 31 March / 30 September on which officers are reminded. */
  roundReminderDaysBefore: number[];
  /** Days before 30 April on which OIT owners and reviewers are reminded, besides Mondays. */
  oitReminderDaysBefore?: number[];
  /** How long a published OIT address may take to answer. */
  urlCheckTimeoutMs?: number;
  /** An organisation's public transparency page, which the monthly summary links to. */
  publicPageUrl?: (orgId: string) => string;
  /**
   * Each organisation's thresholds, for a one-pass read covering many (`prepare`); `thresholds` is this
   * organisation's.
   */
  thresholdsOf?: (orgId: string) => Threshold[];
  /** This organisation's digit style for the bot's own figures (Arabic when unset). */
  digits?: DigitStyle;
  /**
   * The organisation's own Bangkok times of day ("10:00") by job: such a job runs for it at that time
   * (`own-times.ts`) instead of in the deployment's tick.
   */
  jobTimes?: Readonly<Partial<Record<string, string>>>;
  /** Reads LINE's quota and this month's use for an organisation's channel and keeps them (`message-quota.ts`). */
  readMessageQuota?: (orgId: string) => Promise<void>;
}

export interface JobOutput {
  outgoing: Outgoing[];
  recipients: number;
  listed?: Listed[];
  /** The figures the run reported, kept for next month's trend; written with the run's messages. */
  snapshot?: Summary;
}

/**
 * A scheduled job: which period a moment belongs to (one run per period), whether a scheduled tick is the
 * right moment (with the organisation's working calendar, loaded for the tick), and the messages it produces
 * for a moment. `produce` sends nothing and leaves its output to the runner, which puts the messages in the
 * outbox and records the snapshot, for many organisations in a few bulk writes; its only own writes are
 * conditional steps on the records it reads (a case's deadline step, a link's check).
 */
export interface JobDefinition<Name extends string = string> {
  name: Name;
  /**
   * When its tick fires, read in Asia/Bangkok, unless the deployment sets `cronVariable`. The job also checks
   * the day itself (`isDue`: last day of the month, first working day …), so a cron that fires on several
   * candidate days sends once. An organisation's own time of day runs it on the days this cron fires.
   */
  cron: string;
  cronVariable: CronVariable;
  /** What the simulator's time machine calls it, and when it normally runs, in Thai. */
  thai: { name: string; schedule: string };
  period(asOf: Date, settings: JobSettings): string;
  isDue(now: Date, settings: JobSettings, calendar: WorkingCalendar): boolean;
  /**
   * For a tick that runs the job for many organisations: reads what every organisation's run needs in one
   * pass (a hosted deployment has thousands), handed to each `produce`. Without it, or when a run is resumed
   * on its own, `produce` reads for its organisation alone; both give the same messages.
   */
  prepare?(asOf: Date, settings: JobSettings): Promise<OnePass>;
  produce(run: { id: string; asOf: Date }, settings: JobSettings, onePass?: OnePass): Promise<JobOutput>;
}

/** What a job read for all organisations at once, asked for by organisation. */
export interface OnePass {
  /** Undefined for an organisation the pass did not cover (no measures yet): read it on its own. */
  summary?: (orgId: string) => Summary | undefined;
  executives?: (orgId: string) => StaffContact[];
  complaintStats?: (orgId: string) => ComplaintStats;
  executiveGroup?: (orgId: string) => ExecutiveGroup | null;
}
