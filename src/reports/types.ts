import type { OrganisationProfile } from '../domain/organisation.js';
import type { ComplaintYearStatistics } from '../domain/complaint-statistics.js';
import type { DisplayStatus, Status } from '../domain/statuses.js';
import type { IndicatorGroup } from '../domain/ita-indicators.js';
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
    /** The newest progress report's summary (สรุปผลการดำเนินการ); "รอรายงาน" when nothing was reported in the year. */
    summary: string;
    /** The newest report's outcome (ผลลัพธ์หรือความสำเร็จ), "" when the officer gave none: a status is no result. */
    outcome: string;
  }[];
}

/**
 * Who signs an E-PlanNACC report: the executive who asked for it in LINE (their staff record's full name and
 * position, the LINE display name when no full name was given), or the operator's flags. Either may be blank.
 */
export interface Reporter {
  name: string;
  position: string;
}

/** The one report a row of the E-PlanNACC table rests on: its tick and its หมายเหตุ both come from it. */
export interface EplanLatestReport {
  reportedAt: Date;
  status: Status;
  cannotProceedReason: string | null;
  outcome: string | null;
  /** Made before the round began (an earlier round's report, still the newest). */
  beforeRound: boolean;
}

/** The E-PlanNACC 6- or 12-month table with its summary block (seed 004). */
export interface EplanReportData {
  organisation: ReportOrganisation;
  round: 'six_month' | 'twelve_month';
  /**
   * "ข้อมูล ณ วันที่": when the newest report the table rests on was made, or, with no report at all, the
   * export time (never after the round's last day). See `eplanAsOf`.
   */
  asOf: Date;
  generatedAt: Date;
  /** The round's "data as of" day (31 March or 30 September). */
  roundLastDay: Date;
  /** False when the report is made before that day is over: the figures may still change. */
  roundEnded: boolean;
  rows: {
    number: number | null;
    code: string;
    title: string;
    dimension: number | null;
    budget: number;
    disbursed: number;
    /**
     * The newest report's status as of the report's date (`latest`), awaiting_report when there is none: one
     * mark in the four E-PlanNACC columns; not_started has no column there and is said in the note.
     */
    status: DisplayStatus;
    /** The report the status comes from; หมายเหตุ is made from it too (`eplanNote`). */
    latest: EplanLatestReport | null;
  }[];
  reporter: Reporter | null;
  problems: string[];
  suggestions: string[];
  summary: {
    total: number;
    /** The rows' marks counted; the implementation percentage is computed from these counts only. */
    counts: Record<DisplayStatus, number>;
    budget: number;
    disbursed: number;
    disbursementPercent: number;
    implementationPercent: number;
    level: string;
    thresholds: Threshold[];
  };
}

/**
 * The year's anti-corruption plan in prose, project by project under its มิติ, as seed 004 files it before
 * its table; then the supporting factors, problems and suggestions of the year.
 */
export interface PlanNarrativeData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  thaiDigits: boolean;
  projects: {
    number: number | null;
    title: string;
    dimension: number | null;
    /** ภารกิจตามมิติ: the plan's guideline for the project, else the name of its มิติ. */
    mission: string;
    methodSteps: string[];
    status: DisplayStatus;
    /** The newest report of the year: its summary, outcome and, when it cannot proceed, why. */
    summary: string;
    outcome: string;
    cannotProceedReason: string;
  }[];
  /** Set by the operator for the year (`prongsai org --supporting-factors`); no report carries them. */
  supportingFactors: string[];
  problems: string[];
  suggestions: string[];
  /**
   * Seed 004 files the prose and the E-PlanNACC 12-month table as one document: the table, its summary block,
   * "ข้อมูล ณ วันที่" and the reporter, from the same reports as the prose.
   */
  table: EplanReportData;
}

export interface ComplaintStatsReportData {
  organisation: ReportOrganisation;
  generatedAt: Date;
  stats: ComplaintYearStatistics;
}

/** The indicator table (seed 002): each indicator with its score, guideline and progress. */
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
