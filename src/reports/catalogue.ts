import type { DigitStyle } from '../domain/figures.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { Threshold } from '../domain/summary.js';
import { buildComplaintStatsXlsx } from './complaint-stats-xlsx.js';
import { buildEplanCsv } from './eplan-csv.js';
import { buildEplanXlsx } from './eplan-xlsx.js';
import { buildItaDocx } from './ita-docx.js';
import { buildIndicatorDocx } from './indicator-docx.js';
import { buildIndicatorXlsx } from './indicator-xlsx.js';
import { buildItaXlsx } from './ita-xlsx.js';
import { loadIndicatorReport, loadOitReport } from './load-oit-data.js';
import { buildOitDocx } from './oit-docx.js';
import { buildOitXlsx } from './oit-xlsx.js';
import { loadComplaintStatsReport, loadEplanReport, loadItaReport, loadPlanNarrative } from './load-report-data.js';
import { buildPlanNarrativeDocx } from './plan-narrative-docx.js';
import type { Reporter } from './types.js';
import { loadRollup } from '../db/rollup-store.js';
import { monthKey, type RoundName } from '../domain/calendar.js';
import type { SupervisorScope } from '../domain/rollup.js';
import { buildRollupXlsx } from './rollup-xlsx.js';

/** Every report the product produces, by name: what the CLI, the LINE command and download links ask for. */
export const REPORT_KINDS = ['ita-docx', 'ita-xlsx', 'eplan-6-xlsx', 'eplan-6-csv', 'eplan-12-xlsx', 'eplan-12-csv', 'plan-narrative-docx', 'complaints-xlsx', 'indicators-docx', 'indicators-xlsx', 'oit-xlsx', 'oit-docx', 'rollup-xlsx'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TH: Record<ReportKind, string> = {
  'ita-docx': 'รายงานมาตรการ ITA (Word)',
  'ita-xlsx': 'รายงานมาตรการ ITA (Excel)',
  'eplan-6-xlsx': 'E-PlanNACC รอบ 6 เดือน (Excel)',
  'eplan-6-csv': 'E-PlanNACC รอบ 6 เดือน (CSV)',
  'eplan-12-xlsx': 'E-PlanNACC รอบ 12 เดือน (Excel)',
  'eplan-12-csv': 'E-PlanNACC รอบ 12 เดือน (CSV)',
  'plan-narrative-docx': 'รายงานผลตามแผนป้องกันการทุจริต รายโครงการ (Word)',
  'complaints-xlsx': 'สถิติเรื่องร้องเรียน O24 (Excel)',
  'indicators-docx': 'แนวทางยกระดับตัวชี้วัด ITA (Word)',
  'indicators-xlsx': 'แนวทางยกระดับตัวชี้วัด ITA (Excel)',
  'oit-xlsx': 'ข้อมูล OIT สำหรับกรอก ITAS (Excel)',
  'oit-docx': 'ผลการตรวจสอบข้อมูล OIT (Word)',
  'rollup-xlsx': 'ภาพรวมองค์กรปกครองส่วนท้องถิ่นในความกำกับดูแล (Excel)',
};

/** Quick-reply labels (at most 20 characters). */
export const REPORT_SHORT_TH: Record<ReportKind, string> = {
  'ita-docx': 'ITA (Word)',
  'ita-xlsx': 'ITA (Excel)',
  'eplan-6-xlsx': 'E-Plan 6 ด. (Excel)',
  'eplan-6-csv': 'E-Plan 6 ด. (CSV)',
  'eplan-12-xlsx': 'E-Plan 12 ด. (Excel)',
  'eplan-12-csv': 'E-Plan 12 ด. (CSV)',
  'plan-narrative-docx': 'ผลตามแผนฯ (Word)',
  'complaints-xlsx': 'ร้องเรียน O24',
  'indicators-docx': 'ตัวชี้วัด (Word)',
  'indicators-xlsx': 'ตัวชี้วัด (Excel)',
  'oit-xlsx': 'OIT สำหรับ ITAS',
  'oit-docx': 'OIT (Word)',
  'rollup-xlsx': 'ภาพรวม (Excel)',
};

/**
 * Reports of a supervisor's scope rather than of one organisation: only a supervisor may ask for them, and
 * they never appear in an organisation's export list.
 */
export const SCOPE_REPORT_KINDS: readonly ReportKind[] = ['rollup-xlsx'];
export const isScopeReport = (kind: ReportKind) => SCOPE_REPORT_KINDS.includes(kind);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ReportRequest {
  kind: ReportKind;
  fiscalYear?: number;
  /** Overrides the organisation's choice (the CLI's --arabic-digits). */
  thaiDigits?: boolean;
  /** The organisation's digit style: documents whose seeds print Thai digits print them unless it chose Arabic. */
  digits?: DigitStyle | null;
  thresholds: Threshold[];
  /** Signs the E-PlanNACC report: the executive who asked in LINE, or the CLI's flags. */
  reporter?: Reporter | null;
  /** The supervisor's scope, for a scope report. */
  scope?: SupervisorScope | null;
  now?: Date;
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The E-PlanNACC round a report covers: seed 004's filed document is the 12-month one. */
export function roundOfReport(kind: ReportKind): RoundName | null {
  if (kind.startsWith('eplan-6-')) return 'six_month';
  if (kind.startsWith('eplan-12-') || kind === 'plan-narrative-docx') return 'twelve_month';
  return null;
}

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

/** Thai digits in a document whose seed prints them, unless the organisation chose Arabic or the caller asked. */
const seedDigits = (request: ReportRequest): boolean => request.thaiDigits ?? request.digits !== 'arabic';

export async function produceReport(orgId: string, request: ReportRequest): Promise<ReportFile> {
  const { kind } = request;
  if (kind === 'rollup-xlsx') {
    if (!request.scope) throw new Error('a roll-up needs a supervisor scope');
    const now = request.now ?? new Date();
    const rollup = await loadRollup(request.scope, now, request.thresholds);
    return { fileName: `rollup-${request.scope.level}-${monthKey(now)}.xlsx`, contentType: XLSX, body: await buildRollupXlsx(rollup, now) };
  }
  if (kind === 'ita-docx' || kind === 'ita-xlsx') {
    const data = await loadItaReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: seedDigits(request), now: request.now });
    const name = `ita-measures-${data.organisation.fiscalYear}`;
    return kind === 'ita-docx'
      ? { fileName: `${name}.docx`, contentType: DOCX, body: await buildItaDocx(data) }
      : { fileName: `${name}.xlsx`, contentType: XLSX, body: await buildItaXlsx(data) };
  }
  if (kind === 'plan-narrative-docx') {
    const data = await loadPlanNarrative(orgId, { fiscalYear: request.fiscalYear, thaiDigits: seedDigits(request), thresholds: request.thresholds, reporter: request.reporter, now: request.now });
    return { fileName: `anticorruption-plan-results-${data.organisation.fiscalYear}.docx`, contentType: DOCX, body: await buildPlanNarrativeDocx(data) };
  }
  if (kind === 'indicators-docx' || kind === 'indicators-xlsx') {
    const data = await loadIndicatorReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: seedDigits(request), now: request.now });
    const name = `ita-indicators-${data.organisation.fiscalYear}`;
    return kind === 'indicators-docx'
      ? { fileName: `${name}.docx`, contentType: DOCX, body: await buildIndicatorDocx(data) }
      : { fileName: `${name}.xlsx`, contentType: XLSX, body: await buildIndicatorXlsx(data) };
  }
  if (kind === 'oit-xlsx') {
    // Keyed into ITAS, so Arabic digits unless the organisation chose Thai ones.
    const data = await loadOitReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits ?? request.digits === 'thai', now: request.now });
    return { fileName: `oit-itas-${data.organisation.fiscalYear}.xlsx`, contentType: XLSX, body: await buildOitXlsx(data) };
  }
  if (kind === 'oit-docx') {
    const data = await loadOitReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: seedDigits(request), now: request.now });
    return { fileName: `oit-${data.organisation.fiscalYear}.docx`, contentType: DOCX, body: await buildOitDocx(data) };
  }
  if (kind === 'complaints-xlsx') {
    const fiscalYear = request.fiscalYear ?? fiscalYearOf(request.now ?? new Date());
    const data = await loadComplaintStatsReport(orgId, { fiscalYear, now: request.now });
    return { fileName: `complaints-o24-${fiscalYear}.xlsx`, contentType: XLSX, body: await buildComplaintStatsXlsx(data) };
  }
  const round = roundOfReport(kind) ?? 'twelve_month';
  const data = await loadEplanReport(orgId, { round, fiscalYear: request.fiscalYear, thresholds: request.thresholds, reporter: request.reporter, now: request.now });
  const name = `eplannacc-${round === 'six_month' ? '6' : '12'}-months-${data.organisation.fiscalYear}`;
  return kind.endsWith('csv')
    ? { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(buildEplanCsv(data), 'utf8') }
    : { fileName: `${name}.xlsx`, contentType: XLSX, body: await buildEplanXlsx(data) };
}
