import type { Family } from '../domain/measures.js';
import type { Status } from '../domain/statuses.js';
import { summarise, type Summary, type SummaryMeasure, type SummaryReport, type Threshold } from '../domain/summary.js';
import { MeasureModel } from './models/measure.js';
import { ProgressReportModel } from './models/progress-report.js';
import { activeFiscalYear } from './organisation-store.js';

/** Measures of a fiscal year in the shape the pure summary reads, in the order of the official tables. */
export async function loadSummaryMeasures(orgId: string, fiscalYear: number): Promise<SummaryMeasure[]> {
  const docs = await MeasureModel.find({ orgId, fiscalYear }).sort({ family: 1, number: 1, code: 1 }).lean();
  return docs.map((d) => ({
    id: String(d._id),
    code: d.code,
    title: d.title,
    family: d.family as Family,
    dimension: d.dimension ?? null,
    responsibleUnits: d.responsibleUnits,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    budget: d.budget ?? 0,
    status: d.status as Status,
    disbursed: d.disbursed ?? 0,
    lastReportAt: d.lastReportAt ?? null,
  }));
}

/** Plain queries and arithmetic in TypeScript: the portable way to summarise on MongoDB and FerretDB alike. */
export async function loadSummary(orgId: string, now: Date, thresholds: Threshold[]): Promise<Summary> {
  const fiscalYear = await activeFiscalYear(orgId);
  const measures = await loadSummaryMeasures(orgId, fiscalYear);
  const reports = await ProgressReportModel.find({ orgId, fiscalYear }).select('measureId reportedAt status disbursed').lean();
  const shaped: SummaryReport[] = reports.map((r) => ({ measureId: String(r.measureId), reportedAt: r.reportedAt, status: r.status as Status, disbursed: r.disbursed ?? null }));
  return summarise(fiscalYear, measures, shaped, now, thresholds);
}
