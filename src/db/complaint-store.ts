import { WEEKENDS_ONLY, type WorkingCalendar } from '../domain/working-days.js';
import { isValidObjectId, Types } from 'mongoose';
import {
  countComplaints,
  dueAt,
  isClosed,
  OPEN_STATUSES,
  trackingNumber,
  type Complaint,
  type ComplaintKind,
  type ComplaintStats,
  type ComplaintStatus,
  type Forwarding,
  type NewComplaint,
  type TimelineEntry,
  type TimelineType,
} from '../domain/complaints.js';
import type { Attachment } from '../domain/attachments.js';
import { clockSuffix } from '../domain/closure.js';
import { ruleOf, statusMoveTo } from '../domain/complaint-states.js';
import { fiscalYearOf } from '../domain/fiscal-year.js';
import type { Sealer } from '../security/crypto.js';
import { moveCase, type Move } from './complaint-moves.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { ComplaintEventModel, ComplaintModel, type ComplaintDoc } from './models/complaint.js';

/** A stored complaint in the domain's shape (read lean, or just created). */
type StoredAttachment = { kind: Attachment['kind']; lineMessageId: string; fileName?: string | null };
const toAttachment = (a: StoredAttachment): Attachment => ({ kind: a.kind, lineMessageId: a.lineMessageId, fileName: a.fileName ?? null });

function toComplaint(doc: Omit<ComplaintDoc, 'attachments' | 'afterPhotos'> & { attachments: readonly StoredAttachment[]; afterPhotos?: readonly StoredAttachment[] | null }): Complaint {
  return {
    id: String(doc._id),
    orgId: doc.orgId,
    trackingNo: doc.trackingNo,
    kind: doc.kind,
    fiscalYear: doc.fiscalYear,
    status: doc.status,
    description: doc.description,
    accused: doc.accused ?? null,
    happenedWhen: doc.happenedWhen ?? null,
    location: doc.location ? { title: doc.location.title, address: doc.location.address, latitude: doc.location.latitude ?? null, longitude: doc.location.longitude ?? null } : null,
    attachments: doc.attachments.map(toAttachment),
    contactName: doc.contactName ?? null,
    contactPhone: doc.contactPhone ?? null,
    notify: doc.notify,
    reporterKey: doc.reporterKey,
    reporterSealed: doc.reporterSealed,
    submittedAt: doc.submittedAt,
    dueAt: doc.dueAt,
    handlerUserId: doc.handlerUserId ?? null,
    handlerName: doc.handlerName ?? null,
    closedAt: doc.closedAt ?? null,
    explanationRequired: doc.explanationRequired,
    explainedAt: doc.explainedAt ?? null,
    category: doc.category ?? null,
    afterPhotos: (doc.afterPhotos ?? []).map(toAttachment),
    feedback: doc.feedback ? { stars: doc.feedback.stars, comment: doc.feedback.comment ?? null, fixed: doc.feedback.fixed, at: doc.feedback.at } : null,
    reopenCount: doc.reopenCount ?? 0,
    reopenedAt: doc.reopenedAt ?? null,
    forwardedTo: doc.forwardedTo ? { agency: doc.forwardedTo.agency, note: doc.forwardedTo.note ?? '' } : null,
  };
}

/** Ids of cases come from postbacks: anything but an ObjectId names no case. */
function objectId(id: string): Types.ObjectId | null {
  return isValidObjectId(id) ? new Types.ObjectId(id) : null;
}

/** What filing a complaint is given: the complaint, who filed it, and the event confirming it. */
export interface NewComplaintFiling {
  complaint: NewComplaint;
  reporterLineUserId: string;
  /** Seals who filed it; their keyed hash finds their own cases. */
  sealer: Sealer;
  now: Date;
  /** The confirming event: a retry of it finds the complaint it filed. */
  eventId: string;
  /** Working days for the reply deadline; weekends only when not given. */
  calendar?: WorkingCalendar;
}

/**
 * Files a complaint under the next tracking number of its kind and fiscal year. The number is taken by
 * inserting it (unique per organisation) and, if another complaint took it first, the next one is tried:
 * the portable way to count on MongoDB and FerretDB alike. A retried confirmation returns the complaint it
 * already filed (`created: false`), and either way the "submitted" timeline entry is written (once, by its
 * id): a failure between the two inserts is completed by the retry.
 */
