import type { Attachment } from './attachments.js';
import type { Status } from './statuses.js';

/** An officer's confirmed progress report on one measure, before it is stored. */
export interface NewProgressReport {
  measureId: string;
  status: Status;
  /** Why it cannot proceed, when it cannot. */
  reason?: string;
  summary: string;
  problems?: string | null;
  disbursed?: number | null;
  attachments: Attachment[];
}
