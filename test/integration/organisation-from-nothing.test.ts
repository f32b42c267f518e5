import { readFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { ownSettingsOf } from '../../src/db/organisation-store.js';
import { FakeLine } from '../support/fake-line.js';
import { buttonOnBubbleOf, Chat, postbackOf, uriOf, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { startHarness, type Harness, type TestChannel } from '../support/harness.js';

/**
 * Issue 24's promise, end to end: a new organisation goes from nothing to its first officer's saved report with
 * no terminal command after the operator's one step (`org add`). Everything after it is the organisation's own
 * admin on the onboarding page (one form post, as a phone would send it), then signed webhooks on the new
 * channel, a LINE file message, and the fake LINE.
 */
const ORG = 'abt-nong-saeng';
const NAME = 'องค์การบริหารส่วนตำบลหนองแสง';
const BOT = `U${'5e'.repeat(16)}`;
const SECRET = 'a1'.repeat(16);
const TOKEN = 'nong-saeng-long-lived-channel-token-0001';
const CHANNEL: TestChannel = { destination: BOT, secret: SECRET };
const ADMIN = 'U-nong-saeng-admin-000000000000000001';
const OFFICER = 'U-nong-saeng-officer-0000000000000001';

let h: Harness;

/** The organisation's replies: every answer in this story goes out with the new channel's token. */
const repliesOfChannel = () => h.line.requests.filter((r) => r.path === '/v2/bot/message/reply' && r.status === 200 && FakeLine.tokenOf(r) === TOKEN);

beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('a new organisation runs itself from LINE after the operator’s one step', () => {
  it('onboards its channel, imports the plan by file, invites an officer who registers and reports, changes a threshold, and revokes the officer', async () => {
    // The operator's one step.
    const added = (await runCliHere(cliEnv(mongoose.connection.name, 'test-org', h.line, { PUBLIC_BASE_URL: h.server.url }), 'org', 'add', ORG, '--name', NAME, '--province', 'อุดรธานี')).stdout;
    const link = /ลิงก์เริ่มใช้งาน: (\S+)/.exec(added)?.[1];
    expect(link).toBeDefined();

    // The organisation's admin on the onboarding page: the channel's secret and token; LINE says which bot it is.
    h.line.addChannel(TOKEN, { userId: BOT, displayName: 'อบต.หนองแสง' });
    const page = await fetch(link!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ channelSecret: SECRET, accessToken: TOKEN }).toString() });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain(TOKEN);
    const adminCode = /data-testid="invite-code"[^>]*>\s*([^<\s]+)\s*</.exec(html)?.[1];
    expect(adminCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    // From here on: LINE only, on the organisation's own channel.
    const admin = new Chat(h, ADMIN, CHANNEL);
    h.line.profiles.set(ADMIN, 'ปลัดสมพร');
    expect(visibleText(await admin.say(`ลงทะเบียน ${adminCode}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(await StaffModel.findById(staffId(ORG, ADMIN)).lean()).toMatchObject({ orgId: ORG, roles: ['admin'], active: true });
    expect(visibleText(await admin.say('จัดการ'))).toContain(NAME);

    // The year's plan, sent as a file while registration still asks for the admin's name: previewed (and the
    // name asked again after it), nothing saved until นำเข้า.
    const preview = await admin.sendFile('plan-2568.csv', readFileSync('examples/plan-2568.csv'), { contentType: 'text/csv' });
    expect(visibleText(preview)).toContain('55');
    expect(visibleText(preview)).toContain('ชื่อ-นามสกุล');
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(0);
    expect(visibleText(await admin.tap(postbackOf(preview, 'นำเข้า')))).toContain('นำเข้าแล้ว');
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(55);

    // An officer of กองคลัง invited; the share button carries the registration message.
    let r = await admin.say('เชิญเจ้าหน้าที่');
    r = await admin.tap(postbackOf(r, 'ผู้รายงานมาตรการ'));
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    r = await admin.say('กองคลัง');
    r = await admin.say('ข้าม');
    r = await admin.tap(postbackOf(r, 'ยืนยัน'));
    const shared = new URL(uriOf(r, 'ส่งต่อคำเชิญ')).searchParams.get('text')!;
    expect(shared).toContain(NAME);
    const officerCode = /ลงทะเบียน ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(shared)![1]!;

    // The officer registers with the forwarded message's code and reports on one of กองคลัง's items.
    const officer = new Chat(h, OFFICER, CHANNEL);
    h.line.profiles.set(OFFICER, 'มาลี');
    expect(visibleText(await officer.say(`ลงทะเบียน ${officerCode}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    r = await officer.say('รายงาน');
    r = await officer.tap(postbackOf(r, 'รายงานความก้าวหน้า'));
    r = await officer.tap(postbackOf(r, 'กำลังดำเนินการ'));
    r = await officer.say('ประชุมคณะทำงานแล้ว เผยแพร่ประกาศครบ');
    // Outcome, problems, suggestions and (for a project with a budget) the amount: skipped where skippable.
    for (let step = 0; step < 6 && !visibleText(r).includes('ตรวจสอบก่อนบันทึก'); step++) r = await officer.say(step === 0 ? 'ประกาศครบทุกรายการ' : 'ข้าม');
    expect(visibleText(r)).toContain('ตรวจสอบก่อนบันทึก');
    expect(visibleText(await officer.tap(postbackOf(r, 'ยืนยันบันทึก')))).toContain('บันทึกความก้าวหน้าแล้ว');
    expect(await ProgressReportModel.find({ orgId: ORG, reporterLineUserId: OFFICER }).lean()).toEqual([
      expect.objectContaining({ status: 'in_progress', summary: 'ประชุมคณะทำงานแล้ว เผยแพร่ประกาศครบ', reporterUnit: 'กองคลัง' }),
    ]);

    // A threshold changed from ตั้งค่า.
    r = await admin.tap(postbackOf(await admin.say('ตั้งค่า'), 'เปลี่ยนเกณฑ์ระดับ'));
    r = await admin.say('มาก 70 ปานกลาง 50 น้อย 0');
    expect(visibleText(await admin.tap(postbackOf(r, 'บันทึก')))).toContain('บันทึกแล้ว');
    expect((await ownSettingsOf(ORG)).thresholds).toEqual([
      { label: 'มาก', min: 70 },
      { label: 'ปานกลาง', min: 50 },
      { label: 'น้อย', min: 0 },
    ]);

    // The officer revoked from the staff list: their next request is refused.
    r = await admin.tap(buttonOnBubbleOf(await admin.say('เจ้าหน้าที่'), 'มาลี', 'เพิกถอนสิทธิ์'));
    expect(visibleText(await admin.tap(postbackOf(r, 'ยืนยันเพิกถอน')))).toContain('แล้ว');
    expect(await StaffModel.findById(staffId(ORG, OFFICER)).lean()).toMatchObject({ active: false });
    expect(visibleText(await officer.say('รายงาน'))).not.toContain('รายงานความก้าวหน้า');

    // Every answer went out on the organisation's own channel, and the management log tells the story.
    expect(repliesOfChannel().length).toBeGreaterThanOrEqual(20);
    const log = (await auditLog(ORG, { limit: 50 })).reverse();
    expect(log.map((l) => l.action)).toEqual(['organisation.add', 'organisation.channel', 'staff.invite', 'import.plan', 'staff.invite', 'settings.change', 'staff.revoke']);
    expect(log.map((l) => l.actor.via)).toEqual(['cli', 'onboarding', 'onboarding', 'line', 'line', 'line', 'line']);
    expect(JSON.stringify(log)).not.toContain(SECRET);
    expect(JSON.stringify(log)).not.toContain(TOKEN);
  }, 180_000);
});
