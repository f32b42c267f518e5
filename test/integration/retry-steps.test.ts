import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileComplaint } from '../../src/db/complaint-store.js';
import { eventState } from '../../src/db/event-store.js';
import { ComplaintEventModel, ComplaintModel, ComplaintMoveModel } from '../../src/db/models/complaint.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { InviteModel, InviteRedemptionModel, RegisterFailureModel } from '../../src/db/models/invite.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { OutboxAttemptModel, OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel } from '../../src/db/models/staff.js';
import { EventAttemptModel, WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { postbackData } from '../../src/line/postback.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf } from '../support/chat.js';
import { FaultInjector } from '../support/faults.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { postbackEvent, textEvent } from '../support/line-events.js';
import { REPORT_ACTIONS } from '../../src/features/report/actions.js';

/**
 * "Nothing half-done": whichever database write of an event fails (before it lands, or after it landed and
 * its acknowledgement was lost), the retry the system makes (the sweep) finishes the event, and the outcome
 * is the outcome of a run without a fault: the same database state, the same messages to LINE and in the
 * outbox, nothing twice. The writes are the event's effects, its dialog and its stored replies.
 */
const ORG = 'test-org';
const OFFICER = 'U3333333333333333333333333333cccc';
const HANDLER = 'U4444444444444444444444444444dddd';
const CITIZEN = 'U5555555555555555555555555555eeee';
const EXECUTIVE = 'U6666666666666666666666666666ffff';
const NEWCOMER = 'U7777777777777777777777777777abab';

let h: Harness;
let faults: FaultInjector;
let measureId: string;
let measureAsImported: Record<string, unknown>;
/** The staff as set up, before any registration of a run. */
let staffAsSetUp: Record<string, unknown>[];

function planCsv(): string {
  const rows = [
    'รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ',
    'EP-A,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส,2,กองคลัง,ต.ค. 68 - ก.ย. 69,2569,"50,000"',
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  h = await startHarness({ manualSweeps: true });
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true });
  const measure = (await MeasureModel.findOne({ orgId: ORG, code: 'EP-A' }).lean())!;
  measureId = String(measure._id);
  measureAsImported = measure as unknown as Record<string, unknown>;
  h.line.profiles.set(OFFICER, 'สมศรี ใจดี');
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'สมศรี ใจดี');
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'ปลัด');
  h.line.profiles.set(NEWCOMER, 'ช่างใหม่ ตั้งใจ');
  h.line.profiles.set(EXECUTIVE, 'ปลัด');
  staffAsSetUp = (await StaffModel.find().lean()) as unknown as Record<string, unknown>[];
  faults = new FaultInjector([
    // Registration: the redemption, the invite, the staff record, and the throttle's failures (none expected).
    { model: InviteModel },
    { model: InviteRedemptionModel },
    { model: StaffModel },
    { model: RegisterFailureModel },
    { model: ProgressReportModel },
    { model: MeasureModel },
    { model: ComplaintModel },
    { model: ComplaintEventModel },
    { model: ComplaintMoveModel },
    { model: ConversationModel },
    // The outbox's inserts are the event's; its updates are the background sender's.
    { model: OutboxMessageModel, methods: ['insertOne', 'insertMany'] },
    // Of the event's own records, the dialog it started from and its stored replies (not its claims, not `#done`).
    { model: EventAttemptModel, methods: ['insertOne', 'insertMany'], ids: (id) => id.endsWith('#dialog') || id.endsWith('#replies') },
  ]);
}, 120_000);
afterAll(async () => {
  faults?.off();
  await h?.close();
});

/** Each run starts from the same database: no cases, reports or dialogs, the measure as imported. */
async function reset(): Promise<void> {
  await h.server.outbox.flush();
  await Promise.all([
    ComplaintModel.deleteMany({}),
    ComplaintEventModel.deleteMany({}),
    ComplaintMoveModel.deleteMany({}),
    ConversationModel.deleteMany({}),
    ProgressReportModel.deleteMany({}),
    OutboxMessageModel.deleteMany({}),
    OutboxAttemptModel.deleteMany({}),
    MeasureModel.replaceOne({ _id: measureAsImported._id }, measureAsImported),
    InviteModel.deleteMany({}),
    InviteRedemptionModel.deleteMany({}),
    RegisterFailureModel.deleteMany({}),
    StaffModel.deleteMany({}),
  ]);
  await StaffModel.insertMany(staffAsSetUp);
  h.line.reset();
}

