import { subDays, subMinutes } from 'date-fns';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueGroupLinkCode, linkGroupWithCode } from '../../src/db/executive-group-store.js';
import { recordGroupLinkFailure } from '../../src/db/group-link-throttle-store.js';
import { ExecutiveGroupModel, GroupLinkCodeModel, GroupLinkFailureModel, GroupLinkRedemptionModel } from '../../src/db/models/executive-group.js';
import { pruneGroupLinkRecords } from '../../src/jobs/prune-group-link-records.js';
import { Chat, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { groupTextEvent } from '../support/line-events.js';

/**
 * The executives' group link codes' loose ends (issue "Many organisations on one deployment"): guessing codes
 * in a group is throttled per sender and per group, through signed webhooks from group sources; expired codes
 * and old wrong-code records are pruned by the daily job.
 */
const ORG = 'test-org';
const EXECUTIVE = 'U3333333333333333333333333333cccc';
const DEPUTY = 'U4444444444444444444444444444dddd';
const OFFICER = 'U2222222222222222222222222222bbbb';
const GROUP_A = 'C0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a';
const GROUP_B = 'C0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b';
const GROUP_C = 'C0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c';
const WRONG = ['ABCD-2345', 'BCDE-3456', 'CDEF-4567', 'DEFG-5678', 'EFGH-6789'];

let h: Harness;

async function sayInGroup(userId: string, said: string, groupId: string): Promise<any[]> {
  const event: webhook.Event = groupTextEvent(userId, said, groupId);
  await h.send(event);
  const token = 'replyToken' in event ? event.replyToken : undefined;
  return h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === token).flatMap((r) => r.body.messages);
}

async function askCode(userId = EXECUTIVE): Promise<string> {
  const code = visibleText(await new Chat(h, userId).say('เชื่อมกลุ่ม')).match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
  if (!code) throw new Error('no code given');
  return code;
}

/** Ten minutes pass for the throttle: every wrong-code record is moved back out of the window. */
const tenMinutesPass = async () => {
  for (const f of await GroupLinkFailureModel.find().lean()) await GroupLinkFailureModel.updateOne({ _id: f._id }, { $set: { at: subMinutes(f.at, 10) } });
};

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'ปลัดเอ');
  await addStaff(ORG, DEPUTY, ['executive'], null, 'รองปลัดเอ');
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'สมชาย การเงิน');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('guessing link codes in a group', () => {
  it('after five wrong codes from a sender, checks none of theirs for ten minutes, in any group, and says so politely', async () => {
    const code = await askCode();
    for (const wrong of WRONG) expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${wrong}`, GROUP_A))).toContain('ไม่พบรหัสนี้');
    // Even the right code is not checked now, in this group or another one.
    const stopped = visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${code}`, GROUP_A));
    expect(stopped).toContain('ไม่ถูกต้องหลายครั้งเกินไป');
    expect(stopped).toContain('ลองใหม่อีกครั้งในอีก 10 นาที');
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${code}`, GROUP_B))).toContain('หลายครั้งเกินไป');
    expect(await ExecutiveGroupModel.countDocuments()).toBe(0);

    // The bot stays quiet in the group otherwise, and the sender's own registration is not affected.
    expect(await sayInGroup(EXECUTIVE, 'สวัสดีครับ', GROUP_A)).toEqual([]);
    expect(await sayInGroup(EXECUTIVE, 'เชื่อมกลุ่มยังไงครับ', GROUP_A)).toEqual([]);
    expect(visibleText(await new Chat(h, EXECUTIVE).say('ลงทะเบียน WXYZ-2345'))).toContain('ไม่พบรหัสเชิญนี้');

    await tenMinutesPass();
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${code}`, GROUP_A))).toContain('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    expect(await ExecutiveGroupModel.find().lean()).toMatchObject([{ _id: ORG, groupId: GROUP_A }]);
  });

  it('stops a group after five wrong codes from anyone in it, while its executives can still link another group', async () => {
    await tenMinutesPass();
    for (const wrong of WRONG.slice(0, 3)) await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${wrong}`, GROUP_B);
    for (const wrong of WRONG.slice(3)) expect(visibleText(await sayInGroup(DEPUTY, `เชื่อมกลุ่ม ${wrong}`, GROUP_B))).toContain('ไม่พบรหัสนี้');
    const code = await askCode(DEPUTY);
    // Five wrong codes in this group, though neither sender typed five.
    expect(visibleText(await sayInGroup(DEPUTY, `เชื่อมกลุ่ม ${code}`, GROUP_B))).toContain('หลายครั้งเกินไป');
    expect(await ExecutiveGroupModel.find().lean()).toMatchObject([{ groupId: GROUP_A }]);
    // The deputy typed two wrong codes in all: in another group their right code links.
    expect(visibleText(await sayInGroup(DEPUTY, `เชื่อมกลุ่ม ${code}`, GROUP_C))).toContain('เรียบร้อยแล้ว');
    expect(await ExecutiveGroupModel.find().lean()).toMatchObject([{ groupId: GROUP_C }]);
  });

  it('counts neither what a non-executive types nor a used-up code twice for one retried event', async () => {
    await tenMinutesPass();
    for (let i = 0; i < 6; i++) expect(visibleText(await sayInGroup(OFFICER, `เชื่อมกลุ่ม ${WRONG[0]}`, GROUP_A))).toContain('เฉพาะผู้บริหาร');
    const who = { senderKey: testSealer.userKey(EXECUTIVE), groupKey: testSealer.userKey(GROUP_A) };
    for (let i = 0; i < 5; i++) await recordGroupLinkFailure(ORG, { who, eventId: 'evt-retried', now: new Date() });
    const recent = { at: { $gt: subMinutes(new Date(), 5) } };
    expect(await GroupLinkFailureModel.countDocuments(recent)).toBe(2);
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${WRONG[1]}`, GROUP_A))).toContain('ไม่พบรหัสนี้');
  });
});

