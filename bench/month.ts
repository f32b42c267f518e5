import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { webhook } from '@line/bot-sdk';
import mongoose from 'mongoose';
import { loadConfig } from '../src/config.js';
import { ComplaintModel } from '../src/db/models/complaint.js';
import { OutboxMessageModel } from '../src/db/models/outbox-message.js';
import { StaffModel, staffId } from '../src/db/models/staff.js';
import { remindDueBy, type ComplaintKind } from '../src/domain/complaints.js';
import { JOBS, jobSchedules, type JobName } from '../src/jobs/registry.js';
import { retryKeyFor } from '../src/line/retry-key.js';
import { createLogger } from '../src/log.js';
import { importOitItems } from '../src/oit-import/import-oit.js';
import { importPlan } from '../src/plan-import/import-plan.js';
import { newDataKey } from '../src/security/crypto.js';
import { startServer, type RunningServer } from '../src/server.js';
import { FakeLineApi } from '../src/simulator/fake-line-api.js';
import { groupSource, postbackEvent, sign, textEvent, webhookBody } from '../test/support/line-events.js';
import { isSkipWord } from '../src/dialogs/words.js';
import { REPORT_ACTIONS } from '../src/features/report/actions.js';
import { buttonsOf, isCancelButton } from './lib/person.js';
import { passesBudget } from '../src/domain/message-budget.js';
import { isMessageKind } from '../src/domain/message-kinds.js';
import { deliveriesOf, isGroupId, repliesIn, wordsIn, type Delivery } from './lib/billing.js';
import { benchDatabase } from './lib/environment.js';
import type { LocalDatabase } from '../src/local-database/local-ferretdb.js';
import { BENCH_SIZE, bySize } from './lib/size.js';

/**
 * One month of a typical อบต. (issue 25, point 5), through signed webhooks and the job ticks, counting the
 * messages LINE bills from the fake LINE's own records (`lib/billing.ts`), so that it measures any version.
 *
 * The app runs in this process (`startServer`, as the integration tests start it) on a simulated clock: the
 * month is September 2025 (fiscal year 2568 of the sample plan; a quarter's end, the 12-month round's last
 * reminders, a monthly summary). Each simulated day the jobs tick at their own hour through the app's own
 * schedules (`jobSchedules`, which check the day themselves), then people act between 10:00 and noon, then
 * the outbox is emptied before the next day. Who: 30 staff (5 executives, one of them the admin; 2 complaint
 * officers; an integrity officer; an OIT reviewer; 21 officers of five units), the executives' LINE group of 6
 * members, linked by an executive as people do it; complaints (2 in 20 corruption reports) filed by citizens,
 * taken, moved on, resolved, explained when late, rated; 10 OIT answers reviewed (2 sent back and answered
 * again). The 10× scenario files ten times the complaints.
 *
 * Fails (`checks`) when a required notice is not delivered on its day: a citizen's receipt, a corruption
 * report's notice to the integrity officer, each 15-day reminder and escalation (to the handler, and to every
 * executive), or when a message failed for good (lost) in the outbox. What still waits at the month's end is
 * shown (`outbox.waiting`), not failed: a version that holds notices back (a budget, a digest) waits by design.
 */
const ORG = 'bench-month';
const GROUP_ID = 'C0e5a1b2c3d4e5f60718293a4b5c6d7e8';
/** What LINE answers for the group's member count (GET /v2/bot/group/{id}/members/count). */
const GROUP_MEMBERS = 6;
const YEAR = 2025;
const MONTH = 9;
/** Complaints of the typical month; the big scenario files `TIMES` as many. Small (CI): a short month. */
const COMPLAINTS = 20;
const TIMES = bySize({ small: 2, default: 10 });
const LAST_DAY = bySize({ small: 30, default: 30 });
const SCALE = bySize({ small: 0.25, default: 1 });
/** People acting at once on a busy day: a few, as in an office and a village. */
const AT_ONCE = 12;

const UNITS: [string, number][] = [
  ['สำนักปลัด', 9],
  ['กองคลัง', 4],
  ['กองช่าง', 3],
  ['กองการศึกษา ศาสนาและวัฒนธรรม', 3],
  ['กองสาธารณสุขและสิ่งแวดล้อม', 2],
];
const uid = (tag: string, n: number) => `U${tag}${String(n).padStart(32 - tag.length, '0')}`;
const EXECUTIVES = Array.from({ length: 5 }, (_, i) => uid('e', i));
const HANDLERS = [uid('h', 0), uid('h', 1)];
const INTEGRITY = uid('i', 0);
const REVIEWER = uid('r', 0);
const OFFICERS = UNITS.flatMap(([unit, n], u) => Array.from({ length: n }, (_, i) => ({ userId: uid(`o${u}`, i), unit })));

/** A Bangkok wall-clock moment of the simulated month. */
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(YEAR, MONTH - 1, day, hour - 7, minute));
const isWorkingDay = (day: number) => ![0, 6].includes(new Date(Date.UTC(YEAR, MONTH - 1, day)).getUTCDay());

