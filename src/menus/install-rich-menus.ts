import type { Config } from '../config.js';
import { saveRichMenus } from '../db/rich-menu-store.js';
import { listStaff } from '../db/staff-store.js';
import type { RichMenuIds } from '../domain/rich-menus.js';
import type { LineClient } from '../line/client.js';
import { createRichMenus, deleteRichMenus, readRichMenus } from '../line/rich-menu.js';
import type { Logger } from '../log.js';
import { applyRichMenu } from './apply-rich-menu.js';
import { richMenuSetHash } from './rich-menu-hash.js';

export interface InstallRichMenusDeps {
  orgId: string;
  config: Pick<Config, 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL' | 'PUBLIC_BASE_URL'>;
  line: Pick<LineClient, 'linkRichMenu' | 'unlinkRichMenu'>;
  log?: Logger;
}

export interface InstallResult {
  menus: RichMenuIds;
  /** Active staff given the new menu of their roles, and those LINE refused (they see the citizen menu). */
  relinked: number;
  relinkFailed: number;
  /** Menus of the previous install deleted on LINE, and those that could not be. */
  removed: number;
  removeFailed: number;
}

/** The public page the citizen menu opens; without PUBLIC_BASE_URL, the local default (`npm start`'s port). */
export function publicPageUrl(config: Pick<Config, 'PUBLIC_BASE_URL'>, orgId: string): string {
  return `${config.PUBLIC_BASE_URL ?? 'http://localhost:3000'}/public/${orgId}`;
}

/**
 * Installs every rich menu of `dir` on LINE (`citizen` the default) and records their ids for the
 * organisation, so the bot can link a person's menu later (`applyRichMenu`). A re-install replaces the
 * record, moves every active staff member to the new menu of their roles, and then deletes the previous
 * menus: staff are moved first, because LINE drops the links to a deleted menu.
 */
export async function installRichMenus(deps: InstallRichMenusDeps, dir: string, now = new Date()): Promise<InstallResult> {
  const sources = await readRichMenus(dir, publicPageUrl(deps.config, deps.orgId));
  const menus = await createRichMenus(deps.config, sources);
  const previous = await saveRichMenus(deps.orgId, menus, now, richMenuSetHash(sources));
  let relinked = 0;
  let relinkFailed = 0;
  for (const person of await listStaff(deps.orgId)) {
    if (!person.active) continue;
    const outcome = await applyRichMenu(deps, person.lineUserId, person.roles);
    if (outcome.result === 'failed') relinkFailed++;
    else relinked++;
  }
  // Once each: an install from before the admin menu reads the executive menu's id for admins too.
  const unused = previous ? [...new Set(Object.values(previous))].filter((id) => !Object.values(menus).includes(id)) : [];
  const { deleted, failed } = await deleteRichMenus(deps.config, unused);
  return { menus, relinked, relinkFailed, removed: deleted, removeFailed: failed };
}
