import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { doneRun } from '../../src/db/job-run-store.js';
import { editMeasure } from '../../src/db/measure-store.js';
import { recordRoundTold, roundToldSince } from '../../src/db/round-told-store.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * The 12-month round's reminders (7 and 1 days before 30 September): an officer who saves a report in
 * between reads in the free reply what is still awaiting, and the reminder of the day before does not push
 * them the same list again.
 */
const ORG = 'test-org';
const bkk = (local: string) => new Date(`${local}+07:00`);
let clock = bkk('2025-09-10T10:00:00');
let h: Harness;
let finance: Chat;
let works: Chat;
let clerk: Chat;
let health: Chat;
let education: Chat;

function planCsv(): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ'];
  for (let i = 1; i <= 4; i++) rows.push(`K-0${i},ita_measure,${i},งานกองคลังลำดับที่ ${i},,กองคลัง,ตลอดปีงบประมาณ,2568,`);
  rows.push('W-01,ita_measure,11,งานกองช่าง,,กองช่าง,ตลอดปีงบประมาณ,2568,');
  rows.push('C-01,ita_measure,21,งานสำนักปลัดลำดับที่ 1,,สำนักปลัด,ตลอดปีงบประมาณ,2568,');
  rows.push('C-02,ita_measure,22,งานสำนักปลัดลำดับที่ 2,,สำนักปลัด,ตลอดปีงบประมาณ,2568,');
  rows.push('X-01,ita_measure,31,งานที่ยังไม่มีผู้รับผิดชอบลำดับที่ 1,,กองพัสดุ,ตลอดปีงบประมาณ,2568,');
  rows.push('X-02,ita_measure,32,งานที่ยังไม่มีผู้รับผิดชอบลำดับที่ 2,,กองพัสดุ,ตลอดปีงบประมาณ,2568,');
  rows.push('E-01,ita_measure,51,งานกองการศึกษา,,กองการศึกษา,ตลอดปีงบประมาณ,2568,');
  rows.push('H-01,ita_measure,41,งานกองสาธารณสุข,,กองสาธารณสุข,ตลอดปีงบประมาณ,2568,');
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

