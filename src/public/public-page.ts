import { loadPublicPlanData } from '../db/public-page-store.js';
import { publicPlanFigures } from '../domain/public-figures.js';
import type { Threshold } from '../domain/summary.js';
import { loadComplaintStatRows } from '../db/complaint-stats-store.js';
import { computeComplaintStatistics } from '../domain/complaint-statistics.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import { renderPublicPage } from './render-page.js';

export interface PublicPageOptions {
  /** Each organisation's level thresholds (its own, or the deployment's). */
  thresholdsOf: (orgId: string) => Threshold[];
  cacheMinutes: number;
}

/** The public page of one organisation as HTML; null when there is no such organisation. */
export async function buildPublicPage(orgId: string, now: Date, options: PublicPageOptions): Promise<string | null> {
  const data = await loadPublicPlanData(orgId);
  if (!data) return null;
  const plan = publicPlanFigures(data.organisation, data.fiscalYear, data.measures, data.reports, now, options.thresholdsOf(orgId));
  // Complaints run on the calendar, not on the plan: the current fiscal year's, whatever plan is loaded.
  const complaintYear = fiscalYearOf(now);
  const complaints = computeComplaintStatistics(await loadComplaintStatRows(orgId, complaintYear), complaintYear, now);
  return renderPublicPage({ plan, complaints, now, cacheMinutes: options.cacheMinutes });
}
