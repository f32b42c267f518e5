import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JobRunModel } from '../../src/db/models/job-run.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { JOBS } from '../../src/jobs/registry.js';
import { resumeAbandonedRuns, runJob, type RunnerDeps } from '../../src/jobs/run-job.js';
import { formatJobsStatus, jobsStatus } from '../../src/jobs/status.js';
import { createLineClient } from '../../src/line/client.js';
import { createLogger } from '../../src/log.js';
import { OutboxSender } from '../../src/outbox/sender.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { FakeLine } from '../support/fake-line.js';
import { addStaff, report } from '../support/fixtures.js';
import { cliEnv as sharedCliEnv, runCliAt, runCliHere } from '../support/cli.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

const ORG = 'jobs-org';
const log = createLogger('silent');
const EXECUTIVES = ['U-exec-1', 'U-exec-2', 'U-exec-3'];
const OFFICERS: [string, string][] = [
  ['U-officer-palad', 'สำนักปลัด'],
  ['U-officer-klang', 'กองคลัง'],
  ['U-officer-suksa', 'กองการศึกษา ศาสนาและวัฒนธรรม'],
];
const bkk = (local: string) => new Date(`${local}+07:00`);

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
let fake: FakeLine;
let line: ReturnType<typeof createLineClient>;

const deps = (instanceId: string, clock = () => new Date()): RunnerDeps => ({
  settings: { orgId: ORG, thresholds: DEFAULT_LEVEL_THRESHOLDS, roundReminderDaysBefore: [7, 1] },
  log,
  sealer: testSealer,
  instanceId,
  leaseSeconds: 120,
  clock,
});
const sender = (now = () => new Date()) => new OutboxSender({ lineFor: () => line, log, sealer: testSealer, instanceId: 'test', maxAttempts: 8, now });
const deliveries = (userId: string) => fake.deliveriesTo(userId).length;

beforeAll(async () => {
  db = await connectTestDatabase();
  fake = await new FakeLine().start();
  line = createLineClient({ LINE_CHANNEL_ACCESS_TOKEN: fake.accessToken, LINE_API_BASE_URL: fake.url, LINE_DATA_API_BASE_URL: fake.url, LINE_REQUEST_TIMEOUT_MS: 3000 });
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true, created: 55 });
  for (const id of EXECUTIVES) await addStaff(ORG, id, ['executive'], null);
  for (const [id, unit] of OFFICERS) await addStaff(ORG, id, ['officer'], unit);
  // Seed 004's result: of its 15 projects, 10 completed and 5 in progress.
  for (let i = 1; i <= 15; i++) await report(ORG, `EP-${String(i).padStart(2, '0')}`, i <= 10 ? 'completed' : 'in_progress', bkk('2025-09-20T10:00:00'));
});
afterAll(async () => {
  await fake?.stop();
  await db?.close();
});
beforeEach(() => fake.reset());

