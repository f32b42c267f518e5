import { createHash } from 'node:crypto';
import mongoose, { Types, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintsSince, findOwnComplaint, listOwnComplaints } from '../../src/db/complaint-store.js';
import { loadComplaintStatRows } from '../../src/db/complaint-stats-store.js';
import { loadDialog } from '../../src/db/conversation-store.js';
import { organisationsWithAbandonedRuns } from '../../src/db/job-run-store.js';
import { JobRunModel } from '../../src/db/models/job-run.js';
import { isFinished, loadEvent, recordedReplies } from '../../src/db/event-store.js';
import { measureForOfficer, measuresForOfficer } from '../../src/db/measure-store.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { ConversationModel, conversationId } from '../../src/db/models/conversation.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { OutboxMessageModel } from '../../src/db/models/outbox-message.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { EventAttemptModel, WebhookEventModel } from '../../src/db/models/webhook-event.js';
import { organisationsWithOwnTimes } from '../../src/db/organisation-store.js';
import { findStaff } from '../../src/db/staff-store.js';
import { loadSummary, loadSummaryMeasures } from '../../src/db/summary-store.js';
import { dueAt, trackingNumber, type ComplaintKind } from '../../src/domain/complaints.js';
import { fiscalYearOf, fiscalYearRange } from '../../src/domain/fiscal-year.js';
import { timesOfDayBetween } from '../../src/domain/organisation.js';
import { ALL_UNITS, FAMILIES } from '../../src/domain/measures.js';
import { STATUSES } from '../../src/domain/statuses.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { createLogger } from '../../src/log.js';
import { OutboxSender } from '../../src/outbox/sender.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

/**
 * The local and test database is FerretDB over PostgreSQL, where FerretDB's own B-tree indexes cannot answer
 * the `_jsonb->'field' @> value` filters it pushes down; the GIN mirrors of src/local-database/postgres-index-mirror.ts
 * can. This proves that each hot query of the app, as the app's own store functions send it (captured from
 * mongoose's debug hook, not retyped here), is answered from a `prongsai_gin_*` index at 20,000+ documents.
 */

/** Each hot collection gets at least this many documents. */
const DOCS = 20_000;
const NOW = new Date('2026-11-24T03:00:00Z');
/** FY 2570 (Oct 2026 – Sep 2027), the one NOW falls in. */
const FISCAL_YEARS = [2567, 2568, 2569, 2570];
const ACTIVE_FY = fiscalYearOf(NOW);

const org = (n: number) => `org-${String(n).padStart(4, '0')}`;
/** Like LINE's ids: `U` and 32 hex digits. */
const lineUserIdOf = (n: number) => `U${createHash('md5').update(`user-${n}`).digest('hex')}`;
/** Like LINE's webhookEventId (a 26-character ULID). */
const eventIdOf = (n: number) => `01JD${n.toString(32).toUpperCase().padStart(22, '0')}`;

// ---------------------------------------------------------------------------------------------------------
// Plans

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

interface Explained {
  queryPlanner: { Plan: PlanNode };
  filterPushdown: boolean;
}

/** Every node of a plan tree, depth first. */
function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

const INDEX_SCANS = ['Bitmap Index Scan', 'Index Scan'];

/** One line per node, for failure messages and the log. */
function describePlan(plan: PlanNode): string {
  const line = (n: PlanNode, depth: number): string[] => [
    `${'  '.repeat(depth)}${n['Node Type']}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}` +
      `${n['Index Cond'] ? ` cond ${n['Index Cond']}` : ''}${n.Filter ? ` filter ${n.Filter}` : ''}`,
    ...(n.Plans ?? []).flatMap((c) => line(c, depth + 1)),
  ];
  return line(plan, 0).join('\n');
}

/**
 * (a) FerretDB pushed the filter down, (b) PostgreSQL answers it from a GIN mirror, with no sequential scan,
 * on the collection's own table. Returns the index scans, for the log.
 */
function expectServedByMirror(explained: Explained, collection: string): PlanNode[] {
  const plan = explained.queryPlanner.Plan;
  const shown = `plan of a query on ${collection}:\n${describePlan(plan)}`;
  expect(explained.filterPushdown, `filterPushdown; ${shown}`).toBe(true);
  const nodes = planNodes(plan);
  expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan'), shown).toEqual([]);
  const mirrorScans = nodes.filter((n) => INDEX_SCANS.includes(n['Node Type']) && n['Index Name']?.startsWith('prongsai_gin_'));
  expect(mirrorScans.length, shown).toBeGreaterThan(0);
  // FerretDB names a collection's table `<collection>_<hash>`.
  for (const relation of nodes.flatMap((n) => (n['Relation Name'] ? [n['Relation Name']] : []))) {
    expect(relation, shown).toMatch(new RegExp(`^${collection}_[0-9a-f]{8}$`));
  }
  return mirrorScans;
}

