import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminAuditModel } from '../../src/db/models/admin-audit.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { MessageSentModel } from '../../src/db/models/message-use.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { changeSetting } from '../../src/db/settings-store.js';
import { CLI_ACTOR } from '../../src/domain/admin-audit.js';
import { timeOfDayKey } from '../../src/domain/calendar.js';
import { SETTINGS_ACTIONS } from '../../src/features/settings/actions.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { createLineClient } from '../../src/line/client.js';
import { postbackData } from '../../src/line/postback.js';
import { createLogger } from '../../src/log.js';
import { OutboxSender } from '../../src/outbox/sender.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/**
 * The daily digest, through signed webhooks, the fake LINE and the real database: a notice that may wait (a new
 * case to its handlers, a rating) is held until the organisation's digest time, rides free in the reply to the
 * person's next message if that comes first, else goes in ONE push per person at the digest (with a summary
 * when it holds more than LINE's five message objects); a notice a rule requires goes at once and carries what
 * is held for the same person; with the digest off, notices go at once as before.
 *
 * The app's clock runs ahead of the real one while a test moves time forward; events are sent at real time,
 * so their reply tokens are young. The digest is set three hours ahead of the real clock.
 */
const ORG = 'test-org';
const HANDLER_A = 'U-digest-handler-a';
const HANDLER_B = 'U-digest-handler-b';
const ADMIN = 'U-digest-admin';
const HOUR = 3_600;
const DIGEST_IN_SECONDS = 3 * HOUR;
const MERGE_SECONDS = 60;

let h: Harness;
let ahead = 0;
let citizens = 0;
const citizen = () => new Chat(h, `Ud${String(++citizens).padStart(31, '0')}`);
const deliveredTo = (userId: string) => h.line.deliveriesTo(userId);
const trackingNoIn = (messages: any[]) => visibleText(messages).match(/G\d{4}-\d{4}/)![0];

/** Moves the app's clock `seconds` ahead, sends what is due then, and brings the clock back. */
async function at(seconds: number): Promise<void> {
  ahead = seconds * 1000;
  await h.server.outbox.flush();
  ahead = 0;
}
/** A few minutes past the digest: the time the test runs for is well within them. */
const atTheDigest = () => at(DIGEST_IN_SECONDS + 10 * 60);

async function fileGeneral(chat: Chat, story: string): Promise<{ id: string; trackingNo: string }> {
  const trackingNo = trackingNoIn(await fileGeneralComplaint(chat, story));
  return { id: String((await ComplaintModel.findOne({ trackingNo }).lean())!._id), trackingNo };
}

