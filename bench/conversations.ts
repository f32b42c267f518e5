import { createHmac, randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connect.js';
import { MeasureModel } from '../src/db/models/measure.js';
import { ProgressReportModel } from '../src/db/models/progress-report.js';
import { StaffModel } from '../src/db/models/staff.js';
import { importPlan } from '../src/plan-import/import-plan.js';
import { memoryOf, startEnvironment } from './lib/environment.js';

/**
 * 500 officers complete the report dialog at the same time, each step a signed webhook: choose a measure,
 * a status, the summary, skip the outcome, problems and suggestions, confirm. Measures completed dialogs a
 * second and the time from a webhook to its reply arriving at the (fake) LINE API. Fails when a report is
 * not saved exactly once: a fast dialog that saves nothing is no result.
 */
const OFFICERS = 500;
const STEP_TIMEOUT_MS = 120_000;
/** Outcome, problems and suggestions. */
const SKIPPED_QUESTIONS = 3;

let sequence = 0;
const eventId = () => `CONV${(sequence++).toString(36).toUpperCase().padStart(10, '0')}${randomBytes(6).toString('hex').toUpperCase()}`.slice(0, 26);

export async function conversationsBenchmark() {
  const env = await startEnvironment('conversations');
  await connectDatabase(env.mongoUri);
  try {
    await importPlan('bench', 'examples/plan-2568.csv', { withoutResults: true });
    // Items without a budget, so every dialog has the same steps (a budgeted project also asks for its disbursement).
    const measures = await MeasureModel.find({ orgId: 'bench', responsibleUnits: { $in: ['สำนักปลัด', 'ทุกส่วนราชการ'] }, budget: 0 }).select('_id').lean();
    const officers = Array.from({ length: OFFICERS }, (_, i) => `Uconv${String(i).padStart(28, '0')}`);
    await StaffModel.collection.insertMany(
      officers.map((lineUserId) => ({ _id: `bench:${lineUserId}`, orgId: 'bench', lineUserId, displayName: lineUserId.slice(-4), roles: ['officer'], unit: 'สำนักปลัด', position: null, inviteCode: 'BENCH', linkedAt: new Date(), active: true })) as never[],
    );

    const latencies: number[] = [];
    const send = async (userId: string, event: Record<string, unknown>) => {
      const replyToken = randomBytes(16).toString('hex');
      const full = { ...event, webhookEventId: (event.webhookEventId as string) ?? eventId(), timestamp: Date.now(), mode: 'active', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId }, replyToken };
      const body = JSON.stringify({ destination: 'Ubench', events: [full] });
      const replied = env.line.waitForAnswer(replyToken, userId);
      const started = Date.now();
      for (let tries = 0; ; tries++) {
        const res = await fetch(`${env.app.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', env.channelSecret).update(body).digest('base64') }, body });
        if (res.ok) break;
        if (tries > 20) throw new Error(`webhook answered ${res.status}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const at = await Promise.race([replied, new Promise<never>((_, no) => setTimeout(() => no(new Error('no reply')), STEP_TIMEOUT_MS))]);
      latencies.push(at.getTime() - started);
    };
    const text = (t: string) => ({ type: 'message', message: { type: 'text', id: String(sequence), text: t, quoteToken: 'q' } });
    const postback = (data: string) => ({ type: 'postback', postback: { data } });

    const started = Date.now();
    let completed = 0;
    await Promise.all(
      officers.map(async (userId, i) => {
        const pick = eventId();
        await send(userId, { ...postback(`a=rp.pick&m=${measures[i % measures.length]!._id}`), webhookEventId: pick });
        await send(userId, postback('a=rp.status&s=in_progress'));
        await send(userId, text(`ความคืบหน้าของเจ้าหน้าที่ ${i}`));
        for (let skipped = 0; skipped < SKIPPED_QUESTIONS; skipped++) await send(userId, text('ข้าม'));
        await send(userId, postback(`a=rp.confirm&d=${pick}`));
        completed++;
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const saved = await ProgressReportModel.countDocuments({ orgId: 'bench' });
    const reporters = new Set((await ProgressReportModel.find({ orgId: 'bench' }).select('reporterLineUserId').lean()).map((r) => r.reporterLineUserId));
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    if (saved !== OFFICERS || reporters.size !== OFFICERS) throw new Error(`${saved} reports saved by ${reporters.size} officers; ${OFFICERS} expected, one each`);
    return {
      benchmark: 'conversations',
      officers: OFFICERS,
      stepsPerDialog: 4 + SKIPPED_QUESTIONS,
      completedDialogs: completed,
      reportsSaved: saved,
      seconds: Math.round(seconds * 10) / 10,
      dialogsPerSecond: Math.round((completed / seconds) * 100) / 100,
      webhookToReplyMs: { p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1] },
      targets: {
        everyReportSavedOnce: saved === OFFICERS && reporters.size === OFFICERS,
        p50AtMost1s: at(50) <= 1_000,
        p99AtMost3s: at(99) <= 3_000,
      },
      appMemory: memoryOf(env.app.pid),
    };
  } finally {
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await disconnectDatabase();
    await env.stop();
  }
}
