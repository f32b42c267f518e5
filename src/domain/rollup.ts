import { roundOf, type Round } from './calendar.js';
import type { ComplaintStatus } from './complaints.js';
import { disbursementPercent, implementationPercent, levelOf, summarise, type SummaryMeasure, type Tally, type Threshold } from './summary.js';

/**
 * What a supervising office sees of the organisations under it (อำเภอ, จังหวัด / สถ.จ., national): one row of
 * counts and shares per organisation and their totals. Counts only: no person, no complaint's content, no
 * measure's text leaves an organisation through a roll-up.
 */
export type SupervisorScope =
  | { level: 'national' }
  | { level: 'province'; province: string }
  | { level: 'district'; province: string; district: string };

const PROVINCE_PREFIX = /^(?:จังหวัด|จ\.)\s*/;
const DISTRICT_PREFIX = /^(?:อำเภอ|อ\.|เขต)\s*/;

/** A place name as operators and profiles write it: "จังหวัดอ่างทอง", "จ. อ่างทอง" and "อ่างทอง" are one. */
export function placeName(text: string, kind: 'province' | 'district'): string {
  const squeezed = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return squeezed.replace(kind === 'province' ? PROVINCE_PREFIX : DISTRICT_PREFIX, '').trim();
}

/** `national`, `province:อ่างทอง`, `district:อ่างทอง/โพธิ์ทอง` (as the invite command takes it); null otherwise. */
export function parseScope(text: string): SupervisorScope | null {
  const t = text.trim();
  if (/^(national|ทั่วประเทศ)$/i.test(t)) return { level: 'national' };
  const province = t.match(/^province:(.+)$/i);
  if (province) {
    const name = placeName(province[1]!, 'province');
    return name && !name.includes('/') ? { level: 'province', province: name } : null;
  }
  const district = t.match(/^district:([^/]+)\/(.+)$/i);
  if (district) {
    const [p, d] = [placeName(district[1]!, 'province'), placeName(district[2]!, 'district')];
    return p && d && !d.includes('/') ? { level: 'district', province: p, district: d } : null;
  }
  return null;
}

/** The stored form of a scope, which `parseScope` reads back. */
export function scopeKey(scope: SupervisorScope): string {
  if (scope.level === 'national') return 'national';
  if (scope.level === 'province') return `province:${scope.province}`;
  return `district:${scope.province}/${scope.district}`;
}

/** How people read a scope: "จังหวัดอ่างทอง", "อำเภอโพธิ์ทอง จังหวัดอ่างทอง", "ทั่วประเทศ". */
export function scopeTh(scope: SupervisorScope): string {
  if (scope.level === 'national') return 'ทั่วประเทศ';
  if (scope.level === 'province') return `จังหวัด${scope.province}`;
  return `อำเภอ${scope.district} จังหวัด${scope.province}`;
}

/** Whether an organisation's profile (`cli org add/update --province --district`) falls in a scope. */
export function inScope(scope: SupervisorScope, org: { province: string; district: string }): boolean {
  if (scope.level === 'national') return true;
  if (placeName(org.province, 'province') !== placeName(scope.province, 'province')) return false;
  return scope.level === 'province' || placeName(org.district, 'district') === placeName(scope.district, 'district');
}

/** An organisation under a supervisor, as its profile names it. */
export interface RollupOrganisation {
  orgId: string;
  name: string;
  province: string;
  district: string;
  /** B.E.: the year whose plan it reports on. */
  fiscalYear: number;
}

/** A complaint as the roll-up counts it: its status and its clock, nothing of what it says or who said it. */
export interface ComplaintClock {
  status: ComplaintStatus;
  dueAt: Date;
  closedAt: Date | null;
}

/** Of the complaints whose 15 days are up or that are closed: answered (closed) in time, and late. */
export interface ComplaintTimeliness {
  onTime: number;
  late: number;
}

/** One OIT item as counted: answered, and passed by the reviewer. */
export interface OitReadiness {
  total: number;
  answered: number;
  approved: number;
}

