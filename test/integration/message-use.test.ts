import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint } from '../../src/db/complaint-store.js';
import { lineQuotaOf, monthUseByKind } from '../../src/db/message-use-store.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { monthKey } from '../../src/domain/calendar.js';
import type { KindUse } from '../../src/domain/message-use.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { messageQuota } from '../../src/jobs/message-quota.js';
import { forOrganisation, JOBS } from '../../src/jobs/registry.js';
import { runJob, runJobForMany } from '../../src/jobs/run-job.js';
import { formatJobsStatus, jobsStatus } from '../../src/jobs/status.js';
import { text } from '../../src/line/messages.js';
import { noticeToHandlers } from '../../src/outbox/complaint-notices.js';
import { Chat, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { groupTextEvent, textEvent } from '../support/line-events.js';

/**
 * Issue 25, points 1 and 4: every push and multicast LINE accepted is counted per organisation and month, by
 * kind and by what LINE bills (a group: its members); LINE's own count is read and shown beside it; linking
 * the executives' group and each job run say what they cost. Through signed webhooks and the fake LINE.
 */
const ORG = 'test-org';
const ADMIN = 'U0000000000000000000000000000ad01';
const EXEC_1 = 'U0000000000000000000000000000ec01';
const EXEC_2 = 'U0000000000000000000000000000ec02';
const INTEGRITY_1 = 'U0000000000000000000000000000f101';
const INTEGRITY_2 = 'U0000000000000000000000000000f102';
const OFFICER = 'U00000000000000000000000000000f01';
const CITIZEN = 'U0000000000000000000000000000c001';
const GROUP = 'C0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d';

let h: Harness;
const month = () => monthKey(new Date());
const use = async (): Promise<Record<string, Omit<KindUse, 'kind'>>> =>
  Object.fromEntries((await monthUseByKind(ORG, month())).map(({ kind, sends, recipients }) => [kind, { sends, recipients }]));
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args)).stdout;
const answerOf = async (userId: string, words: string) => arabicDigits(visibleText(await new Chat(h, userId).say(words)));

async function until<T>(read: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error('never came');
}

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, ADMIN, ['admin'], null, 'ผู้ดูแล');
  await addStaff(ORG, EXEC_1, ['executive'], null, 'นายก');
  await addStaff(ORG, EXEC_2, ['executive'], null, 'ปลัด');
  await addStaff(ORG, INTEGRITY_1, ['integrity_officer'], null, 'นิติกรหนึ่ง');
  await addStaff(ORG, INTEGRITY_2, ['integrity_officer'], null, 'นิติกรสอง');
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'เจ้าหน้าที่');
  h.line.memberCounts.set(GROUP, 6);
});
afterAll(async () => {
  await h?.close();
});

describe('what the executives\' group costs', () => {
  it('says, when it is linked, how many members it has and how many messages a month it adds', async () => {
    const answer = await new Chat(h, EXEC_1).say('เชื่อมกลุ่ม');
    const code = visibleText(answer).match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
    const event = groupTextEvent(EXEC_1, `เชื่อมกลุ่ม ${code}`, GROUP);
    await h.send(event);
    const said = arabicDigits(visibleText(h.line.requests.filter((r) => r.path === '/v2/bot/message/reply' && r.body.replyToken === event.replyToken).flatMap((r) => r.body.messages)));
    expect(said).toContain('เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว');
    // A new link gets the monthly summary only: 1 push × 6 members; the follow-up's list would make it 2 pushes.
    expect(said).toContain('กลุ่มมีสมาชิก 6 คน');
    expect(said).toContain('จึงใช้เพิ่มประมาณ 6 ข้อความต่อเดือน');
    expect(said).toContain('เดือนละ 2 ครั้ง ใช้ 12 ข้อความต่อเดือน');
  });
});