// ---------------------------------------------------------------------------------------------------------
// The app's own queries, captured as mongoose hands them to the driver

interface SentQuery {
  collection: string;
  method: string;
  args: unknown[];
}

/** Runs app code and records every command it sends (with the filters already cast by mongoose). */
async function capture<T>(run: () => Promise<T>): Promise<{ result: T; sent: SentQuery[] }> {
  const sent: SentQuery[] = [];
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    sent.push({ collection, method, args });
  });
  try {
    return { result: await run(), sent };
  } finally {
    mongoose.set('debug', false);
  }
}

/** The one read the app sent to `collection`. */
function readOf(sent: SentQuery[], collection: string, method?: string): SentQuery {
  const reads = sent.filter((q) => q.collection === collection && ['find', 'findOne', 'countDocuments'].includes(q.method) && (!method || q.method === method));
  expect(reads.map((q) => `${q.collection}.${q.method}`), `reads of ${collection} among ${sent.map((q) => `${q.collection}.${q.method}`).join(', ')}`).toHaveLength(1);
  return reads[0]!;
}

function database() {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  return db;
}

/** The `explain` of exactly what the driver runs for the captured call. */
function explainCommand(q: SentQuery): Record<string, unknown> {
  const filter = q.args[0] as Record<string, unknown>;
  const options = (q.args[1] ?? {}) as { sort?: unknown; limit?: number; projection?: unknown; skip?: number };
  const pick = (keys: (keyof typeof options)[]) => Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
  switch (q.method) {
    case 'find':
      return { find: q.collection, filter, ...pick(['sort', 'limit', 'projection', 'skip']) };
    case 'findOne':
      return { find: q.collection, filter, ...pick(['sort', 'projection', 'skip']), limit: 1 };
    case 'countDocuments':
      // The driver's countDocuments is this aggregation (FerretDB's `count` command pushes nothing down).
      return { aggregate: q.collection, pipeline: [{ $match: filter }, { $group: { _id: 1, n: { $sum: 1 } } }], cursor: {} };
    default:
      throw new Error(`no explain for ${q.method}`);
  }
}

interface Observed {
  query: string;
  collection: string;
  filter: string;
  plan: string;
  index: string;
  appMs: number;
  explainMs: number;
}
const observed: Observed[] = [];

/**
 * Explains a captured query and asserts it is index-served; logs what PostgreSQL did. `appMs` is how long
 * the app's call (all its queries) took.
 */
async function expectIndexServed(label: string, q: SentQuery, appMs: number): Promise<void> {
  const started = performance.now();
  const explained = (await database().command({ explain: explainCommand(q) })) as unknown as Explained;
  const explainMs = performance.now() - started;
  const scans = expectServedByMirror(explained, q.collection);
  observed.push({
    query: label,
    collection: q.collection,
    filter: JSON.stringify(q.args[0]),
    plan: planNodes(explained.queryPlanner.Plan).map((n) => n['Node Type']).join(' > '),
    index: scans.map((s) => `${s['Index Name']} (${s['Index Cond']})`).join('; '),
    appMs: Math.round(appMs * 10) / 10,
    explainMs: Math.round(explainMs * 10) / 10,
  });
}

async function timed<T>(run: () => Promise<{ result: T; sent: SentQuery[] }>): Promise<{ result: T; sent: SentQuery[]; ms: number }> {
  const started = performance.now();
  const out = await run();
  return { ...out, ms: performance.now() - started };
}

// ---------------------------------------------------------------------------------------------------------
// Data

async function insertInBatches(model: Model<any>, docs: object[], batch = 2_000): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < docs.length; i += batch) await model.insertMany(docs.slice(i, i + batch));
  return performance.now() - started;
}

const SEALED_BODY = testSealer.seal(JSON.stringify({ type: 'message', message: { type: 'text', text: 'รายงานผลการดำเนินงาน' }, source: { type: 'user', userId: lineUserIdOf(1) } }));
const SEALED_TO = testSealer.seal(JSON.stringify([lineUserIdOf(2)]));
const UNITS = ['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', ALL_UNITS];

