import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventState } from '../../src/db/event-store.js';
import { pruneWebhookRecords } from '../../src/jobs/prune-event-records.js';
import { EventAttemptModel, WebhookEventModel, WebhookReceiptModel } from '../../src/db/models/webhook-event.js';
import { asFinishedByEarlierVersion, countFinished, countUnfinished, doneRecord, unfinishedEvents } from '../support/event-records.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { allEventSamples, legacyThingsEventSamples, sign, textEvent, webhookBody } from '../support/line-events.js';

const USER = 'U1111111111111111111111111111aaaa';
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ manualSweeps: true });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  h.line.reset();
  await Promise.all([WebhookEventModel.deleteMany({}), WebhookReceiptModel.deleteMany({}), EventAttemptModel.deleteMany({})]);
});

/** Events accepted so far: every one is in the inbox, unfinished or as its done record. */
const accepted = () => WebhookEventModel.countDocuments();

describe('POST /webhook: authenticity and shape', () => {
  it('answers 401 and stores nothing when the signature is missing', async () => {
    const res = await h.post([textEvent(USER, 'ช่วยเหลือ')], { signature: null });
    expect(res.status).toBe(401);
    expect(await accepted()).toBe(0);
  });

  it('answers 401 and stores nothing when the signature is wrong or made with another secret', async () => {
    const body = webhookBody([textEvent(USER, 'ช่วยเหลือ')]);
    for (const signature of ['not-base64!', sign(body, 'another-secret'), sign(`${body} `, 'test-channel-secret')]) {
      const res = await h.post([], { rawBody: body, signature });
      expect(res.status).toBe(401);
    }
    expect(await accepted()).toBe(0);
    expect(h.line.requests).toHaveLength(0);
  });

  it('answers 400 to a correctly signed body that is not JSON or not a LINE webhook', async () => {
    for (const rawBody of ['{"events": [', '[]', '{"events": {}}', '{"events": [{"type": "message"}]}', '']) {
      const res = await h.post([], { rawBody });
      expect(res.status, rawBody).toBe(400);
    }
    expect(await accepted()).toBe(0);
  });

  it('answers 413 to a body over the size limit', async () => {
    const huge = webhookBody([textEvent(USER, 'ก'.repeat(1_200_000))]);
    const res = await h.post([], { rawBody: huge });
    expect(res.status).toBe(413);
    expect(await accepted()).toBe(0);
  });

  it('accepts a body of more than 100 events, and answers every one of them', async () => {
    const events = Array.from({ length: 150 }, (_, i) => textEvent(`U${String(i).padStart(32, 'b')}`, 'ช่วยเหลือ'));
    const res = await h.post(events);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 150, new: 150 });
    await h.server.runner.idle();
    expect(await countFinished(events.map((e) => e.webhookEventId))).toBe(150);
    const answered = new Set(h.line.accepted('/v2/bot/message/reply').map((r) => r.body.replyToken));
    expect(events.filter((e) => !answered.has(e.replyToken))).toEqual([]);
  });

  it('answers 200 to the console\'s connection check with no events', async () => {
    const res = await h.post([]);
    expect(res.status).toBe(200);
  });
});

describe('POST /webhook: every event type', () => {
  it('accepts every event type LINE documents, stores each once and finishes each without error', async () => {
    const events = [...allEventSamples(USER), ...legacyThingsEventSamples(USER)];
    const res = await h.post(events);
    expect(res.status).toBe(200);
    await h.server.runner.idle();
    expect(await accepted()).toBe(events.length);
    expect((await unfinishedEvents()).map((e) => [e.type, e.state, e.lastError])).toEqual([]);
    expect(await countFinished(events.map((e) => e.webhookEventId))).toBe(events.length);
    // Every message from the user gets an answer (never silence), and joining a group its one greeting;
    // reply tokens are used once each.
    const replies = h.line.accepted('/v2/bot/message/reply');
    const messageEvents = events.filter((e) => e.type === 'message' || e.type === 'postback' || e.type === 'follow' || e.type === 'join');
    expect(replies.length).toBe(messageEvents.length);
    expect(h.line.requests.filter((r) => r.status !== 200 && r.path !== '/v2/bot/profile/' + USER)).toEqual([]);
  });

  it('keeps the raw event as text, so keys chosen by users never become document keys', async () => {
    const event = textEvent(USER, '{"$where": "1"}');
    // A failed reply keeps the event in the inbox, where its stored form can be read.
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    await h.send(event);
    const stored = await WebhookEventModel.findById(event.webhookEventId).lean();
    expect(JSON.parse(testSealer.open(stored!.body!)).message.text).toBe('{"$where": "1"}');
  });
});

