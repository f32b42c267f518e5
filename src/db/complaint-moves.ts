import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { caseAllows, ruleOf, type CaseFacts, type ComplaintMove } from '../domain/complaint-states.js';
import type { ComplaintStatus, TimelineType } from '../domain/complaints.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { ComplaintEventModel, ComplaintModel, ComplaintMoveModel, type ComplaintDoc } from './models/complaint.js';

/**
 * The moves of a case (domain/complaint-states.ts), one at a time, on FerretDB as on MongoDB. A conditional
 * update does not serialise two writers on FerretDB (an update is a read and then a write), so a move first
 * claims the case's next version by inserting `<case>:<n>` into complaint_moves: of two events moving a case at once (a handler's
 * "resolved" and the citizen's withdrawal, two handlers taking it), one insert succeeds. Only that event
 * writes the timeline entry and the case, and only it is told it moved the case (and so tells anyone). The
 * loser waits for the winner's writes, reads the case again and is judged against the table: allowed still
 * (two moves that follow each other), or refused.
 *
 * The 15-day job's steps are not claimed; on FerretDB one of them racing a move may write back the fields
 * the move had set. The claim stays, and the next move of the case finds the case behind its claims and
 * writes the claimed move again before it is judged.
 */

/** The timeline entry a move writes; `id` is its key (`<case>:<event>`, `<case>:withdrawn` …). */
interface MoveEntry {
  id: string;
  type: Exclude<TimelineType, 'submitted'>;
  status: ComplaintStatus | null;
  text: string | null;
  public: boolean;
  byUserId: string | null;
}

export interface Move {
  name: ComplaintMove;
  eventId: string;
  now: Date;
  /** What this one move asks of the case beyond the table (the round a rating or reopening answers). */
  also?: (doc: ComplaintDoc) => boolean;
  /** The case's fields the move sets besides its status (the table's `to`), given the case and the move's time. */
  set(doc: ComplaintDoc, at: Date): Record<string, unknown>;
  /** The entry's key and words; its type, status and audience are the table's. */
  entry: { id: string; text: string | null; byUserId: string | null };
}

/** The move as stored: what the winner writes, the same on every retry of its event. */
interface Claim {
  _id: string;
  move: ComplaintMove;
  orgId: string;
  complaintId: Types.ObjectId;
  n: number;
  eventId: string;
  at: Date;
  set: Record<string, unknown>;
  entry: MoveEntry;
}

/** The moved case's entry: its key and time. */
export interface Moved {
  id: string;
  at: Date;
}

/** The case as the table reads it; a case from before a field existed has its default. */
const factsOf = (doc: ComplaintDoc): CaseFacts => ({
  kind: doc.kind,
  status: doc.status,
  handlerUserId: doc.handlerUserId ?? null,
  explanationRequired: doc.explanationRequired,
  feedback: doc.feedback ? { stars: doc.feedback.stars, comment: doc.feedback.comment ?? null, fixed: doc.feedback.fixed, at: doc.feedback.at } : null,
  closedAt: doc.closedAt ?? null,
  reopenCount: doc.reopenCount ?? 0,
});

/** Whether the case, as it now stands, allows the move: the table's rule and the move's own condition. */
const allows = (move: Move, doc: ComplaintDoc) => caseAllows(move.name, factsOf(doc)) && (move.also?.(doc) ?? true);

/**
 * How long another event waits for the winner's writes. Past it the winner's attempt failed between its
 * claim and its writes (or a concurrent update of the case undid them): the waiting event writes the move
 * from the claim itself, the same writes the winner's retry would make, so that the case is never stuck.
 */
const WAIT_FOR_WINNER_MS = 2_000;
const POLL_MS = 20;

/**
 * Moves the case if the move is allowed and this event wins it; returns its entry, or null when the move was
 * not allowed (another event moved the case first). A retry of the winning event finds its claim and
 * finishes it, dated as first claimed. One event may make several moves of a case (a rating, then the
 * reopening it causes): its claims are told apart by the move.
 */
export async function moveCase(orgId: string, caseId: string, move: Move): Promise<Moved | null> {
  const complaintId = new Types.ObjectId(caseId);
  for (;;) {
    // A claim from before moves were named was its event's one move of the case.
    const own = await ComplaintMoveModel.findOne({ complaintId, eventId: move.eventId, $or: [{ move: move.name }, { move: { $exists: false } }] }).lean<Claim>();
    if (own) return write(own);
    const doc = await ComplaintModel.findById(complaintId).lean<ComplaintDoc>();
    if (!doc) return null;
    const done = doc.moves ?? 0;
    const pending = await ComplaintMoveModel.findById(`${caseId}:${done + 1}`).lean<Claim>();
    if (pending) {
      if (!(await movedWithin(complaintId, pending.n, WAIT_FOR_WINNER_MS))) await write(pending);
      continue;
    }
    if (!allows(move, doc)) return null;
    // Never before the case's last move: the timeline, read by time, ends with the status the case has.
    const previous = done > 0 ? await ComplaintMoveModel.findById(`${caseId}:${done}`).lean<Claim>() : null;
    const floor = Math.max(previous?.at.getTime() ?? 0, doc.submittedAt.getTime());
    const at = move.now.getTime() >= floor ? move.now : new Date(floor);
    const rule = ruleOf(move.name);
    const claim: Claim = {
      _id: `${caseId}:${done + 1}`,
      move: move.name,
      orgId,
      complaintId,
      n: done + 1,
      eventId: move.eventId,
      at,
      set: { ...move.set(doc, at), ...(rule.to ? { status: rule.to } : {}) },
      entry: { ...move.entry, type: rule.records.type, status: rule.to, public: rule.records.public },
    };
    try {
      await ComplaintMoveModel.create(claim);
    } catch (error) {
      // Another event took this version (or this insert landed and its answer was lost): read again.
      if (!isDuplicateKey(error)) throw error;
      continue;
    }
    return write(claim);
  }
}

/** The winner's writes, each safe to repeat: the entry (by its key), then the case from the version before. */
async function write(claim: Claim): Promise<Moved> {
  const { id, ...entry } = claim.entry;
  try {
    await ComplaintEventModel.create({ _id: id, ...entry, at: claim.at, eventId: claim.eventId, orgId: claim.orgId, complaintId: claim.complaintId });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // A case from before moves were counted has no `moves` yet.
  const before = claim.n === 1 ? { $or: [{ moves: 0 }, { moves: { $exists: false } }] } : { moves: claim.n - 1 };
  await ComplaintModel.updateOne({ _id: claim.complaintId, ...before }, { $set: { ...claim.set, moves: claim.n } });
  return { id, at: claim.at };
}

/** Whether the case reaches its n-th move within `ms`. */
async function movedWithin(complaintId: Types.ObjectId, n: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += POLL_MS) {
    await sleep(POLL_MS);
    const doc = await ComplaintModel.findById(complaintId, { moves: 1 }).lean<{ moves?: number }>();
    if ((doc?.moves ?? 0) >= n) return true;
  }
  return false;
}
