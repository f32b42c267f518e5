import { deploymentSettings, type Config } from '../config.js';
import { organisationsWithAbandonedRuns } from '../db/job-run-store.js';
import { organisationSettings } from '../db/organisation-store.js';
import { NO_OWN_SETTINGS, resolveOrgSettings, type OrganisationSettings } from '../domain/organisation.js';
import { complaintDeadlines } from './complaint-deadlines.js';
import { followUp } from './follow-up.js';
import type { CronVariable, JobDefinition, JobSettings } from './job.js';
import { messageQuota } from './message-quota.js';
import { monthlySummary } from './monthly-summary.js';
import { oitReminder } from './oit-reminder.js';
import { oitUrlCheck } from './oit-url-check.js';
import { roundReminder } from './round-reminder.js';
import { loadWorkingCalendars } from '../holidays/load-calendar.js';
import { rollupSummary } from './rollup-summary.js';
import { ownTimesSchedule } from './own-times.js';
import { resumeAbandonedRuns, runJobForMany, type RunnerDeps, type RunResult } from './run-job.js';
import type { Schedule } from './scheduler.js';

/**
 * Every scheduled job, each one definition (its name, default schedule, Thai name, what it does): the
 * schedules, the CLI's `run-job`, `org update --time` and the simulator's time machine read this list.
 */
const DEFINITIONS = [followUp, monthlySummary, roundReminder, complaintDeadlines, oitReminder, oitUrlCheck, rollupSummary] as const;

export type JobName = (typeof DEFINITIONS)[number]['name'];
export const JOB_NAMES = DEFINITIONS.map((job) => job.name) as [JobName, ...JobName[]];
export const JOBS = Object.fromEntries(DEFINITIONS.map((job) => [job.name, job])) as Record<JobName, JobDefinition>;

/** The deployment's cron of a job: the environment's when set (`FOLLOW_UP_CRON` …), else the job's default. */
export const cronOf = (config: Partial<Record<CronVariable, string>>, job: JobDefinition): string => config[job.cronVariable] ?? job.cron;

/** The default organisation's settings as the environment has them; `forOrganisation` lays an organisation's own on top. */
export function jobSettings(config: Pick<Config, 'ORG_CODE' | 'OIT_URL_TIMEOUT_MS'> & Parameters<typeof deploymentSettings>[0]): JobSettings {
  const { orgId, thresholds, roundReminderDaysBefore, oitReminderDaysBefore } = resolveOrgSettings(config.ORG_CODE, NO_OWN_SETTINGS, deploymentSettings(config));
  return { orgId, thresholds, roundReminderDaysBefore, oitReminderDaysBefore, urlCheckTimeoutMs: config.OIT_URL_TIMEOUT_MS };
}

/**
 * The same runner for another organisation: its own run ids and claims, and its own settings where it has
 * set them (thresholds, reminder days, job times), the deployment's otherwise.
 */
export function forOrganisation(deps: RunnerDeps, orgId: string, own: OrganisationSettings = NO_OWN_SETTINGS): RunnerDeps {
  const org = resolveOrgSettings(orgId, own, deps.settings);
  return { ...deps, settings: { ...org, digits: org.digits ?? deps.settings.digits } };
}

/** Every organisation's settings at this tick (one read), so that an operator's change counts from the next one. */
export async function organisationsAt(deps: RunnerDeps, orgIds: string[]): Promise<RunnerDeps[]> {
  const settingsOf = await organisationSettings();
  return runnersOf(deps, orgIds, settingsOf);
}

function runnersOf(deps: RunnerDeps, orgIds: string[], settingsOf: (orgId: string) => OrganisationSettings): RunnerDeps[] {
  const thresholdsOf = (orgId: string) => settingsOf(orgId).thresholds ?? deps.settings.thresholds;
  return orgIds.map((orgId) => forOrganisation({ ...deps, settings: { ...deps.settings, thresholdsOf } }, orgId, settingsOf(orgId)));
}

/**
 * Finishes the runs any instance left half-way, in every organisation: one read finds the organisations that
 * have such runs (most minutes none), so the sweep costs one query whatever the deployment's size.
 */
export async function resumeEverywhere(deps: RunnerDeps, orgIds: string[]): Promise<Record<string, RunResult[] | { status: 'failed'; error: string }>> {
  const active = new Set(orgIds);
  const withAbandoned = (await organisationsWithAbandonedRuns(deps.clock())).filter((orgId) => active.has(orgId));
  const results: Record<string, RunResult[] | { status: 'failed'; error: string }> = {};
  if (withAbandoned.length === 0) return results;
  for (const orgDeps of await organisationsAt(deps, withAbandoned)) {
    // One organisation's failure must not keep the others from their run.
    results[orgDeps.settings.orgId] = await resumeAbandonedRuns([...Object.values(JOBS), messageQuota], orgDeps).catch((error: unknown) => ({ status: 'failed' as const, error: String(error) }));
  }
  return results;
}

/**
 * The cron schedules of the jobs; a tick runs its job, for every organisation of the deployment in turn
 * (`orgIds`; the default organisation alone when not given), only on the day the job is meant for. Each
 * organisation's run is claimed on its own, so several instances still send once per organisation. An
 * organisation with its own time of day for the job is left out of its tick: the per-minute `own-times`
 * tick runs it then, on the same days (`own-times.ts`).
 */
export function jobSchedules(config: Partial<Pick<Config, CronVariable>>, deps: RunnerDeps, orgIds: () => string[] = () => [deps.settings.orgId]): Schedule[] {
  const schedules: Schedule[] = DEFINITIONS.map((job) => ({
    name: job.name,
    cron: cronOf(config, job),
    // The calendars are read at each tick: a day an operator adds counts from the next one, without a restart.
    run: async (now: Date) => {
      const all = await organisationsAt(deps, orgIds());
      const calendarOf = await loadWorkingCalendars();
      const ownTime = (orgDeps: RunnerDeps) => orgDeps.settings.jobTimes?.[job.name];
      const due = all.filter((orgDeps) => !ownTime(orgDeps) && job.isDue(now, orgDeps.settings, calendarOf(orgDeps.settings.orgId)));
      const ran = await runJobForMany(job, now, 'schedule', due);
      return Object.fromEntries(
        all.map((orgDeps) => [orgDeps.settings.orgId, ran.get(orgDeps.settings.orgId) ?? (ownTime(orgDeps) ? { status: 'at its own time', at: ownTime(orgDeps) } : { status: 'not due today' })]),
      );
    },
  }));
  // LINE's count, read daily for every organisation (each claimed once, like the jobs above); no own times.
  schedules.push({ name: messageQuota.name, cron: cronOf(config, messageQuota), run: async (now: Date) => Object.fromEntries(await runJobForMany(messageQuota, now, 'schedule', await organisationsAt(deps, orgIds()))) });
  schedules.push(ownTimesSchedule(DEFINITIONS, (job) => cronOf(config, job), orgIds, (found) => {
    const settingsOf = new Map(found.map((o) => [o.orgId, o.settings]));
    return runnersOf(deps, [...settingsOf.keys()], (orgId) => settingsOf.get(orgId) ?? NO_OWN_SETTINGS);
  }));
  schedules.push({ name: 'resume-abandoned-runs', cron: '* * * * *', run: () => resumeEverywhere(deps, orgIds()) });
  return schedules;
}
