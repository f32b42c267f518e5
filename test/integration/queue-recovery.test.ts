import { spawn, type ChildProcess } from 'node:child_process';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventState, storeEvents } from '../../src/db/event-store.js';
import { freePort } from '../../src/local-database/free-port.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { cliEnv, withOwnDatabaseAndLine } from '../support/cli.js';
import { FaultInjector } from '../support/faults.js';
import type { FakeLine } from '../support/fake-line.js';
import { countUnfinished, doneRecord, undoDone } from '../support/event-records.js';
import { CHANNEL_SECRET, startHarness, testSealer, type Harness } from '../support/harness.js';
import { sign, textEvent, webhookBody } from '../support/line-events.js';

const user = (n: number) => `U${String(n).padStart(32, '0')}`;
const help = (n: number) => textEvent(user(n), 'ช่วยเหลือ');

/** Answers that reached a user: replies (by the tokens of their events) and pushes. */
function answersTo(line: FakeLine, events: webhook.MessageEvent[], userId: string): number {
  const tokens = new Set(events.filter((e) => e.source?.type === 'user' && e.source.userId === userId).map((e) => e.replyToken));
  const replies = line.accepted('/v2/bot/message/reply').filter((r) => tokens.has(r.body.replyToken)).length;
  return replies + line.deliveriesTo(userId).length;
}

/**
 * Holds every reply until `open()`: events stay "in progress" as long as a test needs, without timing.
 * Counts how many are held at once.
 */
function gateReplies(h: Harness) {
  const reply = h.server.line.reply.bind(h.server.line);
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const state = { inFlight: 0, maxInFlight: 0 };
  h.server.line.reply = async (token, messages) => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    await gate;
    state.inFlight--;
    return reply(token, messages);
  };
  return {
    state,
    open,
    /** Resolves once `n` replies are held at once. */
    async held(n: number) {
      while (state.inFlight < n) await new Promise((r) => setTimeout(r, 10));
    },
    restore: () => (h.server.line.reply = reply),
  };
}

describe('a bounded queue', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ manualSweeps: true, env: { EVENT_QUEUE_LIMIT: '1' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 503 above the limit, keeps the event in the inbox, and answers it later exactly once', async () => {
    const gate = gateReplies(h);
    const first = help(1);
    const second = help(2);
    expect((await h.post([first])).status).toBe(200);
    await gate.held(1);
    // The queue holds one event (its reply is held): the next webhook is stored, but answered 503.
    const res = await h.post([second]);
    expect(res.status).toBe(503);
    expect(await eventState(second.webhookEventId)).toBe('pending');
    expect((await WebhookEventModel.findById(second.webhookEventId).lean())?.owner).toBeNull();

    gate.open();
    await h.server.runner.idle();
    gate.restore();
    // LINE redelivers the 503'd webhook: the copy collides in the inbox and is queued at once.
    expect((await h.post([second])).status).toBe(200);
    await h.server.runner.idle();
    // A sweep later, and yet another redelivery, find nothing left to do.
    expect(await h.server.runner.sweep()).toBe(0);
    expect((await h.post([second])).status).toBe(200);
    await h.server.runner.idle();

    expect(await eventState(first.webhookEventId)).toBe('done');
    expect(await eventState(second.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [first, second], user(1))).toBe(1);
    expect(answersTo(h.line, [first, second], user(2))).toBe(1);
  });

  it('answers an event stored while the queue was full by a later pass over the inbox, without a redelivery', async () => {
    h.line.reset();
    const gate = gateReplies(h);
    const first = help(3);
    const second = help(4);
    expect((await h.post([first])).status).toBe(200);
    await gate.held(1);
    expect((await h.post([second])).status).toBe(503);
    gate.open();
    await h.server.runner.idle();
    gate.restore();
    expect(await h.server.runner.sweep()).toBe(1);
    expect(await eventState(second.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [second], user(4))).toBe(1);
  });
});

