import { MessageSentModel } from '../../src/db/models/message-use.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLineClient } from '../../src/line/client.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { addToOutbox, claimHandOver, outboxBacklog } from '../../src/db/outbox-store.js';
import { retryKeyFor } from '../../src/line/retry-key.js';
import { createLogger } from '../../src/log.js';
import { OutboxSender } from '../../src/outbox/sender.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { textEvent } from '../support/line-events.js';

/**
 * Notices cost what LINE bills: several to one person within the merging window go as one push, a waiting
 * notice rides the person's next reply for free, and LINE's quota 429 leaves them waiting, not failed.
 * The complaint officer hears of each new complaint (a text and the case's card: two message objects).
 */
const ORG = 'test-org';
const OFFICER = 'U-officer-merge';
const ADMIN = 'U-admin-merge';
const WINDOW_SECONDS = 60;

let h: Harness;
/** The app's clock runs ahead of the real one by this much while a test moves time forward. */
let ahead = 0;
const later = (seconds: number) => (ahead = seconds * 1000);
const backToNow = () => (ahead = 0);
let citizens = 0;
const citizen = () => new Chat(h, `Uc${String(++citizens).padStart(31, '0')}`);

const pushes = () => h.line.requests.filter((r) => r.path === '/v2/bot/message/push' || r.path === '/v2/bot/message/multicast');
const deliveredTo = (userId: string) => h.line.deliveriesTo(userId);
/** What the officer was sent about new complaints, by tracking number, however it came. */
const newCaseTexts = (messages: any[]) => messages.filter((m) => m.type === 'text' && m.text.startsWith('มีเรื่องใหม่')).map((m) => m.text as string);

/** Lets the merging window pass, sends what is due, and brings the clock back (events keep their young reply tokens). */
async function afterTheWindow(extraSeconds = 0): Promise<void> {
  later(WINDOW_SECONDS + 1 + extraSeconds);
  await h.server.outbox.flush();
  backToNow();
}

beforeAll(async () => {
  h = await startHarness({ env: { NOTICE_MERGE_SECONDS: String(WINDOW_SECONDS) }, now: () => new Date(Date.now() + ahead), manualSweeps: true });
  await addStaff(ORG, OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, ADMIN, ['admin'], 'สำนักปลัด', 'ผู้ดูแล');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  // Nothing of an earlier test waits in the outbox.
  await afterTheWindow(3_700);
  h.line.reset();
  backToNow();
});

