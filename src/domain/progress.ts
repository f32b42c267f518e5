import type { Attachment } from './attachments.js';
import type { Status } from './statuses.js';

/** An officer's confirmed progress report on one measure, before it is stored. */
export interface NewProgressReport {
  measureId: string;
  status: Status;
  /** Why it cannot proceed, when it cannot. */
  reason?: string;
  summary: string;
  /** ผลลัพธ์หรือความสำเร็จ: what the work achieved, the ITA tables' last column. */
  outcome?: string | null;
  problems?: string | null;
  /** ข้อเสนอแนะ, its own section in the E-PlanNACC report. */
  suggestions?: string | null;
  disbursed?: number | null;
  attachments: Attachment[];
}

/** A stored report as the next reporter and the handover brief read it. */
export interface PastReport {
  reportedAt: Date;
  reporterName: string;
  reporterUnit: string | null;
  status: Status;
  summary: string;
  outcome: string | null;
  problems: string | null;
  suggestions: string | null;
}