describe('counting what LINE bills', () => {
  it('counts a multicast by its recipients and a group push by the group\'s members, and the run\'s line in jobs status shows both', async () => {
    const result = await runJob(JOBS['monthly-summary'], new Date(), 'operator', forOrganisation(h.server.jobDeps, ORG));
    expect(result.status).toBe('done');
    await h.server.outbox.flush();
    expect(h.line.accepted('/v2/bot/message/multicast')).toHaveLength(1);
    expect(h.line.deliveriesTo(GROUP)).toHaveLength(1);

    expect(await use()).toMatchObject({ 'monthly-summary': { sends: 1, recipients: 2 }, 'executive-group': { sends: 1, recipients: 6 } });
    const status = formatJobsStatus(await jobsStatus(ORG));
    expect(status.split('\n').find((l) => l.includes('monthly-summary'))).toContain('นับโควตา 8 ข้อความ');
  });

  it('reads LINE\'s own count once the run\'s messages are out', async () => {
    const reading = await until(async () => ((await lineQuotaOf(ORG))?.used === 8 ? lineQuotaOf(ORG) : null));
    expect(reading).toMatchObject({ quota: 200, used: 8, month: month() });
  });

  it('counts a message sent again after a crash once, when LINE answers 409 for its retry key', async () => {
    const base = { accused: 'นาย ก.', happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: false };
    const { complaint } = await fileComplaint(ORG, { complaint: { ...base, kind: 'corruption', description: 'เรียกรับเงินจากผู้รับเหมา' }, reporterLineUserId: CITIZEN, sealer: testSealer, now: new Date(), eventId: 'evt-corruption' });
    await noticeToHandlers(complaint, 'new', [text('มีเรื่องใหม่')], { orgId: ORG, sealer: testSealer, now: new Date() });
    await h.server.outbox.flush();
    // The instance that sent it died before marking it sent: the message is due again, with the same retry key.
    await OutboxMessageModel.updateOne({ source: `complaint:${complaint.id}` }, { $set: { state: 'pending', nextAttemptAt: new Date(0) } });
    await h.server.outbox.flush();

    const sends = h.line.requests.filter((r) => r.path === '/v2/bot/message/multicast' && r.body.to.includes(INTEGRITY_1));
    expect(sends.map((r) => r.status)).toEqual([200, 409]);
    expect((await use())['corruption-notice']).toEqual({ sends: 1, recipients: 2 });
  });

  it('counts an answer that went as a push because it came after the reply token\'s life', async () => {
    await h.send(textEvent(OFFICER, 'ช่วยเหลือ', { timestamp: Date.now() - 5 * 60_000 }));
    expect(h.line.deliveriesTo(OFFICER)).toHaveLength(1);
    expect((await use())['late-answer']).toEqual({ sends: 1, recipients: 1 });
  });
});

describe('LINE\'s own count', () => {
  it('is read once a day for each organisation, however many instances tick', async () => {
    h.line.setConsumption(57);
    const before = h.line.accepted('/v2/bot/message/quota').length;
    const tick = (instanceId: string) => runJobForMany(messageQuota, new Date(), 'schedule', [forOrganisation({ ...h.server.jobDeps, instanceId }, ORG)]);
    const [one, two] = await Promise.all([tick('instance-a'), tick('instance-b')]);
    expect([one.get(ORG)?.status, two.get(ORG)?.status].sort()).toEqual(['already', 'done']);
    expect(h.line.accepted('/v2/bot/message/quota').length - before).toBe(1);
    expect(await lineQuotaOf(ORG)).toMatchObject({ quota: 200, used: 57 });
  });
});

describe('สถิติข้อความ and cli messages', () => {
  it('shows admins this month\'s use by kind, against the plan\'s quota and LINE\'s own count', async () => {
    const said = await answerOf(ADMIN, 'สถิติข้อความ');
    expect(said).toContain('ระบบส่งไป 11 ข้อความ แยกตามประเภท');
    expect(said).toContain('• ข้อความถึงกลุ่มผู้บริหาร 6 ข้อความ (ส่ง 1 ครั้ง)');
    expect(said).toContain('• สรุปรายเดือนถึงผู้บริหาร 2 ข้อความ (ส่ง 1 ครั้ง)');
    expect(said).toContain('• แจ้งเจ้าหน้าที่เรื่องเบาะแสการทุจริต 2 ข้อความ (ส่ง 1 ครั้ง) *');
    expect(said).toContain('• คำตอบที่ส่งหลังหมดเวลาตอบกลับ 1 ข้อความ (ส่ง 1 ครั้ง)');
    expect(said).toContain('โควตาของแพ็กเกจ 200 ข้อความต่อเดือน ใช้ไปแล้วร้อยละ 29 เหลือ 143 ข้อความ');
    expect(said).toContain('LINE นับว่าเดือนนี้ใช้ไป 57 ข้อความ');
  });

  it('shows executives the same, and politely refuses anyone else', async () => {
    expect(await answerOf(EXEC_2, 'สถิติข้อความ')).toContain('ระบบส่งไป 11 ข้อความ');
    expect(await answerOf(OFFICER, 'สถิติข้อความ')).toBe('คำสั่งนี้สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
  });

  it('prints the same in cli messages, and an earlier month on asking', async () => {
    const printed = await cli('messages');
    expect(printed).toContain('ระบบส่งไป 11 ข้อความ แยกตามประเภท');
    expect(printed).toContain('• ข้อความถึงกลุ่มผู้บริหาร 6 ข้อความ (ส่ง 1 ครั้ง)');
    expect(printed).toContain('LINE นับว่าเดือนนี้ใช้ไป 57 ข้อความ');
    const earlier = await cli('messages', '--month', '2026-01');
    expect(earlier).toContain('การใช้ข้อความ LINE เดือน ม.ค. 2569');
    expect(earlier).toContain('เดือนนั้นระบบไม่ได้ส่งข้อความที่นับโควตา');
  });
});