/** Measures: 200 organisations × 4 fiscal years × 25 measures. */
const MEASURE_ORGS = 200;
const MEASURES_PER_YEAR = 25;
const measureIds = new Map<string, Types.ObjectId>();
const measureKey = (orgNo: number, fy: number, n: number) => `${orgNo}|${fy}|${n}`;

function measureDocs() {
  const docs = [];
  for (let o = 0; o < MEASURE_ORGS; o++) {
    for (const fy of FISCAL_YEARS) {
      const { start, end } = fiscalYearRange(fy);
      for (let n = 1; n <= MEASURES_PER_YEAR; n++) {
        const _id = new Types.ObjectId();
        measureIds.set(measureKey(o, fy, n), _id);
        const family = FAMILIES[n % FAMILIES.length]!;
        docs.push({
          _id,
          orgId: org(o),
          fiscalYear: fy,
          code: `${family === 'anticorruption_project' ? 'P' : 'M'}${n}`,
          number: n,
          family,
          title: `มาตรการที่ ${n} ปีงบประมาณ ${fy}`,
          dimension: (n % 4) + 1,
          methodSteps: ['จัดทำแผน', 'ดำเนินการ', 'รายงานผล'],
          responsibleUnits: [UNITS[n % UNITS.length]!],
          assignees: n % 7 === 0 ? ['นักวิเคราะห์นโยบายและแผน'] : [],
          periodText: 'ต.ค. – ก.ย.',
          periodStart: start,
          periodEnd: new Date(end.getTime() - 1),
          budget: family === 'anticorruption_project' ? 10_000 * n : 0,
          status: STATUSES[n % STATUSES.length],
        });
      }
    }
  }
  return docs;
}

/** Reports: the first 50 organisations × 4 fiscal years × 100 reports (4 per measure). */
const REPORT_ORGS = 50;
const REPORTS_PER_MEASURE = 4;
function reportDocs() {
  const docs = [];
  for (let o = 0; o < REPORT_ORGS; o++) {
    for (const fy of FISCAL_YEARS) {
      const { start } = fiscalYearRange(fy);
      for (let n = 1; n <= MEASURES_PER_YEAR; n++) {
        for (let r = 0; r < REPORTS_PER_MEASURE; r++) {
          docs.push({
            orgId: org(o),
            measureId: measureIds.get(measureKey(o, fy, n))!,
            measureCode: `M${n}`,
            fiscalYear: fy,
            reporterLineUserId: lineUserIdOf(o * 100 + (n % 5)),
            reporterName: 'เจ้าหน้าที่',
            reporterUnit: UNITS[n % UNITS.length],
            reportedAt: new Date(start.getTime() + (r * 80 + n) * 86_400_000),
            status: r === REPORTS_PER_MEASURE - 1 ? 'completed' : 'in_progress',
            summary: `ดำเนินการครั้งที่ ${r + 1}`,
            sourceEventId: `report-${o}-${fy}-${n}-${r}`,
          });
        }
      }
    }
  }
  return docs;
}

/** Complaints: spread over 200 organisations and 5,000 citizens; each citizen has 4 in one organisation. */
const COMPLAINT_ORGS = 200;
const CITIZENS = 5_000;
const complaintSubmittedAt = (i: number) => new Date(NOW.getTime() - (DOCS - i) * 20 * 60_000);
function complaintDocs() {
  const docs = [];
  for (let i = 0; i < DOCS; i++) {
    const submittedAt = complaintSubmittedAt(i);
    const kind: ComplaintKind = i % 3 === 0 ? 'corruption' : 'general';
    docs.push({
      orgId: org(i % COMPLAINT_ORGS),
      trackingNo: trackingNumber(kind, submittedAt, i + 1),
      kind,
      fiscalYear: fiscalYearOf(submittedAt),
      seq: i + 1,
      status: (['received', 'in_progress', 'resolved', 'rejected'] as const)[i % 4],
      description: 'ถนนหน้าบ้านชำรุด น้ำท่วมขังเมื่อฝนตก',
      contactName: kind === 'general' ? 'ผู้ร้องเรียน' : null,
      reporterKey: testSealer.userKey(lineUserIdOf(100_000 + (i % CITIZENS))),
      reporterSealed: SEALED_TO,
      submittedAt,
      dueAt: dueAt(submittedAt),
      sourceEventId: eventIdOf(500_000 + i),
    });
  }
  return docs;
}

