import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { doneRun } from '../../src/db/job-run-store.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { JOBS } from '../../src/jobs/registry.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { bkk, runJobAndSend } from '../support/jobs.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * 30 September ends both the 12-month E-PlanNACC round and the fiscal year's last quarter: an officer the
 * round reminder of the day before already listed every item for is not pushed the quarter's follow-up too.
 */
const ORG = 'test-org';
const FINANCE = 'U-officer-finance';
const CLERK = 'U-officer-clerk';
const EXECUTIVE = 'U-executive-mayor';

let h: Harness;
const pushesTo = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages);

const run = (job: keyof typeof JOBS, asOf: Date) => runJobAndSend(h, job, asOf);

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  await addStaff(ORG, FINANCE, ['officer'], 'กองคลัง', 'สมชาย การเงิน');
  await addStaff(ORG, CLERK, ['officer'], 'สำนักปลัด', 'สมศรี ธุรการ');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
  // Reported in the round (from 1 April) but not in the last quarter (from 1 July): the follow-up asks for
  // it, the round reminder does not.
  await report(ORG, 'EP-02', 'in_progress', bkk('2025-05-15T10:00:00'));
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe("a round's end is its quarter's follow-up", () => {
  it('still pushes the follow-up when the round reminder was more than a week before', async () => {
    expect(await run('round-reminder', bkk('2025-03-23T09:00:00'))).toMatchObject({ status: 'done' });
    h.line.reset();
    expect(await run('follow-up', bkk('2025-03-31T09:00:00'))).toMatchObject({ status: 'done' });
    expect(visibleText(pushesTo(FINANCE))).toContain('ติดตามผลการดำเนินงานรายไตรมาส (ไตรมาสที่ 2/2568)');
  });

  it('does not push the follow-up to an officer the round reminder of the day before listed everything for, but records them as asked', async () => {
    expect(await run('round-reminder', bkk('2025-09-29T09:00:00'))).toMatchObject({ status: 'done', recipients: 2 });
    expect(visibleText(pushesTo(FINANCE))).toContain('อีก 1 วันจะครบกำหนดรายงานผลรอบ 12 เดือน');
    h.line.reset();

    expect(await run('follow-up', bkk('2025-09-30T09:00:00'))).toMatchObject({ status: 'done' });
    expect(pushesTo(FINANCE)).toEqual([]);
    // The clerk has an item the reminder did not list: they get the whole follow-up, that item with the rest.
    const toClerk = visibleText(pushesTo(CLERK));
    expect(toClerk).toContain('ติดตามผลการดำเนินงานรายไตรมาส (ไตรมาสที่ 4/2568)');
    expect(toClerk).toContain('EP-02');
    expect(toClerk).toContain('EP-10');

    const asked = (await doneRun(ORG, 'follow-up', '2025-09'))!.listed;
    expect(asked.map((l) => l.name).sort()).toEqual(['สมชาย การเงิน', 'สมศรี ธุรการ']);
    const ep07 = String((await MeasureModel.findOne({ orgId: ORG, code: 'EP-07' }).lean())!._id);
    expect(asked.find((l) => l.lineUserId === FINANCE)!.measureIds).toContain(ep07);
  });

  it("keeps the next follow-up's non-responders card right for the officer it did not push", async () => {
    const financeAsked = (await doneRun(ORG, 'follow-up', '2025-09'))!.listed.find((l) => l.lineUserId === FINANCE)!.measureIds.length;
    await report(ORG, 'EP-07', 'in_progress', bkk('2025-10-10T10:00:00'));
    expect(await run('follow-up', bkk('2025-10-31T09:00:00'))).toMatchObject({ status: 'done' });
    const card = visibleText(pushesTo(EXECUTIVE));
    expect(card).toContain('ผลการติดตามครั้งก่อน (30 ก.ย. 2568)');
    expect(card).toContain('สมชาย การเงิน');
    expect(card).toContain(`ยังไม่รายงาน ${financeAsked - 1} จาก ${financeAsked} รายการที่ขอ`);
  });
});