export interface RollupRow extends RollupOrganisation {
  /** Whether it has a plan for its fiscal year at all. */
  hasPlan: boolean;
  tally: Tally;
  level: string;
  overdue: number;
  /** Some item was reported on since the current round began (1 Oct / 1 Apr). */
  reported: boolean;
  complaints: ComplaintTimeliness;
  oit: OitReadiness;
}

export interface RollupTotals {
  organisations: number;
  reported: number;
  tally: Tally;
  level: string;
  overdue: number;
  complaints: ComplaintTimeliness;
  oit: OitReadiness;
}

export interface Rollup {
  scope: SupervisorScope;
  asOf: Date;
  round: Round;
  thresholds: Threshold[];
  /** In Thai name order. */
  rows: RollupRow[];
  totals: RollupTotals;
  /** Organisations that have reported nothing this round (or have no plan), by name. */
  notReported: RollupRow[];
  /** Organisations needing attention, the most pressing first (see `attentionReasons`). */
  attention: RollupRow[];
}

/**
 * Answered within 15 days: closed (resolved, rejected, forwarded) by the end of its 15th day. Late: closed
 * after it, or still open when it passed. A withdrawn case and an open one still within its days are not
 * counted either way.
 */
export function complaintTimeliness(cases: readonly ComplaintClock[], now: Date): ComplaintTimeliness {
  const out = { onTime: 0, late: 0 };
  for (const c of cases) {
    if (c.status === 'withdrawn') continue;
    if (c.closedAt) {
      if (c.closedAt <= c.dueAt) out.onTime++;
      else out.late++;
    } else if (c.status === 'resolved' || c.status === 'rejected' || c.status === 'forwarded') {
      // Closed before closing times were kept: counted by its deadline alone.
      if (c.dueAt > now) out.onTime++;
      else out.late++;
    } else if (c.dueAt <= now) out.late++;
  }
  return out;
}

/** Share in percent, two decimals; null when there is nothing to share out (shown as "-"). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

export const onTimePercent = (c: ComplaintTimeliness) => share(c.onTime, c.onTime + c.late);
export const oitAnsweredPercent = (o: OitReadiness) => share(o.answered, o.total);
export const oitApprovedPercent = (o: OitReadiness) => share(o.approved, o.total);

const EMPTY_TALLY: Tally = { total: 0, not_started: 0, in_progress: 0, completed: 0, cannot_proceed: 0, awaiting_report: 0, budget: 0, disbursed: 0, implementationPercent: 0, disbursementPercent: 0 };

/** Tallies added up, with the percentages worked out again from the sums (each item weighs the same). */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const t = { ...EMPTY_TALLY };
  for (const x of tallies) {
    t.total += x.total;
    t.not_started += x.not_started;
    t.in_progress += x.in_progress;
    t.completed += x.completed;
    t.cannot_proceed += x.cannot_proceed;
    t.awaiting_report += x.awaiting_report;
    t.budget += x.budget;
    t.disbursed += x.disbursed;
  }
  t.implementationPercent = implementationPercent(t.completed, t.in_progress, t.total);
  t.disbursementPercent = disbursementPercent(t.disbursed, t.budget);
  return t;
}

export type AttentionReason = { kind: 'not_reported' } | { kind: 'overdue'; count: number } | { kind: 'late_complaints'; count: number } | { kind: 'low_level'; percent: number };

/** Implementation below this (the default level "น้อย") asks for the supervisor's attention. */
export const LOW_IMPLEMENTATION_PERCENT = 50;

/** Why an organisation needs its supervisor's attention; [] when it does not. */
export function attentionReasons(row: RollupRow): AttentionReason[] {
  const out: AttentionReason[] = [];
  if (!row.reported) out.push({ kind: 'not_reported' });
  if (row.overdue > 0) out.push({ kind: 'overdue', count: row.overdue });
  if (row.complaints.late > 0) out.push({ kind: 'late_complaints', count: row.complaints.late });
  if (row.hasPlan && row.tally.implementationPercent < LOW_IMPLEMENTATION_PERCENT) out.push({ kind: 'low_level', percent: row.tally.implementationPercent });
  return out;
}

