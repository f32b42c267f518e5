import { createHash } from 'node:crypto';
import { startOfBangkokDay, type Round } from './calendar.js';
import { isClosed, type Complaint } from './complaints.js';
import { ALL_UNITS } from './measures.js';
import type { Status } from './statuses.js';
import type { SummaryMeasure } from './summary.js';

/**
 * What executives look at instead of long lists: the items grouped by unit (or by the officer or handler
 * answering for them), each group with its counts, the largest first. A button names its group by a short
 * hash of the group's identity: a unit's Thai name would not fit LINE's 300 characters of postback data once
 * URL-encoded, and a handler's LINE id does not belong in a button.
 */
export interface Group<T> {
  key: string;
  name: string;
  items: T[];
}

export const groupKey = (identity: string): string => createHash('sha256').update(identity).digest('base64url').slice(0, 12);

/** Groups items under each name they belong to (an item of two units is in both), the largest group first. */
export function groupItems<T>(items: T[], membership: (item: T) => { identity: string; name: string }[]): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    for (const { identity, name } of membership(item)) {
      let group = groups.get(identity);
      if (!group) groups.set(identity, (group = { key: groupKey(identity), name, items: [] }));
      group.items.push(item);
    }
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'th'));
}

export const NO_UNIT_TH = 'ไม่ระบุหน่วยงาน';
export const SHARED_UNIT_TH = `${ALL_UNITS} (ร่วมกัน)`;

/** Overdue measures by responsible unit; an item naming ทุกส่วนราชการ counts on a group of its own, as in the summary. */
export function overdueByUnit(overdue: SummaryMeasure[]): Group<SummaryMeasure>[] {
  return groupItems(overdue, (m) =>
    m.responsibleUnits.length === 0
      ? [{ identity: `unit:${NO_UNIT_TH}`, name: NO_UNIT_TH }]
      : [...new Set(m.responsibleUnits)].map((unit) => ({ identity: `unit:${unit}`, name: unit === ALL_UNITS ? SHARED_UNIT_TH : unit })),
  );
}

export interface MeasureCounts {
  total: number;
  not_started: number;
  in_progress: number;
  cannot_proceed: number;
  /** Nothing reported since the current round began. */
  awaiting_report: number;
}

/** The counts a group card shows for open measures. */
export function measureCounts(items: { status: Status; lastReportAt: Date | null }[], round: Round): MeasureCounts {
  const c: MeasureCounts = { total: items.length, not_started: 0, in_progress: 0, cannot_proceed: 0, awaiting_report: 0 };
  for (const m of items) {
    if (m.status === 'completed') continue;
    c[m.status]++;
    if (!m.lastReportAt || m.lastReportAt < round.start) c.awaiting_report++;
  }
  return c;
}

export const UNASSIGNED_TH = 'ยังไม่มีผู้รับผิดชอบ';

/**
 * Open general complaints past their 15 days, by handler (cases nobody has taken form a group of their own).
 * Corruption reports are never grouped or listed here: outside the integrity officers they are only counted.
 */
export function overdueComplaintsByHandler(cases: Complaint[], now: Date): Group<Complaint>[] {
  const general = cases.filter((c) => c.kind === 'general' && !isClosed(c.status) && c.dueAt <= now);
  return groupItems(general, (c) => [
    c.handlerUserId ? { identity: `handler:${c.handlerUserId}`, name: c.handlerName || 'เจ้าหน้าที่รับเรื่องร้องเรียน' } : { identity: 'handler:', name: UNASSIGNED_TH },
  ]);
}

export interface ComplaintCounts {
  overdue: number;
  /** Passed the deadline on the day in question. */
  newToday: number;
  /** The complainant is still owed the reason for the delay. */
  unexplained: number;
  /** Still only received: nobody has started on it. */
  notStarted: number;
}

export function complaintCounts(cases: Complaint[], escalatedToday: ReadonlySet<string>): ComplaintCounts {
  return {
    overdue: cases.length,
    newToday: cases.filter((c) => escalatedToday.has(c.id)).length,
    unexplained: cases.filter((c) => !c.explainedAt).length,
    notStarted: cases.filter((c) => c.status === 'received').length,
  };
}

/** Open corruption reports past their 15 days: a number, nothing more. */
export const overdueCorruptionCount = (cases: Complaint[], now: Date): number =>
  cases.filter((c) => c.kind === 'corruption' && !isClosed(c.status) && c.dueAt <= now).length;

/** Whether a deadline step first recorded at `stepAt` belongs to the job run of `asOf` (one run a day). */
export const sameBangkokDay = (a: Date, b: Date): boolean => startOfBangkokDay(a).getTime() === startOfBangkokDay(b).getTime();

/** Whole days a case is past its deadline (0 on the day it passes). */
export const daysLate = (dueAt: Date, now: Date): number => Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 86_400_000));

/** Whom a follow-up asked for what (the run's record), without the storage's shape. */
export interface AskedOfficer {
  lineUserId: string;
  name: string;
  measureIds: string[];
}

export interface FollowedMeasure {
  id: string;
  code: string;
  title: string;
  status: Status;
  lastReportAt: Date | null;
  periodEnd: Date | null;
}

/** What a follow-up of `askedAt` asked for and is still unreported (and not completed) now. */
export function stillUnreported<T extends FollowedMeasure>(measures: T[], askedAt: Date): Map<string, T> {
  return new Map(measures.filter((m) => m.status !== 'completed' && (!m.lastReportAt || m.lastReportAt < askedAt)).map((m) => [m.id, m]));
}

/** The unreported items by the officer they were asked of, the officer with most first; officers who answered all are left out. */
export function unreportedByOfficer<T extends FollowedMeasure>(asked: AskedOfficer[], unreported: Map<string, T>): Group<T>[] {
  return asked
    .map((person) => ({
      key: groupKey(`officer:${person.lineUserId}`),
      name: person.name,
      items: person.measureIds.map((id) => unreported.get(id)).filter((m): m is T => m !== undefined),
    }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, 'th'));
}