/** The simulated clock: it runs at real speed from the moment it was last set, and is only ever set forward. */
class SimClock {
  private offset: number;
  constructor(from: Date) {
    this.offset = from.getTime() - Date.now();
  }
  now = () => new Date(Date.now() + this.offset);
  set(to: Date): void {
    if (to.getTime() > this.now().getTime()) this.offset = to.getTime() - Date.now();
  }
}

/** A person's chat: each step a signed webhook at the simulated moment; returns the bot's answer. */
class Chat {
  constructor(
    private readonly m: MonthRun,
    readonly userId: string,
    private readonly groupId?: string,
  ) {}

  say(words: string): Promise<unknown[]> {
    const event = textEvent(this.userId, words, { timestamp: this.m.clock.now().getTime(), ...(this.groupId ? { source: groupSource(this.userId, this.groupId) } : {}) });
    return this.m.send(event);
  }

  tap(data: string): Promise<unknown[]> {
    return this.m.send({ ...postbackEvent(this.userId, data), timestamp: this.m.clock.now().getTime() });
  }
}

/** LINE's plan for the month and the budget the admin keeps to (README, "How an organisation sees its use"). */
const PLAN_QUOTA = 300;
const BUDGET = 200;

/**
 * The admin sets the month's message budget in ตั้งค่า, pressing the bot's own buttons; the budget kept, or null
 * for a version without one (the bench measures any version).
 */
async function setBudget(m: MonthRun, admin: string, budget: number): Promise<number | null> {
  const chat = new Chat(m, admin);
  const change = button(await chat.say('ตั้งค่า'), 'เปลี่ยนงบข้อความ');
  if (!change) return null;
  await chat.tap(change);
  const save = button(await chat.say(String(budget)), 'บันทึก');
  if (!save) throw new Error('the budget was not asked to be confirmed');
  if (!/บันทึกแล้ว/.test(wordsIn(await chat.tap(save)))) throw new Error('the budget was not saved');
  return budget;
}