describe('monthly summary', () => {
  it('sends every executive one multicast showing seed 004\'s 83.33 %, and never twice for the same month', async () => {
    const asOf = bkk('2025-10-01T08:30:00');
    expect(await runJob(JOBS['monthly-summary'], asOf, 'schedule', deps('a'))).toMatchObject({ status: 'done', recipients: 3 });
    expect(await sender().drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [multicast] = fake.accepted('/v2/bot/message/multicast');
    expect(multicast!.body.to.sort()).toEqual(EXECUTIVES);
    const message = multicast!.body.messages[0];
    // One digit style in the whole message: Arabic, as the organisation has chosen no other.
    expect(JSON.stringify(message)).not.toMatch(/[๐-๙]/);
    expect(message.altText).toContain('แผนปฏิบัติการป้องกันการทุจริต ร้อยละ 83.33 (ระดับ มาก)');
    expect(message.altText).toContain('เบิกจ่ายร้อยละ 0.00');
    expect(JSON.stringify(message)).toContain('83.33 มาก');
    expect(JSON.stringify(message)).toContain('ปีงบประมาณ พ.ศ. 2568');

    expect(await runJob(JOBS['monthly-summary'], bkk('2025-10-01T09:00:00'), 'schedule', deps('b'))).toMatchObject({ status: 'already' });
    expect(await sender().drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(fake.accepted('/v2/bot/message/multicast')).toHaveLength(1);
  });

  it('two app instances triggered at once (two processes): each executive gets exactly one push', async () => {
    const outputs = (await Promise.all([cli('monthly-summary', '2025-11-03T08:30:00+07:00'), cli('monthly-summary', '2025-11-03T08:30:00+07:00')])).map((r) => r.stdout);
    expect(outputs.filter((o) => o.includes('ทำงานแล้ว'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('ทำไปแล้ว'))).toHaveLength(1);
    expect(fake.accepted('/v2/bot/message/multicast')).toHaveLength(1);
    for (const id of EXECUTIVES) expect(deliveries(id)).toBe(1);
    // Two processes start at once: on a busy two-core machine their start alone can pass the default 30 s.
  }, 120_000);

  it('three instances, one killed with SIGKILL mid-run: after a restart every officer has exactly one follow-up', async () => {
    const asOf = '2025-06-30T09:00:00+07:00';
    const victim = spawnCli('follow-up', asOf);
    const others = [cli('follow-up', asOf), cli('follow-up', asOf)];
    await new Promise((r) => setTimeout(r, 1_500 + Math.random() * 1_000));
    victim.kill('SIGKILL');
    await Promise.all(others);
    // The restart, once the lease (1 s in these runs) of a run the victim held has ended: finishes what was left, sends what is due.
    await runCliAt(() => new Date(Date.now() + 1_500), cliEnv(), 'jobs', 'run', 'follow-up', '--now', asOf);
    for (const [id] of OFFICERS) expect(deliveries(id), id).toBe(1);
    expect(await JobRunModel.findById(`${ORG}:follow-up:2025-06`).lean()).toMatchObject({ state: 'done' });
  }, 120_000);
});

describe('a LINE that accepts the connection and never answers', () => {
  it('is given up after the request time-out: `jobs run` ends (instead of holding the socket for minutes) and keeps the message to retry', async () => {
    fake.failNext(0, { pathPrefix: '/v2/bot/message/multicast' });
    const started = Date.now();
    const { stdout } = await runCliHere({ ...cliEnv(), LINE_REQUEST_TIMEOUT_MS: '1000' }, 'jobs', 'run', 'monthly-summary', '--now', '2026-02-02T08:30:00+07:00');
    // Without aborting the request the command waits for the socket's own 5-minute limit (and the test times out at 90 s).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(stdout).toContain('รอส่งใหม่ 1');
    const [message] = await OutboxMessageModel.find({ source: `${ORG}:monthly-summary:2026-02` }).lean();
    expect(message).toMatchObject({ state: 'pending' });
    expect(message!.lastError).toMatch(/timed out after 1000 ms/);
  }, 90_000);
});

const cliEnv = () => sharedCliEnv(db.dbName, ORG, fake, { JOB_LEASE_SECONDS: '1' });

const cliArgs = (job: string, now: string) => ['src/cli/main.ts', 'jobs', 'run', job, '--now', now];
const cli = (job: string, now: string) => promisify(execFile)('node_modules/.bin/tsx', cliArgs(job, now), { env: cliEnv(), timeout: 60_000 });
const spawnCli = (job: string, now: string) => spawn(process.execPath, ['--import', 'tsx', ...cliArgs(job, now)], { env: cliEnv(), stdio: 'ignore' });

describe('the outbox', () => {
  it('survives 429 then 500: waits as LINE asks (Retry-After), keeps one retry key, delivers once', async () => {
    let now = new Date('2025-12-01T01:30:00Z');
    await runJob(JOBS['monthly-summary'], bkk('2025-12-01T08:30:00'), 'schedule', deps('a', () => now));
    const out = sender(() => now);
    fake.failNext(429, { retryAfterSeconds: 30 });
    fake.failNext(500);

    expect(await out.drain()).toMatchObject({ retrying: 1 });
    const [item] = await OutboxMessageModel.find({ source: `${ORG}:monthly-summary:2025-12` }).lean();
    expect(item!.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);
    expect(item).toMatchObject({ lastStatus: 429, state: 'pending' });

    now = new Date(now.getTime() + 10_000);
    expect(await out.drain()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // too early
    now = new Date(now.getTime() + 21_000);
    expect(await out.drain()).toMatchObject({ retrying: 1 }); // 500
    now = new Date(now.getTime() + 60_000);
    expect(await out.drain()).toMatchObject({ sent: 1 });

    const attempts = fake.requests.filter((r) => r.path === '/v2/bot/message/multicast');
    expect(attempts.map((r) => r.status)).toEqual([429, 500, 200]);
    expect(new Set(attempts.map((r) => r.headers['x-line-retry-key'])).size).toBe(1);
    for (const id of EXECUTIVES) expect(deliveries(id)).toBe(1);
  });

  it('keeps a message LINE refused for the used-up monthly quota waiting, not failed, and tries again within the hour', async () => {
    const at = bkk('2026-01-02T08:30:00');
    await runJob(JOBS['monthly-summary'], at, 'schedule', deps('a'));
    fake.failNext(429, { message: 'You have reached your monthly limit.' });
    const clock = { now: new Date() };
    const patient = sender(() => clock.now);
    expect(await patient.drain()).toMatchObject({ failed: 0, retrying: 1 });
    const waiting = await OutboxMessageModel.findOne({ source: `${ORG}:monthly-summary:2026-01` }).lean();
    expect(waiting).toMatchObject({ state: 'pending', lastStatus: 429, waitingFor: 'quota' });
    const status = await jobsStatus(ORG);
    expect(status.backlog.failed).toBe(0);
    expect(status.runs.find((r) => r.period === '2026-01')).toMatchObject({ job: 'monthly-summary', state: 'done', failed: 0, pending: 1, sent: 0 });
    expect(formatJobsStatus(status)).toContain('ส่งแล้ว 0 รอส่ง 1 ล้มเหลว 0');
    // Not before the hour is up (LINE would only refuse again), and sent once the quota allows.
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    expect(await patient.drain()).toMatchObject({ sent: 0 });
    clock.now = new Date(clock.now.getTime() + 31 * 60_000);
    expect(await patient.drain()).toMatchObject({ failed: 0 });
    expect((await jobsStatus(ORG)).runs.find((r) => r.period === '2026-01')).toMatchObject({ sent: 1, pending: 0 });
  });
});

describe('a run that crashed half-way', () => {
  it('is finished by another instance after its lease, sending what was missing and nothing twice', async () => {
    const asOf = bkk('2024-12-31T09:00:00'); // end of Q1 of FY 2568
    const first = await runJob(JOBS['follow-up'], asOf, 'schedule', deps('crashing'));
    expect(first).toMatchObject({ status: 'done' });
    const runId = `${ORG}:follow-up:2024-12`;
    const items = await OutboxMessageModel.find({ source: runId }).sort({ _id: 1 }).lean();
    expect(items.length).toBe(OFFICERS.length);

    // What a crash leaves behind: one message sent, one accepted by LINE but not yet marked sent,
    // one never enqueued, and the run still "running" with its lease over.
    await sender().drain(1);
    const recipientOf = (i: (typeof items)[number]) => (JSON.parse(testSealer.open(i.toSealed)) as string[])[0]!;
    const sentFirst = items.find((i) => fake.deliveriesTo(recipientOf(i)).length === 1)!;
    const acceptedButUnmarked = items.find((i) => i._id !== sentFirst._id)!;
    const neverEnqueued = items.find((i) => i._id !== sentFirst._id && i._id !== acceptedButUnmarked._id)!;
    await sender().drain(1);
    await OutboxMessageModel.updateOne({ _id: acceptedButUnmarked._id }, { $set: { state: 'pending', nextAttemptAt: new Date() } });
    await OutboxMessageModel.deleteOne({ _id: neverEnqueued._id });
    await JobRunModel.updateOne({ _id: runId }, { $set: { state: 'running', leaseUntil: new Date(Date.now() - 1000) } });

    const resumed = await resumeAbandonedRuns(Object.values(JOBS), deps('survivor'));
    expect(resumed).toEqual([expect.objectContaining({ status: 'done', runId })]);
    // A third instance arriving late finds nothing left to take over.
    expect(await resumeAbandonedRuns(Object.values(JOBS), deps('late'))).toEqual([]);
    await sender().drain();

    for (const [id] of OFFICERS) expect(deliveries(id), id).toBe(1);
    expect(fake.requests.filter((r) => r.status === 409)).toHaveLength(1);
    expect(await JobRunModel.findById(runId).lean()).toMatchObject({ state: 'done', takeovers: 1, owner: 'survivor' });
    expect(await OutboxMessageModel.countDocuments({ source: runId, state: 'sent' })).toBe(OFFICERS.length);
  });
});
