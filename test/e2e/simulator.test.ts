import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arabicDigits } from '../../src/domain/thai.js';
import { launchTestBrowser } from '../support/browser.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { ExecutiveGroupModel } from '../../src/db/models/executive-group.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { DEMO_NEIGHBOURS, PERSONAS, seedDemo, startDemoLine } from '../../src/simulator/demo.js';
import type { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { testDbName } from '../support/harness.js';

/**
 * The simulator as a person uses it on a phone (390 px wide): headless Chromium (from the npm package, see
 * chromium.ts) clicks through an officer's report, a citizen's complaint with a photo, a reviewer's check of
 * an OIT answer, linking the executives' group and a district supervisor's roll-up, with the time machine
 * behind its tab; screenshots go to test-output/.
 */
const PHONE = { width: 390, height: 844 };
const ORG = 'demo';
const shots = join(process.cwd(), 'test-output');
let server: RunningServer;
let fakeLine: FakeLineApi;
let browser: Browser;
let page: Page;
/** What the browser reports as blocked by the page's Content-Security-Policy. */
const cspViolations: string[] = [];

/** What the bot said, read back in Arabic digits (the bot writes Thai ones). */
const botText = () => page.locator('[data-testid="bot-message"]').allInnerTexts().then((t) => arabicDigits(t.join('\n')));

async function say(text: string) {
  await page.getByTestId('chat-input').fill(text);
  await page.getByTestId('send').click();
}

async function waitForBot(text: string | RegExp) {
  await page.locator('[data-testid="bot-message"]', { hasText: text }).last().waitFor({ timeout: 15_000 });
}

/** On a phone the persona list is behind its tab; picking a persona opens its chat. */
async function pickPersona(id: string) {
  await page.getByTestId('tab-personas').click();
  await page.getByTestId(`persona-${id}`).click();
  await page.getByTestId('chat-input').waitFor({ state: 'visible' });
}

async function openTimeMachine() {
  await page.getByTestId('tab-tools').click();
  await page.getByTestId('tm-run').waitFor({ state: 'visible' });
}

/**
 * Nothing wider than the phone: the page does not scroll sideways, and every message (a flex bubble, a
 * photo, a card) fits the screen; only a carousel scrolls inside itself, as in LINE.
 */
async function expectFitsPhone(width = PHONE.width) {
  const found = await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('[data-testid="bot-message"] > *, [data-testid="user-message"], .fx-bubble')]
      .filter((e) => !e.closest('.fx-carousel') && e.getBoundingClientRect().width > 0)
      .filter((e) => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > width)
      .map((e) => e.className + ' ' + Math.round(e.getBoundingClientRect().right));
    return { scrollWidth: document.scrollingElement.scrollWidth, wide };
  })()`);
  expect(found).toEqual({ scrollWidth: expect.any(Number), wide: [] });
  expect((found as { scrollWidth: number }).scrollWidth).toBeLessThanOrEqual(width);
}

/**
 * Headless Chromium here leaves some text runs unpainted after the Thai web font swaps in; one re-layout once
 * the fonts are ready repaints them, so the screenshots show what a person sees.
 */
async function settleFonts() {
  await page.evaluate(`(async () => {
    await document.fonts.ready;
    document.body.style.display = 'none';
    void document.body.offsetHeight;
    document.body.style.display = '';
  })()`);
}

/** A screenshot as a person sees the page: Chromium repaints what it left unpainted after a font swap first. */
async function shot(name: string) {
  await settleFonts();
  await page.screenshot({ path: join(shots, name) });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const demo = await startDemoLine({ LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-demo-')) });
  fakeLine = demo.fakeLine;
  const config = loadConfig({ ...demo.env, PORT: '0', ORG_CODE: ORG });
  server = await startServer(config, { mongoUri: inject('mongoUri'), dbName: testDbName(), log: createLogger('silent'), simulator: { fakeLine, personas: PERSONAS } });
  await seedDemo(ORG);
  browser = await launchTestBrowser();
  page = await browser.newPage({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/simulator`);
  await settleFonts();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fakeLine?.stop();
});