/** The postback data of the first button whose label matches. */
function button(messages: unknown[], label: string | RegExp): string | null {
  let found: string | null = null;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as { type?: string; label?: string; data?: string };
    if (n.type === 'postback' && typeof n.label === 'string' && typeof n.data === 'string' && (typeof label === 'string' ? n.label === label : label.test(n.label))) {
      found = n.data;
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(messages);
  return found;
}

function mustPress(messages: unknown[], label: string | RegExp, what: string): string {
  const data = button(messages, label);
  if (!data) throw new Error(`${what}: no button ${label} in "${wordsIn(messages).slice(0, 300)}"`);
  return data;
}

interface Case {
  n: number;
  kind: ComplaintKind;
  citizen: string;
  notify: boolean;
  filedOn: number;
  handler: string;
  /** What becomes of it: resolved on a day, left to go late (then explained and resolved), or left open. */
  resolveOn: number | null;
  late: boolean;
  fixed: boolean;
  id?: string;
  trackingNo?: string;
  /** The day its receipt reached the citizen. */
  acknowledgedOn?: number;
  /** The day its handler explained its delay to the complainant. */
  explainedOn?: number;
}

const DELAY_REASON = 'รออะไหล่หลอดไฟจากผู้รับจ้าง คาดว่าจะแล้วเสร็จภายในสัปดาห์นี้';

/** A required notice, and the day it must arrive. */
interface Required {
  what: string;
  to: string;
  day: number;
  /** Words the notice must hold. */
  holds: string;
}

class MonthRun {
  readonly clock = new SimClock(at(1, 0));
  line!: FakeLineApi;
  server!: RunningServer;
  private secret = 'bench-month-secret';
  /** Where each simulated day's records begin in the fake LINE's list. */
  readonly dayStarts: number[] = [];
  readonly failures: string[] = [];
  /** Cases a handler has taken up, cases rated, and each case's deadline as the app set it. */
  readonly taken = new Set<number>();
  readonly rated = new Set<number>();
  readonly dueOf = new Map<string, Date>();
  events = 0;

  /** Whose chat each reply token belongs to. */
  readonly replyTo = new Map<string, string>();

  async send(event: webhook.Event): Promise<unknown[]> {
    this.events++;
    if ('replyToken' in event && event.replyToken && event.source?.type === 'user' && event.source.userId) this.replyTo.set(event.replyToken, event.source.userId);
    const body = webhookBody([event]);
    const res = await fetch(`${this.server.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body, this.secret) }, body });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await this.server.runner.idle();
    const token = 'replyToken' in event ? event.replyToken : undefined;
    const reply = this.line.requests.filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === token).flatMap((r) => r.body.messages as unknown[]);
    if (reply.length > 0) return reply;
    // An answer that could not go as a reply went as pushes under retry keys of the event (process-event.ts).
    const keys = new Set(Array.from({ length: 4 }, (_, i) => retryKeyFor(`${event.webhookEventId}:${i}`)));
    return this.line.requests.filter((r) => r.status === 200 && keys.has(String(r.headers['x-line-retry-key']))).flatMap((r) => r.body.messages as unknown[]);
  }

  async start(mongoUri: string): Promise<void> {
    this.line = await new FakeLineApi('bench-month-token').start();
    // The deployment's own ticks would run on the real clock: this bench ticks the jobs itself, on the simulated one.
    const never = '0 0 1 1 *';
    const config = loadConfig({
      LINE_CHANNEL_SECRET: this.secret,
      LINE_CHANNEL_ACCESS_TOKEN: this.line.accessToken,
      DATA_ENCRYPTION_KEY: newDataKey(),
      LINE_API_BASE_URL: this.line.url,
      LINE_DATA_API_BASE_URL: this.line.url,
      PORT: '0',
      ORG_CODE: ORG,
      FOLLOW_UP_CRON: never,
      MONTHLY_SUMMARY_CRON: never,
      ROUND_REMINDER_CRON: never,
      COMPLAINT_DEADLINE_CRON: never,
      OIT_REMINDER_CRON: never,
      OIT_URL_CHECK_CRON: never,
      ROLLUP_SUMMARY_CRON: never,
    });
    this.server = await startServer(config, { mongoUri, log: createLogger(process.env.BENCH_APP_LOG ? 'info' : 'silent'), now: this.clock.now });
    this.config = config;
  }

  config!: ReturnType<typeof loadConfig>;

  /**
   * Every job's tick at its hour of the day, through the app's schedules (each checks whether today is its
   * day), with the simulated clock for its records and a lease that the real-time resume sweep cannot see as
   * over.
   */
  async tickJobs(day: number): Promise<Record<string, unknown>> {
    const deps = { ...this.server.jobDeps, clock: this.clock.now, leaseSeconds: 5 * 365 * 86_400 };
    const schedules = jobSchedules(this.config, deps, () => [ORG]).filter((s) => s.name in JOBS);
    const hourOf = (name: string) => {
      const [minute, hour] = JOBS[name as JobName].cron.split(' ').map(Number);
      return hour! * 60 + minute!;
    };
    const ran: Record<string, unknown> = {};
    for (const s of schedules.sort((a, b) => hourOf(a.name) - hourOf(b.name))) {
      this.clock.set(at(day, 0, hourOf(s.name)));
      const result = (await s.run(this.clock.now())) as Record<string, { status: string }>;
      if (process.env.BENCH_MONTH_DEBUG) console.error(day, s.name, JSON.stringify(result));
      if (result[ORG]?.status === 'done') ran[s.name] = result[ORG];
      if (result[ORG]?.status === 'failed') this.failures.push(`day ${day}: ${s.name} failed`);
    }
    await this.server.outbox.flush();
    return ran;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    await this.line?.stop();
  }
}

/** A tiny site the OIT answers link to, so the daily link check finds them working. */
async function startSite(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<html><body>${'ข้อมูลเปิดเผยต่อสาธารณะ '.repeat(40)}</body></html>`));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function seed(): Promise<void> {
  const staff = [
    ...EXECUTIVES.map((u, i) => ({ u, roles: i === 0 ? ['executive', 'admin'] : ['executive'], unit: null as string | null })),
    ...HANDLERS.map((u) => ({ u, roles: ['complaint_officer'], unit: 'สำนักปลัด' })),
    { u: INTEGRITY, roles: ['integrity_officer'], unit: 'สำนักปลัด' },
    { u: REVIEWER, roles: ['reviewer'], unit: 'สำนักปลัด' },
    ...OFFICERS.map((o) => ({ u: o.userId, roles: ['officer'], unit: o.unit })),
  ];
  if (staff.length !== 30) throw new Error(`30 staff expected, ${staff.length} seeded`);
  await StaffModel.insertMany(staff.map((s, i) => ({ _id: staffId(ORG, s.u), orgId: ORG, lineUserId: s.u, displayName: `เจ้าหน้าที่ ${i + 1}`, roles: s.roles, unit: s.unit, inviteCode: 'BENCH', linkedAt: at(1, 0), active: true })));
  // Imported when the fiscal year began: its results stand as reported then, so what is still open is followed up.
  const plan = await importPlan(ORG, 'examples/plan-2568.csv', { now: new Date(Date.UTC(2024, 9, 1, 3)) });
  if (!plan.ok) throw new Error('the sample plan did not import');
  const oit = await importOitItems(ORG, 'examples/oit-2567.csv', { toFiscalYear: 2568 });
  if (!oit.ok) throw new Error('the sample OIT list did not import');
}

/** The month's complaints: who files what on which working day, and what becomes of each. */
function planCases(count: number): Case[] {
  const filingDays = Array.from({ length: 26 }, (_, i) => i + 1).filter(isWorkingDay);
  const workingAfter = (day: number, n: number) => {
    let d = day;
    for (let k = 0; k < n; ) if (isWorkingDay(++d)) k++;
    return d;
  };
  return Array.from({ length: count }, (_, n) => {
    const kind: ComplaintKind = n % 10 === 3 ? 'corruption' : 'general';
    const filedOn = filingDays[Math.floor((n * filingDays.length) / count)]!;
    // One general complaint in six waits past its 15 days; the later corruption report is still open at the month's end.
    const late = kind === 'general' && n % 6 === 0;
    const resolveOn = late ? null : kind === 'corruption' && n % 20 === 13 ? null : workingAfter(filedOn, kind === 'corruption' ? 6 : 4);
    return { n, kind, citizen: uid('c', n), notify: n % 5 !== 2, filedOn, handler: kind === 'corruption' ? INTEGRITY : HANDLERS[n % 2]!, resolveOn, late, fixed: n % 9 !== 4 };
  });
}

async function fileCase(m: MonthRun, c: Case, day: number): Promise<void> {
  const citizen = new Chat(m, c.citizen);
  let confirm: unknown[];
  if (c.kind === 'general') {
    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    await citizen.say(`ไฟถนนหน้าบ้านเลขที่ ${c.n + 1} หมู่ ${(c.n % 9) + 1} ดับมาหลายคืนแล้ว`);
    await citizen.say('ข้าม');
    await citizen.say('ไม่ประสงค์ออกนาม');
    confirm = await citizen.say(c.notify ? 'รับแจ้ง' : 'ไม่ต้องแจ้ง');
  } else {
    await citizen.say('แจ้งทุจริต');
    await citizen.say('เจ้าหน้าที่พัสดุ');
    await citizen.say('ต้นเดือนที่แล้ว');
    await citizen.say('เรียกรับเงินจากผู้รับเหมาเพื่อให้ผ่านการตรวจรับงาน');
    await citizen.say('ข้าม');
    confirm = await citizen.say(c.notify ? 'รับแจ้ง' : 'ไม่ต้องแจ้ง');
  }
  const receipt = await citizen.tap(mustPress(confirm, 'ยืนยันส่งเรื่อง', `case ${c.n}`));
  const no = wordsIn(receipt).match(/[GC]\d{4}-\d{4}/)?.[0];
  if (!no) throw new Error(`case ${c.n}: no tracking number in the receipt "${wordsIn(receipt).slice(0, 200)}"`);
  c.trackingNo = no;
  c.acknowledgedOn = day;
  c.id = String((await ComplaintModel.findOne({ orgId: ORG, trackingNo: no }).select('_id').lean())!._id);
}

async function moveCase(m: MonthRun, c: Case, to: 'อยู่ระหว่างดำเนินการ' | 'ดำเนินการแล้วเสร็จ', note: string): Promise<void> {
  const handler = new Chat(m, c.handler);
  const choose = await handler.tap(`a=cp.status&c=${c.id}`);
  await handler.tap(mustPress(choose, to, `case ${c.n} to ${to}`));
  await handler.say(note);
}

/** The citizen rates from the prompt they were sent, or, without one, from their case's tracking view. */
async function rateCase(m: MonthRun, c: Case): Promise<void> {
  const citizen = new Chat(m, c.citizen);
  const pushed = m.line.deliveriesTo(c.citizen).flatMap((r) => r.body.messages as unknown[]);
  let stars = button(pushed, /^★★★★ /) ? pushed : [];
  if (stars.length === 0) stars = await citizen.tap(mustPress(await citizen.say(`ติดตาม ${c.trackingNo}`), 'ประเมินความพึงพอใจ', `case ${c.n} rating`));
  const askFixed = await citizen.tap(mustPress(stars, c.fixed ? /^★★★★ / : /^★★ /, `case ${c.n} stars`));
  const askComment = await citizen.tap(mustPress(askFixed, c.fixed ? 'แก้ไขแล้ว' : 'ยังไม่ได้แก้ไข', `case ${c.n} fixed`));
  await citizen.say(c.fixed ? 'ขอบคุณครับ' : 'ข้าม');
  void askComment;
}

/** An officer answers the first OIT item waiting on their list; null when nothing waits. */
async function answerOit(m: MonthRun, officer: string, site: string, n: number): Promise<boolean> {
  const chat = new Chat(m, officer);
  const list = await chat.say('OIT');
  const pick = button(list, 'ตอบข้อนี้') ?? button(list, 'แก้ไขคำตอบ');
  if (!pick) return false;
  const asked = await chat.tap(pick);
  const url = await chat.tap(mustPress(asked, 'มี', 'OIT answer'));
  void url;
  await chat.say(`${site}/oit/${n}`);
  const confirm = await chat.say('อยู่ในเมนูข้อมูลพื้นฐาน');
  await chat.tap(mustPress(confirm, 'ยืนยันบันทึก', 'OIT answer confirm'));
  return true;
}

/** More answers than this without reaching the end is a dialog going round in circles. */
const MAX_STEPS = 20;

/**
 * An officer reports progress on one of their items the way a hurried person does (as bench/conversations.ts):
 * the first item listed, "in progress", a summary, "ข้าม" wherever offered, then the confirmation.
 */
async function reportProgress(m: MonthRun, officer: string): Promise<void> {
  const chat = new Chat(m, officer);
  let answer = await chat.say('รายงาน');
  for (let step = 0; step < MAX_STEPS; step++) {
    const usable = buttonsOf(answer).filter((b) => !isCancelButton(b));
    const of = (action: string) => usable.filter((b) => b.postback?.action === action);
    const confirm = of(REPORT_ACTIONS.reportConfirm.name)[0];
    const next =
      confirm ??
      of(REPORT_ACTIONS.reportPick.name)[0] ??
      of(REPORT_ACTIONS.reportStatus.name).find((b) => b.postback!.params.s === 'in_progress') ??
      usable.find((b) => b.says !== undefined && isSkipWord(b.says)) ??
      (usable.every((b) => b.says !== undefined) ? null : usable[0]!);
    answer = next?.postback ? await chat.tap(next.postback.data) : await chat.say(next?.says ?? 'ดำเนินการตามแผนแล้ว อยู่ระหว่างสรุปผล');
    if (confirm && !buttonsOf(answer).some((b) => b.postback?.action === REPORT_ACTIONS.reportConfirm.name)) return;
  }
  throw new Error(`officer ${officer} did not reach the end of the report; the last answer: ${wordsIn(answer).slice(0, 300)}`);
}

/** The reviewer goes through what waits: passes it, or sends it back with a note. */
async function review(m: MonthRun, sendBack: number): Promise<number> {
  const chat = new Chat(m, REVIEWER);
  let reviewed = 0;
  for (let i = 0; i < 20; i++) {
    const waiting = await chat.say('รอตรวจ');
    if (i < sendBack) {
      const back = button(waiting, 'ส่งกลับให้แก้ไข');
      if (!back) break;
      await chat.tap(back);
      await chat.say('ลิงก์ต้องเปิดถึงหน้าข้อมูลโดยตรง');
    } else {
      const pass = button(waiting, 'ผ่านการตรวจสอบ');
      if (!pass) break;
      await chat.tap(pass);
    }
    reviewed++;
  }
  return reviewed;
}

/** Several people at once, each person's own steps one after another (one dialog at a time in a chat). */
async function inBatches<T>(items: T[], personOf: (item: T) => string, work: (item: T) => Promise<void>): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(personOf(item), [...(groups.get(personOf(item)) ?? []), item]);
  const byPerson = [...groups.values()];
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, byPerson.length) }, async () => {
    while (next < byPerson.length) for (const item of byPerson[next++]!) await work(item);
  }));
}

