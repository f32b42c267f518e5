import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arabicDigits } from '../../src/domain/thai.js';
import { launchTestBrowser } from '../support/browser.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { ExecutiveGroupModel } from '../../src/db/models/executive-group.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { DEMO_NEIGHBOURS, PERSONAS, seedDemo, startDemoLine } from '../../src/simulator/demo.js';
import type { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { testDbName } from '../support/harness.js';

/**
 * The simulator as a person uses it: headless Chromium (from the npm package, see chromium.ts) clicks
 * through an officer's report, a citizen's complaint, linking the executives' group and a district
 * supervisor's roll-up; screenshots go to test-output/.
 */
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

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const demo = await startDemoLine({ LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-demo-')) });
  fakeLine = demo.fakeLine;
  const config = loadConfig({ ...demo.env, PORT: '0', ORG_CODE: ORG });
  server = await startServer(config, { mongoUri: inject('mongoUri'), dbName: testDbName(), log: createLogger('silent'), simulator: { fakeLine, personas: PERSONAS } });
  await seedDemo(ORG);
  browser = await launchTestBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/simulator`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fakeLine?.stop();
});

describe('the simulator in a browser', () => {
  it('the time machine runs the monthly summary (83.33 % as in seed 004), which the executive sees arrive', async () => {
    await page.getByTestId('persona-executive').click();
    await page.getByTestId('tm-job').selectOption('monthly-summary');
    await page.getByTestId('tm-datetime').fill('2025-10-01T08:30');
    await page.getByTestId('tm-run').click();
    await page.getByTestId('tm-result').filter({ hasText: /ส่งแล้ว/ }).waitFor({ timeout: 15_000 });
    await waitForBot('ร้อยละการนำแผนไปปฏิบัติ');
    await page.screenshot({ path: join(shots, 'simulator-monthly-summary.png') });
    expect(await botText()).toContain('83.33');
  });

  it('an officer reports progress by clicking, as in LINE', async () => {
    await page.getByTestId('persona-officer').click();
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
    await page.screenshot({ path: join(shots, 'simulator-officer-report.png') });

    expect(await botText()).toContain('ประชุมคณะทำงานและจัดอบรมแล้ว 1 ครั้ง');
    expect(await page.locator('[data-testid="user-message"]').allInnerTexts()).toContain('รายงาน');
    expect(await ProgressReportModel.countDocuments({ orgId: ORG, summary: 'ประชุมคณะทำงานและจัดอบรมแล้ว 1 ครั้ง' })).toBe(1);
  });

  it('a citizen files a complaint and gets a tracking number', async () => {
    await page.getByTestId('persona-citizen').click();
    await say('ร้องเรียน');
    await waitForBot('เลือกประเภทเรื่องที่ต้องการแจ้ง');
    await page.getByTestId('quick-reply').filter({ hasText: 'ร้องเรียนทั่วไป' }).click();
    await waitForBot('เล่าเรื่องที่ต้องการร้องเรียน');
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
    await page.screenshot({ path: join(shots, 'simulator-citizen-complaint.png') });

    const complaint = (await ComplaintModel.findOne({ orgId: ORG }).lean())!;
    expect(complaint.location).toMatchObject({ title: 'ศาลาประชาคมหมู่ 3' });
    expect(await botText()).toContain(complaint.trackingNo);
  });

  it("the executives' group: the bot greets it on joining, an executive links it with a code from their own chat, and the monthly summary arrives there", async () => {
    await page.getByTestId('persona-executive').click();
    await say('เชื่อมกลุ่ม');
    await waitForBot('รหัสเชื่อมกลุ่มของท่าน');
    const code = (await botText()).match(/รหัสเชื่อมกลุ่มของท่าน: ([A-Z0-9]{4}-[A-Z0-9]{4})/)![1]!;

    await page.getByTestId('persona-executives-group').click();
    await page.getByTestId('chat-note').filter({ hasText: 'เชิญบัญชีโปร่งใสเข้ากลุ่มนี้แล้ว' }).waitFor({ timeout: 15_000 });
    await waitForBot('จะไม่ตอบข้อความในกลุ่ม');
    // Chatter gets no answer; the link command, typed as the executive, does.
    await say('สวัสดีครับทุกท่าน');
    await say(`เชื่อมกลุ่ม ${code}`);
    await waitForBot('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    expect(await page.locator('[data-testid="bot-message"]').count()).toBe(2);
    expect(await page.getByTestId('send-image').isHidden()).toBe(true);
    expect(await ExecutiveGroupModel.countDocuments({ _id: ORG })).toBe(1);

    await page.getByTestId('tm-job').selectOption('monthly-summary');
    await page.getByTestId('tm-datetime').fill('2025-11-03T08:30');
    await page.getByTestId('tm-run').click();
    await page.getByTestId('tm-result').filter({ hasText: /ผู้รับ 2 คน/ }).waitFor({ timeout: 15_000 });
    await waitForBot('ร้อยละการนำแผนไปปฏิบัติ');
    await page.screenshot({ path: join(shots, 'simulator-executives-group.png') });
    expect(await botText()).toContain('83.33');
    // The group's copy has no buttons that talk to the bot (it answers none in a group); links stay.
    expect(await page.locator('[data-testid="flex-button"][data-postback]').count()).toBe(0);
    await page.getByTestId('persona-executive').click();
    expect(await page.locator('[data-testid="flex-button"][data-postback]').count()).toBeGreaterThan(0);
  });

  it("a district supervisor asks for the district's roll-up", async () => {
    await page.getByTestId('persona-supervisor').click();
    await say('ภาพรวม');
    await waitForBot('ภาพรวมอำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    await page.screenshot({ path: join(shots, 'simulator-supervisor-rollup.png') });
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
