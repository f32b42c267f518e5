import { isValidObjectId, Types } from 'mongoose';
import {
  countComplaints,
  dueAt,
  isClosed,
  OPEN_STATUSES,
  trackingNumber,
  type ComplaintCounts,
  type ComplaintKind,
  type ComplaintStatus,
} from '../domain/complaints.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { Sealer } from '../security/crypto.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { ComplaintEventModel, ComplaintModel, type Complaint } from './models/complaint.js';

export type { Complaint };

/** What the complainant gives; the rest of a complaint is set when it is filed. */
export type NewComplaint = Pick<Complaint, 'kind' | 'description' | 'accused' | 'happenedWhen' | 'location' | 'attachments' | 'contactName' | 'contactPhone' | 'notify'>;

/**
 * Files a complaint under the next tracking number of its kind and fiscal year. The number is taken by
 * inserting it (unique per organisation) and, if another complaint took it first, the next one is tried:
 * the portable way to count on MongoDB and FerretDB alike. A redelivered confirmation returns the
 * complaint it already filed.
 */
export async function fileComplaint(
  orgId: string,
  input: NewComplaint,
  reporterLineUserId: string,
  sealer: Sealer,
  now: Date,
  sourceEventId: string,
): Promise<{ complaint: Complaint; created: boolean }> {
  const fiscalYear = fiscalYearOf(now);
  const last = await ComplaintModel.findOne({ orgId, kind: input.kind, fiscalYear }).sort({ seq: -1 }).select('seq').lean();
  let seq = (last?.seq ?? 0) + 1;
  for (let tries = 0; tries < 50; tries++, seq++) {
    try {
      const doc = await ComplaintModel.create({
        ...input,
        orgId,
        fiscalYear,
        seq,
        trackingNo: trackingNumber(input.kind, now, seq),
        reporterKey: sealer.userKey(reporterLineUserId),
        reporterSealed: sealer.seal(reporterLineUserId),
        submittedAt: now,
        dueAt: dueAt(now),
        sourceEventId,
      });
      await ComplaintEventModel.create({ _id: `${doc._id}:submitted`, orgId, complaintId: doc._id, at: now, type: 'submitted', status: 'received', public: true });
      return { complaint: doc.toObject() as unknown as Complaint, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await ComplaintModel.findOne({ sourceEventId }).lean();
      if (existing) return { complaint: existing as unknown as Complaint, created: false };
    }
  }
  throw new Error('could not take a tracking number after 50 tries');
}

export async function complaintsSince(orgId: string, reporterKey: string, since: Date): Promise<number> {
  return ComplaintModel.countDocuments({ orgId, reporterKey, submittedAt: { $gte: since } });
}

/** A complaint only its reporter may see: a wrong number and someone else's number look the same. */
export async function findOwnComplaint(orgId: string, trackingNo: string, reporterKey: string): Promise<Complaint | null> {
  return (await ComplaintModel.findOne({ orgId, trackingNo, reporterKey }).lean()) as unknown as Complaint | null;
}

export async function listOwnComplaints(orgId: string, reporterKey: string, limit = 10): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, reporterKey }).sort({ submittedAt: -1 }).limit(limit).lean()) as unknown as Complaint[];
}

export async function getComplaint(orgId: string, id: string): Promise<Complaint | null> {
  if (!isValidObjectId(id)) return null;
  return (await ComplaintModel.findOne({ _id: new Types.ObjectId(id), orgId }).lean()) as unknown as Complaint | null;
}

export async function openComplaints(orgId: string, kinds: ComplaintKind[]): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, kind: { $in: kinds }, status: { $in: OPEN_STATUSES } })
    .sort({ dueAt: 1 })
    .lean()) as unknown as Complaint[];
}

/** Open cases whose 15-day deadline falls on or before `by`, the soonest first. */
export async function openComplaintsDueBy(orgId: string, by: Date): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, status: { $in: OPEN_STATUSES }, dueAt: { $lte: by } })
    .sort({ dueAt: 1 })
    .lean()) as unknown as Complaint[];
}