export async function fileComplaint(
  orgId: string,
  { complaint: input, reporterLineUserId, sealer, now, eventId: sourceEventId, calendar = WEEKENDS_ONLY }: NewComplaintFiling,
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
        dueAt: dueAt(now, calendar),
        sourceEventId,
      });
      const complaint = toComplaint(doc.toObject());
      await recordSubmission(complaint);
      return { complaint, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await complaintFiledBy(orgId, sourceEventId);
      if (existing) {
        await recordSubmission(existing);
        return { complaint: existing, created: false };
      }
    }
  }
  throw new Error('could not take a tracking number after 50 tries');
}

/** The complaint a confirmation filed, if an earlier attempt at that event got so far. */
export async function complaintFiledBy(orgId: string, sourceEventId: string): Promise<Complaint | null> {
  const doc = await ComplaintModel.findOne({ orgId, sourceEventId }).lean();
  return doc ? toComplaint(doc) : null;
}

/** The public "submitted" entry, dated when the complaint was filed (not when a retry writes it). */
async function recordSubmission(c: Complaint): Promise<void> {
  try {
    await ComplaintEventModel.create({ _id: `${c.id}:submitted`, orgId: c.orgId, complaintId: new Types.ObjectId(c.id), at: c.submittedAt, type: 'submitted', status: 'received', public: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function complaintsSince(orgId: string, reporterKey: string, since: Date): Promise<number> {
  return ComplaintModel.countDocuments({ orgId, reporterKey, submittedAt: { $gte: since } });
}

/** A complaint only its reporter may see: a wrong number and someone else's number look the same. */
export async function findOwnComplaint(orgId: string, trackingNo: string, reporterKey: string): Promise<Complaint | null> {
  const doc = await ComplaintModel.findOne({ orgId, trackingNo, reporterKey }).lean();
  return doc ? toComplaint(doc) : null;
}

export async function listOwnComplaints(orgId: string, reporterKey: string, limit = 10): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, reporterKey }).sort({ submittedAt: -1 }).limit(limit).lean()).map(toComplaint);
}

export async function getComplaint(orgId: string, id: string): Promise<Complaint | null> {
  const _id = objectId(id);
  const doc = _id ? await ComplaintModel.findOne({ _id, orgId }).lean() : null;
  return doc ? toComplaint(doc) : null;
}

export async function openComplaints(orgId: string, kinds: ComplaintKind[]): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, kind: { $in: kinds }, status: { $in: OPEN_STATUSES } }).sort({ dueAt: 1 }).lean()).map(toComplaint);
}

/** Open cases whose 15-day deadline falls on or before `by`, the soonest first. */
export async function openComplaintsDueBy(orgId: string, by: Date): Promise<Complaint[]> {
  return (await ComplaintModel.find({ orgId, status: { $in: OPEN_STATUSES }, dueAt: { $lte: by } }).sort({ dueAt: 1 }).lean()).map(toComplaint);
}

/** A case's timeline, oldest first; the complainant's view holds only the public entries. */
export async function timeline(c: Pick<Complaint, 'id'>, onlyPublic: boolean): Promise<TimelineEntry[]> {
  const docs = await ComplaintEventModel.find({ complaintId: new Types.ObjectId(c.id), ...(onlyPublic ? { public: true } : {}) }).sort({ at: 1 }).lean();
  return docs.map((d) => ({ at: d.at, type: d.type, status: d.status ?? null, text: d.text ?? null, public: d.public }));
}

/** A timeline entry as stored: `at` is when it was first written, whichever attempt reads it. */
export interface StoredEntry {
  id: string;
  at: Date;
  /** The event that wrote it, when the writer said (entries kept once per case or round). */
  eventId: string | null;
}

/**
 * Appends a timeline entry once: its id says what it is, so doing the same thing twice records it once.
 * The entry is the record of a handler's action (`<case>:<event>`), written before the case itself changes:
 * a retry of the same event finds it and finishes what the entry says, dated by the entry.
 */
