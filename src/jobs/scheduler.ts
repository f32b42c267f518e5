import { schedule, type ScheduledTask } from 'node-cron';
import { TIME_ZONE } from '../domain/time-zone.js';
import type { Logger } from '../log.js';

export interface Schedule {
  name: string;
  /** A cron expression read in Asia/Bangkok, whatever TZ the machine has. */
  cron: string;
  run(now: Date): Promise<unknown>;
}

/** Starts jobs on Bangkok time. A job's failure is logged and the next run happens as planned. */
export function startSchedules(jobs: Schedule[], log: Logger): { stop(): Promise<void> } {
  const tasks: ScheduledTask[] = jobs.map((job) =>
    schedule(
      job.cron,
      async () => {
        try {
          const result = await job.run(new Date());
          log.debug({ job: job.name, result }, 'scheduled task finished');
        } catch (error) {
          log.error({ job: job.name, err: error }, 'job failed');
        }
      },
      { name: job.name, timezone: TIME_ZONE, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
    },
  };
}