describe('recovery', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ manualSweeps: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('queues a redelivered copy of a stored, unprocessed event at once (no sweep)', async () => {
    const event = help(10);
    // Stored by an instance that answered 503 (or died) before queueing it: not due for another minute.
    await storeEvents('test-org', { events: [event], now: new Date(), sealer: testSealer, owner: 'another-instance' });
    expect((await h.post([event])).status).toBe(200);
    await h.server.runner.idle();
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [event], user(10))).toBe(1);
  });

  it('queues a redelivered copy behind the events of its user, never beside them', async () => {
    h.line.reset();
    const earlier = help(11);
    const later = textEvent(user(11), 'ช่วยเหลือ', { timestamp: earlier.timestamp + 1 });
    // `earlier` was stored by an instance that answered 503 before queueing it; `later` is running here.
    await storeEvents('test-org', { events: [earlier], now: new Date(), sealer: testSealer, owner: 'another-instance' });
    const gate = gateReplies(h);
    expect((await h.post([later])).status).toBe(200);
    await gate.held(1);
    expect((await h.post([{ ...earlier, deliveryContext: { isRedelivery: true } }])).status).toBe(200);
    // Run beside `later`, the copy would reach LINE within moments; queued behind it, it waits for the gate.
    await Promise.race([gate.held(2), new Promise((r) => setTimeout(r, 3_000))]);
    gate.open();
    await h.server.runner.idle();
    gate.restore();
    expect(gate.state.maxInFlight).toBe(1);
    expect(await eventState(earlier.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [earlier, later], user(11))).toBe(2);
  });

  it('does not push again an answer whose reply went out just before the instance was killed', async () => {
    h.line.reset();
    const event = help(30);
    await h.send(event);
    expect(await doneRecord(event.webhookEventId)).toBeTruthy();
    // As if killed after LINE took the reply and before the event was marked done: it is unfinished in the
    // inbox, its attempt 1 moved past (no failure recorded), due now.
    await undoDone(event, testSealer, { attempts: 1, lastError: null, nextAttemptAt: new Date() });
    expect(await h.server.runner.sweep()).toBe(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(1);
    expect(h.line.accepted('/v2/bot/message/push')).toHaveLength(0);
  });

  it('does not push again an answer whose reply LINE took but whose response was lost (a timeout)', async () => {
    h.line.reset();
    const event = help(32);
    h.line.failNext(0, { pathPrefix: '/v2/bot/message/reply', accept: true });
    await h.send(event);
    expect(await eventState(event.webhookEventId)).toBe('replying');
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    expect(await h.server.runner.sweep()).toBe(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [event], user(32))).toBe(1);
  });

  it('does not send an answer again when only the record that it went out failed', async () => {
    h.line.reset();
    const event = help(31);
    // The first write to its inbox entry is the one marking it done.
    const faults = new FaultInjector([{ model: WebhookEventModel, methods: ['updateOne'], ids: (id) => id === event.webhookEventId }]);
    faults.arm(1, 'before');
    try {
      await h.send(event);
    } finally {
      faults.off();
    }
    expect(await eventState(event.webhookEventId)).toBe('replying');
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    expect(await h.server.runner.sweep()).toBe(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(answersTo(h.line, [event], user(31))).toBe(1);
  });

  it('runs due inbox events through the concurrent runner, each user in order', async () => {
    h.line.reset();
    const base = Date.now() - 1_000;
    // Six users, two events each, left due in the inbox (as after a crash).
    const events = Array.from({ length: 12 }, (_, i) => textEvent(user(20 + (i % 6)), 'ช่วยเหลือ', { timestamp: base + i }));
    await storeEvents('test-org', { events, now: new Date(), sealer: testSealer, owner: null });
    const gate = gateReplies(h);
    const sweep = h.server.runner.sweep();
    // Serial processing would never hold two replies at once; the runner holds one per user.
    await gate.held(6);
    gate.open();
    expect(await sweep).toBe(12);
    gate.restore();
    expect(gate.state.maxInFlight).toBe(6);
    for (const e of events) expect(await eventState(e.webhookEventId)).toBe('done');
    const order = h.line.accepted('/v2/bot/message/reply').map((r) => r.body.replyToken as string);
    for (let u = 0; u < 6; u++) {
      const [a, b] = events.filter((_, i) => i % 6 === u);
      expect(order.indexOf(a!.replyToken!)).toBeLessThan(order.indexOf(b!.replyToken!));
    }
  });
});

