import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { SummarySnapshotModel } from '../../src/db/models/summary-snapshot.js';
import { loadAllSummaries, loadSummary, recordSnapshot } from '../../src/db/summary-store.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { report } from '../support/fixtures.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
const bkk = (local: string) => new Date(`${local}+07:00`);

beforeAll(async () => {
  db = await connectTestDatabase();
  for (const org of ['org-a', 'org-b']) {
    await importPlan(org, 'examples/plan-2568.csv', { withoutResults: true });
    await updateOrganisation(org, { name: org });
  }
  await report('org-a', 'EP-01', 'in_progress', bkk('2025-07-01T10:00:00'));
  await report('org-a', 'EP-01', 'completed', bkk('2025-09-25T10:00:00'));
  await report('org-a', 'EP-02', 'cannot_proceed', bkk('2025-08-01T10:00:00'));
  await report('org-b', 'ITA-01', 'completed', bkk('2025-06-01T10:00:00'));
});
afterAll(async () => {
  await db?.close();
});

it('the one-pass summary of every organisation equals each organisation\'s own summary', async () => {
  const now = bkk('2025-10-01T08:30:00');
  const all = await loadAllSummaries(now, DEFAULT_LEVEL_THRESHOLDS);
  expect([...all.keys()].sort()).toEqual(['org-a', 'org-b']);
  for (const org of ['org-a', 'org-b']) {
    const one = await loadSummary(org, now, DEFAULT_LEVEL_THRESHOLDS);
    const fromAll = all.get(org)!;
    expect(fromAll.overall).toEqual(one.overall);
    expect(fromAll.previous.overall).toEqual(one.previous.overall);
    expect(fromAll.byFamily).toEqual(one.byFamily);
    expect(fromAll.byUnit).toEqual(one.byUnit);
    expect(fromAll.overdue.map((m) => m.code)).toEqual(one.overdue.map((m) => m.code));
  }
  expect(all.get('org-a')!.overall.completed).toBe(1);
  expect(all.get('org-a')!.previous.overall.in_progress).toBe(1);
});

it('reads last month\'s recorded figures for the trend instead of replaying the reports, with the same result', async () => {
  const lastMonth = bkk('2025-09-01T08:30:00');
  const now = bkk('2025-10-01T08:30:00');
  const replayed = await loadSummary('org-a', now, DEFAULT_LEVEL_THRESHOLDS);
  for (const org of ['org-a', 'org-b']) await recordSnapshot(org, await loadSummary(org, lastMonth, DEFAULT_LEVEL_THRESHOLDS));
  expect(await SummarySnapshotModel.countDocuments()).toBe(2);
  const all = await loadAllSummaries(now, DEFAULT_LEVEL_THRESHOLDS);
  expect(all.get('org-a')!.previous.overall).toEqual(replayed.previous.overall);
  expect(all.get('org-a')!.overall).toEqual(replayed.overall);
});