/** The outbox's records: which notice each retry key carried, and what is left unsent. */
async function outboxRecords() {
  const all = await OutboxMessageModel.find({ orgId: ORG }).select('_id source kind retryKey state waitingFor').lean();
  const count = (state: string) => all.filter((o) => o.state === state).length;
  // What still waits at the month's end, by kind and by why (over the budget, LINE's quota, or its hour not come).
  const waitingByKind: Record<string, number> = {};
  for (const o of all.filter((x) => x.state === 'pending')) {
    const key = `${o.kind ?? 'other'} (${o.waitingFor ?? 'due later'})`;
    waitingByKind[key] = (waitingByKind[key] ?? 0) + 1;
  }
  return {
    byRetryKey: new Map(all.map((o) => [o.retryKey, { id: String(o._id), source: o.source, kind: o.kind ?? null }])),
    states: { sent: count('sent'), waiting: count('pending'), failed: count('failed'), waitingByKind },
    failed: all.filter((o) => o.state === 'failed').map((o) => String(o._id)),
  };
}

/**
 * The kind of a delivery, from the outbox record its retry key names (the notice's key says what it is) or,
 * for an answer that went as a push, from the event; the group's copies are told apart.
 */
function kindOf(d: Delivery, outbox: Map<string, { id: string; source: string }>, caseKind: (id: string) => ComplaintKind | undefined): string {
  const toGroup = d.to.some(isGroupId) ? ' (group)' : '';
  const record = d.retryKey ? outbox.get(d.retryKey) : undefined;
  if (!record) return `answer pushed instead of replied${toGroup}`;
  const { id, source } = record;
  if (id.startsWith('complaint:escalations:')) return 'complaint overdue: executives';
  const c = id.match(/^complaint:([^:]+):([a-z-]+)/);
  if (c) {
    const occasion = { new: 'new case: handlers', update: 'case update: complainant', reminder: 'complaint 15-day reminder: handler', 'explain-request': 'complaint overdue: handler', feedback: 'rating: handler', 'not-fixed': 'not fixed: handler', photos: 'after-fix photos: complainant', withdrawn: 'withdrawn: handler', info: 'more information: handlers', reopened: 'reopened: handler' }[c[2]!] ?? `complaint ${c[2]}`;
    return caseKind(c[1]!) === 'corruption' ? `corruption report: ${occasion}` : occasion;
  }
  if (id.startsWith('oit:')) return `OIT ${id.split(':')[2] ?? 'notice'}`;
  const job = Object.keys(JOBS).find((name) => source.includes(`:${name}:`));
  if (job) return `${job}${toGroup}`;
  return `${source.split(':')[0]}${toGroup}`;
}

