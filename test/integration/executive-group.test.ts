import { PassThrough } from 'node:stream';
import { addDays, subMinutes } from 'date-fns';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fileComplaint } from '../../src/db/complaint-store.js';
import { dueAt } from '../../src/domain/complaints.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { withoutButtons } from '../../src/jobs/executive-group-copy.js';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { issueGroupLinkCode } from '../../src/db/executive-group-store.js';
import { ExecutiveGroupModel } from '../../src/db/models/executive-group.js';
import { eventState } from '../../src/db/event-store.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { JOBS, forOrganisation } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { Chat, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness, type TestChannel } from '../support/harness.js';
import { A, addSecondOrganisation, B, B_CHANNEL, B_TOKEN } from '../support/two-organisations.js';
import { groupPostbackEvent, groupTextEvent, joinEvent, leaveEvent, stickerEvent } from '../support/line-events.js';

/**
 * The executives' LINE group (issue "Many organisations on one deployment", part 6), through signed webhooks
 * from group sources, with two organisations side by side: the default one (`test-org`) and `org-b` with its
 * own channel. The same LINE account is an executive in both; another is an officer in A.
 */
const EXECUTIVE = 'U3333333333333333333333333333cccc';
const OFFICER = 'U2222222222222222222222222222bbbb';
const ADMIN = 'U4444444444444444444444444444dddd';
const CITIZEN = 'U1111111111111111111111111111aaaa';
const GROUP_A = 'C0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a';
const GROUP_B = 'C0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b';
const OTHER_GROUP = 'C0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c';
const bkk = (local: string) => new Date(`${local}+07:00`);
const tokenOf = FakeLineApi.tokenOf;

let h: Harness;
const logs: string[] = [];

/** What the bot answered an event (replies to its token, and pushes to the group for a late answer). */
async function deliver(event: webhook.Event, channel?: TestChannel): Promise<any[]> {
  if (channel) await h.sendThrough(channel, event);
  else await h.send(event);
  const token = 'replyToken' in event ? event.replyToken : undefined;
  return h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === token).flatMap((r) => r.body.messages);
}
const sayInGroup = (userId: string | undefined, text: string, groupId = GROUP_A, channel?: TestChannel) => deliver(groupTextEvent(userId, text, groupId), channel);

/** The code in an executive's "เชื่อมกลุ่ม" answer, as LINE shows it (Thai digits). */
async function askCode(chat: Chat, words = 'เชื่อมกลุ่ม'): Promise<{ shown: string; code: string }> {
  const answer = await chat.say(words);
  const shown = JSON.stringify(answer).match(/[A-Z0-9๐-๙]{4}-[A-Z0-9๐-๙]{4}/)?.[0];
  const code = visibleText(answer).match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
  if (!shown || !code) throw new Error(`no code in ${JSON.stringify(answer)}`);
  return { shown, code };
}

const pushesTo = (to: string, token?: string) => h.line.deliveriesTo(to, token);
const runFor = async (orgId: string, job: keyof typeof JOBS, asOf: Date) => {
  const result = await runJob(JOBS[job], asOf, 'operator', forOrganisation(h.server.jobDeps, orgId));
  await h.server.outbox.flush();
  return result;
};

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => logs.push(String(chunk)));
  h = await startHarness({ logTo: stream });
  await addSecondOrganisation(h);
  await addStaff(A, EXECUTIVE, ['executive'], null, 'ปลัดเอ');
  await addStaff(B, EXECUTIVE, ['executive'], null, 'ปลัดบี');
  await addStaff(A, OFFICER, ['officer', 'complaint_officer'], 'กองคลัง', 'สมชาย การเงิน');
  await addStaff(A, ADMIN, ['admin'], null, 'ผู้ดูแลเอ');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('joining a group', () => {
  it('says once what the group is for and how to link it, and nothing when people join or talk', async () => {
    const greeting = await deliver(joinEvent(GROUP_A));
    expect(greeting).toHaveLength(1);
    expect(visibleText(greeting)).toContain('เชื่อมกลุ่ม');
    expect(visibleText(greeting)).toContain('จะไม่ตอบข้อความในกลุ่ม');
    expect(await sayInGroup(CITIZEN, 'สวัสดีครับ')).toEqual([]);
    expect(await sayInGroup(EXECUTIVE, 'สรุป')).toEqual([]);
    expect(await ExecutiveGroupModel.countDocuments()).toBe(0);
  });
});

