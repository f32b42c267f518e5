import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobSchedules } from '../../src/jobs/registry.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org'; // the harness's ORG_CODE
const EXECUTIVE = 'U-executive-holidays';
const bkk = (local: string) => new Date(`${local}+07:00`);

let h: Harness;
// The schedule answers per organisation; this test has one.
const summaryTick = async (at: string) => ((await jobSchedules(h.config, h.server.jobDeps).find((s) => s.name === 'monthly-summary')!.run(bkk(at))) as Record<string, unknown>)[ORG];
const pushes = () => visibleText(h.line.deliveriesTo(EXECUTIVE).flatMap((r) => r.body.messages));
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args)).stdout;

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('the monthly summary on Thai public holidays', () => {
  it('is not sent on 1 June 2026, the substitute day for วิสาขบูชา, and goes out on Tuesday the 2nd', async () => {
    expect(await summaryTick('2026-06-01T08:30:00')).toEqual({ status: 'not due today' });
    await h.server.outbox.flush();
    expect(h.line.deliveriesTo(EXECUTIVE)).toHaveLength(0);

    expect(await summaryTick('2026-06-02T08:30:00')).toMatchObject({ status: 'done', recipients: 1 });
    await h.server.outbox.flush();
    expect(pushes()).toContain('สรุปผลการดำเนินงานประจำเดือน มิ.ย. 2569');
    // Wednesday 3 June is a holiday and the 4th is not the month's first working day: nothing more.
    expect(await summaryTick('2026-06-04T08:30:00')).toEqual({ status: 'not due today' });
  });

});

describe('the holiday command', () => {
  it('adds an organisation\'s own day off, which moves its summary, and lists it with the shipped holidays', async () => {
    // 1 July 2026 is a Wednesday.
    expect(await cli('holiday', 'add', '2026-07-01', 'งานประเพณีแห่เทียนพรรษา', '--org', ORG)).toContain('เพิ่มวันหยุด 1 ก.ค. 2569 งานประเพณีแห่เทียนพรรษา (เฉพาะองค์กร test-org) แล้ว');
    // Another organisation's day off (Monday 3 August 2026) is not this one's.
    await cli('holiday', 'add', '2026-08-03', 'วันสำคัญของท้องถิ่นอื่น', '--org', 'other-org');

    expect(await summaryTick('2026-07-01T08:30:00')).toEqual({ status: 'not due today' });
    expect(await summaryTick('2026-07-02T08:30:00')).toMatchObject({ status: 'done' });
    expect(await summaryTick('2026-08-03T08:30:00')).toMatchObject({ status: 'done' });

    const list = await cli('holiday', 'list', '--year', '2569');
    expect(list).toContain('วันหยุดปี พ.ศ. 2569 ขององค์กร test-org');
    expect(list).toContain('2026-06-01  1 มิ.ย. 2569  วันหยุดชดเชยวันวิสาขบูชา  [วันหยุดชดเชย]');
    expect(list).toContain('2026-07-01  1 ก.ค. 2569  งานประเพณีแห่เทียนพรรษา  [วันหยุดเฉพาะองค์กร]');
    expect(list).not.toContain('วันสำคัญของท้องถิ่นอื่น');
    expect(await cli('holiday', 'list', '--year', '2569', '--org', 'other-org')).toContain('วันสำคัญของท้องถิ่นอื่น');
  }, 120_000);

  it('adds a substitute day announced later for every organisation, and removes it again', async () => {
    // The brief's example: Monday 4 January 2027 given as a day off after the New Year.
    expect(await cli('holiday', 'add', '2027-01-04', 'วันหยุดชดเชยวันสิ้นปี')).toContain('(ทุกองค์กร) แล้ว');
    expect(await summaryTick('2027-01-04T08:30:00')).toEqual({ status: 'not due today' });
    expect(await cli('holiday', 'list', '--year', '2570')).toContain('ฉบับร่าง ก่อนคณะรัฐมนตรีประกาศ');

    expect(await cli('holiday', 'remove', '2027-01-04')).toContain('ลบวันหยุด 4 ม.ค. 2570 (ทุกองค์กร) แล้ว');
    expect(await summaryTick('2027-01-04T08:30:00')).toMatchObject({ status: 'done' });
    // A public holiday cannot be cancelled for one organisation; a day nobody added cannot be removed.
    await expect(cli('holiday', 'remove', '2027-02-22', '--org', ORG)).rejects.toThrow(/ยกเลิกได้เฉพาะสำหรับทุกองค์กร/);
    await expect(cli('holiday', 'remove', '2027-03-03')).rejects.toThrow(/ไม่มีวันหยุดที่เพิ่มไว้/);
    await expect(cli('holiday', 'add', '2027-02-30', 'x')).rejects.toThrow(/2027-01-04/);
  }, 120_000);

  it('cancels a shipped public holiday for everyone and restores it', async () => {
    // Monday 1 March 2027 is a working day anyway; cancel the substitute for มาฆบูชา (22 Feb) and restore it.
    expect(await cli('holiday', 'remove', '2027-02-22')).toContain('ยกเลิกวันหยุดราชการ 22 ก.พ. 2570 แล้ว');
    expect(await cli('holiday', 'list', '--year', '2570')).toContain('2027-02-22  22 ก.พ. 2570  วันหยุดชดเชยวันมาฆบูชา  [ยกเลิกแล้ว เป็นวันทำงาน]');
    expect(await cli('holiday', 'add', '2027-02-22', 'วันหยุดชดเชยวันมาฆบูชา')).toContain('คืนวันหยุดราชการ 22 ก.พ. 2570 แล้ว');
    expect(await cli('holiday', 'list', '--year', '2570')).toContain('2027-02-22  22 ก.พ. 2570  วันหยุดชดเชยวันมาฆบูชา  [วันหยุดชดเชย]');
  }, 120_000);
});
