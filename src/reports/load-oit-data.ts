import { findOrganisation } from '../db/organisation-store.js';
import { indicatorYear } from '../db/indicator-store.js';
import { measuresInTable } from '../db/measure-store.js';
import { latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { progressReportsOfYear, type StoredProgressReport } from '../db/progress-store.js';
import { fiscalYearRange } from '../domain/fiscal-year.js';
import { compareIndicatorItems, indicatorGroupOf, indicatorNumberOf, oitItemNumberOf, type IndicatorGroup } from '../domain/ita-indicators.js';
import { OIT_STATE_TH, oitState, URL_PROBLEM_TH } from '../domain/oit.js';
import { STATUS_TH, type Status } from '../domain/statuses.js';
import { formatThaiDateTime } from '../domain/thai.js';
import { oitGuidelineRows } from './oit-guideline-rows.js';
import { digitsFor } from './report-text.js';
import type { ReportOrganisation } from './types.js';

/** What the indicator table and the ITAS sheet are made of; loaders read the database, builders write files. */

export interface IndicatorReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  thaiDigits: boolean;
  rows: {
    instrument: IndicatorGroup;
    code: string;
    name: string;
    score: number | null;
    guideline: string;
    responsible: string;
    period: string;
    progress: string;
    /** The newest report's status, the one whose progress is printed; not_started when none. */
    status: Status;
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

/**
 * Seed 002's table from the plan's `ita_indicator` items, the one record of each indicator: its score and
 * guideline, and the progress and status of its newest report of the year, whether an officer gave it in LINE
 * or a file carried it, so the printed tick always belongs to the printed progress.
 */
export async function loadIndicatorReport(orgId: string, options: { fiscalYear?: number; thaiDigits: boolean; now?: Date }): Promise<IndicatorReportData> {
  const fiscalYear = options.fiscalYear ?? (await indicatorYear(orgId, await activeFiscalYear(orgId)));
  const items = (await measuresInTable(orgId, fiscalYear, 'ita_indicator')).sort(compareIndicatorItems);
  // As the ITA report reads them: each item's newest report made before the fiscal year ended.
  const yearEnd = fiscalYearRange(fiscalYear).end;
  const newest = new Map<string, StoredProgressReport>();
  for (const r of await progressReportsOfYear(orgId, fiscalYear)) {
    if (r.reportedAt >= yearEnd) continue;
    const seen = newest.get(r.measureId);
    if (!seen || seen.reportedAt < r.reportedAt) newest.set(r.measureId, r);
  }
  return {
    organisation: await organisation(orgId, fiscalYear),
    generatedAt: options.now ?? new Date(),
    thaiDigits: options.thaiDigits,
    rows: [
      ...items.map((i) => ({ key: i, row: planRow(i) })),
      ...oitGuidelineRows(await oitItemsOfYear(orgId, fiscalYear)),
    ]
      .sort((a, b) => compareIndicatorItems(a.key, b.key))
      .map((r) => r.row),
  };

  function planRow(i: (typeof items)[number]): IndicatorReportData['rows'][number] {
      const r = newest.get(i.id);
      // A report that gave no words of its own carries its status's name, which the tick boxes already print.
      const summary = r && r.summary.trim() !== STATUS_TH[r.status] ? r.summary.trim() : '';
      const outcome = r?.outcome?.trim() ?? '';
      return {
        instrument: indicatorGroupOf(i.indicator),
        code: i.code,
        name: indicatorItemName(i, digitsFor(options.thaiDigits)),
        score: i.score,
        guideline: i.guideline ?? '',
        responsible: [...i.responsibleUnits, ...i.assignees].join('\n'),
        period: i.periodText,
        progress: [summary, outcome && outcome !== summary ? outcome : ''].filter(Boolean).join('\n'),
        status: r?.status ?? 'not_started',
      };
  }
}

/**
 * The first cell: "ตัวชี้วัดที่ ๒ การใช้งบประมาณ" as seed 002 names it, "O10 คู่มือ…" for an OIT item, else the
 * title. Only the number we write takes the document's digits; the title and the ITAS code stay as typed.
 */
function indicatorItemName(item: { indicator: string | null; title: string }, d: (text: string) => string): string {
  const n = indicatorNumberOf(item.indicator);
  if (n !== null) return item.title.startsWith('ตัวชี้วัด') ? item.title : `ตัวชี้วัดที่ ${d(String(n))} ${item.title}`;
  const o = oitItemNumberOf(item.indicator);
  return o !== null ? `O${o} ${item.title}` : item.title;
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