async function appendEvent(entry: {
  _id: string;
  complaint: Complaint;
  at: Date;
  type: Exclude<TimelineType, 'submitted'>;
  status?: ComplaintStatus;
  text?: string | null;
  public: boolean;
  byUserId?: string | null;
  eventId?: string | null;
}): Promise<StoredEntry> {
  const { complaint, ...rest } = entry;
  try {
    await ComplaintEventModel.create({ ...rest, orgId: complaint.orgId, complaintId: new Types.ObjectId(complaint.id) });
    return { id: entry._id, at: entry.at, eventId: entry.eventId ?? null };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const stored = await ComplaintEventModel.findById(entry._id).lean();
    if (!stored) throw error;
    return { id: entry._id, at: stored.at, eventId: stored.eventId ?? null };
  }
}

/**
 * What every move of a case is given: the case as the feature read it, the time, and the event making the
 * move (its key: a retry of the event finds the move it made).
 */
export interface MoveArgs {
  complaint: Complaint;
  now: Date;
  eventId: string;
}

/**
 * What a move answers: moved, with the case as it now stands and the entry it wrote; or not, because the
 * case as it stood when the move was made no longer allowed it (another event moved it first), with the
 * case as it now is (null when it is gone). Nothing is written then, and so nobody is to be told.
 */
export type MoveResult = { moved: true; complaint: Complaint; entry: StoredEntry } | { moved: false; current: Complaint | null };

/**
 * Makes a move of the table on the case (complaint-moves.ts): the store asks the table, against the case as
 * it stands when this event wins the move, whether it is allowed; only the winner writes the entry and the
 * case. A retry of the event that won finds its move and answers the same.
 */
async function makeMove(args: MoveArgs, move: Omit<Move, 'eventId' | 'now'>): Promise<MoveResult> {
  const { complaint: c, now, eventId } = args;
  const moved = await moveCase(c.orgId, c.id, { ...move, eventId, now });
  const current = await getComplaint(c.orgId, c.id);
  if (!moved || !current) return { moved: false, current };
  return { moved: true, complaint: current, entry: { ...moved, eventId } };
}

/** Adds photos not yet on the case, by their LINE message (what `$addToSet` did, as a value the claim keeps). */
const withPhotos = (had: readonly StoredAttachment[] | null | undefined, photos: readonly Attachment[]) => [
  ...(had ?? []),
  ...photos.filter((p) => !(had ?? []).some((h) => h.lineMessageId === p.lineMessageId)),
];

/** The handler takes the case, unless another handler has meanwhile (then the case says who). */
export async function takeComplaint(args: MoveArgs & { handler: { lineUserId: string; displayName: string } }): Promise<MoveResult> {
  const { complaint: c, eventId, handler } = args;
  return makeMove(args, {
    name: 'take',
    set: () => ({ handlerUserId: handler.lineUserId, handlerName: handler.displayName || null }),
    entry: { id: `${c.id}:${eventId}`, text: null, byUserId: handler.lineUserId },
  });
}

/**
 * Gives a case a new status (in progress, resolved, rejected) with the note the complainant will read; not
 * moved when the case may no longer take it (another event moved it, or it now owes an explanation).
 */
export async function changeComplaintStatus(args: MoveArgs & { to: ComplaintStatus; note: string; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, to, note, handlerUserId } = args;
  const name = statusMoveTo(to);
  if (!name || name === 'forward') throw new Error(`no status move to ${to}`);
  return makeMove(args, {
    name,
    set: (doc, at) => ({ handlerUserId: doc.handlerUserId ?? handlerUserId, ...(isClosed(to) ? { closedAt: at } : {}) }),
    entry: { id: `${c.id}:${eventId}`, text: note, byUserId: handlerUserId },
  });
}

export async function addInternalNote(args: MoveArgs & { note: string; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, note, handlerUserId } = args;
  return makeMove(args, { name: 'note', set: () => ({}), entry: { id: `${c.id}:${eventId}`, text: note, byUserId: handlerUserId } });
}

/** The reason a case runs past 15 days, owed to the complainant; recording it lifts the requirement. */
export async function recordExplanation(args: MoveArgs & { text: string; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, text, handlerUserId } = args;
  return makeMove(args, {
    name: 'explain',
    set: (_doc, at) => ({ explanationRequired: false, explainedAt: at }),
    entry: { id: `${c.id}:${eventId}`, text, byUserId: handlerUserId },
  });
}

