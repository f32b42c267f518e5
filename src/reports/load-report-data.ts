import { loadComplaintStatRows } from '../db/complaint-stats-store.js';
import { computeComplaintStatistics } from '../domain/complaint-statistics.js';
import { measuresInTable } from '../db/measure-store.js';
import { activeFiscalYear, findOrganisation, supportingFactorsOf } from '../db/organisation-store.js';
import { progressReportsOfYear, type StoredProgressReport } from '../db/progress-store.js';
import { roundHasEnded, roundLastDay, roundOfFiscalYear } from '../domain/calendar.js';
import { fiscalYearRange } from '../domain/fiscal-year.js';
import { DIMENSIONS_TH } from '../domain/measures.js';
import { AWAITING_REPORT, STATUS_TH, type DisplayStatus } from '../domain/statuses.js';
import { disbursementPercent, implementationPercent, levelOf, type Threshold } from '../domain/summary.js';
import { eplanAsOf } from './report-text.js';
import type { ComplaintStatsReportData, EplanReportData, ItaReportData, PlanNarrativeData, ReportOrganisation, Reporter } from './types.js';

/** Reads what the official reports need from the database (plain queries; the arithmetic is here). */
async function organisation(orgId: string, fiscalYear: number): Promise<ReportOrganisation> {
  const org = await findOrganisation(orgId);
  return {
    name: org?.name ?? orgId,
    district: org?.district ?? '',
    province: org?.province ?? '',
    fiscalYear,
    itaScore: org?.itaScore ?? null,
    itaLevel: org?.itaLevel ?? null,
  };
}

/**
 * The distinct non-blank texts, oldest report first: the stored order is arbitrary, and a report read twice
 * must list its problems in the same order.
 */
function distinctTexts(reports: StoredProgressReport[], field: 'problems' | 'suggestions'): string[] {
  const sorted = [...reports].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  return [...new Set(sorted.map((r) => r[field]?.trim() ?? '').filter(Boolean))];
}

/** The newest report of each measure up to (not including) `before`. */
function newestBy(reports: StoredProgressReport[], before: Date): Map<string, StoredProgressReport> {
  const newest = new Map<string, StoredProgressReport>();
  for (const r of reports) {
    if (r.reportedAt >= before) continue;
    const seen = newest.get(r.measureId);
    if (!seen || seen.reportedAt < r.reportedAt) newest.set(r.measureId, r);
  }
  return newest;
}

export async function loadItaReport(orgId: string, options: { fiscalYear?: number; thaiDigits: boolean; now?: Date }): Promise<ItaReportData> {
  const fiscalYear = options.fiscalYear ?? (await activeFiscalYear(orgId));
  const measures = await measuresInTable(orgId, fiscalYear, 'ita_measure');
  const reports = await progressReportsOfYear(orgId, fiscalYear);
  const newest = newestBy(reports, fiscalYearRange(fiscalYear).end);
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: options.now ?? new Date(),
    thaiDigits: options.thaiDigits,
    rows: measures.map((m) => {
      const r = newest.get(m.id);
      const people = m.assignees.length > 0 ? ` (${m.assignees.join(', ')})` : '';
      return {
        number: m.number,
        code: m.code,
        title: m.title,
        methodSteps: m.methodSteps,
        period: m.periodText,
        responsible: `${m.responsibleUnits.join(', ')}${people}`,
        summary: r ? r.summary : STATUS_TH[AWAITING_REPORT],
        outcome: r?.outcome?.trim() ?? '',
      };
    }),
  };
}

/**
 * The E-PlanNACC table as of the report's date (the round's "data as of" day, or the moment of making it when
 * that comes first): each project ticked as its newest report by then says, รอรายงาน when it has none, and
 * หมายเหตุ made from that same report. The percentage is computed from the printed counts.
 */
