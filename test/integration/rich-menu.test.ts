import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { installedRichMenus } from '../../src/db/rich-menu-store.js';
import { FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { RICH_MENUS, type RichMenuIds } from '../../src/domain/rich-menus.js';
import type { StaffRole } from '../../src/domain/roles.js';
import { createLineClient, type LineClient } from '../../src/line/client.js';
import { RichMenuSourceError } from '../../src/line/rich-menu.js';
import { createLogger } from '../../src/log.js';
import { applyRichMenu } from '../../src/menus/apply-rich-menu.js';
import { installRichMenus } from '../../src/menus/install-rich-menus.js';
import { ADMIN_COMMANDS } from '../../src/features/manage/words.js';
import { RichMenuSetModel } from '../../src/db/models/rich-menu-set.js';
import { FakeLine } from '../support/fake-line.js';
import { addStaff } from '../support/fixtures.js';
import { cliEnv as sharedCliEnv, runCliHere } from '../support/cli.js';
import { connectTestDatabase } from '../support/harness.js';

const ORG = 'menu-org';
let db: Awaited<ReturnType<typeof connectTestDatabase>>;
let fake: FakeLine;
let line: LineClient;

/** What the code logged, as text, to check it never names a person. */
function capturedLog(level = 'debug') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger(level, stream), text: () => lines.join('') };
}

const lineConfig = () => ({ LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url });
const silent = createLogger('silent');
const deps = () => ({ orgId: ORG, line, log: silent });

const cliEnv = () => sharedCliEnv(db.dbName, ORG, fake);
const cli = (...args: string[]) => runCliHere(cliEnv(), ...args);