describe('linking', () => {
  it('gives only executives a code in their own chat, and sends a code typed there back to the group', async () => {
    expect(visibleText(await new Chat(h, OFFICER).say('เชื่อมกลุ่ม'))).toContain('สำหรับผู้บริหาร');
    expect(visibleText(await new Chat(h, CITIZEN).say('link group'))).toContain('สำหรับผู้บริหาร');
    const { code } = await askCode(new Chat(h, EXECUTIVE), 'ขอรหัสเชื่อมกลุ่มผู้บริหารหน่อยครับ');
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(visibleText(await new Chat(h, EXECUTIVE).say(`เชื่อมกลุ่ม ${code}`))).toContain('ต้องพิมพ์ในกลุ่ม');
    expect(await ExecutiveGroupModel.countDocuments()).toBe(0);
  });

  it("refuses a non-executive's code, an unnamed sender, a wrong code, an expired code and another organisation's code, and links nothing", async () => {
    const { code } = await askCode(new Chat(h, EXECUTIVE));
    // The officer is no executive: a polite refusal that says nothing of the code, which stays usable.
    expect(visibleText(await sayInGroup(OFFICER, `เชื่อมกลุ่ม ${code}`))).toContain('เฉพาะผู้บริหาร');
    expect(await sayInGroup(undefined, `เชื่อมกลุ่ม ${code}`)).toEqual([]);
    expect(visibleText(await sayInGroup(EXECUTIVE, 'เชื่อมกลุ่ม ABCD-2345'))).toContain('ไม่พบรหัสนี้');
    expect(visibleText(await sayInGroup(EXECUTIVE, 'เชื่อมกลุ่ม'))).toContain('ในแชตส่วนตัว');

    const old = await issueGroupLinkCode(A, { issuedToKey: testSealer.userKey(EXECUTIVE), eventId: 'evt-expired', now: subMinutes(new Date(), 31) });
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${old.code}`))).toContain('หมดอายุ');

    // B's code, from the account that is an executive in both, in A's group: unknown in A.
    const { code: codeOfB } = await askCode(new Chat(h, EXECUTIVE, B_CHANNEL));
    const inA = await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${codeOfB}`);
    expect(visibleText(inA)).toContain('ไม่พบรหัสนี้');
    expect(h.line.accepted('/v2/bot/message/reply').slice(-1).map(tokenOf)).toEqual([h.line.accessToken]);
    expect(await ExecutiveGroupModel.countDocuments()).toBe(0);
  });

  it('links the group with a valid code pasted in Thai digits, answers once in the group, and the code is then used up', async () => {
    const { shown, code } = await askCode(new Chat(h, EXECUTIVE));
    h.line.memberCounts.set(GROUP_A, 6);
    const linked = await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${shown}`);
    expect(linked).toHaveLength(1);
    expect(visibleText(linked)).toContain('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    // A new link receives the monthly summary only, and says what that and each other choice costs a month.
    const cost = visibleText(linked);
    expect(cost).toContain('ตอนนี้กลุ่มผู้บริหารได้รับ: สรุปผลการดำเนินงานรายเดือนเท่านั้น');
    expect(cost).toContain('กลุ่มมีสมาชิก 6 คน');
    expect(cost).toContain('จึงใช้เพิ่มประมาณ 6 ข้อความต่อเดือน');
    expect(cost).toContain('2. สรุปรายเดือน และรายชื่อผู้ที่ยังไม่รายงานจากการติดตามงาน: เดือนละ 2 ครั้ง ใช้ 12 ข้อความต่อเดือน');
    expect(cost).toContain('พิมพ์ "กลุ่มผู้บริหารรับ"');
    expect(await ExecutiveGroupModel.find().lean()).toMatchObject([{ _id: A, groupId: GROUP_A, receives: 'summary' }]);
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${code}`))).toContain('ถูกใช้ไปแล้ว');

    // B links its own group through its own channel.
    const { code: codeOfB } = await askCode(new Chat(h, EXECUTIVE, B_CHANNEL));
    expect(visibleText(await sayInGroup(EXECUTIVE, `ผูกกลุ่มผู้บริหาร ${codeOfB}`, GROUP_B, B_CHANNEL))).toContain('เรียบร้อยแล้ว');
    expect(h.line.accepted('/v2/bot/message/reply').slice(-1).map(tokenOf)).toEqual([B_TOKEN]);
    const groups = (await ExecutiveGroupModel.find().lean()).map((g) => `${g._id} ${g.groupId}`).sort();
    expect(groups).toEqual([`${B} ${GROUP_B}`, `${A} ${GROUP_A}`]);
  });

  it('answers nothing else said or tapped in the linked group', async () => {
    for (const said of ['ช่วยเหลือ', 'สรุป', 'ร้องเรียน', 'อยากร้องเรียนเรื่องถนน', 'ติดตาม G2570-0001', 'รายงาน', 'ลงทะเบียน ABCD-2345', 'ยกเลิก', 'เชื่อมกลุ่มยังไงครับ']) {
      expect(await sayInGroup(EXECUTIVE, said), said).toEqual([]);
      expect(await sayInGroup(OFFICER, said), said).toEqual([]);
    }
    expect(await deliver({ ...stickerEvent(EXECUTIVE), source: { type: 'group', groupId: GROUP_A, userId: EXECUTIVE } })).toEqual([]);
    expect(await deliver(groupPostbackEvent(EXECUTIVE, 'a=sum.overdue', GROUP_A))).toEqual([]);
    expect(h.line.requests.filter((r) => r.path.startsWith('/v2/bot/message/'))).toEqual([]);
  });
});

