import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { createInvite } from '../../src/db/invite-store.js';
import { setActive, setOrganisationSettings } from '../../src/db/organisation-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { JOBS, jobSchedules } from '../../src/jobs/registry.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { CHANNEL_SECRET, startHarness, testSealer, type Harness, type TestChannel } from '../support/harness.js';
import { A, addSecondOrganisation, B, B_CHANNEL, B_TOKEN } from '../support/two-organisations.js';
import { textEvent } from '../support/line-events.js';

/**
 * Two organisations on one deployment (issue "Many organisations on one deployment"): the default one from
 * the environment (`test-org`) and `org-b` with its own LINE channel, driven side by side with the same user
 * ids. Nothing may cross: not a message, a case, a number, a role or a link.
 */
const CITIZEN = 'U1111111111111111111111111111aaaa';
const OFFICER = 'U2222222222222222222222222222bbbb';
const EXECUTIVE = 'U3333333333333333333333333333cccc';
const FY = fiscalYearOf(new Date());

let h: Harness;
/** While set, the app's clock stands here (and the test moves it) instead of following the wall clock. */
let stopped: Date | null = null;
const tokenOf = FakeLineApi.tokenOf;

beforeAll(async () => {
  h = await startHarness({ now: () => stopped ?? new Date() });
  await addSecondOrganisation(h);
  // The same person is a complaint officer in A and an executive in B; roles do not travel.
  await addStaff(A, OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่เอ');
  await addStaff(B, OFFICER, ['executive'], null, 'ผู้บริหารบี');
  await addStaff(A, EXECUTIVE, ['executive'], null, 'ปลัดเอ');
  await addStaff(B, EXECUTIVE, ['executive'], null, 'ปลัดบี');
});
afterEach(() => {
  stopped = null;
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('one webhook for every organisation', () => {
  it('answers each organisation through its own channel, with the same user id in both', async () => {
    await new Chat(h, CITIZEN).say('ช่วยเหลือ');
    await new Chat(h, CITIZEN, B_CHANNEL).say('ช่วยเหลือ');
    const replies = h.line.accepted('/v2/bot/message/reply');
    expect(replies.map(tokenOf)).toEqual([h.line.accessToken, B_TOKEN]);
  });

  it('also takes an organisation by its path, /webhook/<code>', async () => {
    const replies = await new Chat(h, CITIZEN, { ...B_CHANNEL, path: B }).say('ช่วยเหลือ');
    expect(replies.length).toBeGreaterThan(0);
    expect(h.line.accepted('/v2/bot/message/reply').map(tokenOf)).toEqual([B_TOKEN]);
  });

  it("refuses with 401 and stores nothing: B's destination signed with A's secret, an unknown destination, an unknown path", async () => {
    const inboxBefore = await WebhookEventModel.countDocuments();
    const attempts: TestChannel[] = [
      { destination: B_CHANNEL.destination, secret: CHANNEL_SECRET },
      { destination: 'U9999999999999999999999999999999f', secret: B_CHANNEL.secret },
      { destination: B_CHANNEL.destination, secret: B_CHANNEL.secret, path: 'no-such-org' },
      { destination: B_CHANNEL.destination, secret: CHANNEL_SECRET, path: B },
    ];
    for (const channel of attempts) {
      const res = await h.post([textEvent(CITIZEN, 'ช่วยเหลือ')], { channel });
      expect(res.status).toBe(401);
    }
    expect(await WebhookEventModel.countDocuments()).toBe(inboxBefore);
    expect(h.line.requests).toHaveLength(0);
  });
});

describe('isolation', () => {
  it('numbers complaints per organisation, notifies only that organisation, and shows a citizen only their cases there', async () => {
    const receiptA = await fileGeneralComplaint(new Chat(h, CITIZEN), 'ไฟถนนดับหน้าตลาดเอ');
    const receiptB = await fileGeneralComplaint(new Chat(h, CITIZEN, B_CHANNEL), 'ขยะไม่ถูกเก็บที่หมู่บ้านบี');
    expect(visibleText(receiptA)).toContain(`G${FY}-0001`);
    expect(visibleText(receiptB)).toContain(`G${FY}-0001`);
    expect(await ComplaintModel.countDocuments({ orgId: A })).toBe(1);
    expect(await ComplaintModel.countDocuments({ orgId: B })).toBe(1);

    await h.server.outbox.flush();
    // A's complaint officer hears of A's case through A's channel; B has no complaint officer, so nobody is
    // told of B's case, and OFFICER (an executive in B) hears nothing of it.
    const toOfficer = h.line.deliveriesTo(OFFICER);
    expect(toOfficer.map(tokenOf)).toEqual([h.line.accessToken]);
    expect(JSON.stringify(toOfficer)).toContain('ไฟถนนดับ');
    // Every request that carries A's story went through A's channel, and B's through B's.
    const carrying = (story: string) => h.line.requests.filter((r) => JSON.stringify(r.body).includes(story)).map(tokenOf);
    expect(new Set(carrying('ไฟถนนดับ'))).toEqual(new Set([h.line.accessToken]));
    expect(new Set(carrying('ขยะไม่ถูกเก็บ'))).toEqual(new Set([B_TOKEN]));
    expect(h.line.deliveriesTo(OFFICER, B_TOKEN)).toHaveLength(0);

    const mineInB = visibleText(await new Chat(h, CITIZEN, B_CHANNEL).say('เรื่องของฉัน'));
    expect(mineInB).toContain('ขยะไม่ถูกเก็บ');
    expect(mineInB).not.toContain('ไฟถนนดับ');
    const mineInA = visibleText(await new Chat(h, CITIZEN).say('เรื่องของฉัน'));
    expect(mineInA).toContain('ไฟถนนดับ');
    expect(mineInA).not.toContain('ขยะไม่ถูกเก็บ');
  });

  it("gives a person the roles of the organisation they write to, and a case number of one is unknown in the other", async () => {
    // In A the officer handles complaints; in B the same LINE account is an executive and sees no case list.
    const inA = visibleText(await new Chat(h, OFFICER).say('เรื่องร้องเรียน'));
    expect(inA).toContain('ไฟถนนดับ');
    const inB = visibleText(await new Chat(h, OFFICER, B_CHANNEL).say('เรื่องร้องเรียน'));
    expect(inB).not.toContain('ไฟถนนดับ');
    expect(inB).not.toContain('ขยะไม่ถูกเก็บ');
  });

  it("does not accept one organisation's invite code in the other", async () => {
    const invite = await createInvite({ orgId: A, roles: ['officer'], unit: 'กองช่าง', position: null, validHours: 24 });
    const stranger = 'U4444444444444444444444444444dddd';
    const inB = visibleText(await new Chat(h, stranger, B_CHANNEL).say(`ลงทะเบียน ${invite.code}`));
    expect(inB).not.toContain('ลงทะเบียนเรียบร้อยแล้ว');
    const inA = visibleText(await new Chat(h, stranger).say(`ลงทะเบียน ${invite.code}`));
    expect(inA).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(h.line.accepted('/v2/bot/message/reply').map(tokenOf)).toEqual([B_TOKEN, h.line.accessToken]);
  });
});

describe('jobs for every organisation', () => {
  it("sends each organisation's monthly summary to its own executives through its own channel, once, read in one pass as each would read its own", async () => {
    await importPlan(A, 'examples/plan-2568.csv', { withoutResults: true });
    await importPlan(B, 'examples/plan-2568.csv', { withoutResults: true });
    await report(A, 'EP-01', 'completed', new Date('2026-11-02T03:00:00Z'));
    await report(B, 'EP-02', 'cannot_proceed', new Date('2026-11-03T03:00:00Z'));
    const schedule = jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds()).find((s) => s.name === 'monthly-summary')!;
    const firstWorkingDay = new Date('2026-12-01T01:30:00Z');
    const results = (await schedule.run(firstWorkingDay)) as Record<string, { status: string }>;
    expect(results[A]).toMatchObject({ status: 'done' });
    expect(results[B]).toMatchObject({ status: 'done' });
    expect(await schedule.run(firstWorkingDay)).toMatchObject({ [A]: { status: 'already' }, [B]: { status: 'already' } });
    await h.server.outbox.flush();
    // EXECUTIVE is an executive in both: one summary through each channel. OFFICER only in B.
    expect(h.line.deliveriesTo(EXECUTIVE, h.line.accessToken)).toHaveLength(1);
    expect(h.line.deliveriesTo(EXECUTIVE, B_TOKEN)).toHaveLength(1);
    expect(h.line.deliveriesTo(OFFICER, B_TOKEN)).toHaveLength(1);
    expect(h.line.deliveriesTo(OFFICER, h.line.accessToken)).toHaveLength(0);
    // Each organisation's own read (as a resumed run does it) gives exactly the messages the one pass gave.
    for (const [org, token] of [[A, h.line.accessToken], [B, B_TOKEN]] as const) {
      const own = await JOBS['monthly-summary'].produce({ id: `${org}:monthly-summary:2026-12`, asOf: firstWorkingDay }, { ...h.server.jobDeps.settings, orgId: org });
      expect(h.line.deliveriesTo(EXECUTIVE, token)[0]!.body.messages).toEqual(own.outgoing[0]!.messages);
    }
    expect(JSON.stringify(h.line.deliveriesTo(EXECUTIVE, B_TOKEN))).not.toEqual(JSON.stringify(h.line.deliveriesTo(EXECUTIVE, h.line.accessToken)));
  });
});

describe('sending for many channels', () => {
  it("keeps sending for A while B's channel answers 429, and sends B's messages once LINE's Retry-After has passed", async () => {
    const { enqueue } = await import('../../src/outbox/enqueue.js');
    const text = (t: string) => [{ type: 'text' as const, text: t }];
    const now = new Date();
    stopped = now;
    await enqueue(B, 'test:b', [1, 2, 3].map((n) => ({ key: `test:b:${n}`, to: [EXECUTIVE], messages: text(`บี ${n}`) })), now, testSealer);
    await enqueue(A, 'test:a', [1, 2, 3].map((n) => ({ key: `test:a:${n}`, to: [EXECUTIVE], messages: text(`เอ ${n}`) })), now, testSealer);
    h.line.failNext(429, { accessToken: B_TOKEN, retryAfterSeconds: 1 });
    const first = await h.server.outbox.flush();
    expect(h.line.deliveriesTo(EXECUTIVE, h.line.accessToken)).toHaveLength(3);
    // B's lane stopped at the 429: one refused request, its other two messages not tried against a busy channel.
    expect(h.line.requests.filter((r) => tokenOf(r) === B_TOKEN)).toHaveLength(1);
    expect(first.retrying).toBe(1);
    // Not before LINE's Retry-After has passed: the channel is left alone.
    await h.server.outbox.flush();
    expect(h.line.requests.filter((r) => tokenOf(r) === B_TOKEN)).toHaveLength(1);
    stopped = new Date(now.getTime() + 2_100);
    await h.server.outbox.flush();
    expect(h.line.deliveriesTo(EXECUTIVE, B_TOKEN).map((r) => r.body.messages[0].text)).toEqual(['บี 1', 'บี 2', 'บี 3']);
  });
});

describe("an organisation's own settings", () => {
  it('uses its own level thresholds in its summary (chat and monthly push) and its own reminder days, and leaves the other on the defaults', async () => {
    await setOrganisationSettings(B, { thresholds: [{ label: 'ผ่านเกณฑ์องค์กรบี', min: 50 }, { label: 'ต้องเร่งรัดตามเกณฑ์บี', min: 0 }], roundReminderDaysBefore: [30] });
    await h.server.tenants.refresh();
    const inB = visibleText(await new Chat(h, EXECUTIVE, B_CHANNEL).say('สรุป'));
    expect(inB).toMatch(/ผ่านเกณฑ์องค์กรบี|ต้องเร่งรัดตามเกณฑ์บี/);
    const inA = visibleText(await new Chat(h, EXECUTIVE).say('สรุป'));
    expect(inA).not.toMatch(/เกณฑ์องค์กรบี|ตามเกณฑ์บี/);

    h.line.reset();
    const schedules = jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds());
    await schedules.find((s) => s.name === 'monthly-summary')!.run(new Date('2027-01-04T01:30:00Z'));
    await h.server.outbox.flush();
    expect(visibleText(h.line.deliveriesTo(EXECUTIVE, B_TOKEN).flatMap((r) => r.body.messages))).toMatch(/ผ่านเกณฑ์องค์กรบี|ต้องเร่งรัดตามเกณฑ์บี/);
    expect(visibleText(h.line.deliveriesTo(EXECUTIVE, h.line.accessToken).flatMap((r) => r.body.messages))).not.toMatch(/เกณฑ์องค์กรบี|ตามเกณฑ์บี/);

    // 30 days before 31 March is B's reminder day only; 7 days before is A's (the default 7,1) only.
    const rounds = schedules.find((s) => s.name === 'round-reminder')!;
    expect(await rounds.run(new Date('2027-03-01T02:00:00Z'))).toMatchObject({ [A]: { status: 'not due today' }, [B]: { status: 'done' } });
    expect(await rounds.run(new Date('2027-03-24T02:00:00Z'))).toMatchObject({ [A]: { status: 'done' }, [B]: { status: 'not due today' } });
    await setOrganisationSettings(B, { thresholds: null, roundReminderDaysBefore: null });
    await h.server.tenants.refresh();
  });
});

describe('a disabled organisation', () => {
  it('gets 401 at the webhook once the directory is read again, and no scheduled jobs', async () => {
    await setActive(B, false);
    await h.server.tenants.refresh();
    const res = await h.post([textEvent(CITIZEN, 'ช่วยเหลือ')], { channel: B_CHANNEL });
    expect(res.status).toBe(401);
    expect(h.server.tenants.orgIds()).toEqual([A]);
    await setActive(B, true);
    await h.server.tenants.refresh();
  });

  it('stops answering and running jobs for the default organisation too (ORG_CODE, whose channel is the environment\'s)', async () => {
    await setActive(A, false);
    await h.server.tenants.refresh();
    h.line.reset();
    const inboxBefore = await WebhookEventModel.countDocuments({ orgId: A });
    // Its own webhook, and one whose destination no channel names (which the default organisation would take).
    expect((await h.post([textEvent(CITIZEN, 'ช่วยเหลือ')])).status).toBe(401);
    expect((await h.post([textEvent(CITIZEN, 'ช่วยเหลือ')], { channel: { destination: 'U9999999999999999999999999999ffff', secret: CHANNEL_SECRET } })).status).toBe(401);
    expect(await WebhookEventModel.countDocuments({ orgId: A })).toBe(inboxBefore);
    expect(h.server.tenants.orgIds()).toEqual([B]);
    const results = await jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds()).find((s) => s.name === 'monthly-summary')!.run(new Date('2027-02-01T01:30:00Z'));
    expect(Object.keys(results as object)).toEqual([B]);
    await h.server.outbox.flush();
    expect(h.line.deliveriesTo(EXECUTIVE, h.line.accessToken)).toHaveLength(0);
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(0);

    await setActive(A, true);
    await h.server.tenants.refresh();
    expect((await h.post([textEvent(CITIZEN, 'ช่วยเหลือ')])).status).toBe(200);
  });
});