/** A case filed earlier (directly, as the complaint dialog files it), for the handlers' paths. */
async function aCase(): Promise<string> {
  const input = { kind: 'general' as const, description: 'ไฟถนนหน้าโรงเรียนดับ', accused: null, happenedWhen: null, location: null, attachments: [], contactName: null, contactPhone: null, notify: true };
  const { complaint } = await fileComplaint(ORG, { complaint: input, reporterLineUserId: CITIZEN, sealer: testSealer, now: new Date(), eventId: `setup-${Math.random()}` });
  return complaint.id;
}

/** A case the handler resolved a moment ago, `reopenCount` times reopened before. */
async function aResolvedCase(reopenCount = 0): Promise<string> {
  const id = await aCase();
  await ComplaintModel.updateOne({ _id: id }, { $set: { status: 'resolved', closedAt: new Date(), reopenCount } });
  return id;
}

interface Path {
  name: string;
  actor: string;
  /** Brings the conversation to the event under test, and returns that event. */
  setup(): Promise<webhook.Event>;
}

/** An invite code made by an admin a moment ago (a fixed code, so that runs compare). */
async function anInvite(code: string, roles: string[], unit: string | null): Promise<void> {
  await InviteModel.create({ _id: code, orgId: ORG, roles, unit, position: null, scope: null, expiresAt: new Date(Date.now() + 86_400_000) });
}

