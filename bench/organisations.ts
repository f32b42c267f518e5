import { validateSignature } from '@line/bot-sdk';
import { createHmac, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connect.js';
import { ComplaintModel } from '../src/db/models/complaint.js';
import { MeasureModel } from '../src/db/models/measure.js';
import { OrganisationModel } from '../src/db/models/organisation.js';
import { OutboxMessageModel } from '../src/db/models/outbox-message.js';
import { StaffModel, staffId } from '../src/db/models/staff.js';
import { SummarySnapshotModel } from '../src/db/models/summary-snapshot.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../src/domain/summary.js';
import { forOrganisation, JOBS } from '../src/jobs/registry.js';
import { runJobForMany, type RunnerDeps } from '../src/jobs/run-job.js';
import { destinationOf } from '../src/http/webhook.js';
import { createLogger } from '../src/log.js';
import { createTenants } from '../src/tenants/create.js';
import { createSealer } from '../src/security/crypto.js';
import { complaintsOf, firstMonthPlaceholder, insertAll, measuresOf } from './data-scale.js';
import { memoryOf, startEnvironment, type BenchEnvironment } from './lib/environment.js';
import { bySize } from './lib/size.js';

/**
 * Many organisations on one deployment (issue "Many organisations on one deployment"), at 10 % and (with
 * BENCH_FULL=1) 100 % of the country's 7,850:
 *  - routing: webhooks to registered organisations' channels (destination → organisation → its secret) against
 *    webhooks to the default organisation, at the same fixed rate; the difference in p99 is what routing adds;
 *  - the monthly summary job for every organisation in one tick (claims, the one-pass read, snapshots, outbox);
 *  - sending those summaries: every organisation's multicast through its own channel.
 * Fails (`checks`) when an organisation's run or summary is missing or goes out through another channel.
 * BENCH_SIZE=small: 40 organisations, one short round.
 */
const FULL_ORGS = 7_850;
const RATE = 100;
const DURATION_S = bySize({ small: 1, default: 8 });
/** Rounds of each kind, alternated, so that a change in the machine's load falls on both alike. */
const ROUNDS = bySize({ small: 1, default: 3 });
const IN_PROCESS_CALLS = bySize({ small: 2_000, default: 20_000 });
const ASOF = new Date('2025-10-01T01:30:00Z');

const botUserId = (o: number) => `U${o.toString(16).padStart(32, '0')}`;
const secretOf = (o: number) => `bench-secret-${o}`;
const tokenOf = (o: number) => `bench-token-${o}`;

let sequence = 0;
function body(destination: string): string {
  const seq = sequence++;
  return JSON.stringify({
    destination,
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: `ORGS${seq.toString(36).toUpperCase().padStart(12, '0')}${randomBytes(4).toString('hex').toUpperCase()}`,
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId: `Ubench${String(seq % 1000).padStart(27, '0')}` },
        replyToken: randomBytes(16).toString('hex'),
        message: { type: 'text', id: String(seq), text: 'ช่วยเหลือ', quoteToken: 'q' },
      },
    ],
  });
}

/**
 * What choosing the organisation costs by itself, in this process on the seeded channels: the webhook's steps
 * before anything is stored (the destination out of the raw body, the directory's lookup, the signature check
 * with the chosen secret), for a registered organisation against the default one, which takes the same
 * steps but with the environment's secret. Microseconds, so measured over many calls rather than through HTTP,
 * where storing the event dominates and varies by milliseconds from round to round.
 */
async function routingInProcess(env: BenchEnvironment, orgs: number) {
  const tenants = createTenants(
    { ORG_CODE: 'default', LINE_CHANNEL_SECRET: env.channelSecret, LINE_CHANNEL_ACCESS_TOKEN: 'bench-token', LINE_API_BASE_URL: env.line.url, LINE_DATA_API_BASE_URL: env.line.url, LINE_REQUEST_TIMEOUT_MS: 10_000 },
    createSealer(env.dataKey),
    createLogger('warn'),
  );
  await tenants.start();
  const CALLS = IN_PROCESS_CALLS;
  const measure = async (target: () => { destination: string; secret: string }) => {
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const { destination, secret } = target();
      const raw = Buffer.from(body(destination));
      const signature = createHmac('sha256', secret).update(raw).digest('base64');
      const t = performance.now();
      const tenant = await tenants.forWebhook(destinationOf(raw), undefined, (s) => validateSignature(raw, s, signature));
      times.push(performance.now() - t);
      if (!tenant) throw new Error('a signed webhook found no organisation');
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.floor(q * (times.length - 1))]! * 1_000);
    return { p50Us: at(0.5), p99Us: at(0.99), maxUs: at(1) };
  };
  const toDefault = await measure(() => ({ destination: 'U'.padEnd(33, 'f'), secret: env.channelSecret }));
  const toRegistered = await measure(() => {
    const o = Math.floor(Math.random() * orgs);
    return { destination: botUserId(o), secret: secretOf(o) };
  });
  tenants.stop();
  return { calls: CALLS, toDefault, toRegistered, p99AddedUs: toRegistered.p99Us - toDefault.p99Us };
}

