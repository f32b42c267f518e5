import { PassThrough } from 'node:stream';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eventState } from '../../src/db/event-store.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { Chat, visibleText } from '../support/chat.js';
import { failFeature } from '../support/faults.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * A feature that fails. A fault in its code is answered at once (an apology and what to do next), logged
 * with its stack, and leaves the person's dialog as it was; a database or LINE outage is retried as before;
 * an event given up on is told to its sender and, once a day, to the organisation's admins.
 */
const ORG = 'test-org';
const ADMIN = 'U-boundary-admin';
const user = (n: number) => `Ue${String(n).padStart(32, '0')}`;
const STORY = 'ท่อระบายน้ำหน้าบ้านเลขที่ 45 อุดตันมาสองสัปดาห์';
const codeFault = () => new TypeError("Cannot read properties of undefined (reading 'steps')");
const outage = () => new mongoose.mongo.MongoNetworkError('connection reset');

let h: Harness;
const logs: string[] = [];
const logLines = () => logs.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
const dueNow = () => WebhookEventModel.updateMany({ state: { $in: ['pending', 'replying'] } }, { $set: { nextAttemptAt: new Date() } });
const pushedTexts = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages.map((m: any) => m.text as string));

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => logs.push(String(chunk)));
  h = await startHarness({ manualSweeps: true, logTo: stream, env: { EVENT_MAX_ATTEMPTS: '2' } });
  await addStaff(ORG, ADMIN, ['admin'], null, 'ผู้ดูแล');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.line.reset();
  logs.length = 0;
});

async function startComplaint(chat: Chat): Promise<void> {
  await chat.say('ร้องเรียน');
  await chat.tap('a=cm.kind&k=general');
}

describe('a fault in a feature', () => {
  it('is answered at once with an apology, logged with its stack, and leaves the dialog where it was', async () => {
    // What the dialog says to the story, when nothing fails.
    const control = new Chat(h, user(1));
    await startComplaint(control);
    const expected = visibleText(await control.say(STORY));

    const person = new Chat(h, user(2));
    await startComplaint(person);
    const fault = failFeature('complaint', 'continue', codeFault);
    let apology: any[];
    try {
      apology = await person.say(STORY);
    } finally {
      fault.restore();
    }
    expect(apology).toHaveLength(1);
    expect(visibleText(apology)).toContain('ขออภัย');
    expect(visibleText(apology)).toContain('พิมพ์ "ยกเลิก" เพื่อเริ่มใหม่');
    expect(apology[0].quickReply.items.map((i: any) => i.action.label)).toContain('ยกเลิก');
    // Finished with the apology: no retry runs the faulty step again.
    expect(await eventState(person.lastEvent!.webhookEventId)).toBe('done');
    await dueNow();
    await h.server.runner.sweep();
    expect(fault.calls()).toBe(1);

    const logged = logLines().find((l) => l.msg === 'a feature failed; the person was told');
    expect(logged?.err.type).toBe('TypeError');
    expect(logged?.err.stack).toContain('faults.ts');
    expect(logs.join('')).not.toContain('ท่อระบายน้ำ');

    // The dialog is where it was before the failed message: sending it again goes on as if nothing failed.
    expect(visibleText(await person.say(STORY))).toBe(expected);
  });

  it('outside a dialog, says to try again later', async () => {
    const fault = failFeature('help', 'handle', codeFault);
    let apology: any[];
    try {
      apology = await new Chat(h, user(3)).say('ช่วยเหลือ');
    } finally {
      fault.restore();
    }
    expect(visibleText(apology)).toContain('ขออภัย');
    expect(visibleText(apology)).toContain('โปรดลองส่งอีกครั้งในภายหลัง');
    expect(visibleText(apology)).not.toContain('ยกเลิก');
  });
});

describe('an outage inside a feature', () => {
  it('is retried as before, and the retry answers with no apology', async () => {
    const fault = failFeature('help', 'handle', outage);
    const person = new Chat(h, user(4));
    try {
      expect(await person.say('ช่วยเหลือ')).toEqual([]);
    } finally {
      fault.restore();
    }
    expect(await eventState(person.lastEvent!.webhookEventId)).toBe('pending');
    await dueNow();
    await h.server.runner.sweep();
    expect(await eventState(person.lastEvent!.webhookEventId)).toBe('done');
    const answer = pushedTexts(user(4)).join('\n');
    expect(answer).toContain('"ร้องเรียน"');
    expect(answer).not.toContain('ขออภัย');
  });

  it('when given up on, is told to its sender, and to the admins once a day however many die', async () => {
    const fault = failFeature('help', 'handle', outage);
    try {
      for (const n of [5, 6]) {
        await new Chat(h, user(n)).say('ช่วยเหลือ');
        await dueNow();
        await h.server.runner.sweep();
      }
    } finally {
      fault.restore();
    }
    await h.server.outbox.flush();
    for (const n of [5, 6]) {
      expect(pushedTexts(user(n))).toHaveLength(1);
      expect(pushedTexts(user(n))[0]).toContain('ขออภัย');
    }
    const toAdmin = pushedTexts(ADMIN);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0]).toContain('แจ้งผู้ดูแลระบบ');
    expect(toAdmin[0]).not.toContain('ช่วยเหลือ');
  });
});