beforeAll(async () => {
  const digestTime = timeOfDayKey(new Date(Date.now() + DIGEST_IN_SECONDS * 1000));
  h = await startHarness({
    env: { NOTICE_MERGE_SECONDS: String(MERGE_SECONDS), NOTICE_DIGEST_TIME: digestTime },
    now: () => new Date(Date.now() + ahead),
    manualSweeps: true,
  });
  await addStaff(ORG, HANDLER_A, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่ ก');
  await addStaff(ORG, HANDLER_B, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่ ข');
  await addStaff(ORG, ADMIN, ['admin'], 'สำนักปลัด', 'ผู้ดูแล');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  // Nothing of an earlier test waits in the outbox.
  await at(DIGEST_IN_SECONDS + 25 * HOUR);
  h.line.reset();
});

describe('a notice that may wait', () => {
  it('waits for the digest; rides free in the reply of the handler who writes first; the other gets ONE push with a later rating', async () => {
    // A case handler B resolved earlier, whose complainant rates it during the day.
    const rater = citizen();
    const earlier = await fileGeneral(rater, 'ไฟถนนดับหน้าโรงเรียน');
    await new Chat(h, HANDLER_B).tap(`a=cp.take&c=${earlier.id}`);
    const choose = await new Chat(h, HANDLER_B).tap(`a=cp.status&c=${earlier.id}`);
    await new Chat(h, HANDLER_B).tap(postbackOf(choose, 'ดำเนินการแล้วเสร็จ'));
    await new Chat(h, HANDLER_B).say('เปลี่ยนหลอดไฟแล้ว');
    await atTheDigest();
    h.line.reset();

    const filer = citizen();
    const fresh = await fileGeneral(filer, 'ท่อประปาแตกหน้าตลาด');
    // LINE redelivers the last event: nothing is added twice.
    await h.send({ ...filer.lastEvent!, deliveryContext: { isRedelivery: true } } as any);
    await at(MERGE_SECONDS + 1);
    await at(DIGEST_IN_SECONDS - 20 * 60);
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);
    expect(deliveredTo(HANDLER_B)).toHaveLength(0);

    // Handler A writes to the bot during the day: the notice comes with the answer, free.
    const answer = await new Chat(h, HANDLER_A).say('เรื่องร้องเรียน');
    expect(visibleText(answer)).toContain(`มีเรื่องใหม่ ${fresh.trackingNo}`);

    // The earlier case's complainant rates it: handler B will hear of it, at the digest too.
    const track = await rater.say(`ติดตาม ${earlier.trackingNo}`);
    const stars = await rater.tap(postbackOf(track, 'ประเมินความพึงพอใจ'));
    const askFixed = await rater.tap(postbackOf(stars, /^★★★★ /));
    await rater.tap(postbackOf(askFixed, 'แก้ไขแล้ว'));
    await rater.say('รวดเร็วดีครับ');
    await at(MERGE_SECONDS + 1);
    expect(deliveredTo(HANDLER_B)).toHaveLength(0);

    await atTheDigest();
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);
    const toB = deliveredTo(HANDLER_B);
    expect(toB).toHaveLength(1);
    const shown = visibleText(toB[0]!.body.messages);
    expect(shown.match(new RegExp(`มีเรื่องใหม่ ${fresh.trackingNo}`, 'g'))).toHaveLength(1);
    expect(shown).toContain(`ผู้ร้องประเมินเรื่อง ${earlier.trackingNo}: ★★★★☆`);
    // Billed as one message.
    const counted = await MessageSentModel.find({ _id: `${ORG}:${toB[0]!.headers['x-line-retry-key']}` }).lean();
    expect(counted).toEqual([expect.objectContaining({ recipients: 1, kind: 'complaint-notice' })]);
    // Nothing is left to go later.
    await at(DIGEST_IN_SECONDS + 25 * HOUR);
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);
    expect(deliveredTo(HANDLER_B)).toHaveLength(1);
  });

  it('six waiting notices go as one push per person, a summary first, each once, with two instances sending', async () => {
    await OutboxMessageModel.deleteMany({});
    const filed: string[] = [];
    for (const story of ['ถนนหมู่หนึ่งเป็นหลุม', 'ขยะไม่มีคนเก็บหมู่สอง', 'น้ำประปาไม่ไหลหมู่สาม', 'ไฟถนนดับหมู่สี่', 'กิ่งไม้ขวางทางหมู่ห้า', 'สุนัขจรจัดหมู่หก']) {
      filed.push((await fileGeneral(citizen(), story)).trackingNo);
    }
    await at(DIGEST_IN_SECONDS - 20 * 60);
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);

    // Two instances send at the digest.
    ahead = (DIGEST_IN_SECONDS + 10 * 60) * 1000;
    const line = createLineClient({ LINE_CHANNEL_ACCESS_TOKEN: h.line.accessToken, LINE_API_BASE_URL: h.line.url, LINE_DATA_API_BASE_URL: h.line.url, LINE_REQUEST_TIMEOUT_MS: 3_000 });
    const other = new OutboxSender({ lineFor: () => line, log: createLogger('silent'), instanceId: 'another-instance', sealer: testSealer, maxAttempts: 8, now: () => new Date(Date.now() + ahead), mergeNotices: true });
    await Promise.all([h.server.outbox.flush(), other.drain(), other.drain()]);
    await h.server.outbox.flush();
    ahead = 0;

    for (const handler of [HANDLER_A, HANDLER_B]) {
      const pushes = deliveredTo(handler);
      expect(pushes).toHaveLength(1);
      const messages = pushes[0]!.body.messages;
      expect(messages.length).toBeLessThanOrEqual(5);
      expect(messages[0].type).toBe('text');
      expect(messages[0].text).toContain('สรุปการแจ้งเตือนถึงท่าน 6 รายการ');
      expect(messages[0].text).toContain('พิมพ์ "เรื่องร้องเรียน"');
      // Every case is named once: in the summary's list, or whole after it.
      const shown = visibleText(messages);
      for (const no of filed) expect(shown.match(new RegExp(`มีเรื่องใหม่ ${no}`, 'g'))).toHaveLength(1);
    }
    const rows = await OutboxMessageModel.find({ orgId: ORG, source: /^complaint:/, state: { $ne: 'sent' } }).lean();
    expect(rows.map((r) => r.state)).toEqual(Array(12).fill('merged'));
    expect(await MessageSentModel.countDocuments({ orgId: ORG, kind: 'complaint-notice' })).toBeGreaterThanOrEqual(2);
  });
});

