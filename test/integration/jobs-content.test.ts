import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { doneRun } from '../../src/db/job-run-store.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { JOBS, jobSchedules } from '../../src/jobs/registry.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { bkk, runJobAndSend } from '../support/jobs.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org';
const OFFICER = 'U-officer-finance';
const EXECUTIVE = 'U-executive-mayor';

let h: Harness;
const pushesTo = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages);

const run = (job: keyof typeof JOBS, asOf: Date) => runJobAndSend(h, job, asOf);

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'สมชาย การเงิน');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('the 3-month follow-up', () => {
  it('sends each officer the measures that need an update, with buttons that open the report dialog', async () => {
    expect(await run('follow-up', bkk('2024-12-31T09:00:00'))).toMatchObject({ status: 'done' });
    const messages = pushesTo(OFFICER);
    expect(visibleText(messages)).toContain('ติดตามผลการดำเนินงานรายไตรมาส (ไตรมาสที่ 1/2568)');
    // กองคลัง's project EP-07 and the measures of all units are listed; other units' are not.
    expect(visibleText(messages)).toContain('EP-07');
    expect(visibleText(messages)).not.toContain('EP-02');

    const officer = new Chat(h, OFFICER);
    const prompt = await officer.tap(postbackOf(messages, /รายงานความก้าวหน้า/));
    expect(visibleText(prompt)).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    await officer.tap(postbackOf(prompt, 'กำลังดำเนินการ'));
    await officer.say('จัดทำประกาศแล้ว');
    await officer.say('ข้าม');
    await officer.say('ข้าม');
    const confirm = await officer.say('ข้าม');
    expect(visibleText(await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')))).toContain('บันทึกความก้าวหน้าแล้ว');
  });

  it('a month later tells executives who did not respond, and reminds only of measures 3 months without a report', async () => {
    const answered = await MeasureModel.findOne({ orgId: ORG, lastReportAt: { $ne: null } }).lean();
    expect(await run('follow-up', bkk('2025-01-31T09:00:00'))).toMatchObject({ status: 'done' });
    // Executives see a card for the officer, with counts; the measures are behind its button.
    const cards = pushesTo(EXECUTIVE);
    expect(cards).toHaveLength(1);
    expect(cards[0].type).toBe('flex');
    const toExecutive = visibleText(cards);
    expect(toExecutive).toContain('ผลการติดตามครั้งก่อน (31 ธ.ค. 2567)');
    expect(toExecutive).toContain('สมชาย การเงิน');
    const asked = (await doneRun(ORG, 'follow-up', '2024-12'))!.listed[0]!.measureIds.length;
    expect(toExecutive).toContain(`ยังไม่รายงาน ${asked - 1} จาก ${asked} รายการที่ขอ`);
    expect(toExecutive).not.toContain('EP-07');

    const button = postbackOf(cards, 'ดูรายการ');
    expect(visibleText(await new Chat(h, OFFICER).tap(button))).toContain('สำหรับผู้บริหารเท่านั้น');
    const list = visibleText(await new Chat(h, EXECUTIVE).tap(button));
    expect(list).toContain(`สมชาย การเงิน: ยังไม่มีรายงานตั้งแต่การติดตามเมื่อ 31 ธ.ค. 2567 ${asked - 1} รายการ`);
    expect(list).toContain('EP-07');
    expect(list).not.toContain(`${answered!.code} `);
    const toOfficer = visibleText(pushesTo(OFFICER));
    expect(toOfficer).toContain('ไม่มีรายงานความก้าวหน้ามาเกิน 3 เดือน');
    expect(toOfficer).not.toContain(answered!.code);
  });

  it('runs from its schedule only on the last day of the month, and once', async () => {
    const schedule = jobSchedules(h.config, h.server.jobDeps).find((s) => s.name === 'follow-up')!;
    expect(schedule.cron).toBe('0 9 28-31 * *');
    expect(await schedule.run(bkk('2025-02-27T09:00:00'))).toEqual({ [h.config.ORG_CODE]: { status: 'not due today' } });
    expect(await schedule.run(bkk('2025-02-28T09:00:00'))).toMatchObject({ [h.config.ORG_CODE]: { status: 'done' } });
    expect(await schedule.run(bkk('2025-02-28T09:00:30'))).toMatchObject({ [h.config.ORG_CODE]: { status: 'already' } });
    await h.server.outbox.flush();
    expect(h.line.deliveriesTo(OFFICER)).toHaveLength(1);
  });
});

describe('round reminders', () => {
  it('a week before 31 March, reminds officers of items still awaiting a report in the round', async () => {
    expect(await run('round-reminder', bkk('2025-03-24T09:00:00'))).toMatchObject({ status: 'done', recipients: 1 });
    const text = visibleText(pushesTo(OFFICER));
    expect(text).toContain('อีก 7 วันจะครบกำหนดรายงานผลรอบ 6 เดือน (ข้อมูล ณ 31 มี.ค. 2568)');
    expect(text).toContain('EP-07');
    expect(pushesTo(EXECUTIVE)).toEqual([]);
  });
});

describe('the สรุป command', () => {
  it('gives executives the same summary as the monthly push, and the overdue list behind its button', async () => {
    await report(ORG, 'EP-01', 'completed', bkk('2025-09-10T10:00:00'));
    const executive = new Chat(h, EXECUTIVE);
    const [summary] = await executive.say('สรุป');
    expect(summary.type).toBe('flex');
    expect(summary.altText).toContain('แผนปฏิบัติการป้องกันการทุจริต ร้อยละ');
    const overdue = await executive.tap(postbackOf([summary], 'ดูรายการที่เกินกำหนด'));
    expect(visibleText(overdue)).toContain('รายการที่เกินกำหนดแล้วยังไม่เสร็จ');
    // One card a unit, each with the number of that unit's overdue items, as the database has them.
    // Today (2026) every FY 2568 measure's period is over; EP-01 is completed, so it is not overdue.
    const late = await MeasureModel.find({ orgId: ORG, status: { $ne: 'completed' }, periodEnd: { $lte: new Date() } }).lean();
    const finance = late.filter((m) => m.responsibleUnits.includes('กองคลัง'));
    expect(finance.length).toBeGreaterThan(0);
    const financeCard = overdue[0].contents.contents.find((b: any) => visibleText([b.header]).startsWith('กองคลัง\n'));
    expect(visibleText([financeCard])).toContain(`เกินกำหนดแล้วยังไม่เสร็จ ${finance.length} รายการ`);
    expect(visibleText([overdue[0].contents.contents[0]])).toContain(`เกินกำหนดทั้งหมด\n${late.length}`);

    const list = visibleText(await executive.tap(postbackOf([financeCard], 'ดูรายการ')));
    expect(list).toContain(`กองคลัง: เกินกำหนดแล้วยังไม่เสร็จ ${finance.length} รายการ`);
    expect(list.match(/^• \S+/gm)!.map((l) => l.slice(2)).sort()).toEqual(finance.map((m) => m.code).sort());
    expect(list).not.toContain('EP-01 ');
  });

  it('is refused to officers and citizens', async () => {
    expect(visibleText(await new Chat(h, OFFICER).say('summary'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
    expect(visibleText(await new Chat(h, 'U-citizen').tap('a=sum.overdue'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
  });
});
