import { findOrganisation } from '../db/organisation-store.js';
import { itaIndicatorsOfYear, latestIndicatorYear, latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { groupOitItems, instrumentOf, ITA_INDICATOR_TH, oitCheckResult, oitState, type ItaIndicator, type OitItem } from '../domain/oit.js';
import { STATUS_TH } from '../domain/statuses.js';
import type { ReportOrganisation } from './types.js';

/** What the indicator table and the ITAS sheet are made of; loaders read the database, builders write files. */

export interface IndicatorReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  thaiDigits: boolean;
  rows: {
    instrument: 'IIT' | 'EIT' | 'OIT';
    number: ItaIndicator['number'];
    name: string;
    score: number | null;
    guideline: string;
    responsible: string;
    period: string;
    progress: string;
    status: string;
  }[];
}

/** One OIT item as seed 003 and ITAS list it. */
export interface OitReportRow {
  code: string;
  number: number;
  title: string;
  /** องค์ประกอบด้านข้อมูล, as the year's form words it. */
  description: string;
  /** มี (true), ไม่มี (false), or null before it is answered. */
  available: boolean | null;
  url: string;
  explanation: string;
  /** The check's result in seed 003's words (`oitCheckResult`). */
  result: string;
  reviewer: string;
  reviewedAt: Date | null;
}

export interface OitReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  thaiDigits: boolean;
  /** Indicator 9 and 10, each with its sub-indicators (one untitled group when the year's form is not known). */
  sections: { heading: string; groups: { heading: string | null; rows: OitReportRow[] }[] }[];
}

async function organisation(orgId: string, fiscalYear: number): Promise<ReportOrganisation> {
  const org = await findOrganisation(orgId);
  return { name: org?.name ?? orgId, district: org?.district ?? '', province: org?.province ?? '', fiscalYear, itaScore: org?.itaScore ?? null, itaLevel: org?.itaLevel ?? null };
}

export async function loadIndicatorReport(orgId: string, options: { fiscalYear?: number; thaiDigits: boolean; now?: Date }): Promise<IndicatorReportData> {
  const fiscalYear = options.fiscalYear ?? (await latestIndicatorYear(orgId)) ?? (await activeFiscalYear(orgId));
  const indicators = await itaIndicatorsOfYear(orgId, fiscalYear);
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: options.now ?? new Date(),
    thaiDigits: options.thaiDigits,
    rows: indicators.map((i) => ({
      instrument: instrumentOf(i.number),
      number: i.number,
      name: `ตัวชี้วัดที่ ${i.number} ${ITA_INDICATOR_TH[i.number]}`,
      score: i.score,
      guideline: i.guideline,
      responsible: i.responsible.split(/\s*;\s*/).filter(Boolean).join('\n'),
      period: i.period,
      progress: i.progress,
      status: STATUS_TH[i.status],
    })),
  };
}

export async function loadOitReport(orgId: string, options: { fiscalYear?: number; thaiDigits: boolean; now?: Date }): Promise<OitReportData> {
  const fiscalYear = options.fiscalYear ?? (await latestOitYear(orgId)) ?? (await activeFiscalYear(orgId));
  const items = await oitItemsOfYear(orgId, fiscalYear);
  const row = (i: OitItem): OitReportRow => {
    const a = i.answer;
    const state = oitState(i);
    const review = state === 'approved' || state === 'returned' ? i.review : null;
    return {
      code: i.code,
      number: i.number,
      title: i.title,
      description: i.description,
      available: a ? a.available : null,
      url: a?.url ?? '',
      explanation: a?.explanation ?? '',
      result: oitCheckResult(i),
      reviewer: review?.reviewerName ?? '',
      reviewedAt: review?.reviewedAt ?? null,
    };
  };
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: options.now ?? new Date(),
    thaiDigits: options.thaiDigits,
    sections: groupOitItems(items).map((s) => ({
      heading: `ตัวชี้วัดที่ ${s.indicator} ${ITA_INDICATOR_TH[s.indicator]}`,
      groups: s.groups.map((g) => ({ heading: g.group ? `${g.group.code} ${g.group.name}` : null, rows: g.items.map(row) })),
    })),
  };
}