function reasonText(reason: AttentionReason): string {
  switch (reason.kind) {
    case 'not_reported':
      return 'ยังไม่รายงานในรอบนี้';
    case 'overdue':
      return `เกินกำหนด ${reason.count} รายการ`;
    case 'late_complaints':
      return `ตอบเรื่องร้องเรียนเกิน 15 วัน ${reason.count} เรื่อง`;
    case 'low_level':
      return `ระดับการดำเนินการร้อยละ ${reason.percent.toFixed(2)}`;
  }
}

/** Why an organisation needs attention, in one Thai line; '' when it does not. */
export function attentionText(row: RollupRow): string {
  const reasons = attentionReasons(row).map(reasonText).join(' · ');
  return row.hasPlan ? reasons : `${reasons} (ยังไม่มีแผนในระบบ)`;
}

const byThaiName = (a: RollupOrganisation, b: RollupOrganisation) => a.name.localeCompare(b.name, 'th') || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0);

/**
 * The roll-up of a scope from each organisation's current measures (the same `summarise` its own summary
 * uses, so a row equals the organisation's own figures), complaint clocks and OIT items.
 */
export function buildRollup(
  scope: SupervisorScope,
  organisations: readonly RollupOrganisation[],
  facts: {
    measures: ReadonlyMap<string, SummaryMeasure[]>;
    complaints: ReadonlyMap<string, ComplaintTimeliness>;
    oit: ReadonlyMap<string, OitReadiness>;
  },
  now: Date,
  thresholds: Threshold[],
): Rollup {
  const round = roundOf(now);
  const rows: RollupRow[] = [...organisations].sort(byThaiName).map((org) => {
    const measures = facts.measures.get(org.orgId) ?? [];
    // No reports are given: the trend is not part of a roll-up, and the current state is on the measures.
    const summary = summarise(org.fiscalYear, measures, [], now, thresholds, { asOf: now, overall: EMPTY_TALLY });
    return {
      ...org,
      hasPlan: measures.length > 0,
      tally: summary.overall,
      level: summary.level,
      overdue: summary.overdue.length,
      reported: measures.some((m) => m.lastReportAt !== null && m.lastReportAt >= round.start),
      complaints: facts.complaints.get(org.orgId) ?? { onTime: 0, late: 0 },
      oit: facts.oit.get(org.orgId) ?? { total: 0, answered: 0, approved: 0 },
    };
  });
  const tally = sumTallies(rows.map((r) => r.tally));
  const totals: RollupTotals = {
    organisations: rows.length,
    reported: rows.filter((r) => r.reported).length,
    tally,
    level: levelOf(tally.implementationPercent, thresholds),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    complaints: { onTime: rows.reduce((n, r) => n + r.complaints.onTime, 0), late: rows.reduce((n, r) => n + r.complaints.late, 0) },
    oit: {
      total: rows.reduce((n, r) => n + r.oit.total, 0),
      answered: rows.reduce((n, r) => n + r.oit.answered, 0),
      approved: rows.reduce((n, r) => n + r.oit.approved, 0),
    },
  };
  const pressing = (r: RollupRow) => {
    const reasons = attentionReasons(r);
    return (r.reported ? 0 : 1000) + reasons.length * 100 + (100 - r.tally.implementationPercent);
  };
  const attention = rows.filter((r) => attentionReasons(r).length > 0).sort((a, b) => pressing(b) - pressing(a) || byThaiName(a, b));
  return { scope, asOf: now, round, thresholds, rows, totals, notReported: rows.filter((r) => !r.reported), attention };
}

/** The scope a staff member supervises: only a supervisor, and only with a readable scope, has one. */
export function supervisedScope(staff: { roles: readonly string[]; scope?: string | null } | null): SupervisorScope | null {
  if (!staff || !staff.roles.includes('supervisor') || !staff.scope) return null;
  return parseScope(staff.scope);
}
