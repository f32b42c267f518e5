import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholeAuditLog } from '../../src/db/admin-audit-store.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { billedInMonth, recordMessageSent } from '../../src/db/message-use-store.js';
import { outboxBacklog } from '../../src/db/outbox-store.js';
import { monthKey, startOfBangkokDay, startOfNextBangkokMonth } from '../../src/domain/calendar.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { createLineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { createBudgetGate } from '../../src/outbox/message-budget.js';
import { createMessageMeter } from '../../src/outbox/message-meter.js';
import { OutboxSender } from '../../src/outbox/sender.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/**
 * Issue 25, point 3: each organisation has a monthly message budget (LINE's quota unless an admin sets one);
 * its admins and executives are told once at 75 % and at 90 %; above it only what a rule requires is pushed
 * and the rest waits (shown as waiting), for the person's next reply, a raised budget, or the next month.
 * Through signed webhooks, the fake LINE (its quota endpoints answered) and the real database.
 */
const ORG = 'test-org';
const ADMIN = 'U0000000000000000000000000000ad01';
const EXEC = 'U0000000000000000000000000000ec01';
const OFFICER = 'U00000000000000000000000000000f01';
const INTEGRITY = 'U0000000000000000000000000000f101';
const REPORTER = 'U0000000000000000000000000000c0ff';
const DAY = 86_400_000;

let h: Harness;
/** The app's clock runs ahead of the real one by this much while a test moves time forward. */
let ahead = 0;
const clock = () => new Date(Date.now() + ahead);
let citizens = 0;
const citizen = () => new Chat(h, `Uc${String(++citizens).padStart(31, '0')}`);
const month = () => monthKey(clock());
const answerOf = async (userId: string, words: string) => visibleText(await new Chat(h, userId).say(words));
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args)).stdout;

/** Everything pushed to a person, as text. */
const pushedTo = (userId: string) => h.line.deliveriesTo(userId).map((r) => visibleText(r.body.messages));
const warnings = (userId: string, share: number) => pushedTo(userId).filter((t) => t.includes(`ใช้ข้อความถึงร้อยละ ${share} ของงบแล้ว`));
const newCaseNotices = (userId: string) => pushedTo(userId).filter((t) => t.includes('มีเรื่องใหม่'));

/** A second instance of the bot's sender, on the same database and channel. */
function anotherInstance(): OutboxSender {
  const line = createLineClient({ LINE_CHANNEL_ACCESS_TOKEN: h.line.accessToken, LINE_API_BASE_URL: h.line.url, LINE_DATA_API_BASE_URL: h.line.url, LINE_REQUEST_TIMEOUT_MS: 3_000 });
  const log = createLogger('silent');
  const meter = createMessageMeter({ lineFor: () => line, log, now: clock });
  const budget = createBudgetGate({ meter, sealer: testSealer, log });
  return new OutboxSender({ lineFor: () => line, log, instanceId: 'another-instance', sealer: testSealer, maxAttempts: 8, now: clock, meter, budget });
}

/** Both instances send what is due, side by side, until nothing more goes. */
async function sendBoth(other: OutboxSender): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.all([h.server.outbox.flush(), other.drain(), other.drain()]);
}

beforeAll(async () => {
  h = await startHarness({ now: clock, manualSweeps: true });
  await addStaff(ORG, ADMIN, ['admin'], null, 'ผู้ดูแล');
  await addStaff(ORG, EXEC, ['executive'], null, 'นายก');
  await addStaff(ORG, OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, INTEGRITY, ['integrity_officer'], 'สำนักปลัด', 'นิติกร');
});
afterAll(async () => {
  await h?.close();
});