/**
 * Marks a deadline step (reminder or escalation) on a case the job read a moment ago; returns the case as it
 * now stands, or null when it was closed in between (then nothing is marked and nothing is to be sent).
 * An escalation requires an explanation only of a case still open and unexplained, by a conditional
 * update: a case closed or explained between the job's read and this write is left as it is. Both writes
 * are safe to repeat, so a run that stopped between them is completed by the next one. `stepAt` is when the
 * step was first recorded, so the job can tell a case escalated today from one escalated on an earlier day.
 */
export async function markDeadlineStep(c: Complaint, step: 'reminder' | 'escalation', now: Date): Promise<(Complaint & { stepAt: Date }) | null> {
  const _id = new Types.ObjectId(c.id);
  const from = ruleOf(step === 'escalation' ? 'escalate_overdue' : 'remind').from;
  if (step === 'escalation') {
    await ComplaintModel.updateOne({ _id, status: { $in: from }, explainedAt: null }, { $set: { explanationRequired: true } });
  }
  const fresh = await ComplaintModel.findOne({ _id, status: { $in: from } }).lean();
  if (!fresh) return null;
  const current = toComplaint(fresh);
  // A reopened case is on a new clock, whose steps are new ones (`<case>:reminder:r1`).
  const entry = await appendEvent({ _id: `${c.id}:${step}${clockSuffix(current)}`, complaint: c, at: now, type: step, public: false });
  return { ...current, stepAt: entry.at };
}

/*
 * Closure (domain.md, "Closure"). Each step as above: its timeline entry under a key naming the case and the
 * event or round, then the case by an update conditional on the state it moves from, so a retry changes
 * nothing that landed and a concurrent change is not undone.
 */

/**
 * The citizen's rating of one resolution round (`<case>:feedback:<round>`), while the case is still resolved
 * in that round and not yet rated in it: a second rating of the round (a second tap on an old prompt) is
 * not moved, and the case shows the first one.
 */
export async function recordFeedback(args: MoveArgs & { round: number; feedback: { stars: number; comment: string | null; fixed: boolean; text: string } }): Promise<MoveResult> {
  const { complaint: c, round, feedback } = args;
  return makeMove(args, {
    name: 'rate',
    also: (doc) => (doc.reopenCount ?? 0) === round,
    set: (_doc, at) => ({ feedback: { stars: feedback.stars, comment: feedback.comment, fixed: feedback.fixed, at } }),
    entry: { id: `${c.id}:feedback:${round}`, text: feedback.text, byUserId: null },
  });
}

/**
 * "Not fixed" within the window: the case goes back to in progress on a new 15-day clock counted from the
 * reopening, its explanation flags cleared. Only from `resolved` in the round answered, so a retry (or a
 * second answer) cannot reopen it twice.
 */
export async function reopenComplaint(args: MoveArgs & { round: number; words: string; calendar?: WorkingCalendar }): Promise<MoveResult> {
  const { complaint: c, round, words, calendar = WEEKENDS_ONLY } = args;
  return makeMove(args, {
    name: 'reopen',
    also: (doc) => (doc.reopenCount ?? 0) === round,
    set: (_doc, at) => ({ reopenCount: round + 1, reopenedAt: at, dueAt: dueAt(at, calendar), closedAt: null, explanationRequired: false, explainedAt: null }),
    entry: { id: `${c.id}:reopened:${round + 1}`, text: words, byUserId: null },
  });
}

/** "Not fixed" once the reopenings are used up: the case stays resolved, and the timeline says it went to the executives. */
export async function recordNotFixedEscalation(args: MoveArgs & { round: number; text: string }): Promise<MoveResult> {
  const { complaint: c, round, text } = args;
  return makeMove(args, {
    name: 'escalate_not_fixed',
    also: (doc) => (doc.reopenCount ?? 0) === round,
    set: () => ({}),
    entry: { id: `${c.id}:not-fixed:${round}`, text, byUserId: null },
  });
}

