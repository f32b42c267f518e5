import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAll } from '../../src/db/bulk-write.js';
import { claimRuns, doneRun, finishRuns, jobRunState } from '../../src/db/job-run-store.js';
import { JobRunModel } from '../../src/db/models/job-run.js';
import { connectTestDatabase } from '../support/harness.js';

/**
 * The explicit bulk writes a tick for thousands of organisations makes: claims by two instances, the tick's
 * runs recorded as done in one update (its failed ones left for the resume sweep), and updates by the hundred.
 */
let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const run = (i: number, startedAt: Date, owner: string) => ({ id: `org-${i}:follow-up:2026-12`, orgId: `org-${i}`, job: 'follow-up', period: '2026-12', asOf: startedAt, trigger: 'schedule' as const, owner, startedAt, leaseUntil: startedAt });

it("claims each run once across instances, and records as done only the tick's own runs that produced their output", async () => {
  const [a, b] = [new Date('2026-12-28T02:00:00.000Z'), new Date('2026-12-28T02:00:00.004Z')];
  expect((await claimRuns(Array.from({ length: 400 }, (_, i) => run(i, a, 'instance-a')))).every(Boolean)).toBe(true);
  // The second instance's tick: the first 400 are taken, the rest are its own.
  const second = await claimRuns(Array.from({ length: 600 }, (_, i) => run(i, b, 'instance-b')));
  expect(second.filter(Boolean)).toHaveLength(200);
  expect(second.slice(0, 400).some(Boolean)).toBe(false);

  // Instance A's run for org-7 failed to produce its output: it stays running, for the resume sweep.
  const outcomes = Array.from({ length: 400 }, (_, i) => ({ id: run(i, a, 'instance-a').id, orgId: `org-${i}`, done: { recipients: 2, messages: 1, listed: [{ lineUserId: `U${i}`, name: `เจ้าหน้าที่ ${i}`, measureIds: [`m-${i}`] }] } })).filter((o) => o.orgId !== 'org-7');
  await finishRuns({ claimed: { job: 'follow-up', owner: 'instance-a', startedAt: a }, outcomes, except: [run(7, a, 'instance-a').id], finishedAt: a });
  expect(await JobRunModel.countDocuments({ owner: 'instance-a', state: 'done' })).toBe(399);
  expect(await jobRunState(run(7, a, 'instance-a').id)).toBe('running');
  // B's runs are untouched by A's finish.
  expect(await JobRunModel.countDocuments({ owner: 'instance-b', state: 'running' })).toBe(200);
  // What a run did is read back with it: the next follow-up asks about what this one listed.
  const finished = await doneRun('org-399', 'follow-up', '2026-12');
  expect(finished).toMatchObject({ recipients: 2, listed: [{ lineUserId: 'U399', name: 'เจ้าหน้าที่ 399', measureIds: ['m-399'] }] });
}, 60_000);

it('makes hundreds of updates by id, two bulk writes at once (FerretDB holds a connection per statement until its command ends)', async () => {
  const ids = Array.from({ length: 600 }, (_, i) => `org-${i}:follow-up:2026-12`);
  const touch = (part: string[]) => part.map((_id) => ({ updateOne: { filter: { _id }, update: { $set: { error: 'checked' } } } }));
  await Promise.all([writeAll(JobRunModel, touch(ids.slice(0, 300))), writeAll(JobRunModel, touch(ids.slice(300)))]);
  expect(await JobRunModel.countDocuments({ error: 'checked' })).toBe(600);
}, 60_000);
