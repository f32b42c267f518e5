import type { Config } from '../config.js';
import { complaintDeadlines } from './complaint-deadlines.js';
import { followUp } from './follow-up.js';
import type { JobDefinition, JobName, JobSettings } from './job.js';
import { monthlySummary } from './monthly-summary.js';
import { oitReminder } from './oit-reminder.js';
import { oitUrlCheck } from './oit-url-check.js';
import { roundReminder } from './round-reminder.js';
import { loadWorkingCalendar } from '../holidays/load-calendar.js';
import { resumeAbandonedRuns, runJob, type RunnerDeps } from './run-job.js';
import type { Schedule } from './scheduler.js';

export const JOBS: Record<JobName, JobDefinition> = {
  'follow-up': followUp,
  'monthly-summary': monthlySummary,
  'round-reminder': roundReminder,
  'complaint-deadlines': complaintDeadlines,
  'oit-reminder': oitReminder,
  'oit-url-check': oitUrlCheck,
};

export function jobSettings(
  config: Pick<Config, 'ORG_CODE' | 'IMPLEMENTATION_LEVEL_THRESHOLDS' | 'ROUND_REMINDER_DAYS_BEFORE' | 'OIT_REMINDER_DAYS_BEFORE' | 'OIT_URL_TIMEOUT_MS'>,
): JobSettings {
  return {
    orgId: config.ORG_CODE,
    thresholds: config.IMPLEMENTATION_LEVEL_THRESHOLDS,
    roundReminderDaysBefore: config.ROUND_REMINDER_DAYS_BEFORE,
    oitReminderDaysBefore: config.OIT_REMINDER_DAYS_BEFORE,
    urlCheckTimeoutMs: config.OIT_URL_TIMEOUT_MS,
  };
}

/** The cron schedules of the three jobs; a tick runs its job only on the day the job is meant for. */
export function jobSchedules(
  config: Pick<Config, 'FOLLOW_UP_CRON' | 'MONTHLY_SUMMARY_CRON' | 'ROUND_REMINDER_CRON' | 'COMPLAINT_DEADLINE_CRON' | 'OIT_REMINDER_CRON' | 'OIT_URL_CHECK_CRON'>,
  deps: RunnerDeps,
): Schedule[] {
  const cronOf: Record<JobName, string> = {
    'follow-up': config.FOLLOW_UP_CRON,
    'monthly-summary': config.MONTHLY_SUMMARY_CRON,
    'round-reminder': config.ROUND_REMINDER_CRON,
    'complaint-deadlines': config.COMPLAINT_DEADLINE_CRON,
    'oit-reminder': config.OIT_REMINDER_CRON,
    'oit-url-check': config.OIT_URL_CHECK_CRON,
  };
  const schedules: Schedule[] = Object.values(JOBS).map((job) => ({
    name: job.name,
    cron: cronOf[job.name],
    // The calendar is read at each tick: a day an operator adds counts from the next one, without a restart.
    run: async (now: Date) =>
      job.isDue(now, deps.settings, await loadWorkingCalendar(deps.settings.orgId)) ? runJob(job, now, 'schedule', deps) : { status: 'not due today' },
  }));
  schedules.push({ name: 'resume-abandoned-runs', cron: '* * * * *', run: () => resumeAbandonedRuns(Object.values(JOBS), deps) });
  return schedules;
}
