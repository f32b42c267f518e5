import { organisationsWithOwnTimes } from '../db/organisation-store.js';
import { dayKey, timeOfDayKey } from '../domain/calendar.js';
import { timesOfDayBetween, type OrganisationSettings, type TimeOfDay } from '../domain/organisation.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { loadWorkingCalendars } from '../holidays/load-calendar.js';
import { firesOnDayOf } from './cron-days.js';
import type { JobDefinition } from './job.js';
import { runJobForMany, type RunnerDeps, type RunResult } from './run-job.js';
import type { Schedule } from './scheduler.js';

/**
 * A group this much smaller than the deployment reads per organisation rather than in the job's one pass,
 * which reads every organisation (docs/performance.md §6: 25.5 s at 7,850). An estimate, not a measurement.
 */
const ONE_PASS_SHARE = 1 / 8;

export type OwnTimeResult = RunResult | { status: 'not due today' };

/**
 * The per-minute tick of organisations' own times of day (`org update <code> --time <job>=HH:MM`): each
 * minute, the organisations with a job at that time (an indexed lookup that finds nobody most minutes) run
 * it, on the days the deployment's cron and the job's `isDue` would have run it for them, through
 * `runJobForMany`'s claims (once per organisation and period, however many instances tick). Such
 * organisations are left out of the job's deployment-wide tick (`jobSchedules`).
 *
 * Minutes this instance did not tick (started late in the day, a tick that overran the next) are caught up
 * at its next tick, the same Bangkok day only: its first tick looks back to 00:00. Safe, because a run an
 * organisation already had in the period is refused by its claim; cheap, because it is one read of the
 * organisations whose times fell in those minutes. A time moved to one already past today, and minutes
 * missed across midnight, count from the next day.
 */
export function ownTimesSchedule(
  jobs: readonly JobDefinition[],
  cronOf: (job: JobDefinition) => string,
  orgIds: () => string[],
  depsFor: (found: { orgId: string; settings: OrganisationSettings }[]) => RunnerDeps[],
): Schedule {
  const firesOn = new Map(jobs.map((job) => [job.name, firesOnDayOf(cronOf(job))]));
  let last: { day: string; time: TimeOfDay } | null = null;
  return {
    name: 'own-times',
    cron: '* * * * *',
    async run(now: Date) {
      const day = dayKey(now);
      const time = timeOfDayKey(now);
      const times = timesOfDayBetween(last?.day === day ? last.time : null, time);
      const results: Partial<Record<string, Record<string, OwnTimeResult>>> = {};
      const active = new Set(orgIds());
      const found = (await organisationsWithOwnTimes(times)).filter((o) => active.has(o.orgId));
      if (found.length > 0) {
        const inWindow = new Set(times);
        const all = depsFor(found);
        let calendarOf: ((orgId: string) => WorkingCalendar) | undefined;
        for (const job of jobs) {
          const mine = all.filter((d) => {
            const at = d.settings.jobTimes?.[job.name];
            return at !== undefined && inWindow.has(at);
          });
          if (mine.length === 0) continue;
          let ran = new Map<string, RunResult>();
          if (firesOn.get(job.name)!(now)) {
            calendarOf ??= await loadWorkingCalendars();
            const due = mine.filter((d) => job.isDue(now, d.settings, calendarOf!(d.settings.orgId)));
            const onePass = due.length >= active.size * ONE_PASS_SHARE;
            ran = await runJobForMany(onePass ? job : withoutOnePass(job), now, 'schedule', due);
          }
          results[job.name] = Object.fromEntries(mine.map((d) => [d.settings.orgId, ran.get(d.settings.orgId) ?? { status: 'not due today' }]));
        }
      }
      last = { day, time };
      return results;
    },
  };
}

function withoutOnePass(job: JobDefinition): JobDefinition {
  const { prepare: _, ...perOrganisation } = job;
  return perOrganisation;
}
