import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { loadRollup } from '../../src/db/rollup-store.js';
import { findStaff } from '../../src/db/staff-store.js';
import { supervisedScope } from '../../src/domain/rollup.js';
import { findOrganisation } from '../../src/db/organisation-store.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { DEMO_BUDGETS, DEMO_NEIGHBOURS, PERSONAS, seedDemo } from '../../src/simulator/demo.js';
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

  it("gives the district supervisor persona its district's other organisations, as varied as real ones", async () => {
    await seedDemo('demo-c', now);
    const persona = PERSONAS.find((p) => p.id === 'supervisor')!;
    const scope = supervisedScope(await findStaff('demo-c', persona.userId));
    expect(scope).toEqual({ level: 'district', province: 'อ่างทอง', district: 'โพธิ์ทอง' });

    const rollup = await loadRollup(scope!, now, DEFAULT_LEVEL_THRESHOLDS);
    const names = DEMO_NEIGHBOURS.map((n) => n.name);
    // The organisation the supervisor is registered with counts as the supervising office: it is left out.
    expect(rollup.rows.map((r) => r.name).sort()).toEqual([...names].sort());
    const row = (name: string) => rollup.rows.find((r) => r.name === name)!;
    expect(row('องค์การบริหารส่วนตำบลบางเจ้าฉ่า')).toMatchObject({ reported: true });
    expect(row('องค์การบริหารส่วนตำบลบางเจ้าฉ่า').tally.implementationPercent).toBeGreaterThan(0);
    expect(row('องค์การบริหารส่วนตำบลอินทประมูล')).toMatchObject({ reported: false });
    expect(row('องค์การบริหารส่วนตำบลอินทประมูล').tally.total).toBeGreaterThan(0);
    expect(row('องค์การบริหารส่วนตำบลยางช้าย')).toMatchObject({ reported: false });
    expect(row('องค์การบริหารส่วนตำบลยางช้าย').tally.total).toBe(0);

    // The group persona is a chat, not a person: no staff record of its own.
    const group = PERSONAS.find((p) => p.groupId)!;
    expect(await findStaff('demo-c', group.groupId!)).toBeNull();
    // A second start adds nothing.
    await seedDemo('demo-c', now);
    expect(await MeasureModel.countDocuments({ orgId: 'demo-bang-chao-cha', fiscalYear: 2570 })).toBe(62);
  });
});