/** Notices the rules require, and whether each arrived on its day. */
function requiredNotices(cases: Case[], m: MonthRun, lastDay: number): Required[] {
  const required: Required[] = [];
  for (const c of cases) {
    if (!c.trackingNo) continue;
    if (c.kind === 'corruption') required.push({ what: 'corruption report to the integrity officer', to: INTEGRITY, day: c.filedOn, holds: c.trackingNo });
    // The complainant told why the case is late, the day it is explained (the 15-day rule's own notice).
    if (c.explainedOn !== undefined && c.notify) required.push({ what: 'delay explained to the complainant', to: c.citizen, day: c.explainedOn, holds: DELAY_REASON });
    const closedOn = c.resolveOn ?? Infinity;
    // The job's own rule (remindDueBy): from the first morning the deadline is within its reminder window.
    const due = m.dueOf.get(c.trackingNo)!;
    for (let day = c.filedOn + 1; day <= lastDay; day++) {
      if (day > closedOn) break;
      if (due <= remindDueBy(at(day, 9)) && due > at(day, 9)) {
        required.push({ what: '15-day reminder to the handler', to: c.handler, day, holds: c.trackingNo });
        break;
      }
    }
    for (let day = c.filedOn + 1; day <= lastDay; day++) {
      if (day > closedOn) break;
      if (due <= at(day, 9)) {
        required.push({ what: 'overdue notice to the handler', to: c.handler, day, holds: c.trackingNo });
        for (const e of EXECUTIVES) required.push({ what: 'overdue notice to the executives', to: e, day, holds: 'เกินกำหนด' });
        break;
      }
    }
  }
  return required;
}