/** Width and height from a PNG's header. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

beforeAll(async () => {
  db = await connectTestDatabase();
  fake = await new FakeLine().start();
  line = createLineClient({ ...lineConfig(), LINE_REQUEST_TIMEOUT_MS: 3000 });
});
afterAll(async () => {
  await fake?.stop();
  await db?.close();
});
beforeEach(() => fake.reset());

describe('rich menus in the repo', () => {
  it.each(RICH_MENUS)('%s: tap areas inside the picture, Thai labels LINE accepts, each sending a command the bot knows', (name) => {
    const definition = JSON.parse(readFileSync(`rich-menu/${name}.json`, 'utf8'));
    const picture = readFileSync(`rich-menu/${name}.png`);
    expect(pngSize(picture)).toEqual(definition.size);
    expect([1686, 843]).toContain(definition.size.height);
    expect(picture.length).toBeLessThan(1024 * 1024);
    expect(definition.chatBarText.length).toBeLessThanOrEqual(14);
    expect(definition.chatBarText).toMatch(/^[\u0E00-\u0E7F]+$/);
    let covered = 0;
    for (const { bounds, action } of definition.areas) {
      expect(bounds.x + bounds.width).toBeLessThanOrEqual(definition.size.width);
      expect(bounds.y + bounds.height).toBeLessThanOrEqual(definition.size.height);
      covered += bounds.width * bounds.height;
      expect(action.label.length).toBeLessThanOrEqual(20);
      expect(action.label).toMatch(/^[\u0E00-\u0E7F ]+$/);
      // A tile sends a command the bot knows, or opens the public page (the only web tile).
      if (action.type === 'uri') expect(action.uri).toBe('{{PUBLIC_PAGE}}');
      // The admin commands of issue 24's other parts are checked against their owners in rich-menu-files.test.ts.
      else if (!([ADMIN_COMMANDS.importFile, ADMIN_COMMANDS.invite, ADMIN_COMMANDS.staff, ADMIN_COMMANDS.settings] as string[]).includes(action.text)) {
        expect(understand(FEATURES, { kind: 'text', text: action.text }, true), action.text).not.toBeNull();
      }
      expect(['message', 'uri']).toContain(action.type);
    }
    // Tiles cover the picture exactly (areas do not overlap, so the sums match only without gaps).
    expect(covered).toBe(definition.size.width * definition.size.height);
    expect(definition.areas.at(-1).action.text).toBe('ช่วยเหลือ');
  });

  it('give each kind of person the commands of their role: the citizen menu the public page, every menu help last', () => {
    const commands = (name: string) => JSON.parse(readFileSync(`rich-menu/${name}.json`, 'utf8')).areas.map((a: any) => a.action.text ?? a.action.uri);
    expect(commands('citizen')).toContain('{{PUBLIC_PAGE}}');
    for (const name of RICH_MENUS) expect(commands(name).at(-1)).toBe('ช่วยเหลือ');
    // The admin's menu: the home card first, every admin command, the summary an admin-executive asks for most.
    expect(commands('admin')).toEqual(['จัดการ', 'นำเข้าไฟล์', 'เชิญเจ้าหน้าที่', 'เจ้าหน้าที่', 'ตั้งค่า', 'บันทึกการจัดการ', 'สรุป', 'ช่วยเหลือ']);
    // Each tile's command is its declaring feature's, for the people the menu is linked to: test/unit/rich-menu-files.test.ts.
  });
});

describe('before the menus are installed', () => {
  it('applyRichMenu leaves everyone as they are, says so at debug level only, and calls LINE not at all', async () => {
    const { log, text } = capturedLog();
    expect(await applyRichMenu({ orgId: ORG, line, log }, 'U-early-officer', ['officer'])).toEqual({ result: 'not-installed' });
    expect(fake.requests).toEqual([]);
    expect(text()).toContain('"level":20');
    expect(text()).not.toContain('U-early-officer');
  });
});

describe('installing (npm run cli -- rich-menu)', () => {
  let first: RichMenuIds;

  it('creates the five menus, uploads their pictures, makes the citizen menu the default and records the ids', async () => {
    await addStaff(ORG, 'U-installed-officer', ['officer'], 'กองคลัง');
    const { stdout } = await cli('rich-menu');
    expect(stdout).toContain('สร้างเมนูลัดแล้ว');
    expect(stdout).toContain('เจ้าหน้าที่ 1 คน');

    const stored = await installedRichMenus(ORG);
    expect(stored).not.toBeNull();
    first = stored!;
    expect(new Set(Object.values(first)).size).toBe(5);
    expect(fake.accepted('/v2/bot/richmenu/validate')).toHaveLength(5);
    expect(fake.accepted('/v2/bot/richmenu')).toHaveLength(5);
    expect(stdout).toContain(`เมนูผู้ดูแลระบบ: ${first.admin}`);
    for (const name of RICH_MENUS) {
      const menu = fake.richMenus.get(first[name])!;
      // The web tile gets this deployment's address (PUBLIC_BASE_URL, http://localhost:3000 in the test's CLI).
      expect(menu.definition).toEqual(JSON.parse(readFileSync(`rich-menu/${name}.json`, 'utf8').replace('{{PUBLIC_PAGE}}', `http://localhost:3000/public/${ORG}`)));
      expect(Buffer.compare(menu.image!, readFileSync(`rich-menu/${name}.png`))).toBe(0);
      const [upload] = fake.accepted(`/v2/bot/richmenu/${first[name]}/content`);
      expect(upload!.headers['content-type']).toBe('image/png');
    }
    expect(fake.defaultRichMenuId).toBe(first.citizen);
    expect(fake.richMenuOf('U-someone-new')).toBe(first.citizen);
    // Staff linked before the install get their menu with it.
    expect(fake.richMenuOf('U-installed-officer')).toBe(first.officer);
  }, 60_000);

  it('again: replaces the record, moves active staff to the new menus, then deletes the old menus on LINE', async () => {
    await addStaff(ORG, 'U-installed-handler', ['integrity_officer'], null);
    await addStaff(ORG, 'U-gone', ['executive'], null);
    await addStaff(ORG, 'U-installed-admin', ['admin', 'executive'], null);
    await StaffModel.updateOne({ _id: staffId(ORG, 'U-gone') }, { $set: { active: false } });
    const result = await installRichMenus({ ...deps(), config: lineConfig() }, 'rich-menu');
    expect(result).toMatchObject({ relinked: 3, relinkFailed: 0, removed: 5, removeFailed: 0 });
    expect(await installedRichMenus(ORG)).toEqual(result.menus);
    for (const name of RICH_MENUS) expect(result.menus[name]).not.toBe(first[name]);
    expect([...fake.richMenus.keys()].sort()).toEqual(Object.values(result.menus).sort());
    expect(fake.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v2/bot/richmenu/')).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(fake.defaultRichMenuId).toBe(result.menus.citizen);
    expect(fake.richMenuOf('U-installed-officer')).toBe(result.menus.officer);
    expect(fake.richMenuOf('U-installed-handler')).toBe(result.menus.handler);
    expect(fake.richMenuOf('U-installed-admin')).toBe(result.menus.admin);
    expect(fake.linkedRichMenus.has('U-gone')).toBe(false);
    // Link first, delete after: nobody was left on a deleted menu in between.
    const lastLink = fake.requests.findLastIndex((r) => r.method === 'POST' && /^\/v2\/bot\/user\/U-/.test(r.path));
    const firstDelete = fake.requests.findIndex((r) => r.method === 'DELETE');
    expect(lastLink).toBeLessThan(firstDelete);
  });

  it('calls LINE not at all when a picture does not fit its definition', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rich-menu-'));
    for (const name of RICH_MENUS) for (const ext of ['json', 'png']) copyFileSync(`rich-menu/${name}.${ext}`, join(dir, `${name}.${ext}`));
    const small = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(small);
    small.writeUInt32BE(1200, 16);
    small.writeUInt32BE(810, 20);
    writeFileSync(join(dir, 'handler.png'), small);
    await expect(installRichMenus({ ...deps(), config: lineConfig() }, dir)).rejects.toThrow(RichMenuSourceError);
    await expect(installRichMenus({ ...deps(), config: lineConfig() }, dir)).rejects.toThrow('handler.png มีขนาด 1200×810 แต่ handler.json กำหนด 2500×1686');
    expect(fake.requests).toEqual([]);
  });

  it('creates nothing when a definition is rejected, and keeps the installed menus', async () => {
    const before = await installedRichMenus(ORG);
    fake.failNext(400, { pathPrefix: '/v2/bot/richmenu/validate', message: 'invalid area' });
    await expect(installRichMenus({ ...deps(), config: lineConfig() }, 'rich-menu')).rejects.toThrow();
    expect(fake.requests.filter((r) => r.path === '/v2/bot/richmenu')).toEqual([]);
    expect(await installedRichMenus(ORG)).toEqual(before);
  });

  it('deletes the menu it created when a picture upload fails, and keeps the installed menus', async () => {
    const before = (await installedRichMenus(ORG))!;
    const menusBefore = [...fake.richMenus.keys()].sort();
    fake.failNext(500, { pathPrefix: '/v2/bot/richmenu/richmenu-' });
    await expect(installRichMenus({ ...deps(), config: lineConfig() }, 'rich-menu')).rejects.toThrow();
    const [upload] = fake.requests.filter((r) => r.path.endsWith('/content'));
    expect(upload!.status).toBe(500);
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => `${r.path} ${r.status}`)).toEqual([`${upload!.path.replace(/\/content$/, '')} 200`]);
    expect([...fake.richMenus.keys()].sort()).toEqual(menusBefore);
    expect(await installedRichMenus(ORG)).toEqual(before);
    expect(fake.defaultRichMenuId).toBe(before.citizen);
  });
});

describe('applyRichMenu, once installed', () => {
  let menus: RichMenuIds;
  beforeAll(async () => {
    menus = (await installedRichMenus(ORG))!;
  });

  it.each<[StaffRole[], 'officer' | 'handler' | 'executive' | 'admin']>([
    [['officer'], 'officer'],
    [['complaint_officer'], 'handler'],
    [['integrity_officer'], 'handler'],
    [['executive'], 'executive'],
    [['admin'], 'admin'],
    [['officer', 'complaint_officer'], 'handler'],
    [['executive', 'officer'], 'officer'],
    [['admin', 'integrity_officer'], 'handler'],
    [['executive', 'admin'], 'admin'],
    [['admin', 'officer'], 'officer'],
  ])('links %j to the %s menu', async (roles, menu) => {
    const userId = `U-${roles.join('-')}`;
    expect(await applyRichMenu(deps(), userId, roles)).toEqual({ result: 'linked', menu });
    expect(fake.richMenuOf(userId)).toBe(menus[menu]);
    expect(fake.accepted(`/v2/bot/user/${userId}/richmenu/${menus[menu]}`)).toHaveLength(1);
  });

  it('links an admin to the executive menu while the installed set predates the admin menu, as before', async () => {
    const { admin: _admin, ...older } = menus;
    await RichMenuSetModel.replaceOne({ _id: ORG }, { orgId: ORG, menus: older, installedAt: new Date() });
    try {
      expect(await applyRichMenu(deps(), 'U-early-admin', ['admin'])).toEqual({ result: 'linked', menu: 'admin' });
      expect(fake.richMenuOf('U-early-admin')).toBe(menus.executive);
    } finally {
      await RichMenuSetModel.replaceOne({ _id: ORG }, { orgId: ORG, menus, installedAt: new Date() });
    }
  });

  it('installing over a set from before the admin menu gives admins theirs and deletes each old menu once', async () => {
    const { admin: _admin, ...older } = menus;
    await RichMenuSetModel.replaceOne({ _id: ORG }, { orgId: ORG, menus: older, installedAt: new Date() });
    await addStaff(ORG, 'U-upgraded-admin', ['admin'], null);
    const result = await installRichMenus({ ...deps(), config: lineConfig() }, 'rich-menu');
    expect(result).toMatchObject({ removed: 4, removeFailed: 0 });
    expect(fake.richMenuOf('U-upgraded-admin')).toBe(result.menus.admin);
    expect(fake.requests.filter((r) => r.method === 'DELETE' && r.path.startsWith('/v2/bot/richmenu/')).map((r) => r.path).sort()).toEqual(Object.values(older).map((id) => `/v2/bot/richmenu/${id}`).sort());
    menus = result.menus;
  });

  it('unlinks someone left with no staff role: they see the citizen menu again', async () => {
    await applyRichMenu(deps(), 'U-demoted', ['executive']);
    expect(fake.richMenuOf('U-demoted')).toBe(menus.executive);
    expect(await applyRichMenu(deps(), 'U-demoted', [])).toEqual({ result: 'unlinked' });
    expect(fake.linkedRichMenus.has('U-demoted')).toBe(false);
    expect(fake.richMenuOf('U-demoted')).toBe(menus.citizen);
  });

  it('survives LINE answering 500: a warning without the person in it, and nothing thrown', async () => {
    const { log, text } = capturedLog('warn');
    fake.failNext(500, { pathPrefix: '/v2/bot/user/' });
    expect(await applyRichMenu({ orgId: ORG, line, log }, 'U-unlucky-officer', ['officer'])).toEqual({ result: 'failed', menu: 'officer' });
    expect(fake.requests.map((r) => r.status)).toEqual([500]);
    expect(fake.linkedRichMenus.has('U-unlucky-officer')).toBe(false);
    expect(text()).toContain('rich menu not applied');
    expect(text()).toContain('"status":500');
    expect(text()).not.toContain('U-unlucky-officer');
  });

  it('survives LINE not answering at all (time-out)', async () => {
    const impatient = createLineClient({ ...lineConfig(), LINE_REQUEST_TIMEOUT_MS: 300 });
    const { log, text } = capturedLog('warn');
    fake.failNext(0, { pathPrefix: '/v2/bot/user/' });
    expect(await applyRichMenu({ orgId: ORG, line: impatient, log }, 'U-slow', [])).toEqual({ result: 'failed', menu: 'citizen' });
    expect(text()).toContain('timed out');
    expect(text()).not.toContain('U-slow');
  });
});

describe('npm run cli -- staff revoke', () => {
  it('ends staff access and gives the person the citizen menu back', async () => {
    const menus = (await installedRichMenus(ORG))!;
    await addStaff(ORG, 'U-leaving', ['officer', 'complaint_officer'], 'สำนักปลัด');
    await applyRichMenu(deps(), 'U-leaving', ['officer', 'complaint_officer']);
    expect(fake.richMenuOf('U-leaving')).toBe(menus.handler);

    const { stdout } = await cli('staff', 'revoke', staffId(ORG, 'U-leaving'));
    expect(stdout).toContain('เพิกถอนสิทธิ์แล้ว');
    expect(stdout).toContain('เมนูลัดของประชาชน');
    expect((await StaffModel.findById(staffId(ORG, 'U-leaving')).lean())!.active).toBe(false);
    expect(fake.accepted('/v2/bot/user/U-leaving/richmenu').map((r) => r.method)).toEqual(['DELETE']);
    expect(fake.richMenuOf('U-leaving')).toBe(menus.citizen);
  }, 60_000);

  it('still revokes when LINE fails, and says the menu is unchanged', async () => {
    await addStaff(ORG, 'U-leaving-too', ['executive'], null);
    await applyRichMenu(deps(), 'U-leaving-too', ['executive']);
    fake.failNext(500, { pathPrefix: '/v2/bot/user/' });
    const { stdout, stderr } = await cli('staff', 'revoke', staffId(ORG, 'U-leaving-too'));
    expect(stdout).toContain('เพิกถอนสิทธิ์แล้ว');
    expect(stderr).toContain('เปลี่ยนเมนูลัดของผู้ใช้นี้ไม่สำเร็จ');
    expect((await StaffModel.findById(staffId(ORG, 'U-leaving-too')).lean())!.active).toBe(false);
  }, 60_000);
});