export async function loadEplanReport(
  orgId: string,
  options: { round: 'six_month' | 'twelve_month'; fiscalYear?: number; thresholds: Threshold[]; reporter?: Reporter | null; now?: Date },
): Promise<EplanReportData> {
  const fiscalYear = options.fiscalYear ?? (await activeFiscalYear(orgId));
  const round = roundOfFiscalYear(fiscalYear, options.round);
  const measures = await measuresInTable(orgId, fiscalYear, 'anticorruption_project');
  const reports = await progressReportsOfYear(orgId, fiscalYear);
  const now = options.now ?? new Date();
  const ended = roundHasEnded(round, now);
  const newest = newestBy(reports, ended ? round.end : now);

  const counts: Record<DisplayStatus, number> = { not_started: 0, in_progress: 0, completed: 0, cannot_proceed: 0, awaiting_report: 0 };
  let newestIncluded: Date | null = null;
  const rows = measures.map((m) => {
    const r = newest.get(m.id);
    const shown: DisplayStatus = r ? r.status : AWAITING_REPORT;
    counts[shown]++;
    if (r && (!newestIncluded || r.reportedAt > newestIncluded)) newestIncluded = r.reportedAt;
    return {
      number: m.number,
      code: m.code,
      title: m.title,
      dimension: m.dimension,
      budget: m.budget,
      disbursed: r?.disbursed ?? (r ? 0 : m.disbursed),
      status: shown,
      latest: r
        ? { reportedAt: r.reportedAt, status: r.status, cannotProceedReason: r.cannotProceedReason ?? null, outcome: r.outcome ?? null, beforeRound: r.reportedAt < round.start }
        : null,
    };
  });
  // Only this table's projects: ITA measures' problems belong to the ITA report.
  const projectIds = new Set(measures.map((m) => m.id));
  const inRound = reports.filter((r) => projectIds.has(r.measureId) && r.reportedAt >= round.start && r.reportedAt < round.end);
  const budget = rows.reduce((n, r) => n + r.budget, 0);
  const disbursed = rows.reduce((n, r) => n + r.disbursed, 0);
  const implementation = implementationPercent(counts.completed, counts.in_progress, rows.length);
  return {
    organisation: await organisation(orgId, fiscalYear),
    round: options.round,
    // Before the round is over its data is as of the moment of making, which the heading says is early.
    asOf: ended ? eplanAsOf(newestIncluded, now, round.end) : now,
    generatedAt: now,
    roundLastDay: roundLastDay(round),
    roundEnded: ended,
    rows,
    reporter: options.reporter ?? null,
    problems: distinctTexts(inRound, 'problems'),
    suggestions: distinctTexts(inRound, 'suggestions'),
    summary: {
      total: rows.length,
      counts,
      budget,
      disbursed,
      disbursementPercent: disbursementPercent(disbursed, budget),
      implementationPercent: implementation,
      level: levelOf(implementation, options.thresholds),
      thresholds: options.thresholds,
    },
  };
}

/**
 * Seed 004 as one document: the year's plan in prose, each project's newest report as of the report's date,
 * and the E-PlanNACC 12-month table made from the same reports.
 */
export async function loadPlanNarrative(
  orgId: string,
  options: { fiscalYear?: number; thaiDigits: boolean; thresholds: Threshold[]; reporter?: Reporter | null; now?: Date },
): Promise<PlanNarrativeData> {
  const fiscalYear = options.fiscalYear ?? (await activeFiscalYear(orgId));
  const now = options.now ?? new Date();
  const table = await loadEplanReport(orgId, { round: 'twelve_month', fiscalYear, thresholds: options.thresholds, reporter: options.reporter, now });
  const measures = await measuresInTable(orgId, fiscalYear, 'anticorruption_project');
  const projectIds = new Set(measures.map((m) => m.id));
  // The same cut-off as the table's, so a project's result line and its tick tell the same story.
  const cutOff = table.roundEnded ? fiscalYearRange(fiscalYear).end : now;
  const reports = (await progressReportsOfYear(orgId, fiscalYear)).filter((r) => projectIds.has(r.measureId) && r.reportedAt < cutOff);
  const newest = newestBy(reports, cutOff);
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: now,
    thaiDigits: options.thaiDigits,
    projects: measures.map((m) => {
      const r = newest.get(m.id);
      return {
        number: m.number,
        title: m.title,
        dimension: m.dimension,
        mission: m.guideline?.trim() || (m.dimension ? (DIMENSIONS_TH[m.dimension] ?? '') : ''),
        methodSteps: m.methodSteps,
        status: r ? r.status : AWAITING_REPORT,
        summary: r?.summary.trim() ?? '',
        outcome: r?.outcome?.trim() ?? '',
        cannotProceedReason: r?.status === 'cannot_proceed' ? (r.cannotProceedReason?.trim() ?? '') : '',
      };
    }),
    supportingFactors: await supportingFactorsOf(orgId, fiscalYear),
    problems: distinctTexts(reports, 'problems'),
    suggestions: distinctTexts(reports, 'suggestions'),
    table,
  };
}

export async function loadComplaintStatsReport(orgId: string, options: { fiscalYear: number; now?: Date }): Promise<ComplaintStatsReportData> {
  const now = options.now ?? new Date();
  return { organisation: await organisation(orgId, options.fiscalYear), generatedAt: now, stats: computeComplaintStatistics(await loadComplaintStatRows(orgId, options.fiscalYear), options.fiscalYear, now) };
}
