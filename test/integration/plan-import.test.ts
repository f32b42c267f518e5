import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { MeasureChangeModel } from '../../src/db/models/measure-change.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { fiscalYearRange } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { connectTestDatabase } from '../support/harness.js';

const ORG = 'import-org';
const dir = mkdtempSync(join(tmpdir(), 'prongsai-import-'));
let db: Awaited<ReturnType<typeof connectTestDatabase>>;

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const HEADER = 'รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,วิธีดำเนินการ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ,เบิกจ่าย';

beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  await MeasureModel.deleteMany({});
  await OrganisationModel.deleteMany({});
  await ProgressReportModel.deleteMany({});
  await MeasureChangeModel.deleteMany({});
});

describe('importing the year\'s plan', () => {
  it('loads the shipped sample plan: seed 004\'s 15 projects with dimensions, the ITA measures of seeds 000–002, the indicator items', async () => {
    const result = await importPlan(ORG, 'examples/plan-2568.csv');
    expect(result).toMatchObject({ ok: true, created: 55, updated: 0, results: 51, toOitList: 7, fiscalYear: 2568 });
    const projects = await MeasureModel.find({ orgId: ORG, family: 'anticorruption_project' }).lean();
    expect(projects).toHaveLength(15);
    expect(projects.every((p) => p.dimension! >= 1 && p.dimension! <= 4)).toBe(true);
    // 9 of seed 001, 3 of seed 000, 6 of seed 002.
    expect(await MeasureModel.countDocuments({ orgId: ORG, family: 'ita_measure' })).toBe(18);
    // 29 rows, less seed 000's 7 OIT rows, which fill the OIT list's items instead.
    expect(await MeasureModel.countDocuments({ orgId: ORG, family: 'ita_indicator' })).toBe(22);
    // Seed 001's "๑ - ๓๑ กรกฎาคม ๒๕๖๘", written in the sample as "ก.ค. 68": July 2025.
    expect(await MeasureModel.findOne({ orgId: ORG, code: 'ITA-02' }).lean()).toMatchObject({
      periodText: 'ก.ค. 68',
      periodStart: new Date('2025-06-30T17:00:00.000Z'),
      periodEnd: new Date('2025-07-31T17:00:00.000Z'),
    });
    // ลำดับ written in Thai digits (๑๓) is read as a number.
    expect((await MeasureModel.findOne({ orgId: ORG, code: 'EP-13' }).lean())!.number).toBe(13);
    expect((await OrganisationModel.findById(ORG).lean())!.fiscalYear).toBe(2568);
  });

  it('gives seed 004\'s figures from the shipped data alone: 15 projects, 10 completed, 5 in progress → 83.33 %', async () => {
    await importPlan(ORG, 'examples/plan-2568.csv', { now: new Date('2026-11-26T03:00:00Z') });
    const inProgress = await MeasureModel.find({ orgId: ORG, family: 'anticorruption_project', status: 'in_progress' }).sort({ number: 1 }).lean();
    expect(inProgress.map((m) => m.number)).toEqual([1, 2, 7, 10, 13]);
    const summary = await loadSummary(ORG, new Date('2025-09-30T10:00:00Z'), DEFAULT_LEVEL_THRESHOLDS);
    const plan = summary.byFamily.find((f) => f.family === 'anticorruption_project')!;
    expect(plan.tally).toMatchObject({ total: 15, completed: 10, in_progress: 5, not_started: 0, cannot_proceed: 0, budget: 0, disbursementPercent: 0 });
    expect(plan.tally.implementationPercent).toBe(83.33);
    expect(plan.level).toBe('มาก');
  });

  it('records a row\'s result as an imported progress report, once, dated at the end of its period', async () => {
    const now = new Date('2026-11-26T03:00:00Z');
    await importPlan(ORG, 'examples/plan-2568.csv', { now });
    const ita01 = (await MeasureModel.findOne({ orgId: ORG, code: 'ITA-01' }).lean())!;
    const reports = await ProgressReportModel.find({ orgId: ORG, measureId: ita01._id }).lean();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ origin: 'plan_import', status: 'completed', reporterName: 'นำเข้าจากไฟล์แผน', reporterLineUserId: null });
    expect(reports[0]!.outcome).toContain('ร้อยละ ๑๐๐');
    // The last moment of 30 September 2568 in Bangkok.
    expect(reports[0]!.reportedAt.toISOString()).toBe('2025-09-30T16:59:59.999Z');
    expect(ita01).toMatchObject({ status: 'completed', lastReportId: reports[0]!._id });

    expect(await importPlan(ORG, 'examples/plan-2568.csv', { now })).toMatchObject({ ok: true, created: 0, updated: 55 });
    expect(await ProgressReportModel.countDocuments({ orgId: ORG })).toBe(51);
  });

  it('moves a plan into another fiscal year, periods and result dates with it', async () => {
    const result = await importPlan(ORG, 'examples/plan-2568.csv', { toFiscalYear: 2570, now: new Date('2026-11-26T03:00:00Z') });
    expect(result).toMatchObject({ ok: true, created: 55, fiscalYear: 2570 });
    expect(await MeasureModel.findOne({ orgId: ORG, code: 'ITA-002-1' }).lean()).toMatchObject({
      fiscalYear: 2570,
      periodText: 'ปีงบประมาณ 2570',
      periodStart: fiscalYearRange(2570).start,
      periodEnd: fiscalYearRange(2570).end,
    });
    expect((await MeasureModel.findOne({ orgId: ORG, code: 'IIT-1' }).lean())!.periodText).toBe('ต.ค. 69 ถึง ก.ย. 70');
  });

  it('reads Thai digits and thousands separators, with or without a BOM, and periods into dates', async () => {
    const rows = [
      HEADER,
      'P-1,โครงการ,๑,โครงการอบรมคุณธรรมจริยธรรม,๑,"จัดทำคำสั่ง\n2) จัดอบรม",สำนักปลัด;กองคลัง,ต.ค. 68 - มี.ค. 69,๒๕๖๙,"๑๒๐,๐๐๐",๓๕๐๐๐.๕๐',
      'M-1,มาตรการ,2,มาตรการเผยแพร่ข้อมูล,,,ทุกส่วนราชการ,ตลอดปีงบประมาณ,2569,,',
    ].join('\n');
    for (const [name, content] of [
      ['bom.csv', `\uFEFF${rows}`],
      ['nobom.csv', rows],
    ] as const) {
      await MeasureModel.deleteMany({});
      const result = await importPlan(ORG, file(name, content));
      expect(result, name).toMatchObject({ ok: true, created: 2 });
      const p = (await MeasureModel.findOne({ orgId: ORG, code: 'P-1' }).lean())!;
      expect(p).toMatchObject({
        family: 'anticorruption_project',
        number: 1,
        dimension: 1,
        fiscalYear: 2569,
        budget: 120000,
        disbursed: 35000.5,
        responsibleUnits: ['สำนักปลัด', 'กองคลัง'],
        methodSteps: ['จัดทำคำสั่ง', 'จัดอบรม'],
        periodText: 'ต.ค. 68 - มี.ค. 69',
      });
      // Bangkok midnight of 1 Oct 2025 and of 1 Apr 2026 (exclusive end).
      expect(p.periodStart.toISOString()).toBe('2025-09-30T17:00:00.000Z');
      expect(p.periodEnd.toISOString()).toBe('2026-03-31T17:00:00.000Z');
      const m = (await MeasureModel.findOne({ orgId: ORG, code: 'M-1' }).lean())!;
      expect([m.periodStart, m.periodEnd]).toEqual([fiscalYearRange(2569).start, fiscalYearRange(2569).end]);
    }
  });

  it('reports every invalid row by row number and column, and then imports nothing', async () => {
    const path = file(
      'bad.csv',
      [
        HEADER,
        'OK-1,มาตรการ,1,มาตรการที่ถูกต้อง,,,สำนักปลัด,ตลอดปีงบประมาณ,2569,,',
        'BAD-1,โครงการ,2,โครงการไม่มีมิติ,,,กองช่าง,ตลอดปีงบประมาณ,2569,1000,',
        'BAD-2,อย่างอื่น,3,,,,กองช่าง,เดือนหน้า,2569,สองพัน,',
        'OK-1,มาตรการ,4,รหัสซ้ำ,,,กองช่าง,ตลอดปีงบประมาณ,69,,',
        'BAD-3,โครงการ,5,เบิกเกินงบ,2,,กองช่าง,ตลอดปีงบประมาณ,2569,1000,2000',
      ].join('\n'),
    );
    const result = await importPlan(ORG, path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '3:มิติ',
      '4:ประเภท',
      '4:มาตรการ/โครงการ',
      '4:งบประมาณ',
      '4:ระยะเวลา',
      '5:รหัส',
      '5:ปีงบประมาณ',
      '6:เบิกจ่าย',
    ]);
    expect(await MeasureModel.countDocuments()).toBe(0);
  });

  it('names a missing required column of the header row', async () => {
    const result = await importPlan(ORG, file('noheader.csv', 'รหัส,มาตรการ/โครงการ\nA,B\n'));
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'ประเภท', message: 'ไม่มีคอลัมน์นี้ในแถวหัวตาราง' },
        { row: 1, column: 'ปีงบประมาณ', message: 'ไม่มีคอลัมน์นี้ในแถวหัวตาราง' },
      ],
    });
  });

  it('updates measures on re-import instead of duplicating them, and keeps what officers reported', async () => {
    const first = file('v1.csv', `${HEADER}\nP-1,โครงการ,1,ชื่อเดิม,2,,กองคลัง,ตลอดปีงบประมาณ,2569,5000,\n`);
    expect(await importPlan(ORG, first)).toMatchObject({ ok: true, created: 1, updated: 0 });
    await MeasureModel.updateOne({ orgId: ORG, code: 'P-1' }, { $set: { status: 'in_progress', disbursed: 1200 } });

    const second = file('v2.csv', `${HEADER}\nP-1,โครงการ,1,ชื่อใหม่,3,,กองคลัง,ตลอดปีงบประมาณ,2569,8000,\nP-2,โครงการ,2,โครงการเพิ่ม,1,,กองช่าง,ตลอดปีงบประมาณ,2569,,\n`);
    expect(await importPlan(ORG, second)).toMatchObject({ ok: true, created: 1, updated: 1 });
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(2);
    expect(await MeasureModel.findOne({ orgId: ORG, code: 'P-1' }).lean()).toMatchObject({
      title: 'ชื่อใหม่',
      dimension: 3,
      budget: 8000,
      status: 'in_progress',
      disbursed: 1200,
    });
  });

  it('says what a re-import changes, field by field, records it, and names the items the new file lacks', async () => {
    const v1 = file('d1.csv', `${HEADER}\nQ-1,โครงการ,1,อบรมคุณธรรม,2,,กองคลัง,ตลอดปีงบประมาณ,2569,5000,\nQ-2,โครงการ,2,ประชาสัมพันธ์,1,,สำนักปลัด,ตลอดปีงบประมาณ,2569,,\n`);
    await importPlan(ORG, v1);
    const v2 = file('d2.csv', `${HEADER}\nQ-1,โครงการ,1,อบรมคุณธรรมจริยธรรม,2,,"กองคลัง, กองช่าง",ตลอดปีงบประมาณ,2569,"๑๒,๐๐๐",\n`);

    const preview = await importPlan(ORG, v2, { dryRun: true });
    const expected = [
      { code: 'Q-1', field: 'title', before: 'อบรมคุณธรรม', after: 'อบรมคุณธรรมจริยธรรม' },
      { code: 'Q-1', field: 'responsibleUnits', before: 'กองคลัง', after: 'กองคลัง, กองช่าง' },
      { code: 'Q-1', field: 'budget', before: '5000', after: '12000' },
    ];
    expect(preview).toMatchObject({ ok: true, dryRun: true, updated: 1, changes: expected, notInFile: ['Q-2'] });
    expect(await MeasureChangeModel.countDocuments({ orgId: ORG })).toBe(0);

    expect(await importPlan(ORG, v2, { by: 'ผู้ดูแล' })).toMatchObject({ ok: true, changes: expected, notInFile: ['Q-2'] });
    expect(await MeasureModel.countDocuments({ orgId: ORG, code: 'Q-2' })).toBe(1);
    const recorded = await MeasureChangeModel.find({ orgId: ORG }).sort({ field: 1 }).lean();
    expect(recorded.map((c) => [c.code, c.field, c.by, c.source])).toEqual([
      ['Q-1', 'budget', 'ผู้ดูแล', 'import'],
      ['Q-1', 'responsibleUnits', 'ผู้ดูแล', 'import'],
      ['Q-1', 'title', 'ผู้ดูแล', 'import'],
    ]);
    // The same file again changes nothing.
    expect(await importPlan(ORG, v2)).toMatchObject({ ok: true, changes: [] });
  });

  it('reads .xlsx files the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('แผน');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['X-1', 'anticorruption_project', 1, 'โครงการจาก Excel', 4, 'ขั้นที่หนึ่ง', 'กองคลัง', 'มี.ค. 69', 2569, 25000, '']);
    const path = join(dir, 'plan.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await importPlan(ORG, path)).toMatchObject({ ok: true, created: 1 });
    expect(await MeasureModel.findOne({ orgId: ORG, code: 'X-1' }).lean()).toMatchObject({ budget: 25000, dimension: 4, title: 'โครงการจาก Excel' });
  });

  it('checks a file without saving on a dry run', async () => {
    const result = await importPlan(ORG, 'examples/plan-2568.csv', { dryRun: true });
    expect(result).toMatchObject({ ok: true, created: 55, results: 51, toOitList: 7, dryRun: true });
    expect(await MeasureModel.countDocuments()).toBe(0);
  });
});
