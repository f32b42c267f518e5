import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint } from '../../src/db/complaint-store.js';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { postbackData } from '../../src/line/postback.js';
import { Chat, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { postbackEvent, textEvent } from '../support/line-events.js';
import { CASE_ACTIONS } from '../../src/features/case-actions/actions.js';
import { OWN_CASE_ACTIONS } from '../../src/features/own-case-actions/actions.js';

/**
 * The moves' table (domain/complaint-states.ts) held against the real database: two moves from the same
 * state sent at once leave one entry and one notice, and a move the case no longer allows (it changed
 * after the person saw it) writes nothing, tells nobody, and is answered in Thai with what the case is now.
 */
const ORG = 'test-org';
const FIRST = 'U4444444444444444444444444444aaaa';
const SECOND = 'U4444444444444444444444444444bbbb';
const CITIZEN = 'U5555555555555555555555555555eeee';
const TRIES = 5;

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ manualSweeps: true });
  await addStaff(ORG, FIRST, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่คนแรก');
  await addStaff(ORG, SECOND, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่คนที่สอง');
}, 120_000);
afterAll(async () => {
  await h?.close();
});

async function aCase(fields: { explanationRequired?: boolean } = {}): Promise<string> {
  const input = { kind: 'general' as const, description: 'ท่อระบายน้ำหน้าตลาดอุดตัน', accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: true };
  const { complaint } = await fileComplaint(ORG, { complaint: input, reporterLineUserId: CITIZEN, sealer: testSealer, now: new Date(), eventId: `states-${Math.random()}` });
  // As the 15-day job leaves an overdue case.
  if (fields.explanationRequired) await ComplaintModel.updateOne({ _id: complaint.id }, { $set: { explanationRequired: true } });
  return complaint.id;
}

/** What the bot answered an event. */
function repliesTo(event: webhook.Event): string {
  const token = 'replyToken' in event ? event.replyToken : undefined;
  return visibleText(h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === token).flatMap((r) => r.body.messages));
}

/** The case's timeline entries of a type, and what the outbox holds for the citizen about the case. */
async function record(id: string, type: string) {
  const entries = await ComplaintEventModel.find({ complaintId: id, type }).lean();
  const outbox = await OutboxMessageModel.find({ source: `complaint:${id}` }).lean();
  const toCitizen = outbox.filter((m) => (JSON.parse(testSealer.open(m.toSealed)) as string[]).includes(CITIZEN));
  return { entries, toCitizen: toCitizen.length, case: (await ComplaintModel.findById(id).lean())! };
}

