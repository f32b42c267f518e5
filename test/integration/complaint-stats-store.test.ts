import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadComplaintStatRows } from '../../src/db/complaint-stats-store.js';
import { computeComplaintStatistics } from '../../src/domain/complaint-statistics.js';
import { bangkok, insertCase, SECRET_ACCUSED, SECRET_STORY, seedStatsScenario } from '../support/complaint-scenario.js';
import { connectTestDatabase } from '../support/harness.js';

const ORG = 'stats-org';
const FY = 2569;
let db: Awaited<ReturnType<typeof connectTestDatabase>>;

beforeAll(async () => {
  db = await connectTestDatabase();
  await seedStatsScenario(ORG, FY);
  // Neither the year before, nor another organisation's case, belongs to the figures.
  await insertCase(ORG, 90, { kind: 'general', submittedAt: bangkok(2025, 9, 30, 23) });
  await insertCase('another-org', 1, { kind: 'general', submittedAt: bangkok(2025, 10, 2) });
});
afterAll(async () => {
  await db?.close();
});

describe('the rows behind OIT O24', () => {
  it('loads one row per case of the organisation and fiscal year, with only the fields the figures need', async () => {
    const rows = await loadComplaintStatRows(ORG, FY);
    expect(rows).toHaveLength(8);
    const keys = new Set(rows.flatMap((r) => Object.keys(r)));
    expect([...keys].sort()).toEqual(['category', 'closedAt', 'dueAt', 'kind', 'reopenCount', 'stars', 'status', 'submittedAt']);
    const text = JSON.stringify(rows);
    for (const secret of [SECRET_STORY, SECRET_ACCUSED, 'ยังไม่ได้แก้ไขเลย', 'sealed-', 'key-', 'การไฟฟ้าส่วนภูมิภาค']) expect(text).not.toContain(secret);
    expect(rows.map((r) => r.stars).filter((s) => s !== null).sort()).toEqual([1, 2, 5]);
    expect(rows.find((r) => r.status === 'withdrawn')).toMatchObject({ kind: 'general', category: null, reopenCount: 0, stars: null });
  });

  it('gives the scenario its figures: months, year, kinds and categories', async () => {
    const asOf = bangkok(2026, 10, 20);
    const stats = computeComplaintStatistics(await loadComplaintStatRows(ORG, FY), FY, asOf);
    expect(stats.total).toMatchObject({
      received: 8,
      // The withdrawn case is neither done by the organisation nor in progress: 5 + 2 + 1 = 8.
      closed: 5,
      inProgress: 2,
      overdue: 2,
      answered: 5,
      medianDays: 6,
      answeredWithin15: 4,
      within15Percent: 80,
      reopened: 2,
      ratings: 3,
      averageStars: 2.67,
      forwarded: 1,
      withdrawn: 1,
    });
    expect(stats.months.map((m) => m.received)).toEqual([5, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(stats.months[0]).toMatchObject({ label: 'ต.ค. 2568', closed: 3, inProgress: 1, withdrawn: 1, medianDays: 4, within15Percent: 66.67, reopened: 1, averageStars: 3.5 });
    expect(stats.months[1]).toMatchObject({ label: 'พ.ย. 2568', closed: 2, inProgress: 1, medianDays: 7, within15Percent: 100, reopened: 1, averageStars: 1 });
    expect(stats.byKind.corruption).toMatchObject({ received: 2, closed: 1, inProgress: 1, overdue: 1, medianDays: 8, within15Percent: 100 });
    expect(stats.byKind.general).toMatchObject({ received: 6, closed: 4, withdrawn: 1, forwarded: 1, reopened: 2 });
    expect(stats.byCategory.map((c) => [c.category, c.received, c.closed])).toEqual([
      ['ถนน', 3, 3],
      ['ไฟฟ้า', 2, 1],
      [null, 1, 0],
    ]);
  });
});