async function linkOfficer(userId: string, unit: string, name: string): Promise<Chat> {
  const chat = new Chat(h, userId);
  h.line.profiles.set(userId, name);
  const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit, position: null, validHours: 24 });
  expect(visibleText(await chat.say(`ลงทะเบียน ${code.toLowerCase()}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
  return chat;
}

/** A progress report the way an officer makes it: by code, status, summary, three skips, confirm. Returns the answer to the confirm. */
async function reportByChat(chat: Chat, code: string): Promise<any[]> {
  const status = await chat.say(`รายงาน ${code}`);
  await chat.tap(postbackOf(status, 'กำลังดำเนินการ'));
  await chat.say(`ดำเนินการ ${code} ไปแล้วบางส่วน`);
  await chat.say('ข้าม');
  await chat.say('ข้าม');
  const confirm = await chat.say('ข้าม');
  const saved = await chat.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
  expect(visibleText(saved)).toContain(`บันทึกแล้ว: ${code}`);
  return saved;
}

/**
 * Runs a job for a moment of the test's calendar. The runner stamps what it queues with the real time, so
 * the outbox is flushed at the real time too, and the chat's clock then set back.
 */
async function runFor(job: keyof typeof JOBS, asOf: Date) {
  const result = await runJob(JOBS[job], asOf, 'operator', h.server.jobDeps);
  clock = new Date();
  await h.server.outbox.flush();
  clock = asOf;
  return result;
}

/** An admin gives an item to another unit, as `จัดการ` does. */
async function giveTo(code: string, unit: string, at: Date) {
  const id = String((await MeasureModel.findOne({ orgId: ORG, code }).lean())!._id);
  expect(await editMeasure(ORG, { id, edit: { field: 'responsibleUnits', value: [unit] }, by: 'ผู้ดูแลระบบ', at })).not.toBeNull();
}

const pushesTo = (chat: Chat) => h.line.deliveriesTo(chat.userId).flatMap((r) => r.body.messages);

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true });
  finance = await linkOfficer('U1111111111111111111111111111aaaa', 'กองคลัง', 'สมชาย การเงิน');
  works = await linkOfficer('U2222222222222222222222222222bbbb', 'กองช่าง', 'สมหญิง ช่างดี');
  clerk = await linkOfficer('U3333333333333333333333333333cccc', 'สำนักปลัด', 'สมศรี ธุรการ');
  health = await linkOfficer('U4444444444444444444444444444dddd', 'กองสาธารณสุข', 'สมปอง อนามัย');
  education = await linkOfficer('U5555555555555555555555555555eeee', 'กองการศึกษา', 'สมใจ ศึกษา');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe("a saved report's answer during a round's reminders", () => {
  it('says nothing of the round three weeks before it ends', async () => {
    clock = bkk('2025-09-10T10:00:00');
    const saved = await reportByChat(finance, 'K-04');
    expect(saved).toHaveLength(1);
    expect(visibleText(saved)).not.toContain('รอรายงาน');
  });

  it('after the first reminder, tells what is still awaiting and by when, with a button to see them', async () => {
    clock = bkk('2025-09-23T09:00:00');
    expect(await runFor('round-reminder', clock)).toMatchObject({ status: 'done', recipients: 5 });
    expect(visibleText(pushesTo(finance))).toContain('รายการของท่านที่ยังรอรายงาน 3 รายการ');
    h.line.reset();

    clock = bkk('2025-09-24T10:00:00');
    const saved = await reportByChat(finance, 'K-01');
    expect(visibleText(saved)).toContain('รายงานผลรอบ 12 เดือน ครบกำหนดอีก 6 วัน (ข้อมูล ณ 30 ก.ย. 2568): ยังมีรายการของท่านรอรายงาน 2 รายการ');
    expect(saved.at(-1).quickReply.items.map((i: any) => [i.action.label, i.action.text])).toEqual([['ดูรายการที่รอรายงาน', 'รายงาน']]);
    const list = await finance.say('รายงาน');
    expect(visibleText(list)).toContain('K-02');
    expect(visibleText(list)).toContain('K-03');

    const allDone = await reportByChat(health, 'H-01');
    expect(visibleText(allDone)).toContain('รายการของท่านรายงานในรอบนี้ครบทุกรายการแล้ว');

    await reportByChat(clerk, 'C-01');
    // Replies are free: no push for any of it.
    expect(h.line.requests.filter((r) => r.path === '/v2/bot/message/push')).toEqual([]);
  });

  it("the day before, leaves out the officer told of everything left, and reminds the one who did nothing and the one given an item since", async () => {
    clock = bkk('2025-09-25T11:00:00');
    await giveTo('X-01', 'สำนักปลัด', clock);
    // Given an item after the first reminder and told of it in a reply: the second need not push it.
    await giveTo('X-02', 'กองการศึกษา', clock);
    clock = bkk('2025-09-26T10:00:00');
    expect(visibleText(await reportByChat(education, 'E-01'))).toContain('ยังมีรายการของท่านรอรายงาน 1 รายการ');

    clock = bkk('2025-09-29T09:00:00');
    expect(await runFor('round-reminder', clock)).toMatchObject({ status: 'done', recipients: 2 });
    expect(pushesTo(finance)).toEqual([]);
    expect(visibleText(pushesTo(works))).toContain('อีก 1 วันจะครบกำหนดรายงานผลรอบ 12 เดือน');
    const toClerk = visibleText(pushesTo(clerk));
    expect(toClerk).toContain('รายการของท่านที่ยังรอรายงาน 2 รายการ');
    expect(toClerk).toContain('X-01');
    expect(pushesTo(health)).toEqual([]);
    expect(pushesTo(education)).toEqual([]);
  });

  it("keeps the officers it left out as listed, so the quarter's follow-up does not push them either", async () => {
    clock = bkk('2025-09-30T09:00:00');
    expect(await runFor('follow-up', clock)).toMatchObject({ status: 'done' });
    expect(pushesTo(finance)).toEqual([]);
    // X-02 was listed by no reminder's push, only by the one that left them out.
    expect(pushesTo(education)).toEqual([]);
    const asked = (await doneRun(ORG, 'follow-up', '2025-09'))!.listed;
    expect(asked.find((l) => l.lineUserId === education.userId)?.measureIds).toHaveLength(1);
  });

  it('leaves out the same officers when the run of the day before is produced again (resumed, or by another instance)', async () => {
    const again = await JOBS['round-reminder'].produce({ id: 'again', asOf: bkk('2025-09-29T09:00:00') }, { orgId: ORG, thresholds: [], roundReminderDaysBefore: [7, 1] });
    expect(again.outgoing.flatMap((o) => o.to).sort()).toEqual([works.userId, clerk.userId].sort());
  });
});

describe('what an officer was told', () => {
  it('keeps the newest telling when its event is delivered again and an older reply is written last', async () => {
    const officer = 'U9999999999999999999999999999ffff';
    await recordRoundTold(ORG, '2569-six_month', { lineUserId: officer, at: bkk('2026-03-26T10:05:00'), measureIds: ['b'] });
    await recordRoundTold(ORG, '2569-six_month', { lineUserId: officer, at: bkk('2026-03-26T10:05:00'), measureIds: ['b'] });
    await recordRoundTold(ORG, '2569-six_month', { lineUserId: officer, at: bkk('2026-03-26T10:04:00'), measureIds: ['a', 'b'] });
    const told = await roundToldSince(ORG, '2569-six_month', bkk('2026-03-24T09:00:00'));
    expect(told.get(officer)?.measureIds).toEqual(['b']);
    expect((await roundToldSince(ORG, '2569-six_month', bkk('2026-03-27T09:00:00'))).has(officer)).toBe(false);
  });
});
