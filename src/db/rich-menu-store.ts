import type { RichMenuIds } from '../domain/rich-menus.js';
import { RichMenuSetModel } from './models/rich-menu-set.js';

/** LINE's rich menu ids of the organisation's last install; null when menus were never installed. */
export async function installedRichMenus(orgId: string): Promise<RichMenuIds | null> {
  const doc = await RichMenuSetModel.findById(orgId).lean();
  if (!doc?.menus) return null;
  const { citizen, officer, handler, executive, admin } = doc.menus;
  // An install made before admins had a menu of their own: they keep the executive menu, as then, until the next install.
  return { citizen, officer, handler, executive, admin: admin ?? executive };
}

/** Records a new install in place of the last one, and returns the last one (its menus are now unused). */
export async function saveRichMenus(orgId: string, menus: RichMenuIds, installedAt = new Date()): Promise<RichMenuIds | null> {
  const previous = await installedRichMenus(orgId);
  await RichMenuSetModel.replaceOne({ _id: orgId }, { orgId, menus, installedAt }, { upsert: true });
  return previous;
}
