import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimRichMenuInstall, installedRichMenuHash, releaseRichMenuClaim } from '../db/rich-menu-store.js';
import { readRichMenus } from '../line/rich-menu.js';
import type { Logger } from '../log.js';
import { installRichMenus, publicPageUrl, type InstallRichMenusDeps } from './install-rich-menus.js';
import { richMenuSetHash } from './rich-menu-hash.js';

/** The menus the app ships (`rich-menu/` beside `src/` and `dist/`; the Docker image copies it there too). */
export const SHIPPED_RICH_MENU_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../rich-menu');

/** How long an instance's claim to install holds before another may take the install over. */
const CLAIM_LEASE_SECONDS = 10 * 60;

export type ReinstallOutcome = 'never-installed' | 'unchanged' | 'installed' | 'claimed-elsewhere' | 'failed';

export interface ReinstallDeps {
  /** Every organisation whose channel this instance serves, with what installing on it needs. */
  organisations: readonly Omit<InstallRichMenusDeps, 'log'>[];
  dir?: string;
  /** This instance, for the claim. */
  owner: string;
  log: Logger;
  now?: () => Date;
}

/**
 * At start-up: each organisation whose menus were installed before gets the shipped menus again when they differ
 * from what was installed (a new release changed a tile or a picture, or PUBLIC_BASE_URL moved), and its staff
 * are moved onto them (`installRichMenus` relinks). Of several instances starting together one installs (a claim
 * per organisation and hash). Organisations never installed are left to `cli rich-menu` and the onboarding page.
 * Never throws: the menus are a convenience, and the bot must start without them.
 */
export async function reinstallChangedMenus(deps: ReinstallDeps): Promise<Record<string, ReinstallOutcome>> {
  const dir = deps.dir ?? SHIPPED_RICH_MENU_DIR;
  const now = deps.now ?? (() => new Date());
  const outcomes: Record<string, ReinstallOutcome> = {};
  for (const org of deps.organisations) {
    let hash: string | undefined;
    try {
      const installed = await installedRichMenuHash(org.orgId);
      if (installed === undefined) {
        outcomes[org.orgId] = 'never-installed';
        continue;
      }
      hash = richMenuSetHash(await readRichMenus(dir, publicPageUrl(org.config, org.orgId)));
      if (installed === hash) {
        outcomes[org.orgId] = 'unchanged';
        continue;
      }
      if (!(await claimRichMenuInstall(org.orgId, hash, deps.owner, now(), CLAIM_LEASE_SECONDS))) {
        outcomes[org.orgId] = 'claimed-elsewhere';
        continue;
      }
      const result = await installRichMenus({ ...org, log: deps.log }, dir, now());
      deps.log.info({ orgId: org.orgId, relinked: result.relinked, relinkFailed: result.relinkFailed, removed: result.removed }, 'rich menus changed: installed again');
      outcomes[org.orgId] = 'installed';
    } catch (error) {
      deps.log.warn({ orgId: org.orgId, err: error }, 'rich menus not installed again; the next start tries again');
      if (hash) await releaseRichMenuClaim(org.orgId, hash, deps.owner).catch(() => undefined);
      outcomes[org.orgId] = 'failed';
    }
  }
  return outcomes;
}