export async function timeline(complaintId: Types.ObjectId, onlyPublic: boolean) {
  return ComplaintEventModel.find({ complaintId, ...(onlyPublic ? { public: true } : {}) }).sort({ at: 1 }).lean();
}

/** Appends a timeline entry once: its id says what it is, so doing the same thing twice records it once. */
async function appendEvent(entry: {
  _id: string;
  orgId: string;
  complaintId: Types.ObjectId;
  at: Date;
  type: 'taken' | 'status' | 'note' | 'explanation' | 'reminder' | 'escalation';
  status?: ComplaintStatus;
  text?: string | null;
  public: boolean;
  byUserId?: string | null;
}): Promise<boolean> {
  try {
    await ComplaintEventModel.create(entry);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function takeComplaint(c: Complaint, handler: { lineUserId: string; displayName: string }, now: Date, eventId: string): Promise<void> {
  await ComplaintModel.updateOne({ _id: c._id }, { $set: { handlerUserId: handler.lineUserId, handlerName: handler.displayName || null } });
  await appendEvent({ _id: `${c._id}:${eventId}`, orgId: c.orgId, complaintId: c._id, at: now, type: 'taken', public: false, byUserId: handler.lineUserId });
}

/** Moves a case to a new status with the note the complainant will read; returns the timeline entry id. */
export async function changeComplaintStatus(c: Complaint, status: ComplaintStatus, note: string, handlerUserId: string, now: Date, eventId: string): Promise<string> {
  const set: Record<string, unknown> = { status, handlerUserId: c.handlerUserId ?? handlerUserId };
  if (isClosed(status)) set.closedAt = now;
  await ComplaintModel.updateOne({ _id: c._id }, { $set: set });
  const id = `${c._id}:${eventId}`;
  await appendEvent({ _id: id, orgId: c.orgId, complaintId: c._id, at: now, type: 'status', status, text: note, public: true, byUserId: handlerUserId });
  return id;
}

export async function addInternalNote(c: Complaint, note: string, handlerUserId: string, now: Date, eventId: string): Promise<void> {
  await appendEvent({ _id: `${c._id}:${eventId}`, orgId: c.orgId, complaintId: c._id, at: now, type: 'note', text: note, public: false, byUserId: handlerUserId });
}

/** The reason a case runs past 15 days, owed to the complainant; recording it lifts the requirement. */
export async function recordExplanation(c: Complaint, text: string, handlerUserId: string, now: Date, eventId: string): Promise<string> {
  await ComplaintModel.updateOne({ _id: c._id }, { $set: { explanationRequired: false, explainedAt: now } });
  const id = `${c._id}:${eventId}`;
  await appendEvent({ _id: id, orgId: c.orgId, complaintId: c._id, at: now, type: 'explanation', text, public: true, byUserId: handlerUserId });
  return id;
}

/** Marks a deadline step (reminder or escalation) done; false when it already was. */
export async function markDeadlineStep(c: Complaint, step: 'reminder' | 'escalation', now: Date): Promise<boolean> {
  const first = await appendEvent({ _id: `${c._id}:${step}`, orgId: c.orgId, complaintId: c._id, at: now, type: step, public: false });
  if (first && step === 'escalation' && !c.explainedAt) await ComplaintModel.updateOne({ _id: c._id }, { $set: { explanationRequired: true } });
  return first;
}

export interface ComplaintStats {
  fiscalYear: number;
  all: ComplaintCounts;
  byKind: Record<ComplaintKind, ComplaintCounts>;
  overdue: number;
}

/** OIT O24's statistics for a fiscal year; plain queries and arithmetic, portable to both servers. */
export async function complaintStats(orgId: string, fiscalYear: number, now: Date): Promise<ComplaintStats> {
  const docs = await ComplaintModel.find({ orgId, fiscalYear }).select('kind status dueAt').lean();
  const of = (kind?: ComplaintKind) => countComplaints(docs.filter((d) => !kind || d.kind === kind).map((d) => d.status as ComplaintStatus));
  return {
    fiscalYear,
    all: of(),
    byKind: { general: of('general'), corruption: of('corruption') },
    overdue: docs.filter((d) => !isClosed(d.status as ComplaintStatus) && d.dueAt <= now).length,
  };
}
