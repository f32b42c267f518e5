import { createTask } from 'node-cron';
import { TIME_ZONE } from '../domain/time-zone.js';

/**
 * Whether a cron expression fires at some time on the Bangkok day of a moment: its day-of-month, month and
 * day-of-week fields, read by node-cron itself (ranges, steps, names, `L`), its time fields ignored. An
 * organisation's own time of a job runs on the days the deployment's cron would have run it.
 */
export function firesOnDayOf(cron: string): (at: Date) => boolean {
  const fields = cron.trim().split(/\s+/);
  const [dayOfMonth, month, dayOfWeek] = fields.slice(-3);
  // Seconds, minutes and hours left open: any moment of a matching day matches.
  const task = createTask(`* * * ${dayOfMonth} ${month} ${dayOfWeek}`, () => undefined, { timezone: TIME_ZONE });
  // Never started; destroyed at once so that node-cron's registry of tasks does not keep it. Matching only
  // reads the parsed expression.
  void task.destroy();
  return (at) => task.match(at);
}
