import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connectDatabase } from '../../src/db/connect.js';
import { installedRichMenus } from '../../src/db/rich-menu-store.js';
import { RICH_MENUS } from '../../src/domain/rich-menus.js';
import { createLineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { installRichMenus } from '../../src/menus/install-rich-menus.js';
import { SHIPPED_RICH_MENU_DIR } from '../../src/menus/reinstall-changed-menus.js';
import { startServer } from '../../src/server.js';
import { FakeLine } from '../support/fake-line.js';
import { addStaff } from '../support/fixtures.js';
import { connectTestDatabase, TEST_DATA_KEY } from '../support/harness.js';

/** The bot's own start does it: menus installed by an earlier release are installed again when the files changed. */
const ORG = 'start-org';
const HANDLER = 'Ustartup000000000000000000000001';
const BASE = 'https://prongsai.example.go.th';
let dbName: string;
let fake: FakeLine;

const lineConfig = () => ({ LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url, PUBLIC_BASE_URL: BASE, LINE_REQUEST_TIMEOUT_MS: 3000 });
const created = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/v2/bot/richmenu' && r.status === 200).length;

async function start() {
  const config = loadConfig({ ...lineConfig(), LINE_CHANNEL_SECRET: 'start-secret', DATA_ENCRYPTION_KEY: TEST_DATA_KEY, ORG_CODE: ORG, PORT: '0', LINE_REQUEST_TIMEOUT_MS: '3000' });
  return startServer(config, { mongoUri: inject('mongoUri'), dbName, log: createLogger('silent') });
}

beforeAll(async () => {
  fake = await new FakeLine().start();
  dbName = (await connectTestDatabase()).dbName;
  const old = mkdtempSync(join(tmpdir(), 'prongsai-old-menus-'));
  cpSync(SHIPPED_RICH_MENU_DIR, old, { recursive: true });
  const handler = join(old, 'handler.json');
  writeFileSync(handler, readFileSync(handler, 'utf8').replace('"chatBarText": "เมนูโปร่งใส"', '"chatBarText": "เมนูเก่า"'));
  await installRichMenus({ orgId: ORG, config: lineConfig(), line: createLineClient(lineConfig()) }, old);
  await addStaff(ORG, HANDLER, ['complaint_officer'], null);
  await mongoose.disconnect();
}, 60_000);

afterAll(async () => {
  await connectDatabase(inject('mongoUri'), dbName);
  await mongoose.connection.dropDatabase();
  await mongoose.disconnect();
  await fake?.stop();
});

describe('the start-up check of the rich menus', () => {
  it('installs the changed menus and moves staff onto them at the first start; the next start changes nothing', async () => {
    fake.reset();
    const first = await start();
    expect(await first.menusChecked).toEqual({ [ORG]: 'installed' });
    expect(created()).toBe(RICH_MENUS.length);
    const menus = (await installedRichMenus(ORG))!;
    expect(fake.richMenuOf(HANDLER)).toBe(menus.handler);
    expect(fake.richMenus.get(menus.handler)!.definition.chatBarText).toBe('เมนูโปร่งใส');
    await first.close();

    fake.reset();
    const second = await start();
    expect(await second.menusChecked).toEqual({ [ORG]: 'unchanged' });
    expect(created()).toBe(0);
    await second.close();
  }, 60_000);
});