describe('notices to the same person within the window', () => {
  it('two new complaints a moment apart reach the officer as one push, after the window and not before', async () => {
    await fileGeneralComplaint(citizen(), 'ไฟถนนดับหน้าวัด');
    await fileGeneralComplaint(citizen(), 'ท่อระบายน้ำอุดตันซอยสาม');
    await h.server.outbox.flush();
    expect(deliveredTo(OFFICER)).toHaveLength(0);

    await afterTheWindow();
    const delivered = deliveredTo(OFFICER);
    expect(delivered).toHaveLength(1);
    const messages = delivered[0]!.body.messages;
    expect(messages).toHaveLength(4);
    expect(newCaseTexts(messages)).toHaveLength(2);
    expect(visibleText(messages)).toContain('ไฟถนนดับหน้าวัด');
    expect(visibleText(messages)).toContain('ท่อระบายน้ำอุดตันซอยสาม');
    // Counted as LINE bills it: one message, under the notices' kind.
    const counted = await MessageSentModel.find({ _id: `${ORG}:${delivered[0]!.headers['x-line-retry-key']}` }).lean();
    expect(counted).toEqual([expect.objectContaining({ kind: 'complaint-notice', recipients: 1 })]);
  });

  it('six message objects go as two pushes, each within LINE\'s five, in the order they were written', async () => {
    const stories = ['ถนนหมู่หนึ่งเป็นหลุม', 'ขยะไม่มีคนเก็บหมู่สอง', 'น้ำประปาไม่ไหลหมู่สาม'];
    for (const story of stories) await fileGeneralComplaint(citizen(), story);
    await afterTheWindow();
    const delivered = deliveredTo(OFFICER);
    expect(delivered).toHaveLength(2);
    for (const push of delivered) expect(push.body.messages.length).toBeLessThanOrEqual(5);
    const shown = visibleText(delivered.flatMap((r) => r.body.messages));
    expect(stories.map((s) => shown.indexOf(s))).toEqual([...stories.map((s) => shown.indexOf(s))].sort((a, b) => a - b));
    expect(newCaseTexts(delivered.flatMap((r) => r.body.messages))).toHaveLength(3);
  });

  it('two instances draining at once send each notice exactly once', async () => {
    await OutboxMessageModel.deleteMany({});
    await fileGeneralComplaint(citizen(), 'กิ่งไม้หักขวางถนน');
    await fileGeneralComplaint(citizen(), 'สุนัขจรจัดในตลาด');
    later(WINDOW_SECONDS + 1);
    const line = createLineClient({ LINE_CHANNEL_ACCESS_TOKEN: h.line.accessToken, LINE_API_BASE_URL: h.line.url, LINE_DATA_API_BASE_URL: h.line.url, LINE_REQUEST_TIMEOUT_MS: 3_000 });
    const other = new OutboxSender({ lineFor: () => line, log: createLogger('silent'), instanceId: 'another-instance', sealer: testSealer, maxAttempts: 8, now: () => new Date(Date.now() + ahead), mergeNotices: true });
    await Promise.all([h.server.outbox.flush(), other.drain(), other.drain()]);
    await h.server.outbox.flush();
    backToNow();
    const texts = newCaseTexts(deliveredTo(OFFICER).flatMap((r) => r.body.messages));
    expect(texts).toHaveLength(2);
    expect(new Set(texts).size).toBe(2);
    // Whichever instance won which notice, each went inside a merged push, none on its own as well.
    const rows = await OutboxMessageModel.find({ orgId: ORG, source: /^complaint:/ }).lean();
    expect(rows.map((r) => r.state)).toEqual(['merged', 'merged']);
  });

  it('a merged push whose answer LINE lost is sent again with the same retry key and shown once', async () => {
    await fileGeneralComplaint(citizen(), 'เสียงดังจากโรงงานยามดึก');
    await fileGeneralComplaint(citizen(), 'ควันจากการเผาขยะ');
    // LINE takes the push but its answer never comes: the sender times out and cannot tell.
    h.line.failNext(0, { pathPrefix: '/v2/bot/message/push', accept: true });
    await afterTheWindow();
    await afterTheWindow(10);
    const tried = pushes().filter((r) => r.body.to === OFFICER);
    expect(tried.length).toBeGreaterThanOrEqual(2);
    expect(new Set(tried.map((r) => r.headers['x-line-retry-key'])).size).toBe(1);
    expect(deliveredTo(OFFICER)).toHaveLength(1);
    expect(newCaseTexts(deliveredTo(OFFICER)[0]!.body.messages)).toHaveLength(2);
  });
});

describe('an instance that dies in the middle of merging', () => {
  /** Two new-case notices to the officer, still in their window, claimed for merged push `merged:crash-…` as a dying instance leaves them. */
  async function claimedByADyingMerge(writeTheMergedPush: boolean): Promise<void> {
    await fileGeneralComplaint(citizen(), 'ทางเท้าชำรุด');
    await fileGeneralComplaint(citizen(), 'ต้นไม้ล้มทับสายไฟ');
    const rows = await OutboxMessageModel.find({ orgId: ORG, state: 'pending' }).sort({ createdAt: 1 }).lean();
    expect(rows).toHaveLength(2);
    const id = `merged:crash-${writeTheMergedPush}`;
    for (const row of rows) expect(await claimHandOver({ id: row._id, attempts: 0 }, `merge:${id}`, new Date())).toBe(true);
    if (writeTheMergedPush) {
      const messages = rows.flatMap((r) => JSON.parse(testSealer.open(r.messagesSealed)));
      await addToOutbox({ id, orgId: ORG, source: 'merged', toSealed: rows[0]!.toSealed, recipients: 1, messagesSealed: testSealer.seal(JSON.stringify(messages)), retryKey: retryKeyFor(id), createdAt: rows[0]!.createdAt, members: rows.map((r) => r._id) });
    }
  }

  it('after it wrote the merged push: the push goes, and its notices are not pushed again after the lease', async () => {
    await OutboxMessageModel.deleteMany({});
    await claimedByADyingMerge(true);
    await afterTheWindow(61);
    await afterTheWindow(122);
    expect(deliveredTo(OFFICER)).toHaveLength(1);
    expect(newCaseTexts(deliveredTo(OFFICER)[0]!.body.messages)).toHaveLength(2);
    expect((await outboxBacklog(ORG)).pending).toBe(0);
  });

  it('before it wrote the merged push: after the lease each notice is pushed, once', async () => {
    await OutboxMessageModel.deleteMany({});
    await claimedByADyingMerge(false);
    await afterTheWindow(61);
    await afterTheWindow(122);
    const texts = newCaseTexts(deliveredTo(OFFICER).flatMap((r) => r.body.messages));
    expect(texts).toHaveLength(2);
    expect(new Set(texts).size).toBe(2);
    expect((await outboxBacklog(ORG)).pending).toBe(0);
  });
});