describe('the budget', () => {
  it('is LINE\'s quota until an admin sets one in ตั้งค่า, which is checked, confirmed and logged', async () => {
    h.line.setQuota(40);
    await h.server.jobDeps.settings.readMessageQuota!(ORG);
    expect(await answerOf(ADMIN, 'สถิติข้อความ')).toContain('งบข้อความต่อเดือน 40 ข้อความ (ตามโควตาของแพ็กเกจ LINE) ใช้ไปแล้ว 0 ข้อความ คิดเป็นร้อยละ 0');

    const admin = new Chat(h, ADMIN);
    const card = await admin.say('ตั้งค่า');
    expect(visibleText(card)).toContain('งบข้อความ LINE ต่อเดือน');
    const question = visibleText(await admin.tap(postbackOf(card, 'เปลี่ยนงบข้อความ')));
    expect(question).toContain('ปัจจุบัน: ตามโควตาของแพ็กเกจ LINE (40 ข้อความต่อเดือน)');
    // A word is not a number: the answer says what is expected and the question stays.
    expect(visibleText(await admin.say('ยี่สิบ'))).toContain('กรุณาพิมพ์จำนวนข้อความต่อเดือนเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป');
    const confirm = await admin.say('๒๐ ข้อความ');
    expect(visibleText(confirm)).toContain('เดิม: ตามโควตาของแพ็กเกจ LINE (40 ข้อความต่อเดือน)\nใหม่: 20 ข้อความต่อเดือน');
    expect(visibleText(await admin.tap(postbackOf(confirm, 'บันทึก')))).toContain('บันทึกแล้ว');

    const logged = (await wholeAuditLog(ORG)).filter((e) => e.subject === 'งบข้อความ LINE ต่อเดือน');
    expect(logged).toEqual([expect.objectContaining({ action: 'settings.change', before: 'ตามโควตาของแพ็กเกจ LINE', after: '20 ข้อความต่อเดือน' })]);
    expect(await answerOf(EXEC, 'สถิติข้อความ')).toContain('งบข้อความต่อเดือน 20 ข้อความ (ตามที่ผู้ดูแลระบบกำหนด)');
  });
});

describe('75 % and 90 % of the budget', () => {
  it('are told once each to the admins and the executives, with two instances sending', async () => {
    // Earlier this month: 14 of the 20 spent.
    await recordMessageSent({ orgId: ORG, retryKey: 'earlier-this-month', month: month(), kind: 'monthly-summary', recipients: 14, source: 'earlier', toGroup: false, sentAt: clock() });
    const other = anotherInstance();

    // The officer's notice of a new complaint makes 15: 75 %. The notice of it, to two, makes 17.
    await fileGeneralComplaint(citizen(), 'ไฟถนนดับหน้าวัด');
    await sendBoth(other);
    expect(newCaseNotices(OFFICER)).toHaveLength(1);
    for (const person of [ADMIN, EXEC]) expect(warnings(person, 75)).toHaveLength(1);
    const [warning] = warnings(ADMIN, 75);
    expect(warning).toContain('ใช้ไปแล้ว 15 จากงบ 20 ข้อความต่อเดือน');
    expect(warning).toContain('ระบบจะส่งเฉพาะข้อความที่ระเบียบกำหนดให้ต้องแจ้ง');
    expect(warning).toContain('ผู้ดูแลระบบเพิ่มงบได้ที่ "ตั้งค่า"');
    expect(warning).toContain('การตั้งงบให้ต่ำกว่าโควตาของแพ็กเกจ LINE ช่วยเก็บข้อความที่เหลือไว้สำหรับข้อความที่ระเบียบกำหนด');
    expect(await billedInMonth(ORG, month())).toBe(17);
    // Two more instances, each just after a push of its own, see the mark reached: it is still told once.
    const instances = [createBudgetGate({ meter: { recipientsOf: async () => 1 }, sealer: testSealer, log: createLogger('silent') }), createBudgetGate({ meter: { recipientsOf: async () => 1 }, sealer: testSealer, log: createLogger('silent') })];
    await Promise.all(instances.map((gate) => gate.afterSent(ORG, { to: [OFFICER], at: clock() })));
    await sendBoth(other);
    for (const person of [ADMIN, EXEC]) expect(warnings(person, 75)).toHaveLength(1);

    // The next makes 18: 90 %, and its notice 20.
    await fileGeneralComplaint(citizen(), 'ท่อระบายน้ำอุดตันซอยสาม');
    await sendBoth(other);
    expect(newCaseNotices(OFFICER)).toHaveLength(2);
    for (const person of [ADMIN, EXEC]) {
      expect(warnings(person, 75)).toHaveLength(1);
      expect(warnings(person, 90)).toHaveLength(1);
    }
    expect(await billedInMonth(ORG, month())).toBe(20);
    expect(await OutboxMessageModel.countDocuments({ orgId: ORG, kind: 'budget-warning' })).toBe(2);
  });
});

