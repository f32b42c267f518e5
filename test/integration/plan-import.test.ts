import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { fiscalYearRange } from '../../src/domain/fiscal-year.js';
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
});

describe('importing the year\'s plan', () => {
  it('loads the shipped sample plan: seed 004\'s 15 projects with dimensions and seed 001\'s measures', async () => {
    const result = await importPlan(ORG, 'examples/plan-2568.csv');
    expect(result).toMatchObject({ ok: true, created: 34, updated: 0, fiscalYear: 2568 });
    const projects = await MeasureModel.find({ orgId: ORG, family: 'anticorruption_project' }).lean();
    expect(projects).toHaveLength(15);
    expect(projects.every((p) => p.dimension! >= 1 && p.dimension! <= 4)).toBe(true);
    expect(await MeasureModel.countDocuments({ orgId: ORG, family: 'ita_measure' })).toBe(9);
    // ลำดับ written in Thai digits (๑๓) is read as a number.
    expect((await MeasureModel.findOne({ orgId: ORG, code: 'EP-13' }).lean())!.number).toBe(13);
    expect((await OrganisationModel.findById(ORG).lean())!.fiscalYear).toBe(2568);
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
    expect(result).toMatchObject({ ok: true, created: 34, dryRun: true });
    expect(await MeasureModel.countDocuments()).toBe(0);
  });
});
