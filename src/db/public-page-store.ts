import type { PublicMeasure, PublicReport } from '../domain/public-figures.js';
import type { Status } from '../domain/statuses.js';
import { toMeasureFacts } from './measure-store.js';
import { MeasureModel } from './models/measure.js';
import { OrganisationModel } from './models/organisation.js';
import { ProgressReportModel } from './models/progress-report.js';

/** What the public page is built from: plan facts and report results, nothing about who reported. */
export interface PublicPlanData {
  organisation: { name: string; district: string; province: string };
  fiscalYear: number;
  measures: PublicMeasure[];
  reports: PublicReport[];
}

/**
 * An organisation's plan data for its public page; null when no such organisation exists (a public URL
 * must not create one). Reports are read with a projection of their result fields only, so the reporter's
 * name, unit and LINE id never leave the database on this path.
 */
export async function loadPublicPlanData(orgId: string): Promise<PublicPlanData | null> {
  const org = await OrganisationModel.findById(orgId).select('name district province fiscalYear').lean();
  if (!org) return null;
  const fiscalYear = org.fiscalYear;
  const [measures, reports] = await Promise.all([
    MeasureModel.find({ orgId, fiscalYear }).sort({ family: 1, number: 1, code: 1 }).lean(),
    ProgressReportModel.find({ orgId, fiscalYear }).select('measureId reportedAt status disbursed outcome summary cannotProceedReason').lean(),
  ]);
  return {
    organisation: { name: org.name, district: org.district ?? '', province: org.province ?? '' },
    fiscalYear,
    measures: measures.map((doc) => {
      const { id, code, title, family, dimension, responsibleUnits, periodText, periodStart, periodEnd, budget, status, disbursed, lastReportAt } = toMeasureFacts(doc);
      return { id, code, title, family, dimension, responsibleUnits, periodText, periodStart, periodEnd, budget, status, disbursed, lastReportAt };
    }),
    reports: reports.map((r) => ({
      measureId: String(r.measureId),
      reportedAt: r.reportedAt,
      status: r.status as Status,
      disbursed: r.disbursed ?? null,
      outcome: r.outcome ?? null,
      summary: r.summary,
      cannotProceedReason: r.cannotProceedReason ?? null,
    })),
  };
}