/** The citizen withdraws their open case; once per case. Not moved when a handler moved the case first. */
export async function withdrawComplaint(args: MoveArgs): Promise<MoveResult> {
  const { complaint: c } = args;
  return makeMove(args, { name: 'withdraw', set: (_doc, at) => ({ closedAt: at }), entry: { id: `${c.id}:withdrawn`, text: null, byUserId: null } });
}

/**
 * A handler sends the case to another agency: closed here, with the agency and a note the citizen reads.
 * Not moved when the case may no longer be forwarded (moved by another event, or it owes an explanation).
 */
export async function forwardComplaint(args: MoveArgs & { to: Forwarding; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, to, handlerUserId } = args;
  return makeMove(args, {
    name: 'forward',
    set: (doc, at) => ({ forwardedTo: to, closedAt: at, handlerUserId: doc.handlerUserId ?? handlerUserId }),
    entry: { id: `${c.id}:${eventId}`, text: `${to.agency}${to.note ? `: ${to.note}` : ''}`, byUserId: handlerUserId },
  });
}

/** Photos of the fixed problem; a repeated photo is kept once. */
export async function addAfterPhotos(args: MoveArgs & { photos: Attachment[]; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, photos, handlerUserId } = args;
  return makeMove(args, {
    name: 'add_after_photos',
    set: (doc) => ({ afterPhotos: withPhotos(doc.afterPhotos, photos) }),
    entry: { id: `${c.id}:${eventId}`, text: `${photos.length} รูป`, byUserId: handlerUserId },
  });
}

/** The category a handler files a general complaint under; the latest choice stands. */
export async function setComplaintCategory(args: MoveArgs & { category: string; handlerUserId: string }): Promise<MoveResult> {
  const { complaint: c, eventId, category, handlerUserId } = args;
  return makeMove(args, { name: 'categorise', set: () => ({ category }), entry: { id: `${c.id}:${eventId}`, text: category, byUserId: handlerUserId } });
}

/** More words or photos from the citizen on their open case; photos join the case's evidence. */
export async function addInformation(args: MoveArgs & { words: string; photos: Attachment[] }): Promise<MoveResult> {
  const { complaint: c, eventId, words, photos } = args;
  return makeMove(args, {
    name: 'add_information',
    set: (doc) => (photos.length > 0 ? { attachments: withPhotos(doc.attachments, photos) } : {}),
    entry: { id: `${c.id}:${eventId}`, text: photos.length > 0 ? `${words}\n(แนบรูปภาพ ${photos.length} รูป)` : words, byUserId: null },
  });
}

/** OIT O24's statistics for a fiscal year; plain queries and arithmetic, portable to both servers. */
export async function complaintStats(orgId: string, fiscalYear: number, now: Date): Promise<ComplaintStats> {
  return statsOf(await ComplaintModel.find({ orgId, fiscalYear }).select('kind status dueAt').lean(), fiscalYear, now);
}

/** The same for every organisation at once (one read of the year's complaints); none filed: all zero. */
export async function complaintStatsByOrganisation(fiscalYear: number, now: Date): Promise<(orgId: string) => ComplaintStats> {
  const byOrg = new Map<string, StatRow[]>();
  for await (const d of ComplaintModel.find({ fiscalYear }).select('orgId kind status dueAt').lean().cursor()) {
    const list = byOrg.get(d.orgId) ?? [];
    list.push(d);
    byOrg.set(d.orgId, list);
  }
  return (orgId) => statsOf(byOrg.get(orgId) ?? [], fiscalYear, now);
}

type StatRow = { kind: ComplaintKind; status: ComplaintStatus; dueAt: Date };

function statsOf(docs: StatRow[], fiscalYear: number, now: Date): ComplaintStats {
  const of = (kind?: ComplaintKind) => countComplaints(docs.filter((d) => !kind || d.kind === kind).map((d) => d.status));
  return {
    fiscalYear,
    all: of(),
    byKind: { general: of('general'), corruption: of('corruption') },
    overdue: docs.filter((d) => !isClosed(d.status) && d.dueAt <= now).length,
    overdueByKind: {
      general: docs.filter((d) => d.kind === 'general' && !isClosed(d.status) && d.dueAt <= now).length,
      corruption: docs.filter((d) => d.kind === 'corruption' && !isClosed(d.status) && d.dueAt <= now).length,
    },
  };
}
