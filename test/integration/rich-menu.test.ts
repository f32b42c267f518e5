import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installRichMenu } from '../../src/line/rich-menu.js';
import { FakeLine } from '../support/fake-line.js';

let fake: FakeLine;
beforeAll(async () => {
  fake = await new FakeLine().start();
});
afterAll(async () => {
  await fake?.stop();
});

it('creates the rich menu from the repo, uploads its picture and makes it everyone\'s default', async () => {
  const id = await installRichMenu(
    { LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url },
    'rich-menu/menu.json',
    'rich-menu/menu.png',
  );
  expect(fake.requests.map((r) => `${r.method} ${r.path.replace(id, ':id')} ${r.status}`)).toEqual([
    'POST /v2/bot/richmenu/validate 200',
    'POST /v2/bot/richmenu 200',
    'POST /v2/bot/richmenu/:id/content 200',
    'POST /v2/bot/user/all/richmenu/:id 200',
  ]);
  const created = fake.requests[1]!.body;
  expect(created.size).toEqual({ width: 2500, height: 1686 });
  expect(created.areas.map((a: any) => a.action.text)).toEqual(['รายงาน', 'สรุป', 'เรื่องร้องเรียน', 'ร้องเรียน', 'เรื่องของฉัน', 'ช่วยเหลือ']);
  const uploaded = fake.requests[2]!;
  expect(uploaded.headers['content-type']).toBe('image/png');
  expect(Buffer.compare(uploaded.body, readFileSync('rich-menu/menu.png'))).toBe(0);
  // LINE's limit for a rich menu picture is 1 MB.
  expect(readFileSync('rich-menu/menu.png').length).toBeLessThan(1024 * 1024);
});
