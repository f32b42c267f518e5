import type { Status } from './statuses.js';
import { isOverdue } from './summary.js';

/**
 * The order in which an officer's items are offered for reporting: what is due first. Completed items
 * (locked for the round or not) wait behind one button: reporting on them again is rare, and when they
 * came first an officer paged past them to find the work still open.
 */
export interface Reportable {
  status: Status;
  periodStart: Date;
  periodEnd: Date;
}

/** Why an item stands where it does, in the order shown. */
export const DUE_GROUPS = ['overdue', 'not_started', 'in_progress', 'cannot_proceed', 'not_yet_begun'] as const;
export type DueGroup = (typeof DUE_GROUPS)[number];

/**
 * Overdue is the summary's rule (not completed, period over); an item whose period has not begun is not
 * due yet, whatever its status; the rest go by status: not started before in progress, and an item that
 * cannot proceed last (its report rarely changes).
 */
export function dueGroup(m: Reportable, now: Date): DueGroup | 'done' {
  if (m.status === 'completed') return 'done';
  if (isOverdue(m, now)) return 'overdue';
  if (m.periodStart > now) return 'not_yet_begun';
  return m.status;
}

/**
 * The items still to report on, due first (within a group, the period ending soonest first; otherwise
 * the given order, that of the official tables), and the completed ones, in the given order.
 */
export function dueFirst<T extends Reportable>(items: readonly T[], now: Date): { due: T[]; done: T[] } {
  const rank = (m: T) => DUE_GROUPS.indexOf(dueGroup(m, now) as DueGroup);
  const due = items
    .map((m, index) => ({ m, index, rank: rank(m) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.m.periodEnd.getTime() - b.m.periodEnd.getTime() || a.index - b.index)
    .map((x) => x.m);
  return { due, done: items.filter((m) => m.status === 'completed') };
}