/** Fixed-rate load; `target()` picks the channel of each request. */
async function load(env: BenchEnvironment, target: () => { destination: string; secret: string }) {
  const result = await autocannon({
    url: `${env.app.url}/webhook`,
    method: 'POST',
    connections: 10,
    duration: DURATION_S,
    overallRate: RATE,
    requests: [
      {
        setupRequest: (req) => {
          const { destination, secret } = target();
          const b = body(destination);
          return { ...req, body: b, headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', secret).update(b).digest('base64') } };
        },
      },
    ],
  });
  return { requestsPerSecond: Math.round(result.requests.average), latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max }, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function seed(env: BenchEnvironment, orgs: number): Promise<void> {
  const sealer = createSealer(env.dataKey);
  await connectDatabase(env.mongoUri);
  await insertAll(
    OrganisationModel,
    Array.from({ length: orgs }, (_, o) => ({
      _id: `org-${o}`,
      name: `อบต.ที่ ${o}`,
      district: `อำเภอ ${o % 900}`,
      province: `จังหวัด ${o % 76}`,
      fiscalYear: 2568,
      active: true,
      channel: { botUserId: botUserId(o), channelId: String(2_000_000_000 + o), secretSealed: sealer.seal(secretOf(o)), tokenSealed: sealer.seal(tokenOf(o)) },
    })),
  );
  await insertAll(MeasureModel, measuresOf(orgs));
  await insertAll(ComplaintModel, complaintsOf(Math.round((100_000 * orgs) / FULL_ORGS), orgs));
  // Last month's figures, as last month's run leaves them: the trend needs no replay of the reports.
  await insertAll(
    SummarySnapshotModel,
    Array.from({ length: orgs }, (_, o) => ({ _id: `org-${o}:2025-09`, orgId: `org-${o}`, month: '2025-09', asOf: new Date('2025-09-01T01:30:00Z'), overall: firstMonthPlaceholder })),
  );
  // Two executives an organisation.
  await insertAll(
    StaffModel,
    Array.from({ length: orgs * 2 }, (_, i) => {
      const orgId = `org-${Math.floor(i / 2)}`;
      const lineUserId = `Uexec${String(i).padStart(28, '0')}`;
      return { _id: staffId(orgId, lineUserId), orgId, lineUserId, displayName: `ผู้บริหาร ${i}`, roles: ['executive'], unit: null, inviteCode: 'BENCH', linkedAt: new Date(), active: true };
    }),
  );
}

async function size(orgs: number) {
  const env = await startEnvironment(`organisations-${orgs}`);
  try {
    let t = performance.now();
    await seed(env, orgs);
    const seedSeconds = Math.round(performance.now() - t) / 1000;
    console.error(`seeded ${orgs} in ${seedSeconds} s`);
    for (let o = 0; o < orgs; o++) env.line.addChannel(tokenOf(o));
    // The app reads the channels at start (and every 30 s): start it again on the seeded database.
    await env.kill();
    await env.restart();

    const inProcess = await routingInProcess(env, orgs);
    const toDefault: Awaited<ReturnType<typeof load>>[] = [];
    const toRegistered: Awaited<ReturnType<typeof load>>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      env.line.reset();
      toDefault.push(await load(env, () => ({ destination: 'U'.padEnd(33, 'f'), secret: env.channelSecret })));
      env.line.reset();
      toRegistered.push(
        await load(env, () => {
          const o = Math.floor(Math.random() * orgs);
          return { destination: botUserId(o), secret: secretOf(o) };
        }),
      );
    }
    console.error('routing done');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await new Promise((r) => setTimeout(r, bySize({ small: 500, default: 3_000 })));

    // The monthly summary for every organisation in one tick, as the schedule runs it.
    env.line.reset();
    // The tick's log line gives the time of each of its phases.
    const logLines: string[] = [];
    const logSink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const deps: RunnerDeps = {
      settings: { orgId: 'default', thresholds: DEFAULT_LEVEL_THRESHOLDS, roundReminderDaysBefore: [7, 1] },
      log: createLogger('info', logSink),
      sealer: createSealer(env.dataKey),
      instanceId: 'bench',
      leaseSeconds: 600,
      clock: () => new Date(),
    };
    t = performance.now();
    const results = await runJobForMany(JOBS['monthly-summary'], ASOF, 'schedule', Array.from({ length: orgs }, (_, o) => forOrganisation(deps, `org-${o}`)));
    const jobSeconds = Math.round(performance.now() - t) / 1000;
    console.error(`job done in ${jobSeconds} s`);
    const done = [...results.values()].filter((r) => r.status === 'done').length;
    const phasesMs = logLines.map((l) => JSON.parse(l) as { msg: string; phasesMs?: Record<string, number> }).find((l) => l.msg === 'job runs done')?.phasesMs;
    const outboxMessages = await OutboxMessageModel.countDocuments({ source: /monthly-summary/ });

    // The app's outbox sender sends them (it is kicked every 2 s), each through its organisation's channel.
    t = performance.now();
    const multicasts = () => env.line.requests.filter((r) => r.path === '/v2/bot/message/multicast' && r.status === 200);
    while (multicasts().length < outboxMessages && performance.now() - t < bySize({ small: 60_000, default: 600_000 })) await new Promise((r) => setTimeout(r, 100));
    const sendSeconds = Math.round(performance.now() - t) / 1000;

    // Of the job, the one-pass read alone (figures, executives, complaint counts of every organisation).
    t = performance.now();
    await JOBS['monthly-summary'].prepare!(ASOF, deps.settings);
    const onePassSeconds = Math.round(performance.now() - t) / 1000;
    const sent = multicasts();
    const channelsUsed = new Set(sent.map((r) => r.headers.authorization)).size;
    const perChannel = new Map<string, number>();
    for (const r of sent) perChannel.set(String(r.headers.authorization), (perChannel.get(String(r.headers.authorization)) ?? 0) + 1);
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
    return {
      organisations: orgs,
      seedSeconds,
      routing: {
        inProcess,
        ratePerSecond: RATE,
        secondsPerRound: DURATION_S,
        rounds: ROUNDS,
        toDefaultOrganisation: toDefault,
        toRegisteredOrganisations: toRegistered,
        medianP99Ms: { toDefault: median(toDefault.map((r) => r.latencyMs.p99)), toRegistered: median(toRegistered.map((r) => r.latencyMs.p99)) },
        p99AddedMs: median(toRegistered.map((r) => r.latencyMs.p99)) - median(toDefault.map((r) => r.latencyMs.p99)),
      },
      monthlySummaryJob: { seconds: jobSeconds, phasesMs, onePassReadSeconds: onePassSeconds, runsDone: done, outboxMessages, withinTarget60s: jobSeconds <= 60 },
      sending: { seconds: sendSeconds, multicastsAccepted: sent.length, channelsUsed, mostRequestsToOneChannel: Math.max(0, ...perChannel.values()), perSecond: Math.round(sent.length / Math.max(sendSeconds, 0.001)) },
      checks: {
        everyOrganisationsRunDone: done === orgs,
        everySummarySent: outboxMessages > 0 && sent.length === outboxMessages,
        eachThroughItsOwnChannel: channelsUsed === sent.length,
      },
      appMemory: memoryOf(env.app.pid),
    };
  } finally {
    await disconnectDatabase().catch(() => undefined);
    await env.stop();
  }
}

export async function organisationsBenchmark() {
  const sizes = bySize({ small: [40], default: [Math.round(FULL_ORGS / 10)], full: [Math.round(FULL_ORGS / 10), FULL_ORGS] });
  const results: Awaited<ReturnType<typeof size>>[] = [];
  for (const orgs of sizes) results.push(await size(orgs));
  const checks = Object.fromEntries(Object.keys(results[0]!.checks).map((k) => [k, results.every((r) => r.checks[k as keyof typeof r.checks])]));
  return { benchmark: 'organisations', sizes: results, checks };
}
