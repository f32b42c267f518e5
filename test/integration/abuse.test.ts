import { arabicDigits } from '../../src/domain/thai.js';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel } from '../../src/db/models/staff.js';
import { WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { revokeStaff } from '../../src/db/staff-store.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { countFinished } from '../support/event-records.js';
import { addStaff } from '../support/fixtures.js';
import { CHANNEL_SECRET, startHarness, type Harness } from '../support/harness.js';
import { sign, textEvent } from '../support/line-events.js';

/** Hostile input: fuzzed webhook bodies, text shaped as query operators or JSON, and staff commands from the wrong people. */
const ORG = 'test-org';
let h: Harness;

/** A small deterministic generator, so a failing case can be reproduced from its seed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() > 0.5;
    case 2:
      return Math.floor(rand() * 1e9) * (rand() > 0.5 ? 1 : -1);
    case 3:
      return 'ก'.repeat(Math.floor(rand() * 50));
    case 4:
      return { $gt: '', $where: 'sleep(1000)' };
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default:
      return Object.fromEntries(
        ['type', 'webhookEventId', 'timestamp', 'source', 'message', 'postback', 'events', 'a.b', '$set'].filter(() => rand() > 0.5).map((k) => [k, randomValue(rand, depth + 1)]),
      );
  }
}

async function postRaw(body: Buffer | string) {
  return fetch(`${h.server.url}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': sign(body as string, CHANNEL_SECRET) },
    body,
  });
}

beforeAll(async () => {
  h = await startHarness();
  await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true });
});
afterAll(async () => {
  await h?.close();
});

describe('fuzzed webhook bodies, correctly signed', () => {
  it('never crash the server and never store what is not a LINE event', async () => {
    const rand = rng(20261123);
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const shape = i % 3 === 0 ? { events: [randomValue(rand)] } : i % 3 === 1 ? { events: randomValue(rand) } : randomValue(rand);
      const res = await postRaw(JSON.stringify(shape));
      statuses.add(res.status);
      expect([200, 400]).toContain(res.status);
    }
    const deep = `{"events":[${'['.repeat(5_000)}${']'.repeat(5_000)}]}`;
    expect((await postRaw(deep)).status).toBe(400);
    const huge = JSON.stringify({ events: [{ ...textEvent('U1', 'x'), message: { type: 'text', id: '1', text: 'ข'.repeat(300_000) } }] });
    expect((await postRaw(huge)).status).toBe(400);
    const invalidUtf8 = Buffer.concat([Buffer.from('{"events":[{"type":"message","webhookEventId":"X1","timestamp":1,"message":{"type":"text","id":"1","text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}]}')]);
    expect([200, 400]).toContain((await postRaw(invalidUtf8)).status);
    await h.server.runner.idle();

    // What was stored is only well-formed events, each finished (answered or ignored), none failing.
    const stored = await WebhookEventModel.find().lean();
    expect(stored.filter((e) => e.state !== 'done' || e.lastError).map((e) => [e.type, e.state, e.lastError])).toEqual([]);
    expect(await countFinished(stored.map((e) => String(e._id)))).toBe(stored.length);
    expect((await fetch(`${h.server.url}/healthz`)).status).toBe(200);
    expect(statuses.has(400)).toBe(true);
  });
});

describe('user text shaped as query operators or JSON', () => {
  it('stays text everywhere: codes, tracking numbers, postbacks and answers', async () => {
    const u = new Chat(h, `U${randomBytes(16).toString('hex')}`);
    expect(visibleText(await u.say('ลงทะเบียน {"$gt":""}'))).toContain('ไม่พบรหัสเชิญนี้');
    expect(visibleText(await u.say('ติดตาม {"$ne":null}'))).toContain('เลขที่เรื่อง');
    expect(visibleText(await u.tap('a=cp.take&c[$ne]=x'))).toContain('สำหรับเจ้าหน้าที่');
    expect(visibleText(await u.tap('a=rp.pick&m={"$gt":""}'))).toContain('สำหรับเจ้าหน้าที่ผู้รับผิดชอบมาตรการ');
    expect(await StaffModel.countDocuments({ lineUserId: u.userId })).toBe(0);

    const officer = new Chat(h, 'U-injection-officer');
    await addStaff(ORG, officer.userId, ['officer'], 'สำนักปลัด', 'เจ้าหน้าที่');
    const m = (await MeasureModel.findOne({ orgId: ORG, responsibleUnits: 'สำนักปลัด' }).lean())!;
    await officer.tap(`a=rp.pick&m=${m._id}`);
    await officer.tap('a=rp.status&s=in_progress');
    const crafted = '"}]},{"type":"text","text":"injected"} {"$set":{"status":"completed"}} <script>alert(1)</script>';
    await officer.say(crafted);
    await officer.say('ข้าม');
    await officer.say('ข้าม');
    const confirm = await officer.say('ข้าม');
    // The crafted text is one text leaf of the flex message, not structure.
    const leaves: string[] = [];
    const walk = (n: any) => n && typeof n === 'object' && (typeof n.text === 'string' && leaves.push(n.text), Object.values(n).forEach(walk));
    walk(confirm);
    expect(leaves.map(arabicDigits)).toContain(crafted);
    expect(leaves).not.toContain('injected');
    await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
    expect((await ProgressReportModel.findOne({ measureId: m._id }).lean())!.summary).toBe(crafted);
    expect((await MeasureModel.findById(m._id).lean())!.status).toBe('in_progress');
  });
});

describe('staff commands from the wrong people', () => {
  const attempts = async (chat: Chat) => {
    const m = (await MeasureModel.findOne({ orgId: ORG }).lean())!;
    const c = await ComplaintModel.findOne({ orgId: ORG }).lean();
    const caseId = c ? String(c._id) : new mongoose.Types.ObjectId().toString();
    const answers: string[] = [];
    for (const text of ['รายงาน', 'report', 'สรุป', 'summary', 'เรื่องร้องเรียน', 'cases', 'สถิติร้องเรียน', 'ส่งออกรายงาน', 'export']) {
      answers.push(visibleText(await chat.say(text)));
    }
    for (const data of [`a=rp.pick&m=${m._id}`, 'a=rp.page&p=2', 'a=rp.status&s=completed', 'a=rp.confirm&d=x', 'a=sum.overdue', 'a=sum.ou&u=rest', 'a=sum.oc&h=rest', 'a=fu.o&p=2024-12&o=rest', 'a=rx&k=ita-docx', `a=cp.take&c=${caseId}`, `a=cp.status&c=${caseId}`, `a=cp.set&c=${caseId}&s=resolved`, `a=cp.note&c=${caseId}`, `a=cp.explain&c=${caseId}`]) {
      answers.push(visibleText(await chat.tap(data)));
    }
    return answers;
  };

  it('refuses every one of them to a citizen and to staff whose access was revoked, and changes nothing', async () => {
    const citizen = new Chat(h, 'U-plain-citizen');
    await new Chat(h, citizen.userId).say('ร้องเรียน');
    const revoked = new Chat(h, 'U-revoked');
    await addStaff(ORG, revoked.userId, ['officer', 'executive', 'complaint_officer', 'integrity_officer', 'admin'], 'สำนักปลัด', 'อดีตเจ้าหน้าที่');
    const staffDoc = (await StaffModel.findOne({ lineUserId: revoked.userId }).lean())!;
    expect(await revokeStaff(ORG, String(staffDoc._id))).toBe(revoked.userId);

    const reportsBefore = await ProgressReportModel.countDocuments();
    for (const chat of [citizen, revoked]) {
      for (const answer of await attempts(chat)) {
        // "เรื่องร้องเรียน" answers a non-staff person with their own cases: here, none.
        expect(answer).toMatch(/เท่านั้น|ไม่เข้าใจคำสั่งนี้|ปุ่มนี้เป็นของรายการที่จบไปแล้ว|ท่านยังไม่มีเรื่องร้องเรียน/);
        expect(answer).not.toMatch(/ดาวน์โหลด|ร้อยละการนำแผน|รับผิดชอบเรื่อง|บันทึก|เกินกำหนด|ผลการติดตาม/);
      }
    }
    expect(await ProgressReportModel.countDocuments()).toBe(reportsBefore);
  });
});
