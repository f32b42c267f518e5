import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../src/db/connect.js';
import { ProgressReportModel } from '../src/db/models/progress-report.js';
import { StaffModel } from '../src/db/models/staff.js';
import { isSkipWord } from '../src/dialogs/words.js';

import { importPlan } from '../src/plan-import/import-plan.js';
import { cpuPer, sampleCpu } from './lib/cpu.js';
import { memoryOf, startEnvironment } from './lib/environment.js';
import { isCancelButton, Person, type Answer, type Button } from './lib/person.js';
import { bySize } from './lib/size.js';
import { REPORT_ACTIONS } from '../src/features/report/actions.js';

/**
 * Officers complete the report dialog at the same time, each step a signed webhook, the way a person does
 * it: type "รายงาน", press one of the listed items, press "in progress", type a summary, press "ข้าม" at
 * every question that offers it, press the confirmation. Each officer reads the bot's answer and presses
 * its buttons, so the bench follows the dialog as it is now. Measures completed dialogs a second and the
 * time from a webhook to its reply arriving at the (fake) LINE API. Fails (`checks`) when a dialog does not
 * reach its end or a report is not saved exactly once: a fast dialog that saves nothing is no result.
 */
const OFFICERS = bySize({ small: 20, default: 500 });
/** More answers than this without reaching the end is a dialog going round in circles. */
const MAX_STEPS = 20;

/** What an officer who reports progress presses at a step: null when the answer leaves them to type. */
function choose(answer: Answer, officer: number): Button | null {
  const usable = answer.buttons.filter((b) => !isCancelButton(b));
  const of = (action: string) => usable.filter((b) => b.postback?.action === action);
  const confirm = of(REPORT_ACTIONS.reportConfirm.name);
  if (confirm.length > 0) return confirm[0]!;
  const items = of(REPORT_ACTIONS.reportPick.name);
  if (items.length > 0) return items[officer % items.length]!;
  const status = of(REPORT_ACTIONS.reportStatus.name).find((b) => b.postback!.params.s === 'in_progress');
  if (status) return status;
  const skip = usable.find((b) => b.says !== undefined && isSkipWord(b.says));
  if (skip) return skip;
  // A question answered in words (its buttons offer only cancelling, or the last report's words again).
  if (usable.every((b) => b.says !== undefined)) return null;
  // A choice this officer has no preference about (a step added since): the first, as a hurried person would.
  return usable[0]!;
}

/** One officer's dialog, from the first word to the saved report; the number of answers it took. */
async function report(person: Person, officer: number, latencies: number[]): Promise<number> {
  let answer = await person.say('รายงาน');
  latencies.push(answer.ms);
  for (let step = 1; step <= MAX_STEPS; step++) {
    const button = choose(answer, officer);
    const confirming = button?.postback?.action === REPORT_ACTIONS.reportConfirm.name;
    answer = button ? await person.press(button) : await person.say(`ความคืบหน้าของเจ้าหน้าที่ ${officer}`);
    latencies.push(answer.ms);
    if (confirming && !answer.buttons.some((b) => b.postback?.action === REPORT_ACTIONS.reportConfirm.name)) return step + 1;
  }
  throw new Error(`officer ${officer} did not reach the end of the report in ${MAX_STEPS} steps; the last answer: ${answer.words.slice(0, 300)}`);
}

export async function conversationsBenchmark() {
  const env = await startEnvironment('conversations');
  await connectDatabase(env.mongoUri);
  try {
    await importPlan('bench', 'examples/plan-2568.csv', { withoutResults: true });
    const officers = Array.from({ length: OFFICERS }, (_, i) => `Uconv${String(i).padStart(28, '0')}`);
    await StaffModel.collection.insertMany(
      officers.map((lineUserId) => ({ _id: `bench:${lineUserId}`, orgId: 'bench', lineUserId, displayName: lineUserId.slice(-4), roles: ['officer'], unit: 'สำนักปลัด', position: null, inviteCode: 'BENCH', linkedAt: new Date(), active: true })) as never[],
    );

    const latencies: number[] = [];
    const steps: number[] = [];
    const failures: string[] = [];
    const started = Date.now();
    const cpuBefore = sampleCpu(env.app.pid);
    await Promise.all(
      officers.map(async (userId, i) => {
        try {
          steps.push(await report(new Person(env, userId), i, latencies));
        } catch (error) {
          failures.push((error as Error).message);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const cpuAfter = sampleCpu(env.app.pid);
    const completed = steps.length;
    const saved = await ProgressReportModel.countDocuments({ orgId: 'bench' });
    const reporters = new Set((await ProgressReportModel.find({ orgId: 'bench' }).select('reporterLineUserId').lean()).map((r) => r.reporterLineUserId));
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
    return {
      benchmark: 'conversations',
      officers: OFFICERS,
      stepsPerDialog: { min: Math.min(...steps), max: Math.max(...steps) },
      completedDialogs: completed,
      reportsSaved: saved,
      seconds: Math.round(seconds * 10) / 10,
      dialogsPerSecond: Math.round((completed / seconds) * 100) / 100,
      webhookToReplyMs: { p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1] },
      // Per answered step, in ms: the app, FerretDB, PostgreSQL, and the bench's clients with the fake LINE.
      cpuMsPerAnsweredStep: cpuPer(cpuBefore, cpuAfter, latencies.length),
      checks: {
        everyDialogReachedItsEnd: completed === OFFICERS,
        everyReportSavedOnce: saved === OFFICERS && reporters.size === OFFICERS,
      },
      ...(failures.length > 0 ? { failures: failures.slice(0, 3) } : {}),
      targets: {
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
