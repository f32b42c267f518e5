import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedRichMenus } from '../../src/db/rich-menu-store.js';
import { RICH_MENUS } from '../../src/domain/rich-menus.js';
import { createLineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { installRichMenus } from '../../src/menus/install-rich-menus.js';
import { reinstallChangedMenus, SHIPPED_RICH_MENU_DIR } from '../../src/menus/reinstall-changed-menus.js';
import { addStaff } from '../support/fixtures.js';
import { withOwnDatabaseAndLine } from '../support/cli.js';

/**
 * A release that changes a menu's tiles or picture reaches LINE without an operator: at start-up each organisation
 * whose installed menus differ from the shipped files gets them again, and its staff are moved onto them, once
 * however many instances start; unchanged menus cost nothing.
 */
const ORG = 'reinstall-org';
const OFFICER = 'Ureinstall00000000000000000000001';
const silent = createLogger('silent');
const own = withOwnDatabaseAndLine();

const config = () => ({ LINE_CHANNEL_ACCESS_TOKEN: own.line().accessToken, LINE_API_BASE_URL: own.line().url, LINE_DATA_API_BASE_URL: own.line().url, PUBLIC_BASE_URL: 'https://prongsai.example.go.th', LINE_REQUEST_TIMEOUT_MS: 3000 });
const organisation = () => ({ orgId: ORG, config: config(), line: createLineClient(config()) });
const created = () => own.line().requests.filter((r) => r.method === 'POST' && r.path === '/v2/bot/richmenu' && r.status === 200).length;

/** The shipped menus as an earlier release had them: one tile's words differ. */
function olderRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-old-menus-'));
  cpSync(SHIPPED_RICH_MENU_DIR, dir, { recursive: true });
  const officer = join(dir, 'officer.json');
  writeFileSync(officer, readFileSync(officer, 'utf8').replace('"chatBarText": "เมนูโปร่งใส"', '"chatBarText": "เมนูเดิม"'));
  return dir;
}


describe('rich menus installed again when their files change', () => {
  it('never-installed organisations are left alone', async () => {
    expect(await reinstallChangedMenus({ organisations: [organisation()], owner: 'instance-a', log: silent })).toEqual({ [ORG]: 'never-installed' });
    expect(created()).toBe(0);
  });

  it('changed definitions: installed once although two instances start together, staff moved onto the new menus, the old ones deleted; unchanged: nothing', async () => {
    const old = await installRichMenus({ orgId: ORG, config: config(), line: createLineClient(config()), log: silent }, olderRelease());
    await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง');
    await createLineClient(config()).linkRichMenu(OFFICER, old.menus.officer);
    own.line().reset();

    const [a, b] = await Promise.all([
      reinstallChangedMenus({ organisations: [organisation()], owner: 'instance-a', log: silent }),
      reinstallChangedMenus({ organisations: [organisation()], owner: 'instance-b', log: silent }),
    ]);
    expect([a[ORG], b[ORG]].sort()).toEqual(['claimed-elsewhere', 'installed']);
    expect(created()).toBe(RICH_MENUS.length);
    const now = (await installedRichMenus(ORG))!;
    expect(now.officer).not.toBe(old.menus.officer);
    expect(own.line().richMenus.get(now.officer)!.definition.chatBarText).toBe('เมนูโปร่งใส');
    expect(own.line().richMenuOf(OFFICER)).toBe(now.officer);
    for (const id of Object.values(old.menus)) expect(own.line().richMenus.has(id)).toBe(false);

    own.line().reset();
    expect(await reinstallChangedMenus({ organisations: [organisation()], owner: 'instance-c', log: silent })).toEqual({ [ORG]: 'unchanged' });
    expect(own.line().requests).toEqual([]);
  });

  it('a new PUBLIC_BASE_URL counts as a change (the public page tile opens it); a failed install is tried again by the next start', async () => {
    own.line().reset();
    const moved = { ...organisation(), config: { ...config(), PUBLIC_BASE_URL: 'https://new.example.go.th' } };
    own.line().failNext(500, { pathPrefix: '/v2/bot/richmenu' });
    expect(await reinstallChangedMenus({ organisations: [moved], owner: 'instance-a', log: silent })).toEqual({ [ORG]: 'failed' });
    expect(await reinstallChangedMenus({ organisations: [moved], owner: 'instance-b', log: silent })).toEqual({ [ORG]: 'installed' });
    const citizen = own.line().richMenus.get((await installedRichMenus(ORG))!.citizen)!.definition;
    expect(JSON.stringify(citizen)).toContain('https://new.example.go.th/public/reinstall-org');
  });
});
