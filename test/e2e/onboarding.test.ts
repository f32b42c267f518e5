import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { InviteModel } from '../../src/db/models/invite.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { issueOnboardingLink } from '../../src/db/onboarding-link-store.js';
import { activeChannels } from '../../src/db/organisation-store.js';
import { RICH_MENUS } from '../../src/domain/rich-menus.js';
import { launchTestBrowser } from '../support/browser.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { FakeLine } from '../support/fake-line.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { textEvent } from '../support/line-events.js';

/**
 * A new organisation's one operator step, as its admin lives it: `cli org add` prints a link, the admin opens it
 * on a phone (headless Chromium at 375 px), pastes the channel's values, and gets the first admin's code; then the
 * bot answers on that channel. The page never holds the secret or the token, and a link works once.
 */
const ORG = 'abt-nong-bua';
const NAME = 'องค์การบริหารส่วนตำบลหนองบัว';
const BOT = `U${'a1'.repeat(16)}`;
const SECRET = '0123456789abcdef0123456789abcdef';
const TOKEN = 'nongbua-channel-access-token-0123456789+/=';
const PHONE = { width: 375, height: 812 };
/** Screenshots go to test-output/; with SCREENSHOTS_TO_DOCS=1 they replace docs/onboarding-*-phone.png. */
const shots = process.env.SCREENSHOTS_TO_DOCS === '1' ? join(process.cwd(), 'docs') : join(process.cwd(), 'test-output');
let h: Harness;
let browser: Browser;

const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, 'test-org', h.line, { PUBLIC_BASE_URL: h.server.url }), ...args)).stdout;
const linkIn = (stdout: string) => /ลิงก์เริ่มใช้งาน: (\S+)/.exec(stdout)?.[1] ?? '';
const ofChannel = (token: string) => h.line.requests.filter((r) => FakeLine.tokenOf(r) === token);

async function phonePage(): Promise<{ page: Page; cspViolations: string[] }> {
  const page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 2 });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) cspViolations.push(message.text());
  });
  return { page, cspViolations };
}

const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

async function submit(page: Page, values: { botUserId: string; channelSecret: string; accessToken: string; channelId?: string }) {
  await page.fill('#botUserId', values.botUserId);
  await page.fill('#channelSecret', values.channelSecret);
  await page.fill('#accessToken', values.accessToken);
  if (values.channelId) await page.fill('#channelId', values.channelId);
  const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  return response!;
}

/** The form posted without a browser, to read the raw HTML the server answers. */
const post = (link: string, fields: Record<string, string>) =>
  fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  h = await startHarness();
  h.line.addChannel(TOKEN, { userId: BOT, displayName: 'อบต.หนองบัว' });
  browser = await launchTestBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

