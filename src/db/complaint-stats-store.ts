import type { ComplaintStatRow } from '../domain/complaint-statistics.js';
import { ComplaintModel } from './models/complaint.js';

/**
 * One row per case filed in the fiscal year, for OIT O24's statistics. An equality on the indexed
 * {orgId, fiscalYear} selects the rows, and the projection reads only the fields the figures need: no
 * story, no accused, no contact, no reporter, no feedback comment, so a corruption report leaves the
 * database as a number only.
 */
export async function loadComplaintStatRows(orgId: string, fiscalYear: number): Promise<ComplaintStatRow[]> {
  const docs = await ComplaintModel.find({ orgId, fiscalYear })
    .select({ _id: 0, kind: 1, category: 1, status: 1, submittedAt: 1, dueAt: 1, closedAt: 1, reopenCount: 1, 'feedback.stars': 1 })
    .lean();
  return docs.map((d) => ({
    kind: d.kind,
    category: d.category ?? null,
    status: d.status,
    submittedAt: d.submittedAt,
    dueAt: d.dueAt,
    closedAt: d.closedAt ?? null,
    reopenCount: d.reopenCount ?? 0,
    stars: typeof d.feedback?.stars === 'number' ? d.feedback.stars : null,
  }));
}
