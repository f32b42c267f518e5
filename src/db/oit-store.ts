import { isObjectIdOrHexString, Types } from 'mongoose';
import type { Attachment } from '../domain/attachments.js';
import {
  oitIndicatorOfNumber,
  oitState,
  sameAnswer,
  type NewOitAnswer,
  type OitAnswer,
  type OitIndicator,
  type OitItem,
  type OitReview,
  type PlannedOitItem,
  type UrlCheck,
  type UrlProblem,
} from '../domain/oit.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { MeasureChangeModel } from './models/measure-change.js';
import { OitAnswerModel, OitItemModel } from './models/oit-item.js';

/** OIT items, their answers and reviews: plain data in and out. The indicators are plan items (indicator-store.ts). */

type Lean = Record<string, any>;

const attachmentsOf = (list: Lean[] | undefined): Attachment[] =>
  (list ?? []).map((a) => ({ kind: a.kind, lineMessageId: a.lineMessageId, fileName: a.fileName ?? null }));

function toItem(doc: Lean): OitItem {
  const a = doc.answer;
  const r = doc.review;
  const c = doc.urlCheck;
  return {
    id: String(doc._id),
    fiscalYear: doc.fiscalYear,
    code: doc.code,
    number: doc.number,
    title: doc.title,
    description: doc.description ?? '',
    indicator: doc.indicator as OitIndicator,
    responsibleUnits: doc.responsibleUnits ?? [],
    assignees: doc.assignees ?? [],
    guideline: doc.guideline ?? null,
    guidelinePeriod: doc.guidelinePeriod ?? null,
    answer: a
      ? {
          version: a.version,
          available: a.available,
          url: a.url ?? null,
          explanation: a.explanation ?? null,
          attachments: attachmentsOf(a.attachments),
          answeredBy: a.answeredBy,
          answeredByName: a.answeredByName ?? '',
          answeredAt: a.answeredAt,
        }
      : null,
    review: r
      ? { version: r.version, decision: r.decision, note: r.note ?? null, reviewedBy: r.reviewedBy, reviewerName: r.reviewerName ?? '', reviewedAt: r.reviewedAt }
      : null,
    urlCheck: c ? { checkedAt: c.checkedAt, url: c.url, ok: c.ok, httpStatus: c.httpStatus ?? null, problem: (c.problem ?? null) as UrlProblem | null } : null,
    brokenSince: doc.brokenSince ?? null,
  };
}

/** How many of these codes already exist in the fiscal year: what importing them would update. */
export async function countOitItems(orgId: string, fiscalYear: number, codes: string[]): Promise<number> {
  return OitItemModel.countDocuments({ orgId, fiscalYear, code: { $in: codes } });
}

/** Writes an item of the year's list under its (fiscal year, code), keeping its answer and review; true when new. */
export async function saveOitItem(orgId: string, item: PlannedOitItem): Promise<boolean> {
  const result = await OitItemModel.updateOne({ orgId, fiscalYear: item.fiscalYear, code: item.code }, { $set: { ...item, orgId } }, { upsert: true });
  return result.upsertedCount > 0;
}

/** A fiscal year's items in the order of the ITAS form. */
export async function oitItemsOfYear(orgId: string, fiscalYear: number): Promise<OitItem[]> {
  const docs = await OitItemModel.find({ orgId, fiscalYear }).lean();
  return docs.map(toItem).sort((a, b) => a.number - b.number || a.code.localeCompare(b.code));
}

/** One item by id, only within the organisation (the id comes from a button). */
export async function findOitItem(orgId: string, id: string): Promise<OitItem | null> {
  if (!isObjectIdOrHexString(id)) return null;
  const doc = await OitItemModel.findById(id).lean();
  return doc && doc.orgId === orgId ? toItem(doc) : null;
}

/**
 * Keeps an owner's answer in the history and makes it the item's current one. The history insert is keyed on
 * the confirming event, so a redelivery saves nothing twice. An answer saying what the current one says
 * keeps its version, and with it the reviewer's pass; any other answer gets a new version, which no review
 * has seen yet. The address check starts again when the address changes.
 */