interface MonthResult {
  complaints: number;
  billable: { total: number; byKind: Record<string, number>; byDay: number[]; toGroup: number };
  requests: { pushes: number; multicasts: number; replies: number };
  events: number;
  required: { notices: number; onTheirDay: number; late: string[] };
  /** The outbox at the month's end: what is still waiting is not lost; what failed is. */
  outbox: { sent: number; waiting: number; failed: number; waitingByKind: Record<string, number> };
  budget: { amount: number | null; planQuota: number; pastBudget: string[] };
  lost: string[];
  failures: string[];
  progressReports: number;
  oitAnswers: number;
  oitReviewed: number;
  seconds: number;
}

async function runMonth(db: LocalDatabase, complaints: number, label: string): Promise<MonthResult> {
  const started = Date.now();
  const m = new MonthRun();
  const site = await startSite();
  try {
    await m.start(db.uriFor(`bench_month_${label}`));
    await seed();
    await m.server.tenants.refresh();

    // An executive links the group, as the README says: a code in their own chat, then the code in the group.
    const code = wordsIn(await new Chat(m, EXECUTIVES[0]!).say('เชื่อมกลุ่ม')).match(/[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
    if (!code) throw new Error('no group link code');
    const linked = wordsIn(await new Chat(m, EXECUTIVES[0]!, GROUP_ID).say(`เชื่อมกลุ่ม ${code}`));
    if (!/เชื่อม/.test(linked)) throw new Error(`the group was not linked: ${linked.slice(0, 200)}`);

    // The organisation's LINE plan, which the fake LINE keeps to as LINE does; the admin sets a budget below it
    // in ตั้งค่า, as the README advises, so that what a rule requires still has room once the budget is spent.
    m.line.setQuota(PLAN_QUOTA);
    m.line.enforcesQuota = true;
    const budget = await setBudget(m, EXECUTIVES[0]!, BUDGET);

    const cases = planCases(complaints);
    const oitAnswerDays = [2, 4, 8, 10, 12, 16, 18, 22, 24, 26].map((d) => (isWorkingDay(d) ? d : d + 1));
    const saklat = OFFICERS.filter((o) => o.unit === 'สำนักปลัด');
    let oitAnswers = 0;
    let reviewed = 0;
    let reports = 0;
    const lastDay = LAST_DAY;
    // What the app holds back within a day (a merging window, a digest hour) goes out that day: the clock is
    // taken to the day's last minute and the outbox emptied before the next day's records begin.
    const endDay = async (day: number) => {
      m.clock.set(at(day, 23, 59));
      await m.server.outbox.flush();
    };
    for (let day = 1; day <= lastDay; day++) {
      if (day > 1) await endDay(day - 1);
      m.dayStarts[day] = m.line.requests.length;
      await m.tickJobs(day);
      m.clock.set(at(day, 10));
      if (!isWorkingDay(day)) continue;
      // Citizens file; handlers take up yesterday's cases and move them on; citizens rate what was resolved.
      await inBatches(cases.filter((c) => c.filedOn === day), (c) => c.citizen, (c) => fileCase(m, c, day));
      const yesterday = (c: Case) => c.trackingNo && c.filedOn < day && !m.taken.has(c.n);
      await inBatches(cases.filter(yesterday), (c) => c.handler, async (c) => {
        m.taken.add(c.n);
        await new Chat(m, c.handler).tap(`a=cp.take&c=${c.id}`);
        await moveCase(m, c, 'อยู่ระหว่างดำเนินการ', 'รับเรื่องแล้ว กำลังประสานช่างไฟฟ้าเข้าตรวจสอบ');
      });
      // A late case: the handler explains the delay to the complainant the working day after it is overdue, and resolves it three days later.
      for (const c of cases.filter((x) => x.late && x.trackingNo && x.resolveOn === null && m.dueOf.has(x.trackingNo))) {
        if (m.dueOf.get(c.trackingNo!)! <= at(day - 1, 9)) {
          await new Chat(m, c.handler).tap(`a=cp.explain&c=${c.id}`);
          await new Chat(m, c.handler).say(DELAY_REASON);
          c.explainedOn = day;
          c.resolveOn = Math.min(day + 3, lastDay);
          while (!isWorkingDay(c.resolveOn) && c.resolveOn < lastDay) c.resolveOn++;
        }
      }
      await inBatches(cases.filter((c) => c.resolveOn === day && c.trackingNo), (c) => c.handler, (c) => moveCase(m, c, 'ดำเนินการแล้วเสร็จ', 'ซ่อมไฟถนนเรียบร้อยแล้ว'));
      await m.server.outbox.flush();
      await inBatches(cases.filter((c) => c.kind === 'general' && c.resolveOn !== null && c.resolveOn < day && !m.rated.has(c.n)), (c) => c.citizen, async (c) => {
        m.rated.add(c.n);
        await rateCase(m, c);
      });
      for (const c of cases) if (c.trackingNo && !m.dueOf.has(c.trackingNo)) m.dueOf.set(c.trackingNo, (await ComplaintModel.findById(c.id).select('dueAt').lean())!.dueAt);
      // OIT: an officer of สำนักปลัด answers; the reviewer goes through the answers two days a week.
      const answersToday = oitAnswerDays.filter((d) => d === day).length * (SCALE < 1 ? (day <= 12 ? 1 : 0) : 1);
      for (let k = 0; k < answersToday; k++) if (await answerOit(m, saklat[oitAnswers % saklat.length]!.userId, site.url, oitAnswers)) oitAnswers++;
      if ([5, 12, 19, 26].includes(day)) reviewed += await review(m, day === 12 ? 2 : 0);
      // The round: after the first reminder (23rd) a third of the officers report on an item each, over three days.
      if (day >= 24 && day <= 26) {
        const reporting = OFFICERS.filter((_, i) => i % 9 === day - 24);
        await inBatches(reporting, (o) => o.userId, async (o) => {
          await reportProgress(m, o.userId);
          reports++;
        });
      }
      await m.server.outbox.flush();
    }
    await endDay(lastDay);
    m.dayStarts[lastDay + 1] = m.line.requests.length;

    const { byRetryKey, states, failed } = await outboxRecords();
    const caseKinds = new Map(cases.filter((c) => c.id).map((c) => [c.id!, c.kind]));
    const deliveries = deliveriesOf(m.line.requests, () => GROUP_MEMBERS);
    const byKind: Record<string, number> = {};
    const byDay = Array.from({ length: lastDay }, () => 0);
    const dump: unknown[] = [];
    let toGroup = 0;
    // Above the budget only what passes it may go (a rule's notices, the budget's own warnings, answers pushed
    // late): each push that took the month past the budget is checked against the app's own rule.
    let billedSoFar = 0;
    const pastBudget: string[] = [];
    for (const d of deliveries) {
      const stored = d.retryKey ? byRetryKey.get(d.retryKey)?.kind : null;
      const messageKind = isMessageKind(stored) ? stored : 'late-answer';
      if (budget !== null && billedSoFar + d.billable > budget && !passesBudget(messageKind)) pastBudget.push(`${messageKind} at ${billedSoFar}`);
      billedSoFar += d.billable;
      const kind = kindOf(d, byRetryKey, (id) => caseKinds.get(id));
      byKind[kind] = (byKind[kind] ?? 0) + d.billable;
      const day = m.dayStarts.findLastIndex((s) => s !== undefined && s <= d.index);
      if (day >= 1 && day <= lastDay) byDay[day - 1]! += d.billable;
      if (d.to.some(isGroupId)) toGroup += d.billable;
      if (process.env.BENCH_MONTH_DUMP) dump.push({ day, to: d.to.map((id) => id.slice(0, 3) + id.slice(-4)), kind, billable: d.billable, objects: d.messages.length });
    }
    // Every billed request (day, shortened recipients, kind, billed, message objects), to see where a month's messages go.
    if (process.env.BENCH_MONTH_DUMP) writeFileSync(`${process.env.BENCH_MONTH_DUMP}-${complaints}.json`, JSON.stringify(dump));
    const required = requiredNotices(cases, m, lastDay);
    const late: string[] = [];
    for (const r of required) {
      const from = m.dayStarts[r.day]!;
      const to = m.dayStarts[r.day + 1]!;
      const pushed = deliveriesOf(m.line.requests, () => GROUP_MEMBERS, from, to).filter((d) => d.to.includes(r.to)).map((d) => d.messages);
      // A notice may also reach its person free, in the reply to their own message that day.
      const replied = m.line.requests.slice(from, to).filter((q) => q.status === 200 && q.path === '/v2/bot/message/reply' && m.replyTo.get(q.body.replyToken) === r.to).map((q) => q.body.messages as unknown[]);
      if (![...pushed, ...replied].some((messages) => wordsIn(messages).includes(r.holds))) late.push(`${r.what} (${r.holds}) on day ${r.day}`);
    }
    for (const c of cases) if (c.acknowledgedOn !== c.filedOn) late.push(`receipt of case ${c.n} on day ${c.filedOn}`);
    const total = Object.values(byKind).reduce((a, b) => a + b, 0);
    return {
      complaints,
      billable: { total, byKind: Object.fromEntries(Object.entries(byKind).sort((a, b) => b[1] - a[1])), byDay, toGroup },
      requests: { pushes: deliveries.filter((d) => d.path.endsWith('/push')).length, multicasts: deliveries.filter((d) => d.path.endsWith('/multicast')).length, replies: repliesIn(m.line.requests) },
      events: m.events,
      required: { notices: required.length + cases.length, onTheirDay: required.length + cases.length - late.length, late: late.slice(0, 20) },
      outbox: states,
      budget: { amount: budget, planQuota: PLAN_QUOTA, pastBudget: pastBudget.slice(0, 20) },
      lost: failed.slice(0, 20),
      failures: [...m.failures, ...(oitAnswers < bySize({ small: 3, default: 10 }) ? [`only ${oitAnswers} OIT answers`] : []), ...(reviewed === 0 ? ['no OIT answer reviewed'] : []), ...(reports === 0 ? ['no progress reported'] : [])],
      progressReports: reports,
      oitAnswers,
      oitReviewed: reviewed,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await m.stop();
    await new Promise((ok) => site.server.close(ok));
  }
}

/** The typical month as today's code (before issue 25's changes) sent it, kept for the comparison. */
const BEFORE_FILE = 'bench/results/month-before.json';

function beforeFigures(): { total: number } | null {
  if (!existsSync(BEFORE_FILE)) return null;
  return { total: (JSON.parse(readFileSync(BEFORE_FILE, 'utf8')) as { typical: MonthResult }).typical.billable.total };
}

export async function monthBenchmark() {
  const before = BENCH_SIZE === 'small' ? null : beforeFigures();
  // One database server for both months, each month a database of its own.
  const { db, release } = await benchDatabase('month');
  let typical: MonthResult;
  let busy: MonthResult;
  try {
    typical = await runMonth(db, Math.round(COMPLAINTS * SCALE), 'typical');
    busy = await runMonth(db, Math.round(COMPLAINTS * SCALE) * TIMES, `x${TIMES}`);
  } finally {
    await release();
  }
  return {
    benchmark: 'month',
    organisation: { staff: 30, executives: 5, complaintOfficers: 2, integrityOfficers: 1, groupMembers: GROUP_MEMBERS, plan: 'examples/plan-2568.csv', oitList: 'examples/oit-2567.csv as 2568', month: `${YEAR}-${String(MONTH).padStart(2, '0')}` },
    counting: 'from the fake LINE: push to a person 1, to a group its member count, multicast its recipients, reply 0',
    typical,
    [`complaintsTimes${TIMES}`]: busy,
    checks: {
      everyRequiredNoticeOnItsDay: typical.required.late.length === 0 && busy.required.late.length === 0,
      nothingLost: typical.outbox.failed === 0 && busy.outbox.failed === 0,
      onlyWhatPassesTheBudgetAboveIt: typical.budget.pastBudget.length === 0 && busy.budget.pastBudget.length === 0,
      everyStepOfTheMonthRan: typical.failures.length === 0 && busy.failures.length === 0,
    },
    targets: {
      typicalMonthAtMost200: typical.billable.total <= 200,
      ...(before ? { before: before.total, fewerThanBeforePercent: Math.round((1 - typical.billable.total / before.total) * 1000) / 10, atLeast40PercentFewerThanBefore: typical.billable.total <= before.total * 0.6 } : {}),
    },
  };
}
