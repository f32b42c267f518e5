import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { findOrganisation } from '../../src/db/organisation-store.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { DEMO_BUDGETS, seedDemo } from '../../src/simulator/demo.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the demo organisation', () => {
  // 26 November 2026 in Bangkok: fiscal year 2570.
  const now = new Date('2026-11-26T03:00:00Z');

  it('is the organisation of its plan, in the fiscal year of the clock, with seed 004\'s statuses', async () => {
    await seedDemo('demo-a', now);
    expect(await findOrganisation('demo-a')).toMatchObject({ name: 'เทศบาลตำบลโพธิ์ทอง', district: 'โพธิ์ทอง', province: 'อ่างทอง', fiscalYear: 2570 });
    const projects = await MeasureModel.find({ orgId: 'demo-a', family: 'anticorruption_project' }).sort({ number: 1 }).lean();
    expect(projects.every((p) => p.fiscalYear === 2570)).toBe(true);
    expect(projects.filter((p) => p.status === 'in_progress').map((p) => p.code)).toEqual(['EP-01', 'EP-02', 'EP-07', 'EP-10', 'EP-13']);
    expect(projects.filter((p) => p.status === 'completed')).toHaveLength(10);
    expect(Object.fromEntries(projects.filter((p) => p.budget > 0).map((p) => [p.code, p.budget]))).toEqual(DEMO_BUDGETS);

    const summary = await loadSummary('demo-a', now, DEFAULT_LEVEL_THRESHOLDS);
    expect(summary.fiscalYear).toBe(2570);
    expect(summary.overdue).toEqual([]);
    expect(summary.byFamily.find((f) => f.family === 'anticorruption_project')!.tally.implementationPercent).toBe(83.33);
    expect(summary.overall.budget).toBeGreaterThan(0);
  });

  it('follows the clock, not a constant: a later year gets the plan moved again, and a restart keeps what was done', async () => {
    const later = new Date('2028-01-15T03:00:00Z');
    expect(fiscalYearOf(later)).toBe(2571);
    await seedDemo('demo-b', later);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-b', fiscalYear: 2571 })).toBe(62);
    expect((await MeasureModel.findOne({ orgId: 'demo-b', code: 'ITA-01' }).lean())!.periodText).toBe('ต.ค. 70 - ก.ย. 71');

    await MeasureModel.updateOne({ orgId: 'demo-b', code: 'EP-02' }, { $set: { budget: 1 } });
    await seedDemo('demo-b', later);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-b' })).toBe(62);
    expect((await MeasureModel.findOne({ orgId: 'demo-b', code: 'EP-02' }).lean())!.budget).toBe(1);
  });
});