describe('POST /webhook: exactly once', () => {
  it('processes a redelivered event once', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    const res = await h.post([again]);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: 1, new: 0 });
    await h.server.runner.idle();
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(1);
    expect(await accepted()).toBe(1);
  });

  it('processes an event redelivered after it finished once', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    expect(await eventState(event.webhookEventId)).toBe('done');
    // Finished in one write: the inbox entry is the done record, without the sealed event.
    expect(await doneRecord(event.webhookEventId)).toMatchObject({ state: 'done', finishedBy: expect.any(String), finishedAt: expect.any(Date) });
    expect((await doneRecord(event.webhookEventId))?.body).toBeUndefined();
    const res = await h.post([{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(await res.json()).toMatchObject({ received: 1, new: 0 });
    await h.server.runner.idle();
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(1);
    expect(await countUnfinished()).toBe(0);
  });

  it('processes once an event that an earlier version finished (its `#done` record, no inbox entry) when LINE redelivers it', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    await asFinishedByEarlierVersion(event.webhookEventId);
    const res = await h.post([{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(await res.json()).toMatchObject({ received: 1, new: 0 });
    await h.server.runner.idle();
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(await WebhookEventModel.countDocuments()).toBe(0);
  });

  it('never runs again an event an earlier version finished, even when its copy was left in the inbox', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    await asFinishedByEarlierVersion(event.webhookEventId);
    // As if a redelivery's copy went in and the database failed before it could be removed.
    await WebhookEventModel.create({ _id: event.webhookEventId, orgId: 'test', type: 'message', timestamp: new Date(), body: 'x', receivedAt: new Date(), nextAttemptAt: new Date() });
    await h.server.runner.sweep();
    await h.server.runner.idle();
    expect(h.line.requests.filter((r) => r.path.startsWith('/v2/bot/message/'))).toHaveLength(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(await countUnfinished()).toBe(0);
  });

  it('runs a redelivered event whose first intake stored nothing', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    // As if the inbox insert had failed and LINE got 503: the redelivery is the first the inbox sees of it.
    const res = await h.post([{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(await res.json()).toMatchObject({ received: 1, new: 1 });
    await h.server.runner.idle();
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
  });

  it('never runs again an event its retry finished, when LINE redelivers it', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    await h.send(event);
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    await h.server.runner.sweep();
    expect(await eventState(event.webhookEventId)).toBe('done');
    const res = await h.post([{ ...event, deliveryContext: { isRedelivery: true } }]);
    expect(await res.json()).toMatchObject({ received: 1, new: 0 });
    await h.server.runner.idle();
    expect(h.line.accepted('/v2/bot/message/push')).toHaveLength(1);
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(0);
  });

  it('retries an event whose reply failed, as a push with a stable retry key, and marks it done', async () => {
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    let stored = await WebhookEventModel.findById(event.webhookEventId).lean();
    expect(stored).toMatchObject({ state: 'replying', attempts: 1 });
    expect(stored!.lastError).toContain('500');

    // The sweep runs what is due; make the retry due now instead of waiting for the backoff.
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    expect(await h.server.runner.sweep()).toBe(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect((await EventAttemptModel.find({ eventId: event.webhookEventId }).lean()).map((r) => r._id.split('#')[1]).sort()).toEqual(['1', '2', 'replies']);
    expect(await doneRecord(event.webhookEventId)).toMatchObject({ attempts: 1 });
    const pushes = h.line.accepted('/v2/bot/message/push');
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.body.to).toBe(USER);
    expect(pushes[0]!.headers['x-line-retry-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('does not send twice when a retried push was in fact accepted (LINE answers 409 to the same key)', async () => {
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    const beforeRetry = (await WebhookEventModel.findById(event.webhookEventId).lean())!;
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    await h.server.runner.sweep();
    await h.server.runner.idle();
    // As if the instance died after LINE accepted the push and before the event was marked finished.
    await EventAttemptModel.deleteOne({ _id: `${event.webhookEventId}#2` });
    await WebhookEventModel.replaceOne({ _id: event.webhookEventId }, { ...beforeRetry, nextAttemptAt: new Date() });
    await h.server.runner.sweep();
    expect(h.line.accepted('/v2/bot/message/push')).toHaveLength(1);
    expect(h.line.requests.filter((r) => r.status === 409)).toHaveLength(1);
    expect(await eventState(event.webhookEventId)).toBe('done');
  });

  it('is not blocked by an attempt whose instance died before recording it', async () => {
    const event = textEvent(USER, 'ช่วยเหลือ');
    // Stored, and attempt 1 claimed by an instance that vanished before writing anything else.
    h.line.failNext(500, { pathPrefix: '/v2/bot/message/reply' });
    await h.send(event);
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { attempts: 0, nextAttemptAt: new Date() } });
    await EventAttemptModel.updateOne({ _id: `${event.webhookEventId}#1` }, { $set: { claimedAt: new Date(Date.now() - 5 * 60_000) } });
    await h.server.runner.sweep();
    await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
    await h.server.runner.sweep();
    expect(await eventState(event.webhookEventId)).toBe('done');
    expect(h.line.accepted('/v2/bot/message/push')).toHaveLength(1);
  });

  it('keeps an event that keeps failing as dead after the last attempt instead of dropping it', async () => {
    h.line.failNext(500, { times: 10 });
    const event = textEvent(USER, 'ช่วยเหลือ');
    await h.send(event);
    for (let i = 0; i < 6; i++) {
      await WebhookEventModel.updateOne({ _id: event.webhookEventId }, { $set: { nextAttemptAt: new Date() } });
      await h.server.runner.sweep();
    }
    const stored = await WebhookEventModel.findById(event.webhookEventId).lean();
    expect(stored).toMatchObject({ state: 'dead', attempts: 5 });
  });
});

describe('webhook records', () => {
  it('are pruned after the retention days, recent ones kept', async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    await WebhookReceiptModel.create([{ _id: 'old', orgId: 'test', receivedAt: old }, { _id: 'new', orgId: 'test', receivedAt: new Date() }]);
    await EventAttemptModel.create([{ _id: 'old#done', eventId: 'old', claimedAt: old, owner: 'a' }, { _id: 'new#1', eventId: 'new', claimedAt: new Date(), owner: 'a' }]);
    // Done records of finished events go with them; an event still waiting, or dead, stays however old.
    const inbox = (id: string, state: string, finishedAt?: Date) => ({ _id: id, orgId: 'test', type: 'message', timestamp: old, body: 'x', receivedAt: old, nextAttemptAt: old, state, finishedAt });
    await WebhookEventModel.create([inbox('old', 'done', old), inbox('new', 'done', new Date()), inbox('old-waiting', 'pending'), inbox('old-dead', 'dead')]);
    expect(await pruneWebhookRecords.run(new Date())).toEqual({ receipts: 1, attempts: 1, finished: 1 });
    expect((await WebhookReceiptModel.find().lean()).map((r) => r._id)).toEqual(['new']);
    expect((await EventAttemptModel.find().lean()).map((r) => r._id)).toEqual(['new#1']);
    expect((await WebhookEventModel.find().sort({ _id: 1 }).lean()).map((r) => r._id)).toEqual(['new', 'old-dead', 'old-waiting']);
  });
});

describe('outside demo mode', () => {
  it('has no simulator: a bot with LINE credentials never serves it', async () => {
    expect((await fetch(`${h.server.url}/simulator`)).status).toBe(404);
    expect((await fetch(`${h.server.url}/simulator/api/state`)).status).toBe(404);
  });
});

describe('health', () => {
  it('reports the process up and the database reachable', async () => {
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
