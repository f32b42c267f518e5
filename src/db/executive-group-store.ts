import { addMinutes } from 'date-fns';
import type { AuditActor } from '../domain/admin-audit.js';
import { GROUP_LINK_CODE_MINUTES, type ExecutiveGroup, type GroupLinkResult } from '../domain/executive-group.js';
import { GROUP_CHOICE_TH, groupChoiceOf, NEW_LINK_CHOICE, type GroupChoice } from '../domain/executive-group-choice.js';
import { recordAudit } from './admin-audit-store.js';
import { newCode, normaliseCode } from './invite-store.js';
import { isDuplicateKey } from './is-duplicate-key.js';
import { ExecutiveGroupModel, GroupLinkCodeModel, GroupLinkRedemptionModel } from './models/executive-group.js';

/**
 * A one-time code for linking a group, given to an executive (by their user key). A retry of the event that
 * asked for it gets the same code, so that the code the executive reads is the one stored.
 */
export async function issueGroupLinkCode(orgId: string, { issuedToKey, eventId, now }: { issuedToKey: string; eventId: string; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const earlier = await GroupLinkCodeModel.findOne({ orgId, eventId }).lean();
  if (earlier) return { code: earlier._id.slice(orgId.length + 1), expiresAt: earlier.expiresAt };
  const expiresAt = addMinutes(now, GROUP_LINK_CODE_MINUTES);
  for (;;) {
    const code = newCode();
    try {
      await GroupLinkCodeModel.create({ _id: `${orgId}:${code}`, orgId, eventId, issuedToKey, expiresAt, createdAt: now });
      return { code, expiresAt };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

export interface GroupLinkRequest {
  rawCode: string;
  groupId: string;
  groupKey: string;
  /** The executive who sent the code in the group (checked by the caller). */
  byKey: string;
  eventId: string;
}

/**
 * Links the group with a code of this organisation: a code of another organisation is simply unknown here.
 * The redemption insert makes the code single-use; a retry of the same event finds its own redemption and
 * finishes the link. Returns whether another group was linked before (it no longer hears the jobs).
 */
export async function linkGroupWithCode(orgId: string, request: GroupLinkRequest, now: Date): Promise<{ result: GroupLinkResult; replaced: boolean }> {
  const id = `${orgId}:${normaliseCode(request.rawCode)}`;
  const code = await GroupLinkCodeModel.findOne({ _id: id, orgId }).lean();
  if (!code) return { result: 'unknown', replaced: false };
  const used = await GroupLinkRedemptionModel.findById(id).lean();
  if (used && used.eventId !== request.eventId) return { result: 'used', replaced: false };
  if (!used) {
    if (code.expiresAt <= now) return { result: 'expired', replaced: false };
    try {
      await GroupLinkRedemptionModel.create({ _id: id, orgId, eventId: request.eventId, groupKey: request.groupKey, usedAt: now });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await GroupLinkRedemptionModel.findById(id).lean();
      if (winner?.eventId !== request.eventId) return { result: 'used', replaced: false };
    }
  }
  const before = await ExecutiveGroupModel.findById(orgId).lean();
  const replaced = !!before && before.groupKey !== request.groupKey && before.eventId !== request.eventId;
  // The same group linked again keeps what it receives; another group starts with the summary only.
  const receives = before && before.groupKey === request.groupKey ? groupChoiceOf(before.receives) : NEW_LINK_CHOICE;
  await ExecutiveGroupModel.replaceOne(
    { _id: orgId },
    { orgId, groupId: request.groupId, groupKey: request.groupKey, linkedByKey: request.byKey, eventId: request.eventId, linkedAt: used?.usedAt ?? now, receives },
    { upsert: true },
  );
  return { result: 'linked', replaced };
}

/** The organisation's linked group, if any. */
export async function linkedGroup(orgId: string): Promise<ExecutiveGroup | null> {
  const doc = await ExecutiveGroupModel.findById(orgId).lean();
  return doc ? { groupId: doc.groupId, groupKey: doc.groupKey, choice: groupChoiceOf(doc.receives) } : null;
}

/** Every organisation's linked group in one read, for a job run across a whole deployment. */
export async function linkedGroupsByOrganisation(): Promise<(orgId: string) => ExecutiveGroup | null> {
  const byOrg = new Map((await ExecutiveGroupModel.find({}).lean()).map((d) => [d._id, { groupId: d.groupId, groupKey: d.groupKey, choice: groupChoiceOf(d.receives) }]));
  return (orgId) => byOrg.get(orgId) ?? null;
}

/**
 * Sets what the linked group receives, and writes the change to the management log. Null when no group is
 * linked; `changed` is false when it already received that.
 */
export async function chooseGroupReceives(orgId: string, choice: GroupChoice, actor: AuditActor, now: Date): Promise<{ before: GroupChoice; changed: boolean } | null> {
  const doc = await ExecutiveGroupModel.findById(orgId).lean();
  if (!doc) return null;
  const before = groupChoiceOf(doc.receives);
  if (before === choice) return { before, changed: false };
  await ExecutiveGroupModel.updateOne({ _id: orgId, groupKey: doc.groupKey }, { $set: { receives: choice } });
  await recordAudit(orgId, { action: 'settings.change', actor, subject: 'สิ่งที่กลุ่มผู้บริหารได้รับ', before: GROUP_CHOICE_TH[before].name, after: GROUP_CHOICE_TH[choice].name }, now);
  return { before, changed: true };
}

/**
 * Unlinks the organisation's group; with `groupKey`, only if that group is the linked one (the bot left a
 * group, or was told to unlink in it). Returns whether a group was unlinked; repeating it is harmless.
 */
export async function unlinkGroup(orgId: string, groupKey?: string): Promise<boolean> {
  const { deletedCount } = await ExecutiveGroupModel.deleteOne({ _id: orgId, ...(groupKey ? { groupKey } : {}) });
  return deletedCount > 0;
}

/**
 * Stands in for a TTL index (FerretDB has none): deletes the codes that expired before `expiredBefore`, used
 * or not, with their redemptions. The redemptions go first: a code left without its redemption by a crash in
 * between is past its expiry, so it still cannot link anything. Returns how many codes were deleted.
 */
export async function pruneGroupLinkCodes(expiredBefore: Date): Promise<number> {
  const ids = (await GroupLinkCodeModel.find({ expiresAt: { $lt: expiredBefore } }, { _id: 1 }).lean()).map((c) => c._id);
  if (ids.length === 0) return 0;
  await GroupLinkRedemptionModel.deleteMany({ _id: { $in: ids } });
  const { deletedCount } = await GroupLinkCodeModel.deleteMany({ _id: { $in: ids } });
  return deletedCount;
}
