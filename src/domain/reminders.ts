import { daysBeforeRoundEnd, fiscalQuarterOf, isQuarterEnd, roundOf, type Round } from './calendar.js';
import type { Status } from './statuses.js';
import { isStale } from './summary.js';

/** Who gets reminded of what; pure rules over a measure's state at a moment. */
interface Tracked {
  status: Status;
  periodStart: Date;
  lastReportAt: Date | null;
}

const isOpen = (m: Tracked) => m.status !== 'completed' && m.status !== 'cannot_proceed';

/**
 * The 3-month follow-up (seed 004's recommendation): on the last day of a fiscal quarter, every open
 * measure not reported on during that quarter; on other month-ends, those with no report for 3 months.
 */
export function needsFollowUp(m: Tracked, asOf: Date): boolean {
  if (!isOpen(m) || m.periodStart > asOf) return false;
  if (isQuarterEnd(asOf)) return !m.lastReportAt || m.lastReportAt < fiscalQuarterOf(asOf).start;
  return isStale(m, asOf);
}

/** E-PlanNACC's "awaiting report": started, not completed, and nothing reported since the round began. */
export function awaitingReport(m: Tracked, round: Round): boolean {
  return m.status !== 'completed' && m.periodStart < round.end && (!m.lastReportAt || m.lastReportAt < round.start);
}

/**
 * The round whose reminders are running at `now`: from the first configured reminder day before its "data
 * as of" day (e.g. 7 days) to that day's end; null outside that window or with no reminder days.
 */
export function roundBeingReminded(now: Date, reminderDaysBefore: readonly number[]): Round | null {
  if (reminderDaysBefore.length === 0) return null;
  const round = roundOf(now);
  return daysBeforeRoundEnd(now, round) <= Math.max(...reminderDaysBefore) ? round : null;
}

/**
 * Whether a reminder would tell an officer nothing they were not told in a reply: every item still awaiting
 * was among those they were told of (an item given to them since makes the reminder worth its push).
 */
export const toldOfAll = (told: { measureIds: readonly string[] } | undefined, awaiting: readonly { id: string }[]): boolean =>
  told !== undefined && awaiting.every((m) => told.measureIds.includes(m.id));
