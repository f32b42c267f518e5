import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setJobTimes, setOrganisationSettings } from '../../src/db/organisation-store.js';
import { daysBeforeRoundEnd } from '../../src/domain/calendar.js';
import { jobSchedules } from '../../src/jobs/registry.js';
import { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { A, addSecondOrganisation, B, B_TOKEN } from '../support/two-organisations.js';

/**
 * An organisation's own time of day for a job (`org update <code> --time monthly-summary=10:00`): it is left
 * out of the deployment's tick and runs at its time, on the same days, once however many instances tick.
 * Two organisations: the default one (`test-org`, the deployment's 08:30) and `org-b`.
 */
const EXEC_A = 'U3333333333333333333333333333aaaa';
const EXEC_B = 'U3333333333333333333333333333bbbb';
const bkk = (local: string) => new Date(`${local}+07:00`);
const tokenOf = FakeLineApi.tokenOf;

let h: Harness;
/** One instance's schedules, as `startServer` makes them; each call is another instance (or a restarted one). */
const instance = () => {
  const schedules = jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds());
  const named = (name: string) => schedules.find((s) => s.name === name)!;
  return {
    summaryTick: async (at: string) => (await named('monthly-summary').run(bkk(at))) as Record<string, Record<string, unknown>>,
    ownTimesTick: async (at: string) => (await named('own-times').run(bkk(at))) as Record<string, Record<string, Record<string, unknown>>>,
    roundsTick: async (at: string) => (await named('round-reminder').run(bkk(at))) as Record<string, Record<string, unknown>>,
  };
};
const summariesTo = async (executive: string, token: string) => {
  await h.server.outbox.flush();
  return h.line.deliveriesTo(executive, token);
};
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, A, h.line), ...args)).stdout;

beforeAll(async () => {
  h = await startHarness();
  await addSecondOrganisation(h);
  for (const org of [A, B]) expect(await importPlan(org, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  await addStaff(A, EXEC_A, ['executive'], null, 'นายกเอ');
  await addStaff(B, EXEC_B, ['executive'], null, 'นายกบี');
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe("an organisation's own time for the monthly summary", () => {
  it('sends it to the other at the deployment time and to it at its own, once across instances, and goes back with default', async () => {
    // Created before the operator's change: settings are read at each tick, no restart.
    const one = instance();
    expect(await cli('org', 'update', B, '--time', 'monthly-summary=10:00')).toContain('เวลาของงาน: monthly-summary 10:00');

    // Tuesday 2 June 2026 is the month's first working day (the 1st is a substitute holiday).
    expect(await one.summaryTick('2026-06-02T08:30:00')).toMatchObject({ [A]: { status: 'done' }, [B]: { status: 'at its own time', at: '10:00' } });
    expect(await summariesTo(EXEC_A, h.line.accessToken)).toHaveLength(1);
    expect(await summariesTo(EXEC_B, B_TOKEN)).toHaveLength(0);

    // Its first tick looks back to midnight: nobody's time has come yet at 09:59.
    expect(await one.ownTimesTick('2026-06-02T09:59:00')).toEqual({});
    expect(await one.ownTimesTick('2026-06-02T10:00:00')).toEqual({ 'monthly-summary': { [B]: expect.objectContaining({ status: 'done', recipients: 1 }) } });
    const toB = await summariesTo(EXEC_B, B_TOKEN);
    expect(toB).toHaveLength(1);
    expect(visibleText(toB.flatMap((r) => r.body.messages))).toContain('สรุปผลการดำเนินงานประจำเดือน มิ.ย. 2569');
    // Only B's run went out at 10:00, through B's channel (A's channel had only its 08:30 summary; LINE's quota is only read).
    expect(h.line.requests.filter((r) => r.method === 'POST').map(tokenOf).filter((t) => t === h.line.accessToken)).toHaveLength(1);

    // Another instance ticking the same minute, and this one's next minute: nothing sent again. The next
    // minute does not even try B's run (its 10:00 is behind it).
    h.line.reset();
    expect(await instance().ownTimesTick('2026-06-02T10:00:20')).toEqual({ 'monthly-summary': { [B]: expect.objectContaining({ status: 'already' }) } });
    expect(await one.ownTimesTick('2026-06-02T10:01:00')).toEqual({});
    expect(await one.summaryTick('2026-06-02T08:30:40')).toMatchObject({ [A]: { status: 'already' }, [B]: { status: 'at its own time' } });
    expect(await summariesTo(EXEC_B, B_TOKEN)).toHaveLength(0);
    expect(await summariesTo(EXEC_A, h.line.accessToken)).toHaveLength(0);

    // On a day that is not the first working day, its time comes and nothing is sent.
    expect(await one.ownTimesTick('2026-06-04T10:00:00')).toEqual({ 'monthly-summary': { [B]: { status: 'not due today' } } });

    // An instance that starts at 14:00 on 1 July (the first working day) catches up B's 10:00 of that day.
    expect(await instance().ownTimesTick('2026-07-01T14:00:00')).toEqual({ 'monthly-summary': { [B]: expect.objectContaining({ status: 'done' }) } });
    expect(await summariesTo(EXEC_B, B_TOKEN)).toHaveLength(1);

    // Back to the deployment's time: B is in the 08:30 tick again, and its own minute finds nobody.
    h.line.reset();
    const back = await cli('org', 'update', B, '--time', 'monthly-summary=default');
    expect(back).toContain('เวลาของงาน: ตามเวลาของระบบทุกงาน');
    // Monday 3 August 2026.
    expect(await one.summaryTick('2026-08-03T08:30:00')).toMatchObject({ [A]: { status: 'done' }, [B]: { status: 'done' } });
    expect(await one.ownTimesTick('2026-08-03T10:00:00')).toEqual({});
    expect(await summariesTo(EXEC_A, h.line.accessToken)).toHaveLength(1);
    expect(await summariesTo(EXEC_B, B_TOKEN)).toHaveLength(1);
  }, 120_000);
});

describe('own times keep the days of the deployment', () => {
  it("runs a round reminder at its own time only in the cron's months (March, September), as the deployment would", async () => {
    // B reminds 30 days before 31 March (1 March) and 45 days before (mid-February, outside the cron's months).
    const march = bkk('2027-03-01T13:00:00');
    const february = new Date(march.getTime() - 15 * 86_400_000);
    await setOrganisationSettings(B, { roundReminderDaysBefore: [daysBeforeRoundEnd(march), daysBeforeRoundEnd(february)] });
    await setJobTimes(B, { 'round-reminder': '13:00' });
    const one = instance();
    expect(await one.roundsTick('2027-03-01T09:00:00')).toMatchObject({ [B]: { status: 'at its own time', at: '13:00' } });
    expect(await one.ownTimesTick('2027-03-01T13:00:00')).toEqual({ 'round-reminder': { [B]: expect.objectContaining({ status: 'done' }) } });
    expect(await instance().ownTimesTick('2027-02-14T13:00:00')).toEqual({ 'round-reminder': { [B]: { status: 'not due today' } } });
    await setOrganisationSettings(B, { roundReminderDaysBefore: null });
    await setJobTimes(B, { 'round-reminder': null });
  });
});