/** The outbox: 97% sent, 1% failed, 1% pending of which a tenth is due now. */
const outboxIdOf = (i: number) => `${org(i % 200)}:follow-up:2026-${String((i % 12) + 1).padStart(2, '0')}:${lineUserIdOf(i)}`;
const outboxIsDue = (i: number) => i % 1_000 === 0;
function outboxDocs() {
  const docs = [];
  for (let i = 0; i < DOCS; i++) {
    const pending = i % 100 === 0;
    const failed = i % 100 === 1;
    const createdAt = new Date(NOW.getTime() - (DOCS - i) * 60_000);
    docs.push({
      _id: outboxIdOf(i),
      orgId: org(i % 200),
      source: `${org(i % 200)}:follow-up:2026-${String((i % 12) + 1).padStart(2, '0')}`,
      toSealed: SEALED_TO,
      recipients: 1,
      messagesSealed: testSealer.seal(JSON.stringify([{ type: 'text', text: 'กรุณารายงานผลการดำเนินงานตามมาตรการ' }])),
      retryKey: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      state: pending ? 'pending' : failed ? 'failed' : 'sent',
      attempts: pending ? 1 : failed ? 5 : 1,
      // Sent and failed ones mostly lie in the past too: only the state tells them apart.
      nextAttemptAt: pending && !outboxIsDue(i) ? new Date(NOW.getTime() + 3_600_000) : new Date(createdAt.getTime() + 2_000),
      lastStatus: pending ? 500 : failed ? 400 : 200,
      createdAt,
      sentAt: pending || failed ? null : new Date(createdAt.getTime() + 1_000),
    });
  }
  return docs;
}

/** The inbox: a dead event in 50, a finished one (its done record, without the body) in 3 of the rest, as after a week. */
const finishedInInbox = (i: number) => i % 50 !== 0 && i % 3 === 1;
function webhookEventDocs() {
  return Array.from({ length: DOCS }, (_, i) => ({
    _id: eventIdOf(i),
    orgId: org(i % 200),
    type: 'message',
    sourceUserKey: `uk_${createHash('md5').update(String(i)).digest('base64url')}`,
    timestamp: new Date(NOW.getTime() - (DOCS - i) * 1_000),
    ...(finishedInInbox(i) ? { finishedAt: new Date(NOW.getTime() - (DOCS - i) * 1_000 + 500), finishedBy: 'instance-a' } : { body: SEALED_BODY }),
    state: i % 50 === 0 ? 'dead' : finishedInInbox(i) ? 'done' : 'pending',
    attempts: i % 50 === 0 ? 8 : finishedInInbox(i) ? 1 : 0,
    receivedAt: new Date(NOW.getTime() - (DOCS - i) * 1_000),
    nextAttemptAt: new Date(NOW.getTime() - (DOCS - i) * 1_000 + 60_000),
  }));
}

/** Attempt records of 10,000 events: `#1` for each, `#replies` for even ones, `#done` (as earlier versions wrote it) unless divisible by 3. */
const ATTEMPTED_EVENTS = 10_000;
const hasReplies = (i: number) => i % 2 === 0;
const isDone = (i: number) => i % 3 !== 0;
function attemptDocs() {
  const docs = [];
  for (let i = 0; i < ATTEMPTED_EVENTS; i++) {
    const id = eventIdOf(i);
    const claimedAt = new Date(NOW.getTime() - (ATTEMPTED_EVENTS - i) * 1_000);
    docs.push({ _id: `${id}#1`, eventId: id, claimedAt, owner: 'instance-a' });
    if (hasReplies(i)) docs.push({ _id: `${id}#replies`, eventId: id, claimedAt, owner: 'instance-a', repliesSealed: testSealer.seal(JSON.stringify([{ type: 'text', text: `ตอบ ${i}` }])) });
    if (isDone(i)) docs.push({ _id: `${id}#done`, eventId: id, claimedAt, owner: 'instance-a' });
  }
  return docs;
}

/** Staff: 1,000 organisations × 20 people. */
function staffDocs() {
  return Array.from({ length: DOCS }, (_, i) => ({
    _id: staffId(org(i % 1_000), lineUserIdOf(i)),
    orgId: org(i % 1_000),
    lineUserId: lineUserIdOf(i),
    displayName: `เจ้าหน้าที่ ${i}`,
    roles: i % 20 === 0 ? ['admin', 'officer'] : ['officer'],
    unit: UNITS[i % 4],
    position: i % 20 === 1 ? 'นักวิเคราะห์นโยบายและแผน' : null,
    inviteCode: 'ABCD-EFGH',
    linkedAt: new Date(NOW.getTime() - i * 60_000),
    active: i % 25 !== 0,
  }));
}