describe('a rating', () => {
  it('asks nothing of its handler: not pushed at the day\'s digest, it rides the next notice that is, or goes alone a week on', async () => {
    const resolved = async (story: string) => {
      const rater = citizen();
      const c = await fileGeneral(rater, story);
      await new Chat(h, HANDLER_B).tap(`a=cp.take&c=${c.id}`);
      const choose = await new Chat(h, HANDLER_B).tap(`a=cp.status&c=${c.id}`);
      await new Chat(h, HANDLER_B).tap(postbackOf(choose, 'ดำเนินการแล้วเสร็จ'));
      await new Chat(h, HANDLER_B).say('เรียบร้อยแล้ว');
      return { rater, ...c };
    };
    const rate = async (rater: Chat, trackingNo: string) => {
      const stars = await rater.tap(postbackOf(await rater.say(`ติดตาม ${trackingNo}`), 'ประเมินความพึงพอใจ'));
      await rater.tap(postbackOf(await rater.tap(postbackOf(stars, /^★★★ /)), 'แก้ไขแล้ว'));
      await rater.say('ข้าม');
    };
    const first = await resolved('ฝาท่อระบายน้ำชำรุด');
    const second = await resolved('ป้ายจราจรล้ม');
    await atTheDigest();
    h.line.reset();

    await rate(first.rater, first.trackingNo);
    await atTheDigest();
    expect(deliveredTo(HANDLER_B)).toHaveLength(0);
    // The next day's new case reaches handler B at its digest, and the rating rides with it.
    await at(DIGEST_IN_SECONDS + 14 * HOUR);
    const fresh = await fileGeneral(citizen(), 'หญ้ารกริมทางหมู่เจ็ด');
    await at(DIGEST_IN_SECONDS + 24 * HOUR + 10 * 60);
    const toB = deliveredTo(HANDLER_B);
    expect(toB).toHaveLength(1);
    expect(visibleText(toB[0]!.body.messages)).toContain(`มีเรื่องใหม่ ${fresh.trackingNo}`);
    expect(visibleText(toB[0]!.body.messages)).toContain(`ผู้ร้องประเมินเรื่อง ${first.trackingNo}: ★★★☆☆`);
    h.line.reset();

    // A rating with nothing to ride waits out its week, then goes alone; nothing is lost.
    await OutboxMessageModel.deleteMany({ state: 'pending', kind: { $ne: 'case-feedback' } });
    await rate(second.rater, second.trackingNo);
    await at(DIGEST_IN_SECONDS + 5 * 24 * HOUR);
    expect(deliveredTo(HANDLER_B)).toHaveLength(0);
    await at(DIGEST_IN_SECONDS + 7 * 24 * HOUR);
    expect(deliveredTo(HANDLER_B).map((r) => visibleText(r.body.messages))).toEqual([expect.stringContaining(`ผู้ร้องประเมินเรื่อง ${second.trackingNo}: ★★★☆☆`)]);
  });
});

