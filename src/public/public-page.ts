import { loadPublicPlanData } from '../db/public-page-store.js';
import { publicPlanFigures } from '../domain/public-figures.js';
import type { Threshold } from '../domain/summary.js';
import type { PublicComplaintSection } from './complaint-section.js';
import { renderPublicPage } from './render-page.js';

export interface PublicPageOptions {
  thresholds: Threshold[];
  cacheMinutes: number;
  /** The complaint figures of the organisation's fiscal year; null leaves the section out. */
  complaints?: (orgId: string, fiscalYear: number, now: Date) => Promise<PublicComplaintSection | null>;
}

/** The public page of one organisation as HTML; null when there is no such organisation. */
export async function buildPublicPage(orgId: string, now: Date, options: PublicPageOptions): Promise<string | null> {
  const data = await loadPublicPlanData(orgId);
  if (!data) return null;
  const plan = publicPlanFigures(data.organisation, data.fiscalYear, data.measures, data.reports, now, options.thresholds);
  const complaints = options.complaints ? await options.complaints(orgId, data.fiscalYear, now) : null;
  return renderPublicPage({ plan, complaints, cacheMinutes: options.cacheMinutes });
}
