import { findOrganisation } from '../db/organisation-store.js';
import { indicatorYear } from '../db/indicator-store.js';
import { measuresInTable } from '../db/measure-store.js';
import { latestOitYear, oitItemsOfYear } from '../db/oit-store.js';
import { activeFiscalYear } from '../db/organisation-store.js';
import { progressReportsOfYear, type StoredProgressReport } from '../db/progress-store.js';
import { fiscalYearRange } from '../domain/fiscal-year.js';
import { compareIndicatorItems, indicatorGroupOf, indicatorNumberOf, oitItemNumberOf } from '../domain/ita-indicators.js';
import { groupOitItems, ITA_INDICATOR_TH, oitCheckResult, oitState, type OitItem } from '../domain/oit.js';
import { STATUS_TH } from '../domain/statuses.js';
import { oitGuidelineRows } from './oit-guideline-rows.js';
import { digitsFor } from './report-text.js';
import type { IndicatorReportData, ReportOrganisation } from './types.js';

/** What the indicator table and the ITAS sheet are made of; loaders read the database, builders write files. */

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
