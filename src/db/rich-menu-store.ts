import type { RichMenuIds } from '../domain/rich-menus.js';
import { insertUnique } from './lease.js';
import { RichMenuClaimModel, RichMenuSetModel } from './models/rich-menu-set.js';

/** LINE's rich menu ids of the organisation's last install; null when menus were never installed. */
export async function installedRichMenus(orgId: string): Promise<RichMenuIds | null> {
  const doc = await RichMenuSetModel.findById(orgId).lean();
  if (!doc?.menus) return null;
  const { citizen, officer, handler, executive, admin } = doc.menus;
  // An install made before admins had a menu of their own: they keep the executive menu, as then, until the next install.
  return { citizen, officer, handler, executive, admin: admin ?? executive };
}

/** The hash of the definitions last installed for the organisation: null when unknown, undefined when never installed. */
export async function installedRichMenuHash(orgId: string): Promise<string | null | undefined> {
  const doc = await RichMenuSetModel.findById(orgId, { definitionsHash: 1 }).lean();
  return doc ? (doc.definitionsHash ?? null) : undefined;
}

/** Records a new install in place of the last one, and returns the last one (its menus are now unused). */
export async function saveRichMenus(orgId: string, menus: RichMenuIds, installedAt = new Date(), definitionsHash: string | null = null): Promise<RichMenuIds | null> {
  const previous = await installedRichMenus(orgId);
  await RichMenuSetModel.replaceOne({ _id: orgId }, { orgId, menus, installedAt, definitionsHash }, { upsert: true });
  return previous;
}

const insertClaim = insertUnique<{ _id: string; orgId: string; owner: string; claimedAt: Date }>(RichMenuClaimModel);

/**
 * Claims the install of `hash`'s menus for the organisation; true for exactly one of several instances. A claim
 * older than `leaseSeconds` (its instance died mid-install, or the same files were installed long ago and other
 * ones since) is deleted and claimed again, by one instance: the delete names the old claim's time.
 */
export async function claimRichMenuInstall(orgId: string, hash: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean> {
  const _id = `${orgId}#${hash}`;
  if (await insertClaim({ _id, orgId, owner, claimedAt: now })) return true;
  const old = await RichMenuClaimModel.findById(_id).lean();
  if (!old || old.claimedAt.getTime() > now.getTime() - leaseSeconds * 1000) return false;
  const { deletedCount } = await RichMenuClaimModel.deleteOne({ _id, claimedAt: old.claimedAt });
  return deletedCount === 1 && (await insertClaim({ _id, orgId, owner, claimedAt: now }));
}

/** Gives a claim back after its install failed, so that the next start tries again. */
export async function releaseRichMenuClaim(orgId: string, hash: string, owner: string): Promise<void> {
  await RichMenuClaimModel.deleteOne({ _id: `${orgId}#${hash}`, owner });
}