describe('above the budget', () => {
  it('keeps a complaint notice waiting, shown as waiting, while a 15-day reminder and a corruption notice still go', async () => {
    await fileGeneralComplaint(citizen(), 'หลังคาศาลาพักร้อนรั่ว');
    await h.server.outbox.flush();
    expect(newCaseNotices(OFFICER)).toHaveLength(2);
    const backlog = await outboxBacklog(ORG);
    expect(backlog).toMatchObject({ pending: 1, failed: 0 });
    expect(await OutboxMessageModel.findOne({ orgId: ORG, state: 'pending' }).lean()).toMatchObject({ waitingFor: 'budget', kind: 'complaint-notice' });

    // The corruption channel's officers hear of a report whatever the budget.
    const reporter = new Chat(h, REPORTER);
    await reporter.say('แจ้งทุจริต');
    for (const answer of ['นาย ก. เจ้าหน้าที่กองช่าง', 'เดือนที่แล้ว', 'เรียกรับเงินจากผู้รับเหมาก่อสร้างถนน', 'ข้าม']) await reporter.say(answer);
    await reporter.tap(postbackOf(await reporter.say('รับแจ้ง'), 'ยืนยันส่งเรื่อง'));
    await h.server.outbox.flush();
    expect(h.line.deliveriesTo(INTEGRITY)).toHaveLength(1);

    // Three days before the first complaint's deadline, its handler is reminded whatever the budget.
    const first = (await ComplaintModel.find({ orgId: ORG, kind: 'general' }).sort({ submittedAt: 1 }).lean())[0]!;
    const remindAt = new Date(startOfBangkokDay(new Date(first.dueAt.getTime() - 1)).getTime() - 3 * DAY + 9 * 3_600_000);
    await runJob(JOBS['complaint-deadlines'], remindAt, 'operator', h.server.jobDeps);
    await h.server.outbox.flush();
    expect(pushedTo(OFFICER).filter((t) => t.includes(`เรื่อง ${first.trackingNo} จะครบกำหนดตอบ 15 วัน`))).toHaveLength(1);
    expect(newCaseNotices(OFFICER)).toHaveLength(2);

    const stats = await answerOf(ADMIN, 'สถิติข้อความ');
    expect(stats).toContain('งบข้อความต่อเดือน 20 ข้อความ (ตามที่ผู้ดูแลระบบกำหนด)');
    expect(stats).toContain('ข้อความที่รอส่ง 1 รายการ แยกตามประเภท');
    expect(stats).toContain('• แจ้งเจ้าหน้าที่เรื่องร้องเรียน 1 รายการ รอเพราะเกินงบข้อความของเดือน');
    const printed = await cli('messages');
    expect(printed).toContain('• แจ้งเจ้าหน้าที่เรื่องร้องเรียน 1 รายการ รอเพราะเกินงบข้อความของเดือน');
  });

  it('delivers the waiting notice free in the reply to the officer\'s next message', async () => {
    const reply = visibleText(await new Chat(h, OFFICER).say('ช่วยเหลือ'));
    expect(reply).toContain('หลังคาศาลาพักร้อนรั่ว');
    expect(newCaseNotices(OFFICER)).toHaveLength(2);
    expect(await outboxBacklog(ORG)).toMatchObject({ pending: 0, failed: 0 });
  });

  it('sends what waits once the budget is raised (org update, through the same settings path)', async () => {
    await fileGeneralComplaint(citizen(), 'ขยะไม่มีคนเก็บหมู่สอง');
    await h.server.outbox.flush();
    expect((await outboxBacklog(ORG)).pending).toBe(1);

    expect(await cli('org', 'update', ORG, '--message-budget', '100')).toContain('งบข้อความ LINE ต่อเดือน: 100 ข้อความต่อเดือน');
    await h.server.outbox.flush();
    expect(newCaseNotices(OFFICER).filter((t) => t.includes('ขยะไม่มีคนเก็บหมู่สอง'))).toHaveLength(1);
    expect(await outboxBacklog(ORG)).toMatchObject({ pending: 0, failed: 0 });
    expect((await wholeAuditLog(ORG)).filter((e) => e.subject === 'งบข้อความ LINE ต่อเดือน').map((e) => e.after)).toEqual(['20 ข้อความต่อเดือน', '100 ข้อความต่อเดือน']);
  });

  it('sends what waits in the next month, when the budget starts again', async () => {
    await cli('org', 'update', ORG, '--message-budget', String(await billedInMonth(ORG, month())));
    // A running instance holds to a lowered budget once it reads the budget again, within 10 seconds.
    ahead = 11_000;
    await fileGeneralComplaint(citizen(), 'น้ำประปาไม่ไหลหมู่สาม');
    await h.server.outbox.flush();
    expect((await outboxBacklog(ORG)).pending).toBe(1);

    ahead = startOfNextBangkokMonth(new Date()).getTime() - Date.now() + 60_000;
    await h.server.outbox.flush();
    ahead = 0;
    expect(newCaseNotices(OFFICER).filter((t) => t.includes('น้ำประปาไม่ไหลหมู่สาม'))).toHaveLength(1);
    expect(await outboxBacklog(ORG)).toMatchObject({ pending: 0, failed: 0 });
  });
});