/** The app as `npm start` runs it, on the test's own database and fake LINE, once it answers /readyz. */
async function startAppOn(own: ReturnType<typeof withOwnDatabaseAndLine>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: cliEnv(own.dbName(), 'test-org', own.line(), { LINE_CHANNEL_SECRET: CHANNEL_SECRET, PORT: String(port) }),
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('the app did not start');
    if (await fetch(`${url}/readyz`).then((r) => r.ok).catch(() => false)) return { child, url };
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function postSigned(url: string, events: webhook.Event[]): Promise<number> {
  const body = webhookBody(events);
  const res = await fetch(`${url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, CHANNEL_SECRET) }, body });
  return res.status;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('killed between a reply and its record', () => {
  const own = withOwnDatabaseAndLine();

  it('does not push the answer again when the restart comes too late for the reply token to tell', async () => {
    const line = own.line();
    const first = await startAppOn(own);
    // An event answered 45 s after the person wrote (the tail of a burst): still replied to, under 50 s.
    const event = textEvent(user(3000), 'ช่วยเหลือ', { timestamp: Date.now() - 45_000 }) as webhook.MessageEvent & { replyToken: string };
    // LINE takes the reply, and the process is killed before LINE's answer (and so before its record).
    line.failNext(0, { pathPrefix: '/v2/bot/message/reply', accept: true });
    const replied = line.waitForAnswer(event.replyToken, user(3000));
    expect(await postSigned(first.url, [event])).toBe(200);
    await replied;
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    // The restart comes once the token is past the 50 s in which a second reply would tell.
    while (Date.now() - event.timestamp < 51_000) await sleep(200);
    const second = await startAppOn(own);
    try {
      while ((await eventState(event.webhookEventId)) !== 'done') await sleep(200);
    } finally {
      second.child.kill('SIGKILL');
    }
    expect(line.accepted('/v2/bot/message/reply').filter((r) => r.body.replyToken === event.replyToken)).toHaveLength(1);
    expect(line.deliveriesTo(user(3000))).toHaveLength(0);
  }, 120_000);
});

describe('stopping with a backlog', () => {
  const own = withOwnDatabaseAndLine();
  const startApp = () => startAppOn(own);

  it.each([
    ['SIGTERM', 1000],
    ['SIGKILL', 2000],
  ] as const)('after %s with a backlog, the next start answers every remaining event exactly once', async (signal, firstUser) => {
    const events = Array.from({ length: 300 }, (_, i) => help(firstUser + i));
    const first = await startApp();
    const statuses: number[] = [];
    for (let i = 0; i < events.length; i += 10) {
      const body = webhookBody(events.slice(i, i + 10));
      const res = await fetch(`${first.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, CHANNEL_SECRET) }, body });
      statuses.push(res.status);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const exited = new Promise<number | null>((r) => first.child.once('exit', (code) => r(code)));
    first.child.kill(signal);
    const code = await exited;
    if (signal === 'SIGTERM') expect(code).toBe(0);

    const second = await startApp();
    try {
      // The rest is in the inbox, due: the second instance takes it at start without any redelivery.
      for (;;) {
        if ((await countUnfinished()) === 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const e of events) expect(await eventState(e.webhookEventId)).toBe('done');
      for (let i = 0; i < events.length; i++) expect(answersTo(own.line(), events, user(firstUser + i)), user(firstUser + i)).toBe(1);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    }
  }, 120_000);
});