describe('a waiting notice rides the next reply', () => {
  it("goes after the answer to the officer's next message, and is never pushed", async () => {
    await fileGeneralComplaint(citizen(), 'ป้ายรถประจำทางพัง');
    const officer = new Chat(h, OFFICER);
    const reply = await officer.say('ช่วยเหลือ');
    expect(reply.length).toBeLessThanOrEqual(5);
    expect(newCaseTexts(reply)).toHaveLength(1);
    expect(visibleText(reply)).toContain('ป้ายรถประจำทางพัง');
    // The answer first, the notice after it.
    expect(newCaseTexts([reply[0]])).toHaveLength(0);

    await afterTheWindow();
    expect(deliveredTo(OFFICER)).toHaveLength(0);
  });

  it('when the reply fails, the retried answer carries the notice: it arrives once', async () => {
    await fileGeneralComplaint(citizen(), 'หลังคาศาลาพักร้อนรั่ว');
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    const event = textEvent(OFFICER, 'ช่วยเหลือ');
    await h.send(event);
    later(10);
    await h.server.runner.sweep();
    backToNow();
    await afterTheWindow();
    // The late answer was pushed (its token was spent on the failed reply), and the notice went in that push.
    expect(deliveredTo(OFFICER)).toHaveLength(1);
    const everything = [
      ...h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply').flatMap((r) => r.body.messages),
      ...deliveredTo(OFFICER).flatMap((r) => r.body.messages),
    ];
    expect(newCaseTexts(everything)).toHaveLength(1);
    expect(visibleText(everything)).toContain('หลังคาศาลาพักร้อนรั่ว');
  });
});

describe("LINE's monthly quota is used up", () => {
  it('keeps the notice waiting (not failed), tells the admin once in their next reply, and sends it when the quota allows', async () => {
    h.line.monthlyLimitReached = true;
    await fileGeneralComplaint(citizen(), 'ไฟไหม้หญ้าข้างถนน');
    await afterTheWindow();
    expect(pushes().some((r) => r.status === 429)).toBe(true);
    expect(deliveredTo(OFFICER)).toHaveLength(0);
    const backlog = await outboxBacklog(ORG);
    expect(backlog.failed).toBe(0);
    expect(backlog.pending).toBe(1);

    const admin = new Chat(h, ADMIN);
    const first = visibleText(await admin.say('ช่วยเหลือ'));
    expect(first).toContain('ครบตามโควตาแล้ว');
    expect(first).toContain('ข้อความรอส่ง 1 รายการ');
    expect(visibleText(await admin.say('ช่วยเหลือ'))).not.toContain('ครบตามโควตาแล้ว');
    // Someone who is not an admin is not told.
    expect(visibleText(await citizen().say('ช่วยเหลือ'))).not.toContain('ครบตามโควตาแล้ว');

    // Within the hour nothing is tried again; once the quota allows, the notice goes.
    const refused = pushes().length;
    await afterTheWindow(60);
    expect(pushes().length).toBe(refused);
    h.line.monthlyLimitReached = false;
    await afterTheWindow(3_600);
    expect(newCaseTexts(deliveredTo(OFFICER).flatMap((r) => r.body.messages))).toHaveLength(1);
    expect((await outboxBacklog(ORG)).pending).toBe(0);
  });
});
