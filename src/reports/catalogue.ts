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

type FileType = 'docx' | 'xlsx' | 'csv';

const CONTENT_TYPE: Record<FileType, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * One kind of report: everything that lists, offers or makes reports (the CLI, the LINE export, the download
 * link, the sample script) reads it here, so a new kind is one record.
 */
export interface ReportDefinition {
  /** Its name in Thai, as the export list's alt text and the CLI's confirmation say it. */
  label: string;
  /** Its quick-reply label (at most 20 characters). */
  shortLabel: string;
  /**
   * `supervisor`: of a supervisor's scope rather than of one organisation; only a supervisor may ask for it,
   * and it never appears in an organisation's export list.
   */
  scope: 'organisation' | 'supervisor';
  fileType: FileType;
  /**
   * The digits its figures print in unless the organisation chose otherwise: Thai where the seed prints them,
   * Arabic in files keyed into ITAS; null where they do not follow the organisation's choice.
   */
  digits: DigitStyle | null;
  /** The E-PlanNACC round it covers (seed 004's filed document is the 12-month one); null when none. */
  round: RoundName | null;
  /** It prints who asked for it as its reporter. */
  signed: boolean;
  /** Its file name without the extension, and its body. */
  build(orgId: string, request: ReportRequest & { thaiDigits: boolean }): Promise<{ name: string; body: Buffer }>;
}

const eplan = (round: RoundName, fileType: 'xlsx' | 'csv', label: string, shortLabel: string): ReportDefinition => ({
  label,
  shortLabel,
  scope: 'organisation',
  fileType,
  digits: null,
  round,
  signed: true,
  async build(orgId, request) {
    const data = await loadEplanReport(orgId, { round, fiscalYear: request.fiscalYear, thresholds: request.thresholds, reporter: request.reporter, now: request.now });
    const name = `eplannacc-${round === 'six_month' ? '6' : '12'}-months-${data.organisation.fiscalYear}`;
    return { name, body: fileType === 'csv' ? Buffer.from(buildEplanCsv(data), 'utf8') : await buildEplanXlsx(data) };
  },
});

const ORGANISATION_REPORT = { scope: 'organisation', round: null, signed: false } as const;