describe('two moves from the same state at once', () => {
  it(`two handlers resolving one case: one entry, one notice to the citizen, the other handler told nothing was recorded (${TRIES} tries)`, async () => {
    for (let i = 0; i < TRIES; i++) {
      const id = await aCase();
      await new Chat(h, FIRST).tap(postbackData(CASE_ACTIONS.caseSetStatus, { c: id, s: 'resolved' }));
      await new Chat(h, SECOND).tap(postbackData(CASE_ACTIONS.caseSetStatus, { c: id, s: 'resolved' }));
      const first = textEvent(FIRST, 'ล้างท่อเรียบร้อยแล้ว');
      const second = textEvent(SECOND, 'ส่งรถดูดโคลนไปแล้ว');
      await h.send(first, second);

      const got = await record(id, 'status');
      expect(got.entries, `try ${i + 1}`).toHaveLength(1);
      expect(got.toCitizen, `try ${i + 1}`).toBe(1);
      expect(got.case.status).toBe('resolved');
      const [won, lost] = got.entries[0]!.byUserId === FIRST ? [first, second] : [second, first];
      expect(repliesTo(won)).toContain('ดำเนินการแล้วเสร็จ · แจ้งผู้ร้องเรียนแล้ว');
      expect(repliesTo(lost)).toContain('ยังไม่ได้บันทึก และไม่ได้แจ้งผู้ร้องเรียน');
      expect(repliesTo(lost)).toContain('สถานะขณะนี้คือ "ดำเนินการแล้วเสร็จ"');
    }
  }, 120_000);

  it(`two handlers taking one case: one "taken" entry, the case is the winner's, the other is told who has it (${TRIES} tries)`, async () => {
    for (let i = 0; i < TRIES; i++) {
      const id = await aCase();
      const first = postbackEvent(FIRST, postbackData(CASE_ACTIONS.caseTake, { c: id }));
      const second = postbackEvent(SECOND, postbackData(CASE_ACTIONS.caseTake, { c: id }));
      await h.send(first, second);

      const got = await record(id, 'taken');
      expect(got.entries, `try ${i + 1}`).toHaveLength(1);
      const winner = got.entries[0]!.byUserId;
      expect(got.case.handlerUserId).toBe(winner);
      const [won, lost] = winner === FIRST ? [first, second] : [second, first];
      expect(repliesTo(won)).toContain('ท่านรับผิดชอบเรื่อง');
      expect(repliesTo(lost)).toContain('มีผู้รับผิดชอบแล้ว');
      expect(repliesTo(lost)).not.toContain('ท่านรับผิดชอบเรื่อง');
    }
  }, 120_000);

  it('two handlers explaining one late case: one explanation entry, one notice to the citizen', async () => {
    const id = await aCase({ explanationRequired: true });
    await new Chat(h, FIRST).tap(postbackData(CASE_ACTIONS.caseExplain, { c: id }));
    await new Chat(h, SECOND).tap(postbackData(CASE_ACTIONS.caseExplain, { c: id }));
    const first = textEvent(FIRST, 'รอผู้รับจ้างนำรถดูดโคลนเข้าพื้นที่');
    const second = textEvent(SECOND, 'รองบประมาณซ่อมท่อ');
    await h.send(first, second);

    const got = await record(id, 'explanation');
    expect(got.entries).toHaveLength(1);
    expect(got.toCitizen).toBe(1);
    expect(got.case.explanationRequired).toBe(false);
    const lost = got.entries[0]!.byUserId === FIRST ? second : first;
    expect(repliesTo(lost)).toContain('บันทึกไว้แล้ว จึงไม่ได้บันทึกซ้ำ และไม่ได้แจ้งผู้ร้องเรียน');
  }, 60_000);
});

describe('a move the case no longer allows', () => {
  it('"resolved" after the citizen withdrew: refused in Thai, nothing written, the citizen not told', async () => {
    const id = await aCase();
    const handler = new Chat(h, FIRST);
    await handler.tap(postbackData(CASE_ACTIONS.caseSetStatus, { c: id, s: 'resolved' }));
    await new Chat(h, CITIZEN).tap(postbackData(OWN_CASE_ACTIONS.ownWithdrawConfirm, { c: id }));
    const before = await record(id, 'status');
    expect(before.case.status).toBe('withdrawn');
    const entriesBefore = await ComplaintEventModel.countDocuments({ complaintId: id });

    const answer = visibleText(await handler.say('ซ่อมเรียบร้อยแล้ว'));

    expect(answer).toContain('ยังไม่ได้บันทึก และไม่ได้แจ้งผู้ร้องเรียน');
    expect(answer).toContain('สถานะขณะนี้คือ "ผู้ร้องขอถอนเรื่อง"');
    expect(answer).toContain('กรุณาเปิดเรื่องจากรายการ "เรื่องร้องเรียน" อีกครั้ง');
    const after = await record(id, 'status');
    expect(after.entries).toHaveLength(0);
    expect(await ComplaintEventModel.countDocuments({ complaintId: id })).toBe(entriesBefore);
    expect(after.toCitizen).toBe(0);
    expect(after.case).toMatchObject({ status: 'withdrawn', moves: before.case.moves, closedAt: before.case.closedAt });
  }, 60_000);

  it('an explanation of a delay after the citizen withdrew: refused, no explanation entry, the citizen not told', async () => {
    const id = await aCase({ explanationRequired: true });
    const handler = new Chat(h, FIRST);
    await handler.tap(postbackData(CASE_ACTIONS.caseExplain, { c: id }));
    await new Chat(h, CITIZEN).tap(postbackData(OWN_CASE_ACTIONS.ownWithdrawConfirm, { c: id }));

    const answer = visibleText(await handler.say('รอผู้รับจ้าง'));

    expect(answer).toContain('สถานะขณะนี้คือ "ผู้ร้องขอถอนเรื่อง"');
    const after = await record(id, 'explanation');
    expect(after.entries).toHaveLength(0);
    expect(after.toCitizen).toBe(0);
  }, 60_000);
});