export async function saveOitAnswer(
  orgId: string,
  { itemId, answer, by, at, eventId: sourceEventId }: { itemId: string; answer: NewOitAnswer; by: { lineUserId: string; displayName: string }; at: Date; eventId: string },
): Promise<{ created: boolean; item: OitItem }> {
  const current = await findOitItem(orgId, itemId);
  if (!current) throw new Error(`OIT item ${itemId} not found in ${orgId}`);
  try {
    await OitAnswerModel.create({
      orgId,
      itemId: new Types.ObjectId(itemId),
      code: current.code,
      fiscalYear: current.fiscalYear,
      ...answer,
      answeredBy: by.lineUserId,
      answeredByName: by.displayName,
      answeredAt: at,
      sourceEventId,
    });
  } catch (error) {
    if (isDuplicateKey(error)) return { created: false, item: current };
    throw error;
  }
  // Re-sending the same answer keeps a pass; after a send-back it is a new answer to look at (the web page
  // itself may have been fixed), so it gets a new version and waits for review again.
  const keepsPass = sameAnswer(answer, current.answer) && oitState(current) === 'approved';
  const version = keepsPass ? current.answer!.version : sourceEventId;
  const next: OitAnswer = { ...answer, version, answeredBy: by.lineUserId, answeredByName: by.displayName, answeredAt: at };
  const set: Record<string, unknown> = { answer: next };
  if (current.answer?.url !== answer.url) Object.assign(set, { urlCheck: null, brokenSince: null });
  // Only forward: an older confirmation processed late does not overwrite a newer answer.
  await OitItemModel.updateOne({ _id: itemId, $or: [{ answer: null }, { 'answer.answeredAt': { $lte: at } }] }, { $set: set });
  return { created: true, item: (await findOitItem(orgId, itemId))! };
}

/**
 * Records the reviewer's decision on the answer version they saw. When the answer has changed since, nothing
 * is written and 'changed' is returned; a decision written in a race with a new answer names the old version
 * and so counts for nothing (`oitState`).
 */
export async function reviewOitItem(orgId: string, itemId: string, review: OitReview): Promise<'saved' | 'changed' | 'missing'> {
  const item = await findOitItem(orgId, itemId);
  if (!item) return 'missing';
  if (!item.answer || item.answer.version !== review.version) return 'changed';
  await OitItemModel.updateOne({ _id: itemId, orgId }, { $set: { review } });
  return 'saved';
}

/** The result of checking an item's published address, and when its current breakage began (null: none). */
export async function recordUrlCheck(itemId: string, check: UrlCheck, brokenSince: Date | null): Promise<void> {
  // Only while the address checked is still the answer's: a new address starts afresh.
  await OitItemModel.updateOne({ _id: itemId, 'answer.url': check.url }, { $set: { urlCheck: check, brokenSince } });
}

/** The fiscal year whose OIT list is being worked on: the newest one imported; null before any import. */
export async function latestOitYear(orgId: string): Promise<number | null> {
  const doc = await OitItemModel.findOne({ orgId }).sort({ fiscalYear: -1 }).select('fiscalYear').lean();
  return doc?.fiscalYear ?? null;
}

/** What a plan row naming an OIT item gives that item (seed 000's OIT rows). */
export interface PlanOitRow {
  fiscalYear: number;
  code: string;
  number: number;
  title: string;
  responsibleUnits: string[];
  assignees: string[];
  guideline: string | null;
  periodText: string;
}

/**
 * Writes a plan row onto the year's OIT item of its code, the one record of that item: the guideline and its
 * period always; the title, indicator and owners only when the list has no such item yet (the OIT import
 * then updates it by code, as any item). A changed guideline or period of an existing item is recorded in
 * `measure_changes` as a plan re-import records its own. Returns whether the item was new.
 */
export async function saveOitItemFromPlan(orgId: string, { row, by, at }: { row: PlanOitRow; by: string; at: Date }): Promise<{ created: boolean }> {
  const key = { orgId, fiscalYear: row.fiscalYear, code: row.code };
  const set = { guideline: row.guideline, guidelinePeriod: row.periodText || null };
  const onInsert = { number: row.number, title: row.title, description: '', indicator: oitIndicatorOfNumber(row.number), responsibleUnits: row.responsibleUnits, assignees: row.assignees };
  const write = () => OitItemModel.findOneAndUpdate(key, { $set: set, $setOnInsert: onInsert }, { upsert: true, new: false }).lean();
  // Two upserts of one new item at once (two instances moving two plan items naming it): one inserts, the
  // other's insert fails on the unique key and, tried again, finds the item.
  const before = await write().catch((error: unknown) => {
    if (isDuplicateKey(error)) return write();
    throw error;
  });
  if (!before) return { created: true };
  const changes = (
    [
      ['guideline', before.guideline ?? '', set.guideline ?? ''],
      ['period', before.guidelinePeriod ?? '', set.guidelinePeriod ?? ''],
    ] as const
  ).filter(([, was, now]) => was !== now);
  if (changes.length > 0) {
    await MeasureChangeModel.insertMany(changes.map(([field, was, now]) => ({ orgId, measureId: before._id, code: row.code, field, before: was, after: now, by, at, source: 'import' })));
  }
  return { created: false };
}

