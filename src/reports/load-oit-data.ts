import { findOrganisation } from '../db/organisation-store.js';
import { itaIndicatorsOfYear, latestIndicatorYear, latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { instrumentOf, ITA_INDICATOR_TH, OIT_STATE_TH, oitState, URL_PROBLEM_TH, type ItaIndicator } from '../domain/oit.js';
import { STATUS_TH } from '../domain/statuses.js';
import { formatThaiDateTime } from '../domain/thai.js';
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

export interface OitReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  rows: {
    code: string;
    indicator: number;
    title: string;
    owner: string;
    /** มี, ไม่มี, or '' before it is answered. */
    answer: string;
    url: string;
    explanation: string;
    answeredBy: string;
    state: string;
    reviewedBy: string;
    reviewedAt: string;
    linkCheck: string;
  }[];
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

export async function loadOitReport(orgId: string, options: { fiscalYear?: number; now?: Date }): Promise<OitReportData> {
  const fiscalYear = options.fiscalYear ?? (await latestOitYear(orgId)) ?? (await activeFiscalYear(orgId));
  const items = await oitItemsOfYear(orgId, fiscalYear);
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: options.now ?? new Date(),
    rows: items.map((i) => {
      const a = i.answer;
      const state = oitState(i);
      const review = state === 'approved' || state === 'returned' ? i.review : null;
      const check = a?.url && i.urlCheck && i.urlCheck.url === a.url ? i.urlCheck : null;
      return {
        code: i.code,
        indicator: i.indicator,
        title: i.title,
        owner: [...i.responsibleUnits, ...i.assignees].join(', '),
        answer: a ? (a.available ? 'มี' : 'ไม่มี') : '',
        url: a?.url ?? '',
        explanation: a?.explanation ?? '',
        answeredBy: a ? `${a.answeredByName || 'เจ้าหน้าที่'} ${formatThaiDateTime(a.answeredAt)}` : '',
        state: OIT_STATE_TH[state],
        reviewedBy: review?.reviewerName ?? '',
        reviewedAt: review ? formatThaiDateTime(review.reviewedAt) : '',
        linkCheck: check ? (check.ok ? `ใช้ได้ (${formatThaiDateTime(check.checkedAt)})` : `${URL_PROBLEM_TH[check.problem ?? 'unreachable']} (${formatThaiDateTime(check.checkedAt)})`) : '',
      };
    }),
  };
}