const PATHS: Path[] = [
  {
    name: 'a newcomer registers with an invite code',
    actor: NEWCOMER,
    async setup() {
      await anInvite('REG2-NEWC', ['officer'], 'กองช่าง');
      return textEvent(NEWCOMER, 'ลงทะเบียน reg2-newc');
    },
  },
  {
    name: 'a staff member adds roles with a second invite code',
    actor: EXECUTIVE,
    async setup() {
      await anInvite('REG2-SECD', ['admin'], 'สำนักปลัด');
      return textEvent(EXECUTIVE, 'ลงทะเบียน REG2-SECD');
    },
  },
  {
    name: 'a progress report is confirmed',
    actor: OFFICER,
    async setup() {
      const officer = new Chat(h, OFFICER);
      const statusPrompt = await officer.tap(postbackData(REPORT_ACTIONS.reportPick, { m: measureId }));
      await officer.tap(postbackOf(statusPrompt, 'กำลังดำเนินการ'));
      await officer.say('ประชุมคณะทำงานแล้ว 2 ครั้ง');
      await officer.say('ประกาศครบ 12 รายการ');
      await officer.say('ไม่มีปัญหา');
      await officer.say('ควรประกาศผลผ่าน LINE ด้วย');
      const confirm = await officer.say('12500');
      return postbackEvent(OFFICER, postbackOf(confirm, 'ยืนยันบันทึก'));
    },
  },
  {
    name: 'a complaint is confirmed',
    actor: CITIZEN,
    async setup() {
      const citizen = new Chat(h, CITIZEN);
      await citizen.say('ร้องเรียน');
      await citizen.tap('a=cm.kind&k=general');
      await citizen.say('ถนนหมู่ 3 เป็นหลุมลึก ขอให้ซ่อมด่วน');
      await citizen.say('ข้าม');
      await citizen.say('ไม่ประสงค์ออกนาม');
      const confirm = await citizen.say('รับแจ้ง');
      return postbackEvent(CITIZEN, postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
    },
  },
  {
    name: "a case's status is changed",
    actor: HANDLER,
    async setup() {
      const id = await aCase();
      const handler = new Chat(h, HANDLER);
      const choose = await handler.tap(`a=cp.status&c=${id}`);
      await handler.tap(postbackOf(choose, 'อยู่ระหว่างดำเนินการ'));
      return textEvent(HANDLER, 'กองช่างออกสำรวจแล้ว จะซ่อมภายในสัปดาห์หน้า');
    },
  },
  {
    name: 'a case is taken',
    actor: HANDLER,
    async setup() {
      return postbackEvent(HANDLER, `a=cp.take&c=${await aCase()}`);
    },
  },
  {
    name: 'a delay is explained',
    actor: HANDLER,
    async setup() {
      const id = await aCase();
      await ComplaintModel.updateOne({ _id: id }, { $set: { explanationRequired: true } });
      await new Chat(h, HANDLER).tap(`a=cp.explain&c=${id}`);
      return textEvent(HANDLER, 'รอผู้รับจ้างเข้าดำเนินการ เนื่องจากฝนตกต่อเนื่อง');
    },
  },
  {
    name: 'an internal note is written',
    actor: HANDLER,
    async setup() {
      const id = await aCase();
      await new Chat(h, HANDLER).tap(`a=cp.note&c=${id}`);
      return textEvent(HANDLER, 'รองบประมาณซ่อมบำรุงจากกองคลัง');
    },
  },
  {
    name: 'a citizen rates a resolved case',
    actor: CITIZEN,
    async setup() {
      await new Chat(h, CITIZEN).tap(`a=cz.fixed&c=${await aResolvedCase()}&s=4&f=1`);
      return textEvent(CITIZEN, 'ซ่อมเร็วมาก ขอบคุณครับ');
    },
  },
  {
    name: 'a citizen\'s "not fixed" reopens the case',
    actor: CITIZEN,
    async setup() {
      await new Chat(h, CITIZEN).tap(`a=cz.fixed&c=${await aResolvedCase()}&s=1&f=0`);
      return textEvent(CITIZEN, 'ไฟยังดับอยู่หน้าโรงเรียน');
    },
  },
  {
    name: '"not fixed" after the last reopening goes to the executives',
    actor: CITIZEN,
    async setup() {
      await new Chat(h, CITIZEN).tap(`a=cz.fixed&c=${await aResolvedCase(2)}&s=1&f=0`);
      return textEvent(CITIZEN, 'ดับอีกแล้ว');
    },
  },
  {
    name: 'a citizen withdraws a case',
    actor: CITIZEN,
    async setup() {
      return postbackEvent(CITIZEN, `a=cz.wdok&c=${await aCase()}`);
    },
  },
  {
    name: 'a citizen adds information to a case',
    actor: CITIZEN,
    async setup() {
      await new Chat(h, CITIZEN).tap(`a=cz.info&c=${await aCase()}`);
      return textEvent(CITIZEN, 'ตอนนี้ดับเพิ่มอีกสองต้น');
    },
  },
  {
    name: 'a case is forwarded to another agency',
    actor: HANDLER,
    async setup() {
      const handler = new Chat(h, HANDLER);
      await handler.tap(`a=cp.fwd&c=${await aCase()}`);
      await handler.say('การไฟฟ้าส่วนภูมิภาคอำเภอโพธิ์ทอง');
      return textEvent(HANDLER, 'เสาไฟต้นนี้เป็นของการไฟฟ้า โทร 1129');
    },
  },
  {
    name: 'after-fix photos are sent to the citizen',
    actor: HANDLER,
    async setup() {
      const handler = new Chat(h, HANDLER);
      await handler.tap(`a=cp.photo&c=${await aCase()}`);
      await handler.sendImage();
      return textEvent(HANDLER, 'ส่งให้ผู้ร้อง');
    },
  },
  {
    name: 'a category is set',
    actor: HANDLER,
    async setup() {
      return postbackEvent(HANDLER, `a=cp.catset&c=${await aCase()}&k=ไฟฟ้า`);
    },
  },
];

/** Ids that differ from run to run (ObjectIds, event ids) become placeholders; times and ciphertexts go. */
function normalise(value: unknown, ids: Map<string, string>): unknown {
  const json = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    if (this[key] instanceof Date) return '<time>';
    if (['createdAt', 'updatedAt', '__v', 'sourceEventId', 'reporterSealed', 'retryKey', 'nextAttemptAt', 'sentAt', 'attempts', 'state', 'lineRequestId', 'lastStatus', 'lastError'].includes(key)) return undefined;
    return v;
  });
  // A clock time shown in a message ("๑๔:๐๕ น.") is that of the attempt that wrote it; runs straddle minutes.
  let out = json.replace(/[๐-๙0-9]{2}:[๐-๙0-9]{2} น\./g, '<hh:mm> น.');
  // So is an evidence link's token, signed with the attempt's time (the outbox keeps the first one).
  out = out.replace(/\/evidence\/[A-Za-z0-9_.-]+/g, '/evidence/<token>');
  for (const [id, name] of ids) out = out.split(id).join(name);
  return JSON.parse(out);
}

