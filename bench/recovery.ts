import { createHmac, randomBytes } from 'node:crypto';
import { retryKeyFor } from '../src/line/retry-key.js';
import { memoryOf, startEnvironment, type BenchEnvironment } from './lib/environment.js';
import { bySize } from './lib/size.js';

/**
 * Crash recovery and bursts (issue "Nothing half-done"). Every event is a help text from one of 1,000
 * users, 10 events a signed request, 10 requests at a time; every answer at the fake LINE is traced back to
 * its event (a reply by its token, a push by its retry key), so lost and duplicated answers are counted,
 * not guessed.
 *  - recovery: N events answered normally (the normal rate); then N more posted and the app SIGKILLed at
 *    once, restarted, and timed until every event is answered (the recovery rate).
 *  - burst: M events as fast as intake takes them, with the default queue limit: 503s, peak RSS, replies
 *    versus pushes, then SIGTERM with the backlog left and how long the app takes to exit.
 * Sizes: BENCH_FULL=1 for the sizes (16,000 and 60,000); smaller by default, and BENCH_SIZE=small
 * (CI) smaller still. Both fail (`checks`) when an event is lost or answered twice.
 */
const FULL = process.env.BENCH_FULL === '1';
const RECOVERY_EVENTS = Number(process.env.BENCH_RECOVERY_EVENTS ?? bySize({ small: 300, default: 4_000, full: 16_000 }));
const BURST_EVENTS = Number(process.env.BENCH_BURST_EVENTS ?? bySize({ small: 500, default: 15_000, full: 60_000 }));
/** After the last answer, how long a late duplicate is waited for. */
const LATE_DUPLICATE_WAIT_MS = bySize({ small: 1_000, default: 3_000 });
/** How long the events may take to be answered before the rest count as lost. */
const ANSWER_TIMEOUT_MS = bySize({ small: 120_000, default: 900_000 });
const PER_REQUEST = 10;
const CONNECTIONS = 10;
const USERS = 1_000;

interface BenchEvent {
  id: string;
  token: string;
  retryKey: string;
  json: object;
}

let sequence = 0;
function makeEvents(n: number): BenchEvent[] {
  return Array.from({ length: n }, () => {
    const seq = sequence++;
    const id = `RECOV${seq.toString(36).toUpperCase().padStart(10, '0')}${randomBytes(4).toString('hex').toUpperCase()}`;
    const token = randomBytes(16).toString('hex');
    return {
      id,
      token,
      retryKey: retryKeyFor(`${id}:0`),
      json: {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: id,
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId: `Ubench${String(seq % USERS).padStart(27, '0')}` },
        replyToken: token,
        message: { type: 'text', id: String(seq), text: 'ช่วยเหลือ', quoteToken: 'q' },
      },
    };
  });
}