/** Every report the product produces, by name: what the CLI, the LINE command and download links ask for. */
const REPORTS = {
  'ita-docx': {
    ...ORGANISATION_REPORT,
    label: 'รายงานมาตรการ ITA (Word)',
    shortLabel: 'ITA (Word)',
    fileType: 'docx',
    digits: 'thai',
    async build(orgId, request) {
      const data = await loadItaReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `ita-measures-${data.organisation.fiscalYear}`, body: await buildItaDocx(data) };
    },
  },
  'ita-xlsx': {
    ...ORGANISATION_REPORT,
    label: 'รายงานมาตรการ ITA (Excel)',
    shortLabel: 'ITA (Excel)',
    fileType: 'xlsx',
    digits: 'thai',
    async build(orgId, request) {
      const data = await loadItaReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `ita-measures-${data.organisation.fiscalYear}`, body: await buildItaXlsx(data) };
    },
  },
  'eplan-6-xlsx': eplan('six_month', 'xlsx', 'E-PlanNACC รอบ 6 เดือน (Excel)', 'E-Plan 6 ด. (Excel)'),
  'eplan-6-csv': eplan('six_month', 'csv', 'E-PlanNACC รอบ 6 เดือน (CSV)', 'E-Plan 6 ด. (CSV)'),
  'eplan-12-xlsx': eplan('twelve_month', 'xlsx', 'E-PlanNACC รอบ 12 เดือน (Excel)', 'E-Plan 12 ด. (Excel)'),
  'eplan-12-csv': eplan('twelve_month', 'csv', 'E-PlanNACC รอบ 12 เดือน (CSV)', 'E-Plan 12 ด. (CSV)'),
  'plan-narrative-docx': {
    ...ORGANISATION_REPORT,
    label: 'รายงานผลตามแผนป้องกันการทุจริต รายโครงการ (Word)',
    shortLabel: 'ผลตามแผนฯ (Word)',
    fileType: 'docx',
    digits: 'thai',
    round: 'twelve_month',
    signed: true,
    async build(orgId, request) {
      const data = await loadPlanNarrative(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, thresholds: request.thresholds, reporter: request.reporter, now: request.now });
      return { name: `anticorruption-plan-results-${data.organisation.fiscalYear}`, body: await buildPlanNarrativeDocx(data) };
    },
  },
  'complaints-xlsx': {
    ...ORGANISATION_REPORT,
    label: 'สถิติเรื่องร้องเรียน O24 (Excel)',
    shortLabel: 'ร้องเรียน O24',
    fileType: 'xlsx',
    digits: null,
    async build(orgId, request) {
      const fiscalYear = request.fiscalYear ?? fiscalYearOf(request.now ?? new Date());
      const data = await loadComplaintStatsReport(orgId, { fiscalYear, now: request.now });
      return { name: `complaints-o24-${fiscalYear}`, body: await buildComplaintStatsXlsx(data) };
    },
  },
  'indicators-docx': {
    ...ORGANISATION_REPORT,
    label: 'แนวทางยกระดับตัวชี้วัด ITA (Word)',
    shortLabel: 'ตัวชี้วัด (Word)',
    fileType: 'docx',
    digits: 'thai',
    async build(orgId, request) {
      const data = await loadIndicatorReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `ita-indicators-${data.organisation.fiscalYear}`, body: await buildIndicatorDocx(data) };
    },
  },
  'indicators-xlsx': {
    ...ORGANISATION_REPORT,
    label: 'แนวทางยกระดับตัวชี้วัด ITA (Excel)',
    shortLabel: 'ตัวชี้วัด (Excel)',
    fileType: 'xlsx',
    digits: 'thai',
    async build(orgId, request) {
      const data = await loadIndicatorReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `ita-indicators-${data.organisation.fiscalYear}`, body: await buildIndicatorXlsx(data) };
    },
  },
  'oit-xlsx': {
    ...ORGANISATION_REPORT,
    label: 'ข้อมูล OIT สำหรับกรอก ITAS (Excel)',
    shortLabel: 'OIT สำหรับ ITAS',
    fileType: 'xlsx',
    // Keyed into ITAS.
    digits: 'arabic',
    async build(orgId, request) {
      const data = await loadOitReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `oit-itas-${data.organisation.fiscalYear}`, body: await buildOitXlsx(data) };
    },
  },
  'oit-docx': {
    ...ORGANISATION_REPORT,
    label: 'ผลการตรวจสอบข้อมูล OIT (Word)',
    shortLabel: 'OIT (Word)',
    fileType: 'docx',
    digits: 'thai',
    async build(orgId, request) {
      const data = await loadOitReport(orgId, { fiscalYear: request.fiscalYear, thaiDigits: request.thaiDigits, now: request.now });
      return { name: `oit-${data.organisation.fiscalYear}`, body: await buildOitDocx(data) };
    },
  },
  'rollup-xlsx': {
    label: 'ภาพรวมองค์กรปกครองส่วนท้องถิ่นในความกำกับดูแล (Excel)',
    shortLabel: 'ภาพรวม (Excel)',
    scope: 'supervisor',
    fileType: 'xlsx',
    digits: null,
    round: null,
    signed: false,
    async build(_orgId, request) {
      if (!request.scope) throw new Error('a roll-up needs a supervisor scope');
      const now = request.now ?? new Date();
      const rollup = await loadRollup(request.scope, now, request.thresholds);
      return { name: `rollup-${request.scope.level}-${monthKey(now)}`, body: await buildRollupXlsx(rollup, now) };
    },
  },
} satisfies Record<string, ReportDefinition>;

export type ReportKind = keyof typeof REPORTS;

/** The kinds in the order they are offered. */
export const REPORT_KINDS = Object.keys(REPORTS) as readonly ReportKind[];

export const reportDefinition = (kind: ReportKind): ReportDefinition => REPORTS[kind];

const byKind = <T>(field: (definition: ReportDefinition) => T) => Object.fromEntries(REPORT_KINDS.map((kind) => [kind, field(REPORTS[kind])])) as Record<ReportKind, T>;

export const REPORT_TH: Record<ReportKind, string> = byKind((d) => d.label);

/** Quick-reply labels (at most 20 characters). */
export const REPORT_SHORT_TH: Record<ReportKind, string> = byKind((d) => d.shortLabel);

/** Reports of a supervisor's scope rather than of one organisation (`ReportDefinition.scope`). */
export const isScopeReport = (kind: ReportKind) => REPORTS[kind].scope === 'supervisor';

/** The E-PlanNACC round a report covers. */
export const roundOfReport = (kind: ReportKind): RoundName | null => REPORTS[kind].round;

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && Object.hasOwn(REPORTS, value);
}

/** Thai digits where the document's default or the organisation's choice says so, unless the caller asked. */
const thaiDigitsOf = (definition: ReportDefinition, request: ReportRequest): boolean => request.thaiDigits ?? (request.digits ?? definition.digits) === 'thai';

export async function produceReport(orgId: string, request: ReportRequest): Promise<ReportFile> {
  const definition = REPORTS[request.kind];
  const { name, body } = await definition.build(orgId, { ...request, thaiDigits: thaiDigitsOf(definition, request) });
  return { fileName: `${name}.${definition.fileType}`, contentType: CONTENT_TYPE[definition.fileType], body };
}