function conversationDocs() {
  return Array.from({ length: DOCS }, (_, i) => {
    const userKey = testSealer.userKey(lineUserIdOf(200_000 + i));
    const updatedAt = new Date(NOW.getTime() - (i % 120) * 60_000);
    return {
      _id: conversationId(org(i % 200), userKey),
      orgId: org(i % 200),
      userKey,
      dialog: i % 2 ? 'officer_report' : 'complaint',
      step: i % 2 ? 'summary' : 'description',
      sealedData: testSealer.seal(JSON.stringify(i % 2 ? { measureId: String(new Types.ObjectId()), attachments: [] } : { kind: 'general', attachments: [] })),
      updatedAt,
      expiresAt: new Date(updatedAt.getTime() + 30 * 60_000),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------

// Skipped when MONGODB_URI points the tests at a real MongoDB: there is no PostgreSQL, so no plan to inspect
// and no GIN mirror to prove (MongoDB serves these filters from the models' own indexes).
describe.skipIf(!!process.env.MONGODB_URI)('PostgreSQL indexes under FerretDB: every hot query is index-served at 20,000+ documents', () => {
  let db: Awaited<ReturnType<typeof connectTestDatabase>>;
  const seeded: Record<string, { docs: number; ms: number }> = {};

  beforeAll(async () => {
    db = await connectTestDatabase();
    const started = performance.now();
    const measures = measureDocs(); // before the reports, which point at them
    const seeds: [string, Model<any>, object[]][] = [
      ['webhook_events', WebhookEventModel, webhookEventDocs()],
      ['webhook_event_attempts', EventAttemptModel, attemptDocs()],
      ['staff', StaffModel, staffDocs()],
      ['conversations', ConversationModel, conversationDocs()],
      ['measures', MeasureModel, measures],
      ['progress_reports', ProgressReportModel, reportDocs()],
      ['complaints', ComplaintModel, complaintDocs()],
      ['outbox', OutboxMessageModel, outboxDocs()],
    ];
    await Promise.all(
      seeds.map(async ([name, model, docs]) => {
        expect(docs.length, name).toBeGreaterThanOrEqual(DOCS);
        seeded[name] = { docs: docs.length, ms: Math.round(await insertInBatches(model, docs)) };
      }),
    );
    console.info(`seeded ${Object.values(seeded).reduce((n, s) => n + s.docs, 0)} documents in ${Math.round(performance.now() - started)} ms`, seeded);
    // 160,000 documents take about a minute on a quiet machine and over two while other work shares its cores:
    // the seeding is a fixture, not what is measured, so it may take its time.
  }, 300_000);

  afterAll(async () => {
    if (observed.length) console.table(observed);
    await db?.close();
  });

  it('a webhook event by id: the inbox and its attempt records, each by `_id`', async () => {
    const target = 4_244; // has `#replies` and `#done`, and is unfinished in the inbox
    expect(hasReplies(target) && isDone(target) && !finishedInInbox(target)).toBe(true);

    const load = await timed(() => capture(() => loadEvent(eventIdOf(target))));
    expect(load.result?._id).toBe(eventIdOf(target));
    expect(load.result?.body).toBe(SEALED_BODY);
    await expectIndexServed('loadEvent (inbox by _id)', readOf(load.sent, 'webhook_events'), load.ms);

    const finished = await timed(() => capture(() => isFinished(eventIdOf(target))));
    expect(finished.result).toBe(true);
    await expectIndexServed('isFinished (the inbox entry by _id)', readOf(finished.sent, 'webhook_events'), finished.ms);
    await expectIndexServed('isFinished (an earlier version\'s `<event>#done` by _id)', readOf(finished.sent, 'webhook_event_attempts'), finished.ms);
    expect(await isFinished(eventIdOf(3))).toBe(false); // `#1` only, pending: not finished
    expect(await isFinished(eventIdOf(10_003))).toBe(true); // done in the inbox, no attempt records

    const replies = await timed(() => capture(() => recordedReplies(eventIdOf(target))));
    expect(testSealer.open(replies.result!)).toBe(JSON.stringify([{ type: 'text', text: `ตอบ ${target}` }]));
    await expectIndexServed('recordedReplies (`<event>#replies` by _id)', readOf(replies.sent, 'webhook_event_attempts'), replies.ms);
  });

  it('staff by `_id` (every event looks its sender up) and a dialog state by `_id`', async () => {
    const target = 12_345;
    const staff = await timed(() => capture(() => findStaff(org(target % 1_000), lineUserIdOf(target))));
    expect(staff.result).toMatchObject({ lineUserId: lineUserIdOf(target), displayName: `เจ้าหน้าที่ ${target}`, unit: UNITS[target % 4] });
    await expectIndexServed('findStaff (staff by _id)', readOf(staff.sent, 'staff'), staff.ms);

    const userKey = testSealer.userKey(lineUserIdOf(200_000 + target));
    const dialog = await timed(() => capture(() => loadDialog(org(target % 200), userKey, NOW, testSealer)));
    expect(dialog.result?.state).toMatchObject({ dialog: 'officer_report', step: 'summary' });
    await expectIndexServed('loadDialog (conversation by _id)', readOf(dialog.sent, 'conversations'), dialog.ms);
  });

  it("an organisation's measures for a fiscal year (orgId + fiscalYear), and one measure by `_id`", async () => {
    const o = 42;
    const expected = Array.from({ length: MEASURES_PER_YEAR }, (_, i) => String(measureIds.get(measureKey(o, ACTIVE_FY, i + 1))));

    const all = await timed(() => capture(() => loadSummaryMeasures(org(o), ACTIVE_FY)));
    expect(all.result.map((m) => m.id).sort()).toEqual([...expected].sort());
    await expectIndexServed('loadSummaryMeasures (measures by orgId + fiscalYear)', readOf(all.sent, 'measures'), all.ms);

    const officer = { unit: 'กองคลัง', position: null };
    const mine = await timed(() => capture(() => measuresForOfficer(org(o), ACTIVE_FY, officer)));
    expect(mine.result.length).toBeGreaterThan(0);
    expect(mine.result.length).toBeLessThan(MEASURES_PER_YEAR);
    expect(mine.result.every((m) => expected.includes(m.id))).toBe(true);
    await expectIndexServed('measuresForOfficer (measures by orgId + fiscalYear)', readOf(mine.sent, 'measures'), mine.ms);

    const one = await timed(() => capture(() => measureForOfficer(org(o), ACTIVE_FY, officer, mine.result[0]!.id)));
    expect(one.result?.id).toBe(mine.result[0]!.id);
    await expectIndexServed('measureForOfficer (measure by _id)', readOf(one.sent, 'measures'), one.ms);
  });

  it("a citizen's complaints (orgId + reporterKey): their list, their hourly count and one by tracking number", async () => {
    const citizen = 777;
    const mine = [citizen, citizen + CITIZENS, citizen + 2 * CITIZENS, citizen + 3 * CITIZENS];
    const orgId = org(citizen % COMPLAINT_ORGS);
    const reporterKey = testSealer.userKey(lineUserIdOf(100_000 + citizen));
    expect(mine.every((i) => org(i % COMPLAINT_ORGS) === orgId)).toBe(true);

    const list = await timed(() => capture(() => listOwnComplaints(orgId, reporterKey)));
    expect(list.result.map((c) => Number(c.trackingNo.split('-')[1]))).toEqual([...mine].reverse().map((i) => i + 1));
    await expectIndexServed('listOwnComplaints (complaints by orgId + reporterKey)', readOf(list.sent, 'complaints'), list.ms);

    const since = complaintSubmittedAt(mine[2]!);
    const count = await timed(() => capture(() => complaintsSince(orgId, reporterKey, since)));
    expect(count.result).toBe(2);
    await expectIndexServed('complaintsSince (countDocuments by orgId + reporterKey + submittedAt ≥)', readOf(count.sent, 'complaints'), count.ms);

    const trackingNo = list.result[1]!.trackingNo;
    const own = await timed(() => capture(() => findOwnComplaint(orgId, trackingNo, reporterKey)));
    expect(own.result?.trackingNo).toBe(trackingNo);
    await expectIndexServed('findOwnComplaint (orgId + trackingNo + reporterKey)', readOf(own.sent, 'complaints'), own.ms);
  });

  it("a fiscal year's complaint statistics (orgId + fiscalYear, projected)", async () => {
    const orgId = org(7);
    const expected = Array.from({ length: DOCS }, (_, i) => i).filter((i) => i % COMPLAINT_ORGS === 7 && fiscalYearOf(complaintSubmittedAt(i)) === 2569).length;
    expect(expected).toBeGreaterThan(0);
    const rows = await timed(() => capture(() => loadComplaintStatRows(orgId, 2569)));
    expect(rows.result).toHaveLength(expected);
    await expectIndexServed('loadComplaintStatRows (complaints by orgId + fiscalYear)', readOf(rows.sent, 'complaints'), rows.ms);
  });

  it('due outbox messages (state + nextAttemptAt ≤ now): the equality is pushed down, the range checked after', async () => {
    const due = Array.from({ length: DOCS }, (_, i) => i).filter((i) => i % 100 === 0 && outboxIsDue(i));
    expect(due.length).toBeGreaterThan(0);
    const pushed: string[] = [];
    const sender = new OutboxSender({
      lineFor: () => ({
        async push(_to: string, _messages: unknown, retryKey: string) {
          pushed.push(retryKey);
          return 'request-id';
        },
        async multicast() {
          throw new Error('every seeded message has one recipient');
        },
      }),
      log: createLogger('silent'),
      instanceId: 'test-instance',
      sealer: testSealer,
      maxAttempts: 5,
      now: () => NOW,
    });

    const drain = await timed(() => capture(() => sender.drain()));
    expect(drain.result).toEqual({ sent: due.length, retrying: 0, failed: 0 });
    expect(pushed.sort()).toEqual(due.map((i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).sort());
    await expectIndexServed('OutboxSender.drain (outbox by state + nextAttemptAt range)', readOf(drain.sent, 'outbox', 'find'), drain.ms);
    // Each message is then read again by `_id` before it is sent.
    const byId = drain.sent.find((q) => q.collection === 'outbox' && q.method === 'findOne')!;
    await expectIndexServed('OutboxSender.sendOne (outbox by _id)', byId, drain.ms);
  });

  it("a fiscal year's progress reports (the app's orgId + fiscalYear) and a measure's reports (orgId + measureId)", async () => {
    const o = 7;
    await OrganisationModel.create({ _id: org(o), name: 'อบต.ทดสอบ', fiscalYear: ACTIVE_FY });

    // What the summary (dialog and monthly job) and the ITA / E-PlanNACC reports read: `{ orgId, fiscalYear }`.
    const summary = await timed(() => capture(() => loadSummary(org(o), NOW, DEFAULT_LEVEL_THRESHOLDS)));
    expect(summary.result.overall.total).toBe(MEASURES_PER_YEAR);
    const reportsRead = readOf(summary.sent, 'progress_reports');
    const rows = await database()
      .collection('progress_reports')
      .find(reportsRead.args[0] as object)
      .toArray();
    expect(rows).toHaveLength(MEASURES_PER_YEAR * REPORTS_PER_MEASURE);
    expect(rows.every((r) => r.orgId === org(o) && r.fiscalYear === ACTIVE_FY)).toBe(true);
    await expectIndexServed('loadSummary (progress_reports by orgId + fiscalYear)', reportsRead, summary.ms);
    await expectIndexServed('loadSummary (measures by orgId + fiscalYear)', readOf(summary.sent, 'measures'), summary.ms);

    // The shape of the index the model declares, `{ orgId, measureId }` (no app code reads by it today).
    const measureId = measureIds.get(measureKey(o, ACTIVE_FY, 3))!;
    const ofMeasure = await timed(() => capture(() => ProgressReportModel.find({ orgId: org(o), measureId }).sort({ reportedAt: -1 }).lean()));
    expect(ofMeasure.result).toHaveLength(REPORTS_PER_MEASURE);
    expect(ofMeasure.result.every((r) => String(r.measureId) === String(measureId))).toBe(true);
    await expectIndexServed("a measure's reports (progress_reports by orgId + measureId)", readOf(ofMeasure.sent, 'progress_reports'), ofMeasure.ms);
  });

  it("the per-minute tick's organisations with a job of their own at this minute (ownTimesOfDay)", async () => {
    // Every eighth organisation has times of its own, spread over the day; the rest have none.
    const timeOf = (i: number) => `${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
    await insertInBatches(
      OrganisationModel,
      Array.from({ length: DOCS }, (_, i) => ({
        _id: `own-${String(i).padStart(5, '0')}`,
        name: 'อบต.ทดสอบ',
        fiscalYear: ACTIVE_FY,
        active: true,
        ...(i % 8 === 0 ? { settings: { jobTimes: [{ job: 'monthly-summary', at: timeOf(i) }] }, ownTimesOfDay: [timeOf(i)] } : {}),
      })),
    );
    const expected = Array.from({ length: DOCS }, (_, i) => i).filter((i) => i % 8 === 0 && timeOf(i) === '10:00');
    const tick = await timed(() => capture(() => organisationsWithOwnTimes(['10:00'])));
    expect(tick.result.map((o) => o.orgId)).toEqual(expected.map((i) => `own-${String(i).padStart(5, '0')}`));
    expect(tick.result.every((o) => o.settings.jobTimes?.['monthly-summary'] === '10:00')).toBe(true);
    await expectIndexServed('organisationsWithOwnTimes (organisations by ownTimesOfDay + active)', readOf(tick.sent, 'organisations'), tick.ms);
    // A first tick after a start looks back to midnight: a range over every minute so far, which FerretDB checks
    // after reading the organisations once (logged, for docs/performance.md §6).
    const catchUp = await timed(() => capture(() => organisationsWithOwnTimes(timesOfDayBetween(null, '23:59'))));
    expect(catchUp.result).toHaveLength(DOCS / 8);
    console.log(`own-times lookup at ${DOCS} organisations: one minute ${Math.round(tick.ms)} ms, catching up a whole day ${Math.round(catchUp.ms)} ms`);
  });

  it("the resume sweep's one read for every organisation: runs still running past their lease (state, then leaseUntil)", async () => {
    // A deployment's history of runs, all done but one in a thousand: some running still (their lease ahead), some abandoned.
    const state = (i: number) => (i % 1_000 === 0 ? 'running' : 'done');
    const leaseUntil = (i: number) => (i % 2_000 === 0 ? new Date(NOW.getTime() - 60_000) : new Date(NOW.getTime() + 60_000));
    await insertInBatches(
      JobRunModel,
      Array.from({ length: DOCS }, (_, i) => ({
        _id: `org-${String(i % 7_850).padStart(4, '0')}:complaint-deadlines:${i}`,
        orgId: `org-${String(i % 7_850).padStart(4, '0')}`,
        job: 'complaint-deadlines',
        period: String(i),
        asOf: NOW,
        trigger: 'schedule',
        state: state(i),
        owner: 'bench',
        startedAt: NOW,
        leaseUntil: leaseUntil(i),
      })),
    );
    const expected = [...new Set(Array.from({ length: DOCS }, (_, i) => i).filter((i) => state(i) === 'running' && leaseUntil(i) < NOW).map((i) => `org-${String(i % 7_850).padStart(4, '0')}`))].sort();
    expect(expected.length).toBeGreaterThan(0);
    const sweep = await timed(() => capture(() => organisationsWithAbandonedRuns(NOW)));
    expect(sweep.result).toEqual(expected);
    await expectIndexServed('organisationsWithAbandonedRuns (job_runs by state, leaseUntil checked after)', readOf(sweep.sent, 'job_runs'), sweep.ms);
  });

  it('an index declared on a collection created after start-up gets its GIN mirror, and loses it with the index', async () => {
    const name = 'late_collection';
    const collection = database().collection(name);
    await collection.insertMany(Array.from({ length: DOCS }, (_, i) => ({ a: i % 2_000, b: `value ${i}` })));
    const explainA = async () => (await collection.find({ a: 1_234 }).explain()) as unknown as Explained;
    const expected = Array.from({ length: DOCS }, (_, i) => i).filter((i) => i % 2_000 === 1_234).map((i) => `value ${i}`);

    // The table's own `_id` index, made when the first insert created the collection, is mirrored too.
    const first = await collection.findOne({}, { sort: { _id: 1 } });
    expectServedByMirror((await collection.find({ _id: first!._id }).explain()) as unknown as Explained, name);

    const index = await collection.createIndex({ a: 1 });
    const mirrored = expectServedByMirror(await explainA(), name);
    expect((await collection.find({ a: 1_234 }).toArray()).map((d) => d.b).sort()).toEqual(expected.sort());

    await collection.dropIndex(index);
    const after = await explainA();
    // The mirror went with it: nothing names it (or any other index for `a`), and the query still answers.
    expect(planNodes(after.queryPlanner.Plan).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []))).toEqual([]);
    expect(JSON.stringify(after)).not.toContain(mirrored[0]!['Index Name']!);
    expect((await collection.find({ a: 1_234 }).toArray()).map((d) => d.b).sort()).toEqual(expected.sort());

    // Declared again, it is mirrored again (a leftover mirror would not be in the way either).
    await collection.createIndex({ a: 1 });
    const again = expectServedByMirror(await explainA(), name);
    expect(again[0]!['Index Name']).not.toBe(mirrored[0]!['Index Name']);
    await collection.drop();
  });
});
