import type { OrganisationProfile } from '../domain/organisation.js';
import type { ComplaintStats } from '../domain/complaints.js';
import type { DisplayStatus } from '../domain/statuses.js';
import type { Threshold } from '../domain/summary.js';

/** What the official reports are made of; loaders fill these from the database, builders turn them into files. */
export type ReportOrganisation = OrganisationProfile;

/** The ITA measures report of seeds 000–002. */
export interface ItaReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  /** Write numbers and dates with Thai digits (๐–๙), as formal documents do. */
  thaiDigits: boolean;
  rows: {
    number: number | null;
    code: string;
    title: string;
    methodSteps: string[];
    /** As the plan writes it, e.g. "ต.ค. 67 - ก.ย. 68". */
    period: string;
    /** Units and positions, e.g. "สำนักปลัด, กองคลัง (นิติกร)". */
    responsible: string;
    /** The newest progress report's summary (สรุปผลการดำเนินการ), or "" when none. */
    summary: string;
    /** The newest report's outcome or, lacking one, its status in Thai (ผลลัพธ์หรือความสำเร็จ). */
    outcome: string;
  }[];
}

/** The E-PlanNACC 6- or 12-month table with its summary block (seed 004). */
export interface EplanReportData {
  organisation: ReportOrganisation;
  round: 'six_month' | 'twelve_month';
  /** The "data as of" day: 31 March or 30 September. */
  asOf: Date;
  generatedAt: Date;
  rows: {
    number: number | null;
    code: string;
    title: string;
    dimension: number | null;
    budget: number;
    disbursed: number;
    status: DisplayStatus;
    note: string;
  }[];
  reporter: { name: string; position: string } | null;
  problems: string[];
  suggestions: string[];
  summary: {
    total: number;
    counts: Record<DisplayStatus, number>;
    budget: number;
    disbursed: number;
    disbursementPercent: number;
    implementationPercent: number;
    level: string;
    thresholds: Threshold[];
  };
}

export interface ComplaintStatsReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  stats: ComplaintStats;
}