/** Posts the events, PER_REQUEST a request over CONNECTIONS parallel senders; counts the answers by status. */
async function post(env: BenchEnvironment, events: BenchEvent[]): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const sender = async () => {
    while (next < events.length) {
      const part = events.slice(next, next + PER_REQUEST);
      next += PER_REQUEST;
      const body = JSON.stringify({ destination: 'Ubench', events: part.map((e) => e.json) });
      const signature = createHmac('sha256', env.channelSecret).update(body).digest('base64');
      const res = await fetch(`${env.app.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': signature }, body });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, sender));
  return statuses;
}

/** Each event's accepted answers at the fake LINE: replies by token, pushes by retry key (a 409 is LINE dropping a repeat). */
function tally(env: BenchEnvironment, events: BenchEvent[]) {
  const byToken = new Map(events.map((e) => [e.token, e.id]));
  const byKey = new Map(events.map((e) => [e.retryKey, e.id]));
  const count = new Map<string, number>();
  let replies = 0;
  let pushes = 0;
  let repeatsDropped = 0;
  let last = 0;
  for (const r of env.line.requests) {
    let id: string | undefined;
    if (r.path === '/v2/bot/message/reply' && r.status === 200) {
      id = byToken.get(r.body.replyToken);
      if (id) replies++;
    } else if (r.path === '/v2/bot/message/push') {
      const key = r.headers['x-line-retry-key'];
      const eventId = typeof key === 'string' ? byKey.get(key) : undefined;
      if (eventId && r.status === 409) repeatsDropped++;
      if (eventId && r.status === 200) {
        id = eventId;
        pushes++;
      }
    }
    if (id) {
      count.set(id, (count.get(id) ?? 0) + 1);
      last = Math.max(last, r.at.getTime());
    }
  }
  const answered = count.size;
  const duplicated = [...count.values()].filter((c) => c > 1).length;
  return { answered, lost: events.length - answered, duplicated, replies, pushes, repeatsDroppedByRetryKey: repeatsDropped, lastAnswerAt: last };
}

/** Waits until every event has an answer, then a moment more, so that late duplicates are counted too. */
async function answeredAll(env: BenchEnvironment, events: BenchEvent[], timeoutMs = ANSWER_TIMEOUT_MS) {
  const started = Date.now();
  for (;;) {
    const t = tally(env, events);
    if (t.answered >= events.length) break;
    if (Date.now() - started > timeoutMs) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, LATE_DUPLICATE_WAIT_MS));
  return tally(env, events);
}

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

export async function recoveryBenchmark() {
  // The queue limit is raised above N: the point is N events queued in memory at the kill.
  const env = await startEnvironment('recovery', { EVENT_QUEUE_LIMIT: String(RECOVERY_EVENTS * 2) });
  try {
    const normalEvents = makeEvents(RECOVERY_EVENTS);
    const t0 = Date.now();
    const normalIntake = await post(env, normalEvents);
    const normal = await answeredAll(env, normalEvents);
    const normalMs = normal.lastAnswerAt - t0;

    env.line.reset();
    const crashEvents = makeEvents(RECOVERY_EVENTS);
    const crashIntake = await post(env, crashEvents);
    await env.kill();
    const atKill = tally(env, crashEvents);
    const restartAt = Date.now();
    await env.restart();
    const readyAt = Date.now();
    const after = await answeredAll(env, crashEvents);
    const left = RECOVERY_EVENTS - atKill.answered;
    const firstAnswerAfterRestart = env.line.requests.find((r) => r.at.getTime() >= readyAt && r.status === 200)?.at.getTime();
    const recoveryMs = after.lastAnswerAt - readyAt;
    const normalRate = perSecond(RECOVERY_EVENTS, normalMs);
    const recoveryRate = perSecond(left, recoveryMs);
    return {
      benchmark: 'recovery',
      events: RECOVERY_EVENTS,
      full: FULL,
      normal: { intakeStatuses: normalIntake, seconds: normalMs / 1000, eventsPerSecond: normalRate, ...omitTime(normal) },
      crash: {
        intakeStatuses: crashIntake,
        answeredBeforeKill: atKill.answered,
        leftAtKill: left,
        restartToReadySeconds: (readyAt - restartAt) / 1000,
        firstAnswerSecondsAfterReady: firstAnswerAfterRestart ? (firstAnswerAfterRestart - readyAt) / 1000 : null,
        clearedSecondsAfterReady: recoveryMs / 1000,
        eventsPerSecond: recoveryRate,
        ...omitTime(after),
      },
      recoveryVsNormalPercent: Math.round((recoveryRate / normalRate) * 1000) / 10,
      checks: { noneLost: normal.lost === 0 && after.lost === 0, noneDuplicated: normal.duplicated === 0 && after.duplicated === 0 },
      targets: { recoveryAtLeast80PercentOfNormal: recoveryRate >= normalRate * 0.8 },
      appMemory: memoryOf(env.app.pid),
    };
  } finally {
    await env.stop();
  }
}

export async function burstBenchmark() {
  const env = await startEnvironment('burst');
  try {
    const events = makeEvents(BURST_EVENTS);
    const t0 = Date.now();
    const intake = await post(env, events);
    const intakeSeconds = (Date.now() - t0) / 1000;
    const done = await answeredAll(env, events);
    const memory = memoryOf(env.app.pid);

    // SIGTERM with a backlog: a second burst, then the stop right after it.
    env.line.reset();
    const second = makeEvents(Math.min(BURST_EVENTS, 10_000));
    await post(env, second);
    const child = env.app.process;
    const exited = new Promise<number>((r) => child.once('exit', () => r(Date.now())));
    const termAt = Date.now();
    child.kill('SIGTERM');
    const sigtermSeconds = ((await exited) - termAt) / 1000;
    const answeredBeforeStop = tally(env, second).answered;
    await env.restart();
    const afterRestart = await answeredAll(env, second);
    return {
      benchmark: 'burst',
      events: BURST_EVENTS,
      full: FULL,
      queueLimit: 5_000,
      intakeStatuses: intake,
      intakeSeconds,
      clearedSeconds: (done.lastAnswerAt - t0) / 1000,
      eventsPerSecond: perSecond(BURST_EVENTS, done.lastAnswerAt - t0),
      ...omitTime(done),
      appPeakRssMiB: memory.peakMiB,
      sigterm: { backlogEvents: second.length - answeredBeforeStop, exitSeconds: sigtermSeconds, withinDockers10s: sigtermSeconds < 10, nextStart: omitTime(afterRestart) },
      // A 503 at intake is LINE's cue to redeliver, not a loss; what was taken is answered once, after a SIGTERM too.
      checks: { noneLostOfTheTaken: done.lost === BURST_EVENTS - (intake[200] ?? 0) * PER_REQUEST && afterRestart.lost === 0, noneDuplicated: done.duplicated === 0 && afterRestart.duplicated === 0 },
    };
  } finally {
    await env.stop();
  }
}

function omitTime<T extends { lastAnswerAt: number }>(t: T): Omit<T, 'lastAnswerAt'> {
  const { lastAnswerAt: _, ...rest } = t;
  return rest;
}