describe('the daily prune of link records', () => {
  it('deletes codes a week past their expiry with their redemptions and old wrong-code records; newer codes keep working as before', async () => {
    const now = new Date();
    const executiveKey = testSealer.userKey(EXECUTIVE);
    // A code used nine days ago, one never used and expired eight days ago, one expired two days ago.
    const usedLongAgo = await issueGroupLinkCode(ORG, { issuedToKey: executiveKey, eventId: 'evt-old-used', now: subDays(now, 9) });
    const link = { groupId: GROUP_B, groupKey: testSealer.userKey(GROUP_B), byKey: executiveKey, eventId: 'evt-old-link', rawCode: usedLongAgo.code };
    expect(await linkGroupWithCode(ORG, link, subDays(now, 9))).toMatchObject({ result: 'linked' });
    const unusedLongAgo = await issueGroupLinkCode(ORG, { issuedToKey: executiveKey, eventId: 'evt-old-unused', now: subDays(now, 8) });
    const recentlyExpired = await issueGroupLinkCode(ORG, { issuedToKey: executiveKey, eventId: 'evt-recent', now: subDays(now, 2) });
    const fresh = await askCode();
    const codesBefore = await GroupLinkCodeModel.countDocuments();
    const redemptionsBefore = await GroupLinkRedemptionModel.countDocuments();
    await tenMinutesPass();
    const wrongBefore = await GroupLinkFailureModel.countDocuments();
    expect(wrongBefore).toBeGreaterThan(0);

    expect(await pruneGroupLinkRecords.run(now)).toEqual({ codes: 2, wrongCodes: wrongBefore });
    expect(await GroupLinkCodeModel.countDocuments()).toBe(codesBefore - 2);
    expect(await GroupLinkRedemptionModel.countDocuments()).toBe(redemptionsBefore - 1);
    expect(await GroupLinkFailureModel.countDocuments()).toBe(0);
    expect(await pruneGroupLinkRecords.run(now)).toEqual({ codes: 0, wrongCodes: 0 });

    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${usedLongAgo.code}`, GROUP_A))).toContain('ไม่พบรหัสนี้');
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${unusedLongAgo.code}`, GROUP_A))).toContain('ไม่พบรหัสนี้');
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${recentlyExpired.code}`, GROUP_A))).toContain('หมดอายุ');
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${fresh}`, GROUP_A))).toContain('เรียบร้อยแล้ว');
    expect(visibleText(await sayInGroup(EXECUTIVE, `เชื่อมกลุ่ม ${fresh}`, GROUP_A))).toContain('ถูกใช้ไปแล้ว');
  });
});
