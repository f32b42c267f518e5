import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { JobRunModel } from '../../src/db/models/job-run.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { SummarySnapshotModel } from '../../src/db/models/summary-snapshot.js';
import { addOrganisation } from '../../src/db/organisation-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { jobSchedules } from '../../src/jobs/registry.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { FaultInjector } from '../support/faults.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness, type TestChannel } from '../support/harness.js';

/**
 * Fifty organisations on one deployment, each with its own channel, one citizen with the same LINE user id
 * in all of them: each files a complaint, each is answered through its own channel, each gets number 0001,
 * and each organisation's complaint officer hears of its own case only.
 */
const N = 50;
const CITIZEN = 'U5555555555555555555555555555eeee';
const OFFICER = 'U6666666666666666666666666666ffff';
const EXECUTIVE = 'U7777777777777777777777777777aaaa';
const FY = fiscalYearOf(new Date());
const orgId = (i: number) => `org-${String(i).padStart(2, '0')}`;
const tokenOf = (i: number) => `token-${i}`;
const channel = (i: number): TestChannel => ({ destination: `U${i.toString(16).padStart(32, '0')}`, secret: `secret-${i}` });

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  for (let i = 0; i < N; i++) {
    h.line.addChannel(tokenOf(i));
    await addOrganisation(orgId(i), { profile: { name: `อบต.ทดสอบ ${i}` }, channel: { botUserId: channel(i).destination, secret: channel(i).secret, accessToken: tokenOf(i) }, sealer: testSealer });
    await addStaff(orgId(i), OFFICER, ['complaint_officer'], 'สำนักปลัด', `เจ้าหน้าที่ ${i}`);
  }
  await h.server.tenants.refresh();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('fifty organisations side by side', () => {
  it('keeps every complaint, number, answer and notice within its own organisation and channel', async () => {
    for (let i = 0; i < N; i++) {
      const receipt = await fileGeneralComplaint(new Chat(h, CITIZEN, channel(i)), `เรื่องขององค์กรที่ ${i} เท่านั้น`);
      expect(visibleText(receipt)).toContain(`G${FY}-0001`);
    }
    await h.server.outbox.flush();
    for (let i = 0; i < N; i++) {
      const cases = await ComplaintModel.find({ orgId: orgId(i) }).lean();
      expect(cases.map((c) => [c.trackingNo, c.description])).toEqual([[`G${FY}-0001`, `เรื่องขององค์กรที่ ${i} เท่านั้น`]]);
      // Every request that names this organisation's case went through its channel, and only those.
      // As the citizen typed it.
      const story = `เรื่องขององค์กรที่ ${i} เท่านั้น`;
      const carrying = h.line.requests.filter((r) => JSON.stringify(r.body).includes(story));
      expect(carrying.length).toBeGreaterThan(0);
      expect(new Set(carrying.map(FakeLineApi.tokenOf))).toEqual(new Set([tokenOf(i)]));
      // The officer (the same LINE account in every organisation) heard of it once, through that channel.
      expect(h.line.deliveriesTo(OFFICER, tokenOf(i)).filter((r) => JSON.stringify(r.body).includes(story))).toHaveLength(1);
    }
    expect(h.line.requests.filter((r) => r.status === 401)).toEqual([]);
    expect(h.line.requests.filter((r) => FakeLineApi.tokenOf(r) === h.line.accessToken)).toEqual([]);
  }, 300_000);
});

describe('the monthly summary for fifty organisations in one tick', () => {
  it('writes every run in bulk, and when a bulk write fails the resume sweep finishes each run: one summary per executive', async () => {
    for (let i = 0; i < N; i++) await addStaff(orgId(i), EXECUTIVE, ['executive'], null, `ผู้บริหาร ${i}`);
    // A few with a plan (the one-pass read covers them), the rest without (each read on its own).
    for (let i = 0; i < 3; i++) await importPlan(orgId(i), 'examples/plan-2568.csv', { withoutResults: true });
    const schedules = jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds());
    const monthly = schedules.find((s) => s.name === 'monthly-summary')!;
    const resume = schedules.find((s) => s.name === 'resume-abandoned-runs')!;
    const firstWorkingDay = new Date('2026-12-01T01:30:00Z');
    h.line.reset();

    // The messages of all fifty go to the outbox in one insert: it fails, as a lost connection would.
    const faults = new FaultInjector([{ model: OutboxMessageModel, methods: ['insertMany'] }]);
    faults.arm(1, 'before');
    const failed = (await monthly.run(firstWorkingDay)) as Record<string, { status: string }>;
    faults.off();
    for (let i = 0; i < N; i++) expect(failed[orgId(i)]).toMatchObject({ status: 'failed' });
    expect(await OutboxMessageModel.countDocuments({ source: /monthly-summary/ })).toBe(0);
    expect(await JobRunModel.countDocuments({ job: 'monthly-summary', state: 'running' })).toBe(N + 1);

    await resume.run(new Date());
    await h.server.outbox.flush();
    for (let i = 0; i < N; i++) {
      expect(h.line.deliveriesTo(EXECUTIVE, tokenOf(i)), orgId(i)).toHaveLength(1);
      expect(await SummarySnapshotModel.countDocuments({ orgId: orgId(i), month: '2026-12' })).toBe(1);
    }
    expect(await JobRunModel.countDocuments({ job: 'monthly-summary', state: 'done' })).toBe(N + 1);
    const again = (await monthly.run(firstWorkingDay)) as Record<string, { status: string }>;
    for (let i = 0; i < N; i++) expect(again[orgId(i)]).toMatchObject({ status: 'already', state: 'done' });
    await h.server.outbox.flush();
    for (let i = 0; i < N; i++) expect(h.line.deliveriesTo(EXECUTIVE, tokenOf(i))).toHaveLength(1);
  }, 300_000);
});