describe('a notice a rule requires', () => {
  it('goes in the morning and carries what is held for the same person', async () => {
    const taken = await fileGeneral(citizen(), 'สะพานไม้ชำรุด');
    await new Chat(h, HANDLER_B).tap(`a=cp.take&c=${taken.id}`);
    await atTheDigest();
    h.line.reset();
    const held = await fileGeneral(citizen(), 'น้ำท่วมขังหน้าวัด');
    await at(MERGE_SECONDS + 1);
    expect(deliveredTo(HANDLER_B)).toHaveLength(0);

    // Its deadline is two days off (as if filed 13 days ago): this morning's 15-day job reminds handler B, at once.
    await ComplaintModel.updateOne({ _id: taken.id }, { $set: { dueAt: new Date(Date.now() + 2 * 86_400_000) } });
    await runJob(JOBS['complaint-deadlines'], new Date(), 'operator', h.server.jobDeps);
    await h.server.outbox.flush();
    const toB = deliveredTo(HANDLER_B);
    expect(toB).toHaveLength(1);
    const shown = visibleText(toB[0]!.body.messages);
    expect(shown).toContain(`เรื่อง ${taken.trackingNo} จะครบกำหนดตอบ 15 วัน`);
    expect(shown).toContain(`มีเรื่องใหม่ ${held.trackingNo}`);
    // Counted under the rule's kind: it had to go whatever the budget.
    const counted = await MessageSentModel.find({ _id: `${ORG}:${toB[0]!.headers['x-line-retry-key']}` }).lean();
    expect(counted).toEqual([expect.objectContaining({ kind: 'deadline-reminder' })]);
    // Handler A's copy still waits for the digest.
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);
    await atTheDigest();
    expect(visibleText(deliveredTo(HANDLER_A).flatMap((r) => r.body.messages))).toContain(`มีเรื่องใหม่ ${held.trackingNo}`);
    expect(deliveredTo(HANDLER_B)).toHaveLength(1);
  });
});

describe('the digest set in ตั้งค่า', () => {
  it('off: an admin sees what it costs, and notices go at once again (after the merging window)', async () => {
    const admin = new Chat(h, ADMIN);
    const card = visibleText(await admin.say('ตั้งค่า'));
    expect(card).toContain('เวลาส่งการแจ้งเตือนรวมประจำวัน');
    const question = await admin.tap(postbackData(SETTINGS_ACTIONS.settingsAsk, { k: 'digestTime' }));
    expect(visibleText(question)).toContain('ส่งทันที');
    const confirm = visibleText(await admin.say('ส่งทันที'));
    expect(confirm).toContain('ส่งทันที: ข้อความแยกทีละเรื่อง');
    const saved = await admin.say('บันทึก');
    expect(visibleText(saved)).toContain('บันทึกแล้ว');
    expect(await AdminAuditModel.countDocuments({ orgId: ORG, action: 'settings.change', subject: 'เวลาส่งการแจ้งเตือนรวมประจำวัน' })).toBe(1);

    const { trackingNo } = await fileGeneral(citizen(), 'เสียงดังจากโรงงานยามดึก');
    await at(MERGE_SECONDS + 1);
    for (const handler of [HANDLER_A, HANDLER_B]) expect(visibleText(deliveredTo(handler).flatMap((r) => r.body.messages))).toContain(`มีเรื่องใหม่ ${trackingNo}`);

    // And back to the deployment's time, as `org update --digest-time default` would.
    await changeSetting(ORG, { key: 'digestTime', value: null }, CLI_ACTOR);
    h.line.reset();
    await fileGeneral(citizen(), 'ควันจากการเผาขยะ');
    await at(MERGE_SECONDS + 1);
    expect(deliveredTo(HANDLER_A)).toHaveLength(0);
  });
});