/** What the event left behind: the database it touched and every message that reached LINE or waits in the outbox. */
async function outcome(event: webhook.Event, actor: string, sentFrom: number) {
  const complaints = await ComplaintModel.find().lean();
  const reports = await ProgressReportModel.find().lean();
  const ids = new Map<string, string>([[event.webhookEventId, '<event>']]);
  complaints.forEach((c, i) => ids.set(String(c._id), `<case${i}>`));
  // Photos sent in the setup have message ids of their own in each run.
  complaints.forEach((c, i) => [...c.attachments, ...c.afterPhotos].forEach((p, j) => ids.set(p.lineMessageId, `<photo${i}.${j}>`)));
  reports.forEach((r, i) => ids.set(String(r._id), `<report${i}>`));
  const outbox = (await OutboxMessageModel.find().sort({ _id: 1 }).lean()).map(({ toSealed, messagesSealed, ...m }) => ({
    ...m,
    to: JSON.parse(testSealer.open(toSealed)),
    messages: JSON.parse(testSealer.open(messagesSealed)),
  }));
  const token = 'replyToken' in event ? event.replyToken : undefined;
  const sent = h.line.requests
    .slice(sentFrom)
    .filter((r) => r.status === 200 && /^\/v2\/bot\/message\/(reply|push|multicast)$/.test(r.path))
    .map((r) => ({ to: r.path.endsWith('reply') ? (r.body.replyToken === token ? actor : 'someone else') : r.body.to, messages: r.body.messages }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const timeline = await ComplaintEventModel.find().sort({ _id: 1 }).lean();
  const measure = await MeasureModel.findById(measureId).lean();
  return {
    finished: await eventState(event.webhookEventId),
    state: normalise(
      {
        complaints: complaints.map(({ _id, ...c }) => c),
        timeline,
        reports: reports.map(({ _id, ...r }) => r),
        measure,
        dialogs: await ConversationModel.countDocuments(),
        outbox,
        staff: await StaffModel.find().sort({ _id: 1 }).lean(),
        invites: await InviteModel.find().sort({ _id: 1 }).lean(),
        redemptions: await InviteRedemptionModel.find().sort({ _id: 1 }).lean(),
        registerFailures: await RegisterFailureModel.countDocuments(),
      },
      ids,
    ),
    sent: normalise(sent, ids),
  };
}

/** Runs the path's event with the `n`th write failing (or none), then retries it as the sweep does. */
async function run(path: Path, fault: { n: number; when: 'before' | 'after' } | null) {
  await reset();
  const event = await path.setup();
  const sentFrom = h.line.requests.length;
  if (fault) faults.arm(fault.n, fault.when);
  else faults.count();
  try {
    await h.send(event);
  } finally {
    faults.off();
  }
  const writes = [...faults.writes];
  for (let round = 0; round < 3 && (await eventState(event.webhookEventId)) !== 'done'; round++) {
    await WebhookEventModel.updateMany({ state: { $in: ['pending', 'replying'] } }, { $set: { nextAttemptAt: new Date() } });
    await h.server.runner.sweep();
  }
  await h.server.outbox.flush();
  return { writes, ...(await outcome(event, path.actor, sentFrom)) };
}

describe('an event whose database write fails is completed by its retry, as if nothing had failed', () => {
  for (const path of PATHS) {
    it(`${path.name}: any one write failing, before or after it lands`, async () => {
      const clean = await run(path, null);
      expect(clean.finished).toBe('done');
      expect(clean.writes.length).toBeGreaterThan(0);
      expect((clean.sent as unknown[]).length).toBeGreaterThan(0);
      for (let n = 1; n <= clean.writes.length; n++) {
        for (const when of ['before', 'after'] as const) {
          const faulty = await run(path, { n, when });
          const label = `${path.name}, write ${n} (${clean.writes[n - 1]}) failing ${when}`;
          expect(faulty.writes.length, label).toBeGreaterThanOrEqual(n);
          expect(faulty.finished, label).toBe('done');
          expect(faulty.state, label).toEqual(clean.state);
          expect(faulty.sent, label).toEqual(clean.sent);
        }
      }
    }, 180_000);
  }
});
