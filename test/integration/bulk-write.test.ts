import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimRuns, finishRuns, jobRunState } from '../../src/db/job-run-store.js';
import { connectTestDatabase } from '../support/harness.js';

/**
 * The explicit bulk writes a tick for thousands of organisations makes. FerretDB holds a PostgreSQL connection
 * per statement of an update command until the command ends, so these would hang with one command of more
 * statements than its pool: here several hundred updates, twice at once, all land.
 */
let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const run = (i: number, now: Date) => ({ id: `org-${i}:monthly-summary:2026-12`, orgId: `org-${i}`, job: 'monthly-summary', period: '2026-12', asOf: now, trigger: 'schedule' as const, owner: 'a', startedAt: now, leaseUntil: now });

it('claims each run once, and records hundreds of runs as done in two bulk writes at once', async () => {
  const now = new Date();
  const runs = Array.from({ length: 600 }, (_, i) => run(i, now));
  expect((await claimRuns(runs.slice(0, 400))).every(Boolean)).toBe(true);
  // A second instance's claims: the first 400 are taken, the rest are its own.
  const second = await claimRuns(runs);
  expect(second.filter(Boolean)).toHaveLength(200);
  expect(second.slice(0, 400).some(Boolean)).toBe(false);

  const done = (from: number, to: number) => runs.slice(from, to).map((r) => ({ id: r.id, done: { finishedAt: now, recipients: 2, messages: 1 } }));
  await Promise.all([finishRuns(done(0, 300)), finishRuns(done(300, 600))]);
  for (const i of [0, 299, 300, 599]) expect(await jobRunState(runs[i]!.id)).toBe('done');
}, 60_000);