describe('onboarding a new organisation through its link', () => {
  it('refuses a wrong access token on the phone: the form comes back with a Thai reason, without the secret or the token, nothing saved, the link still usable', async () => {
    await cli('org', 'add', 'abt-wrong', '--name', 'องค์การบริหารส่วนตำบลทดลอง');
    const link = linkIn(await cli('org', 'onboard-link', 'abt-wrong'));
    const { page, cspViolations } = await phonePage();
    await page.goto(link);
    const wrongToken = 'not-this-channels-token-0123456789';
    const response = await submit(page, { botUserId: BOT, channelSecret: SECRET, accessToken: wrongToken });
    expect(response.status()).toBe(422);
    const html = await page.content();
    expect(html).toContain('LINE ไม่รับ Channel access token นี้');
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(wrongToken);
    expect(await page.inputValue('#botUserId')).toBe(BOT);
    expect(await page.inputValue('#channelSecret')).toBe('');
    expect(await page.inputValue('#accessToken')).toBe('');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);
    await page.close();
    // The server's own bytes, not the browser's view of them.
    const raw = await (await post(link, { botUserId: BOT, channelSecret: SECRET, accessToken: wrongToken })).text();
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(wrongToken);
    expect((await activeChannels(testSealer)).map((c) => c.orgId)).not.toContain('abt-wrong');
    expect((await fetch(link)).status).toBe(200);
  }, 120_000);

  it('org add prints a link; on a 375 px phone the admin pastes the values and gets the first admin code; the menus go to the new channel; the bot then answers there', async () => {
    const added = await cli('org', 'add', ORG, '--name', NAME, '--province', 'ขอนแก่น');
    const link = linkIn(added);
    expect(link).toMatch(new RegExp(`^${h.server.url}/onboard/[A-Za-z0-9_-]{43}$`));
    expect(added).toContain('ใช้ได้ครั้งเดียว ถึง');

    const { page, cspViolations } = await phonePage();
    const opened = await page.goto(link);
    expect(opened!.status()).toBe(200);
    expect(opened!.headers()['cache-control']).toBe('no-store');
    expect(await page.textContent('h1')).toBe(NAME);
    expect(await page.textContent('main')).toContain('LINE Developers Console');
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const inputWidth = await page.evaluate('document.querySelector("#accessToken").getBoundingClientRect().width');
    expect(inputWidth).toBeGreaterThan(300);
    await page.screenshot({ path: join(shots, 'onboarding-form-phone.png'), fullPage: true });

    const done = await submit(page, { botUserId: BOT, channelSecret: SECRET, accessToken: TOKEN, channelId: '1657000000' });
    expect(done.status()).toBe(200);
    const code = (await page.textContent('[data-testid="invite-code"]'))!.trim();
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const html = await page.content();
    expect(html).toContain(`ลงทะเบียน ${code}`);
    expect(html).toContain(`${h.server.url.replace('127.0.0.1', 'localhost')}/webhook`);
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(TOKEN);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(cspViolations).toEqual([]);
    await page.screenshot({ path: join(shots, 'onboarding-done-phone.png'), fullPage: true });

    // LINE was asked which bot the token is, and the menus were made on that channel, the citizen one the default.
    const calls = ofChannel(TOKEN);
    expect(calls.filter((r) => r.path === '/v2/bot/info')).toHaveLength(1);
    expect(calls.filter((r) => r.method === 'POST' && r.path === '/v2/bot/richmenu' && r.status === 200)).toHaveLength(RICH_MENUS.length);
    expect(calls.filter((r) => r.path.startsWith('/v2/bot/user/all/richmenu/') && r.status === 200)).toHaveLength(1);

    // Sealed and saved; the first admin's code; the management log names no secret.
    expect(await activeChannels(testSealer)).toContainEqual({ orgId: ORG, botUserId: BOT, channelId: '1657000000', secret: SECRET, accessToken: TOKEN });
    expect(await InviteModel.findById(code).lean()).toMatchObject({ orgId: ORG, roles: ['admin'] });
    const log = await auditLog(ORG, { limit: 10 });
    expect(log.map((l) => [l.action, l.actor.via])).toEqual([
      ['staff.invite', 'onboarding'],
      ['organisation.channel', 'onboarding'],
      ['organisation.add', 'cli'],
    ]);
    expect(log[1]).toMatchObject({ before: 'ยังไม่มีช่อง LINE', after: `ช่อง LINE อบต.หนองบัว (${BOT} · Channel ID 1657000000)` });
    expect(JSON.stringify(log)).not.toContain(SECRET);
    expect(JSON.stringify(log)).not.toContain(TOKEN);

    // Used once: the same link now only says so, by GET and by POST.
    const again = await page.goto(link);
    expect(again!.status()).toBe(410);
    expect(await page.textContent('h1')).toBe('ลิงก์นี้ใช้ไปแล้ว');
    expect((await post(link, { botUserId: BOT, channelSecret: SECRET, accessToken: TOKEN })).status).toBe(410);
    await page.close();

    // The bot answers on the new channel at once: the admin registers with the code from the page.
    await h.sendThrough({ destination: BOT, secret: SECRET }, textEvent('Uadmin0000000000000000000000000001', `ลงทะเบียน ${code}`));
    expect(await StaffModel.findById(staffId(ORG, 'Uadmin0000000000000000000000000001')).lean()).toMatchObject({ orgId: ORG, roles: ['admin'] });
  }, 120_000);

  it('a later link changes the channel, the bot user id read from LINE when left empty: saved and logged, and no second admin code is issued while an admin exists', async () => {
    const link = linkIn(await cli('org', 'onboard-link', ORG));
    const newBot = `U${'d4'.repeat(16)}`;
    const newToken = 'nongbua-new-channel-token-0123456789';
    h.line.addChannel(newToken, { userId: newBot, displayName: 'อบต.หนองบัว ช่องใหม่' });
    const invites = await InviteModel.countDocuments({ orgId: ORG });
    // LINE Developers shows no bot user id: the admin leaves it empty and the access token's bot is taken.
    const res = await post(link, { botUserId: '', channelSecret: 'f'.repeat(32), accessToken: newToken });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('หน่วยงานมีผู้ดูแลอยู่แล้ว');
    expect(html).not.toContain('data-testid="invite-code"');
    expect(await InviteModel.countDocuments({ orgId: ORG })).toBe(invites);
    expect((await activeChannels(testSealer)).find((c) => c.orgId === ORG)).toMatchObject({ botUserId: newBot, accessToken: newToken });
    const [latest] = await auditLog(ORG, { limit: 1 });
    expect(latest).toMatchObject({ action: 'organisation.channel', before: `ช่อง LINE (${BOT})`, after: `ช่อง LINE อบต.หนองบัว ช่องใหม่ (${newBot})` });
  }, 60_000);

  it('refuses a bot user id that is not the token’s bot, LINE not answering and malformed values, saving nothing', async () => {
    await cli('org', 'add', 'abt-check', '--name', 'องค์การบริหารส่วนตำบลตรวจสอบ');
    const link = linkIn(await cli('org', 'onboard-link', 'abt-check'));
    const token = 'abt-check-channel-token-0123456789';
    h.line.addChannel(token, { userId: `U${'b2'.repeat(16)}` });

    const otherBot = await post(link, { botUserId: `U${'c3'.repeat(16)}`, channelSecret: SECRET, accessToken: token });
    expect(otherBot.status).toBe(422);
    expect(await otherBot.text()).toContain('Bot user ID ไม่ตรงกับช่อง LINE');

    h.line.failNext(500, { pathPrefix: '/v2/bot/info' });
    const unreachable = await post(link, { botUserId: `U${'b2'.repeat(16)}`, channelSecret: SECRET, accessToken: token });
    expect(unreachable.status).toBe(422);
    expect(await unreachable.text()).toContain('ขณะนี้ติดต่อ LINE ไม่ได้');

    const asked = ofChannel(token).length;
    const malformed = await post(link, { botUserId: SECRET, channelSecret: 'abc', accessToken: token, channelId: 'x1' });
    const text = await malformed.text();
    expect(malformed.status).toBe(422);
    expect(text).toContain('Channel secret ต้องเป็นตัวเลขและตัวอักษร a–f จำนวน 32 ตัว');
    expect(text).toContain('Bot user ID ต้องขึ้นต้นด้วยตัว U');
    // A secret pasted into the bot user id's box is not shown back either.
    expect(text).not.toContain(SECRET);
    expect(ofChannel(token).length).toBe(asked);

    // The bot of another organisation (abt-nong-bua's, since its change) is refused too.
    const taken = await post(link, { botUserId: `U${'d4'.repeat(16)}`, channelSecret: SECRET, accessToken: 'nongbua-new-channel-token-0123456789' });
    expect(await taken.text()).toContain('ช่อง LINE นี้เชื่อมกับหน่วยงานอื่นในระบบอยู่แล้ว');

    expect((await activeChannels(testSealer)).map((c) => c.orgId)).not.toContain('abt-check');
    expect((await fetch(link)).status).toBe(200);
  }, 60_000);

  it('an expired link and one replaced by a newer link are refused; a made-up one is not found', async () => {
    await cli('org', 'add', 'abt-late', '--name', 'องค์การบริหารส่วนตำบลมาช้า');
    const expired = await issueOnboardingLink('abt-late', { now: new Date(Date.now() - 73 * 3600_000) });
    const res = await fetch(`${h.server.url}/onboard/${expired.token}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('ลิงก์นี้หมดอายุแล้ว');
    expect((await post(`${h.server.url}/onboard/${expired.token}`, { botUserId: BOT, channelSecret: SECRET, accessToken: TOKEN })).status).toBe(410);

    const first = linkIn(await cli('org', 'onboard-link', 'abt-late'));
    const second = linkIn(await cli('org', 'onboard-link', 'abt-late'));
    expect((await fetch(first)).status).toBe(404);
    expect((await fetch(second)).status).toBe(200);
    expect((await fetch(`${h.server.url}/onboard/${'A'.repeat(43)}`)).status).toBe(404);
    await expect(cli('org', 'onboard-link', 'abt-nobody')).rejects.toThrow(/ไม่พบองค์กรรหัส abt-nobody/);
  }, 60_000);
});