describe('delivery to the linked group', () => {
  it("pushes the monthly summary to each organisation's group once, through its own channel, without buttons, and still to executives", async () => {
    const asOf = bkk('2026-12-01T08:30:00');
    expect(await runFor(A, 'monthly-summary', asOf)).toMatchObject({ status: 'done', recipients: 2 });
    expect(await runFor(A, 'monthly-summary', asOf)).toMatchObject({ status: 'already' });
    expect(await runFor(B, 'monthly-summary', asOf)).toMatchObject({ status: 'done' });
    expect(await runFor(B, 'monthly-summary', asOf)).toMatchObject({ status: 'already' });

    const toGroupA = pushesTo(GROUP_A);
    expect(toGroupA.map(tokenOf)).toEqual([h.line.accessToken]);
    expect(toGroupA[0]!.path).toBe('/v2/bot/message/push');
    expect(visibleText(toGroupA[0]!.body.messages)).toContain('สรุปผลการดำเนินงานประจำเดือน ธ.ค. 2569');
    expect(JSON.stringify(toGroupA[0]!.body.messages)).not.toContain('"postback"');
    expect(pushesTo(GROUP_B).map(tokenOf)).toEqual([B_TOKEN]);
    // Executives keep their own copy. Nothing is overdue in A, so it has no overdue button either (issue 21);
    // the group copy's removal of that button is tested in test/unit/executive-group.test.ts.
    expect(pushesTo(EXECUTIVE, h.line.accessToken)).toHaveLength(1);
    expect(visibleText(pushesTo(EXECUTIVE, h.line.accessToken)[0]!.body.messages)).not.toContain('ดูรายการที่เกินกำหนด');
    expect(pushesTo(EXECUTIVE, B_TOKEN)).toHaveLength(1);
    expect(h.line.requests.filter((r) => r.status !== 200)).toEqual([]);
  });

  it('pushes the follow-up results to the group only once it chose them, in chat, with what each choice costs; the change is logged', async () => {
    expect(await importPlan(A, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
    expect(await runFor(A, 'follow-up', bkk('2024-12-31T09:00:00'))).toMatchObject({ status: 'done' });
    expect(await runFor(A, 'follow-up', bkk('2025-01-31T09:00:00'))).toMatchObject({ status: 'done' });
    // The summary only: the executives get the follow-up's cards, the group does not.
    expect(pushesTo(GROUP_A)).toEqual([]);
    expect(visibleText(pushesTo(EXECUTIVE, h.line.accessToken).flatMap((r) => r.body.messages))).toContain('ผลการติดตามครั้งก่อน (31 ธ.ค. 2567)');

    expect(visibleText(await new Chat(h, OFFICER).say('กลุ่มผู้บริหารรับ 2'))).toContain('เฉพาะผู้บริหารและผู้ดูแลระบบ');
    const shown = await new Chat(h, EXECUTIVE).say('กลุ่มผู้บริหารรับ');
    expect(visibleText(shown)).toContain('ตอนนี้กลุ่มผู้บริหารได้รับ: สรุปผลการดำเนินงานรายเดือนเท่านั้น');
    expect(visibleText(shown)).toContain('กลุ่มมีสมาชิก 6 คน');
    expect(shown[0].quickReply.items.map((i: any) => i.action.text)).toEqual(['กลุ่มผู้บริหารรับ 1', 'กลุ่มผู้บริหารรับ 2', 'กลุ่มผู้บริหารรับ 3']);
    const changed = visibleText(await new Chat(h, ADMIN).say('กลุ่มผู้บริหารรับ 2'));
    expect(changed).toContain('เปลี่ยนแล้ว ตั้งแต่การส่งครั้งถัดไป กลุ่มผู้บริหารจะได้รับ: สรุปรายเดือน และรายชื่อผู้ที่ยังไม่รายงานจากการติดตามงาน');
    expect(changed).toContain('จึงใช้เพิ่มประมาณ 12 ข้อความต่อเดือน');
    expect(await auditLog(A, { limit: 1 })).toMatchObject([{ action: 'settings.change', actor: { via: 'line', name: 'ผู้ดูแลเอ' }, subject: 'สิ่งที่กลุ่มผู้บริหารได้รับ', before: 'สรุปผลการดำเนินงานรายเดือนเท่านั้น' }]);
    h.line.reset();

    expect(await runFor(A, 'follow-up', bkk('2025-02-28T09:00:00'))).toMatchObject({ status: 'done' });
    expect(await runFor(A, 'follow-up', bkk('2025-02-28T10:00:00'))).toMatchObject({ status: 'already' });
    const toGroup = pushesTo(GROUP_A);
    expect(toGroup).toHaveLength(1);
    const toExecutive = pushesTo(EXECUTIVE, h.line.accessToken).map((r) => r.body.messages);
    expect(arabicDigits(toGroup[0]!.body.messages[0].altText)).toContain('ผลการติดตามครั้งก่อน (31 ม.ค. 2568)');
    // The executives' cards, without their buttons (the bot answers no button in a group).
    const executiveCards = toExecutive.find((m) => m[0].altText === toGroup[0]!.body.messages[0].altText)!;
    expect(toGroup[0]!.body.messages).toEqual(executiveCards.map(withoutButtons));
  });

  it('tells the group how many general complaints passed 15 days, once, with no case content and nothing of corruption reports, when it chose to', async () => {
    const filedAt = new Date();
    const base = { accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: false };
    await fileComplaint(A, { complaint: { ...base, kind: 'general', description: 'ถนนหน้าวัดเป็นหลุมลึก' }, reporterLineUserId: CITIZEN, sealer: testSealer, now: filedAt, eventId: 'evt-general-0' });
    // Summary and follow-up (chosen above): no overdue count for the group.
    await runFor(A, 'complaint-deadlines', addDays(dueAt(filedAt), 1));
    expect(pushesTo(GROUP_A)).toEqual([]);
    expect(visibleText(await new Chat(h, EXECUTIVE).say('กลุ่มผู้บริหารรับ ๓'))).toContain('เปลี่ยนแล้ว');

    const laterAt = addDays(filedAt, 3);
    await fileComplaint(A, { complaint: { ...base, kind: 'general', description: 'ไฟถนนดับหน้าตลาดสดมาสองสัปดาห์' }, reporterLineUserId: CITIZEN, sealer: testSealer, now: laterAt, eventId: 'evt-general' });
    await fileComplaint(A, { complaint: { ...base, kind: 'corruption', description: 'เรียกรับเงินจากผู้รับเหมา', accused: 'นาย ก.' }, reporterLineUserId: CITIZEN, sealer: testSealer, now: laterAt, eventId: 'evt-corruption' });
    h.line.reset();
    // The days after the deadline (which a weekend may move).
    await runFor(A, 'complaint-deadlines', addDays(dueAt(laterAt), 1));
    await runFor(A, 'complaint-deadlines', addDays(dueAt(laterAt), 2));

    const toGroup = pushesTo(GROUP_A);
    expect(toGroup).toHaveLength(1);
    const said = visibleText(toGroup[0]!.body.messages);
    expect(said).toContain('เรื่องร้องเรียนทั่วไปเกินกำหนด 15 วันเพิ่มขึ้น 1 เรื่อง');
    expect(said).toContain('เกินกำหนด 2 เรื่อง');
    for (const secret of ['ไฟถนนดับ', 'เรียกรับเงิน', 'นาย ก.', 'ทุจริต', 'G25', 'C25', 'G26', 'C26']) expect(said).not.toContain(secret);
    // Executives still get the day's card in their own chat: the general case by its handler, the corruption report as a number.
    const toExecutive = visibleText(pushesTo(EXECUTIVE, h.line.accessToken).flatMap((r) => r.body.messages));
    expect(toExecutive).toContain('เรื่องร้องเรียนเกินกำหนด 15 วัน');
    expect(toExecutive).toContain('แจ้งเบาะแสการทุจริตและประพฤติมิชอบ\nเกินกำหนด 1 เรื่อง');
    expect(pushesTo(GROUP_B)).toEqual([]);
  });

  it('keeps a group linked before the choice existed receiving everything it did', async () => {
    await ExecutiveGroupModel.updateOne({ _id: B }, { $unset: { receives: '' } });
    const filedAt = new Date();
    const base = { accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: false };
    await fileComplaint(B, { complaint: { ...base, kind: 'general', description: 'น้ำประปาไม่ไหล' }, reporterLineUserId: CITIZEN, sealer: testSealer, now: filedAt, eventId: 'evt-general-b' });
    await runFor(B, 'complaint-deadlines', addDays(dueAt(filedAt), 1));
    expect(visibleText(pushesTo(GROUP_B, B_TOKEN).flatMap((r) => r.body.messages))).toContain('เรื่องร้องเรียนทั่วไปเกินกำหนด 15 วันเพิ่มขึ้น 1 เรื่อง');
  });
});

describe('unlinking', () => {
  it('refuses a non-executive, then stops delivery when an executive unlinks in the group', async () => {
    expect(visibleText(await sayInGroup(OFFICER, 'เลิกเชื่อมกลุ่ม'))).toContain('เฉพาะผู้บริหาร');
    expect(await ExecutiveGroupModel.countDocuments({ _id: A })).toBe(1);
    expect(visibleText(await sayInGroup(EXECUTIVE, 'เลิกเชื่อมกลุ่ม'))).toContain('จะไม่ได้รับสรุปและการแจ้งเตือนอีก');
    expect(await ExecutiveGroupModel.countDocuments({ _id: A })).toBe(0);
    expect(await runFor(A, 'monthly-summary', bkk('2027-02-01T08:30:00'))).toMatchObject({ status: 'done', recipients: 1 });
    expect(pushesTo(GROUP_A)).toEqual([]);
    expect(pushesTo(EXECUTIVE, h.line.accessToken)).toHaveLength(1);
  });

  it('stops delivery when the bot is removed from the group, but not for a group it was not linked to', async () => {
    const { code } = await askCode(new Chat(h, EXECUTIVE));
    await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${code}`);
    await deliver(leaveEvent(OTHER_GROUP));
    expect(await ExecutiveGroupModel.countDocuments({ _id: A })).toBe(1);
    expect(await deliver(leaveEvent(GROUP_A))).toEqual([]);
    expect(await ExecutiveGroupModel.countDocuments({ _id: A })).toBe(0);
    await runFor(A, 'monthly-summary', bkk('2027-03-01T08:30:00'));
    expect(pushesTo(GROUP_A)).toEqual([]);
  });

  it("unlinks from the executive's own chat, only in that organisation; a newer link replaces the older group", async () => {
    const first = await askCode(new Chat(h, EXECUTIVE));
    await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${first.code}`);
    const second = await askCode(new Chat(h, EXECUTIVE));
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${second.code}`, OTHER_GROUP))).toContain('กลุ่มที่เชื่อมไว้ก่อนหน้าจะไม่ได้รับอีก');
    expect(await ExecutiveGroupModel.find({ _id: A }).lean()).toMatchObject([{ groupId: OTHER_GROUP }]);

    expect(visibleText(await new Chat(h, OFFICER).say('เลิกเชื่อมกลุ่ม'))).toContain('สำหรับผู้บริหาร');
    expect(visibleText(await new Chat(h, EXECUTIVE).say('ขอยกเลิกการเชื่อมกลุ่มครับ'))).toContain('เลิกเชื่อมกลุ่มผู้บริหารแล้ว');
    expect(visibleText(await new Chat(h, EXECUTIVE).say('เลิกเชื่อมกลุ่ม'))).toContain('ไม่มีกลุ่มที่เชื่อมไว้');
    expect(await ExecutiveGroupModel.find().lean()).toMatchObject([{ _id: B, groupId: GROUP_B }]);
    await runFor(A, 'monthly-summary', bkk('2027-04-01T08:30:00'));
    expect(pushesTo(OTHER_GROUP)).toEqual([]);
    expect(pushesTo(GROUP_A)).toEqual([]);
  });

  it('links once when the answer in the group failed, and the retry pushes that answer to the group, not "used"', async () => {
    const { code } = await askCode(new Chat(h, EXECUTIVE));
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    const event = groupTextEvent(EXECUTIVE, `เชื่อมกลุ่ม ${code}`, GROUP_A);
    await h.send(event);
    expect(await ExecutiveGroupModel.find({ _id: A }).lean()).toMatchObject([{ groupId: GROUP_A }]);
    await WebhookEventModel.updateMany({ state: { $in: ['pending', 'replying'] } }, { $set: { nextAttemptAt: new Date() } });
    await h.server.runner.sweep();
    const answers = pushesTo(GROUP_A);
    expect(answers).toHaveLength(1);
    expect(visibleText(answers[0]!.body.messages)).toContain('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    expect(await eventState(event.webhookEventId)).toBe('done');
  });

  it('never logs a group id', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const id of [GROUP_A, GROUP_B, OTHER_GROUP]) expect(logs.join('')).not.toContain(id);
  });
});