describe('the simulator in a browser', () => {
  it('fits a 390 px phone: no sideways scroll, and the persona list, the chat and the time machine each reachable', async () => {
    await page.getByTestId('chat-input').waitFor({ state: 'visible' });
    await expectFitsPhone();
    await page.getByTestId('tab-personas').click();
    await shot('simulator-phone-personas.png');
    for (const p of PERSONAS) expect(await page.getByTestId(`persona-${p.id}`).isVisible()).toBe(true);
    await expectFitsPhone();
    await openTimeMachine();
    const run = (await page.getByTestId('tm-run').boundingBox())!;
    expect(run.x).toBeGreaterThanOrEqual(0);
    expect(run.x + run.width).toBeLessThanOrEqual(PHONE.width);
    await expectFitsPhone();
    await page.getByTestId('tab-chat').click();
    const composer = await Promise.all(['send-image', 'send-location', 'chat-input', 'send'].map(async (id) => (await page.getByTestId(id).boundingBox())!));
    for (const box of composer) expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    // The narrowest and the widest common phones, each part of the page.
    for (const width of [360, 414]) {
      await page.setViewportSize({ width, height: PHONE.height });
      for (const tab of ['tab-personas', 'tab-tools', 'tab-chat']) {
        await page.getByTestId(tab).click();
        await expectFitsPhone(width);
      }
    }
    // Just above the phone layout, all three parts side by side still fit.
    await page.setViewportSize({ width: 901, height: PHONE.height });
    await expectFitsPhone(901);
    await page.setViewportSize(PHONE);
  });

  it("the time machine names its jobs in Thai and takes the next month's first working day from the holiday calendar", async () => {
    await openTimeMachine();
    const names = await page.getByTestId('tm-job').locator('option').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) expect(name).toMatch(/^[\u0E00-\u0E7F]/);
    // 1 January 2027 is a holiday and a Friday: the first working day is Monday the 4th.
    await page.getByTestId('tm-datetime').fill('2026-12-15T10:00');
    await page.getByTestId('tm-preset-first-working-day').click();
    await expect.poll(() => page.getByTestId('tm-datetime').inputValue(), { timeout: 10_000 }).toBe('2027-01-04T08:30');
    expect(await page.getByTestId('tm-datetime-thai').innerText()).toContain('วันจันทร์ที่ 4 ม.ค. 2570');
  });

  it('the time machine runs the monthly summary (83.33 % as in seed 004), which the executive sees arrive', async () => {
    await pickPersona('executive');
    await openTimeMachine();
    await page.getByTestId('tm-job').selectOption('monthly-summary');
    await page.getByTestId('tm-datetime').fill('2025-10-01T08:30');
    await page.getByTestId('tm-run').click();
    await page.getByTestId('tm-result').filter({ hasText: /ทำงานเสร็จแล้ว ส่ง/ }).waitFor({ timeout: 15_000 });
    await shot('simulator-phone-time-machine.png');
    await page.getByTestId('tab-chat').click();
    await waitForBot('ร้อยละการนำแผนไปปฏิบัติ');
    await shot('simulator-monthly-summary.png');
    expect(await botText()).toContain('83.33');
    await expectFitsPhone();

    // The same period again: nothing new is sent, and the page says so.
    await openTimeMachine();
    await page.getByTestId('tm-datetime').fill('2025-10-01T09:00');
    await page.getByTestId('tm-run').click();
    await page.getByTestId('tm-result').filter({ hasText: 'ครั้งนี้จึงไม่ได้ส่งข้อความใหม่' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('tm-result').innerText()).not.toMatch(/ส่งแล้ว 0/);
  });

  it('an officer reports progress by clicking, as in LINE', async () => {
    await pickPersona('officer');
    await say('รายงาน');
    await waitForBot('รายงานความก้าวหน้า');
    // The list opens on the items still to report on; the project with a budget is gone to by its code.
    await say('รายงาน ep02');
    await waitForBot('เลือกสถานะการดำเนินงานปัจจุบัน');
    await page.getByTestId('quick-reply').filter({ hasText: 'กำลังดำเนินการ' }).click();
    await waitForBot('พิมพ์สรุปผลการดำเนินงาน');
    await say('ประชุมคณะทำงานและจัดอบรมแล้ว 1 ครั้ง');
    for (const question of ['ผลลัพธ์หรือความสำเร็จ', 'ปัญหาอุปสรรค', 'มีข้อเสนอแนะ']) {
      await waitForBot(question);
      await page.getByTestId('quick-reply').filter({ hasText: 'ข้าม' }).click();
    }
    // The demo gives this project a budget, so the dialog asks how much was disbursed.
    await waitForBot('ยอดเบิกจ่ายสะสมถึงวันนี้กี่บาท');
    await say('๑๒,๕๐๐');
    await waitForBot('ตรวจสอบก่อนบันทึก');
    await page.getByTestId('flex-button').filter({ hasText: 'ยืนยันบันทึก' }).last().click();
    await waitForBot('บันทึกความก้าวหน้าแล้ว');
    await shot('simulator-officer-report.png');
    await expectFitsPhone();

    expect(await botText()).toContain('ประชุมคณะทำงานและจัดอบรมแล้ว 1 ครั้ง');
    expect(await page.locator('[data-testid="user-message"]').allInnerTexts()).toContain('รายงาน');
    expect(await ProgressReportModel.countDocuments({ orgId: ORG, summary: 'ประชุมคณะทำงานและจัดอบรมแล้ว 1 ครั้ง' })).toBe(1);
  });

  it('a citizen files a complaint with a photo and gets a tracking number', async () => {
    await pickPersona('citizen');
    await say('ร้องเรียน');
    await waitForBot('เลือกประเภทเรื่องที่ต้องการแจ้ง');
    await page.getByTestId('quick-reply').filter({ hasText: 'ร้องเรียนทั่วไป' }).click();
    await waitForBot('เล่าเรื่องที่ต้องการร้องเรียน');
    await page.getByTestId('send-image').click();
    await waitForBot('ได้รับรูปแล้ว');
    // The photo the citizen sent is a picture in their chat, not a placeholder.
    const photo = page.locator('[data-testid="user-message"][data-type="image"] img').last();
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: { naturalWidth: number; naturalHeight: number }) => [img.naturalWidth, img.naturalHeight]), { timeout: 10_000 }).toEqual([480, 360]);
    await shot('simulator-citizen-photo.png');
    await say('ไฟฟ้าส่องสว่างหน้าโรงเรียนดับมา 2 สัปดาห์');
    await waitForBot('เกิดที่ไหน');
    await page.getByTestId('send-location').click();
    await waitForBot('ชื่อและเบอร์โทรศัพท์');
    await page.getByTestId('quick-reply').filter({ hasText: 'ไม่ประสงค์ออกนาม' }).click();
    await waitForBot('แจ้งความคืบหน้าทาง LINE');
    await page.getByTestId('quick-reply').filter({ hasText: 'รับแจ้ง' }).click();
    await waitForBot('ตรวจสอบก่อนส่งเรื่อง');
    await page.getByTestId('quick-reply').filter({ hasText: 'ยืนยันส่งเรื่อง' }).click();
    await waitForBot('ได้รับเรื่องของท่านแล้ว');
    await shot('simulator-citizen-complaint.png');

    await expectFitsPhone();

    const complaint = (await ComplaintModel.findOne({ orgId: ORG }).lean())!;
    expect(complaint.location).toMatchObject({ title: 'ศาลาประชาคมหมู่ 3' });
    expect(await botText()).toContain(complaint.trackingNo);
    // The bot kept the photo's bytes as evidence: a JPEG, typed as one.
    expect(complaint.attachments).toHaveLength(1);
    const file = (await AttachmentFileModel.findById(`${ORG}:${complaint.attachments[0]!.lineMessageId}`).lean())!;
    expect(file.contentType).toBe('image/jpeg');
    expect(Buffer.from(file.data!.buffer).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(file.size).toBeGreaterThan(2_000);
  });

  it("the organisation's admin sends the sample plan as a file, reads what it would change and imports it", async () => {
    await pickPersona('admin');
    // Only the admin persona has the file button; the file menu offers the three sample files.
    await page.getByTestId('send-file').click();
    await page.getByTestId('send-file-plan').click();
    await waitForBot('ตรวจไฟล์แล้ว ยังไม่ได้บันทึก');
    expect(await page.locator('[data-testid="user-message"][data-type="file"]').last().innerText()).toContain('plan-2568.csv');
    await shot('simulator-admin-file.png');
    await expectFitsPhone();
    const items = await MeasureModel.countDocuments({ orgId: ORG });
    await page.getByTestId('flex-button').filter({ hasText: 'นำเข้า' }).last().click();
    await waitForBot('นำเข้าแล้ว');
    // The demo's plan, sent for the demo's own year: updated in place, the year everyone reports on unchanged.
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(items);
    expect(await MeasureModel.countDocuments({ orgId: ORG, fiscalYear: fiscalYearOf(new Date()) })).toBe(items);
    // The admin's own cards fit the phone too: the home card, the settings and the staff list.
    for (const [command, shown, name] of [
      ['จัดการ', 'เทศบาลตำบลโพธิ์ทอง', 'simulator-admin-home.png'],
      ['ตั้งค่า', 'เกณฑ์ระดับการดำเนินการ', 'simulator-admin-settings.png'],
      ['เจ้าหน้าที่', 'สมศรี ใจดี', 'simulator-admin-staff.png'],
    ] as const) {
      await say(command);
      await waitForBot(shown);
      await shot(name);
      await expectFitsPhone();
    }
    await pickPersona('officer');
    expect(await page.getByTestId('send-file').isHidden()).toBe(true);
  });

  it("the reviewer finds the demo's OIT answers waiting and passes one", async () => {
    await pickPersona('reviewer');
    await say('รอตรวจ');
    await waitForBot('ข้อ OIT รอตรวจสอบ');
    await waitForBot('อำนาจหน้าที่');
    expect(await botText()).toContain('ข้อ OIT รอตรวจสอบ 2 ข้อ');
    await shot('simulator-reviewer.png');
    await expectFitsPhone();
    await page.getByTestId('flex-button').filter({ hasText: 'ผ่านการตรวจสอบ' }).first().click();
    await waitForBot('ผ่านการตรวจสอบแล้ว พร้อมกรอกในระบบ ITAS');
  });

  it("the executives' group: the bot greets it on joining, an executive links it with a code from their own chat, and the monthly summary arrives there", async () => {
    await pickPersona('executive');
    await say('เชื่อมกลุ่ม');
    await waitForBot('รหัสเชื่อมกลุ่มของท่าน');
    const code = (await botText()).match(/รหัสเชื่อมกลุ่มของท่าน: ([A-Z0-9]{4}-[A-Z0-9]{4})/)![1]!;

    await pickPersona('executives-group');
    await page.getByTestId('chat-note').filter({ hasText: 'เชิญบัญชีโปร่งใสเข้ากลุ่มนี้แล้ว' }).waitFor({ timeout: 15_000 });
    await waitForBot('จะไม่ตอบข้อความในกลุ่ม');
    // Chatter gets no answer; the link command, typed as the executive, does.
    await say('สวัสดีครับทุกท่าน');
    await say(`เชื่อมกลุ่ม ${code}`);
    await waitForBot('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    expect(await page.locator('[data-testid="bot-message"]').count()).toBe(2);
    expect(await page.getByTestId('send-image').isHidden()).toBe(true);
    expect(await ExecutiveGroupModel.countDocuments({ _id: ORG })).toBe(1);

    await openTimeMachine();
    await page.getByTestId('tm-job').selectOption('monthly-summary');
    await page.getByTestId('tm-datetime').fill('2025-11-03T08:30');
    await page.getByTestId('tm-run').click();
    await page.getByTestId('tm-result').filter({ hasText: /ผู้รับ 2 ราย/ }).waitFor({ timeout: 15_000 });
    await page.getByTestId('tab-chat').click();
    await waitForBot('ร้อยละการนำแผนไปปฏิบัติ');
    await shot('simulator-executives-group.png');
    expect(await botText()).toContain('83.33');
    // The group's copy has no buttons that talk to the bot (it answers none in a group); links stay. The
    // executive's own copy has a postback only when something is overdue (test/unit/executive-group.test.ts
    // strips one from the group's copy), and nothing is overdue on this date.
    expect(await page.locator('[data-testid="flex-button"][data-postback]').count()).toBe(0);
    await pickPersona('executive');
    await waitForBot('ร้อยละการนำแผนไปปฏิบัติ');
  });

  it("a district supervisor asks for the district's roll-up", async () => {
    await pickPersona('supervisor');
    await say('ภาพรวม');
    await waitForBot('ภาพรวมอำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    await shot('simulator-supervisor-rollup.png');
    await expectFitsPhone();
    const seen = await botText();
    expect(seen).toContain(`องค์กรปกครองส่วนท้องถิ่น ${DEMO_NEIGHBOURS.length} แห่ง`);
    expect(seen).toContain('องค์การบริหารส่วนตำบลยางช้าย');
    expect(seen).toContain('ดาวน์โหลด');
  });

  it('serves the page with its own strict security headers, and nothing it uses is blocked', async () => {
    const res = await fetch(`${server.url}/simulator`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    // Every test above used the page: scripts, styles, the Thai font and the bot's pictures all loaded.
    expect(cspViolations).toEqual([]);
  });
});
