import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDatabase, type LocalDatabase } from '../../src/local-database/local-ferretdb.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { startHarness, type Harness } from '../support/harness.js';
import { countFinished } from '../support/event-records.js';
import { textEvent } from '../support/line-events.js';

/**
 * Faults of the things the bot depends on: its database stops in the middle of a burst, and LINE answers
 * slowly or not at all. Nothing acknowledged may be lost, nothing may be answered twice.
 */
let dataDir: string;
let db: LocalDatabase;
let port: number;
let h: Harness;

const user = (i: number) => `U${String(i).padStart(32, '0')}`;
const dueNow = () => WebhookEventModel.updateMany({ state: { $in: ['pending', 'replying'] } }, { $set: { nextAttemptAt: new Date() } });

/** Every event's answer reached LINE exactly once: by reply, or by push after a retry. */
function answersPerEvent(events: ReturnType<typeof textEvent>[]): number[] {
  return events.map((e) => {
    const replies = h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === e.replyToken).length;
    const pushes = h.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/push' && r.body.to === e.source!.userId).length;
    return replies + pushes;
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'prongsai-faults-'));
  db = await startLocalDatabase({ dataDir });
  port = Number(new URL(db.serverUri).port);
  h = await startHarness({ mongoUri: `${db.serverUri}/?directConnection=true&serverSelectionTimeoutMS=5000`, env: { LINE_REQUEST_TIMEOUT_MS: '500' }, manualSweeps: true });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the database stops during a burst', () => {
  it('answers 503 while it is down (so LINE redelivers), says not ready, and after the restart handles every event once', async () => {
    const before = Array.from({ length: 10 }, (_, i) => textEvent(user(i), 'ช่วยเหลือ'));
    for (const e of before) expect((await h.post([e])).status).toBe(200);
    await h.server.runner.idle();

    await db.stop();
    const during = Array.from({ length: 5 }, (_, i) => textEvent(user(100 + i), 'ช่วยเหลือ'));
    for (const e of during) expect((await h.post([e])).status).toBe(503);
    expect((await fetch(`${h.server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);

    db = await startLocalDatabase({ dataDir, port });
    // LINE redelivers what it did not get a 2xx for, and may send some again anyway.
    for (const e of [...during, before[0]!]) {
      let status = 0;
      for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
        status = (await h.post([{ ...e, deliveryContext: { isRedelivery: true } }])).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
    }
    await h.server.runner.idle();
    const all = [...before, ...during];
    // A store that timed out may still land once the database is back; the sweep (its retry time brought
    // forward here) picks up whatever was stored and not yet answered.
    for (let round = 0; round < 5; round++) {
      await dueNow();
      await h.server.runner.sweep();
    }

    expect(await countFinished(all.map((e) => e.webhookEventId))).toBe(all.length);
    expect(answersPerEvent(all)).toEqual(all.map(() => 1));
    expect((await fetch(`${h.server.url}/readyz`)).status).toBe(200);
  }, 120_000);
});

describe('LINE is slow or failing', () => {
  it('keeps taking webhooks while LINE hangs, then answers every event once after 429 and 500', async () => {
    h.line.reset();
    h.line.failNext(0, { pathPrefix: '/v2/bot/message/reply', times: 2 });
    h.line.failNext(429, { pathPrefix: '/v2/bot/message/push', retryAfterSeconds: 1 });
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/push' });
    const events = Array.from({ length: 4 }, (_, i) => textEvent(user(200 + i), 'ช่วยเหลือ'));
    for (const e of events) expect((await h.post([e])).status).toBe(200);
    await h.server.runner.idle();
    expect(h.line.requests.filter((r) => r.status === 0)).toHaveLength(2);

    for (let round = 0; round < 4; round++) {
      await dueNow();
      await h.server.runner.sweep();
    }
    expect(answersPerEvent(events)).toEqual([1, 1, 1, 1]);
    expect(await countFinished(events.map((e) => e.webhookEventId))).toBe(4);
  }, 60_000);
});
