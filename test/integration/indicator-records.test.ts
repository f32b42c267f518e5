import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveIndicatorTable } from '../../src/db/indicator-store.js';
import { ItaIndicatorModel } from '../../src/db/models/ita-indicator.js';
import { MeasureChangeModel } from '../../src/db/models/measure-change.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { loadPublicPlanData } from '../../src/db/public-page-store.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importIndicators } from '../../src/oit-import/import-oit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { cellsOf } from '../support/xlsx.js';

/**
 * An ITA indicator is one record, the plan's ita_indicator item: the indicator table import fills it, the old
 * table moves onto it, officers report on it in LINE, and the indicator report prints all of that.
 */

const ORG = 'test-org';
const FY = fiscalYearOf(new Date());
const OFFICER = 'U-finance-officer';
let h: Harness;

function csvFile(name: string, rows: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'indicators-')), name);
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

const planFile = () =>
  csvFile('plan.csv', [
    'รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,ตัวชี้วัด,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,แนวทาง',
    `IIT-2,ita_indicator,2,การใช้งบประมาณ,2,กองคลัง,ตลอดปีงบประมาณ,${FY},เผยแพร่แผนการใช้จ่ายงบประมาณ`,
    `EIT-002-7,ita_indicator,7,ประสิทธิภาพการสื่อสาร,๗,สำนักปลัด,ตลอดปีงบประมาณ,${FY},ปรับปรุงช่องทางการสื่อสาร`,
    `ITA-01,ita_measure,1,มาตรการเผยแพร่ข้อมูลต่อสาธารณะ,,ทุกส่วนราชการ,ตลอดปีงบประมาณ,${FY},`,
  ]);

const tableFile = () =>
  csvFile('indicators.csv', [
    'ตัวชี้วัด,คะแนน,แนวทางในการยกระดับการประเมิน,ผู้รับผิดชอบ,ระยะเวลา,ความก้าวหน้าผลการดำเนินการ,สถานะ,ปีงบประมาณ',
    `2,81.48,ชี้แจงการใช้งบประมาณในการประชุมประจำเดือน,กองคลัง,ตลอดปีงบประมาณ,,,${FY}`,
    `8,66.98,ใช้ระบบออนไลน์,เจ้าหน้าที่ประชาสัมพันธ์;ทุกส่วนราชการ,ตลอดปีงบประมาณ,นำระบบนัดหมายออนไลน์มาใช้แล้ว,,${FY}`,
  ]);

const indicatorItems = () => MeasureModel.find({ orgId: ORG, fiscalYear: FY, family: 'ita_indicator' }).sort({ code: 1 }).lean();

/** Paragraph texts of a DOCX body. */
async function docxParagraphs(body: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** The tick boxes that follow a progress text in the report, as seed 002 prints them. */
const ticksAfter = (paragraphs: string[], text: string) => paragraphs.slice(paragraphs.indexOf(text) + 1, paragraphs.indexOf(text) + 4);

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, planFile())).toMatchObject({ ok: true, created: 3 });
  await addStaff(ORG, OFFICER, ['officer'], 'กองคลัง', 'สมชาย คลัง');
});
afterAll(async () => {
  await h?.close();
});

describe('the indicator table import fills the plan items', () => {
  it('updates the plan\'s item of an indicator instead of adding a second record, and records what it changed', async () => {
    expect(await importIndicators(ORG, tableFile(), { by: 'ผู้ดูแลระบบ' })).toMatchObject({ ok: true, created: 1, updated: 1 });
    const items = await indicatorItems();
    // Indicator 2 stays one item; indicator 8, which the plan lacked, becomes one.
    expect(items.map((i) => i.code)).toEqual(['EIT-002-7', 'EIT-8', 'IIT-2']);
    const iit2 = items.find((i) => i.code === 'IIT-2')!;
    expect(iit2).toMatchObject({ score: 81.48, guideline: 'ชี้แจงการใช้งบประมาณในการประชุมประจำเดือน', title: 'การใช้งบประมาณ', responsibleUnits: ['กองคลัง'] });
    const changes = await MeasureChangeModel.find({ orgId: ORG, code: 'IIT-2' }).lean();
    expect(changes.map((c) => [c.field, c.before, c.after, c.source])).toEqual(
      expect.arrayContaining([
        ['guideline', 'เผยแพร่แผนการใช้จ่ายงบประมาณ', 'ชี้แจงการใช้งบประมาณในการประชุมประจำเดือน', 'import'],
        ['score', '', '81.48', 'import'],
      ]),
    );
    // Units and positions go where the plan file puts them; progress without a status is work under way.
    const eit8 = items.find((i) => i.code === 'EIT-8')!;
    expect(eit8).toMatchObject({ indicator: '8', score: 66.98, responsibleUnits: ['ทุกส่วนราชการ'], assignees: ['เจ้าหน้าที่ประชาสัมพันธ์'], status: 'in_progress' });

    // The summaries and the public page count the same items.
    const summary = await loadSummary(ORG, new Date(), DEFAULT_LEVEL_THRESHOLDS);
    expect(summary.byFamily.find((f) => f.family === 'ita_indicator')!.tally).toMatchObject({ total: 3, in_progress: 1 });
    expect((await loadPublicPlanData(ORG))!.measures.find((m) => m.code === 'EIT-8')).toMatchObject({ family: 'ita_indicator', status: 'in_progress' });

    // The same file again adds no item, no change record and no report.
    const counts = async () => [await MeasureModel.countDocuments({ orgId: ORG }), await MeasureChangeModel.countDocuments({ orgId: ORG }), await ProgressReportModel.countDocuments({ orgId: ORG })];
    const before = await counts();
    expect(await importIndicators(ORG, tableFile())).toMatchObject({ ok: true, created: 0, updated: 2 });
    expect(await counts()).toEqual(before);
  });

  it('asks for the item\'s code when the plan has several items of one indicator, and writes nothing', async () => {
    await MeasureModel.create({ orgId: ORG, fiscalYear: FY, code: 'EIT-003-7', family: 'ita_indicator', title: 'ประสิทธิภาพการสื่อสาร', indicator: '7', periodStart: new Date(), periodEnd: new Date() });
    try {
      const file = csvFile('seven.csv', ['ตัวชี้วัด,คะแนน,ปีงบประมาณ', `7,67.86,${FY}`]);
      const result = await importIndicators(ORG, file);
      expect(result).toMatchObject({ ok: false, problems: [{ row: 2, column: 'รหัส' }] });
      expect(JSON.stringify(result)).toContain('EIT-002-7, EIT-003-7');
      expect((await MeasureModel.findOne({ orgId: ORG, code: 'EIT-002-7' }).lean())!.score ?? null).toBeNull();
      // Naming the item settles it.
      const named = csvFile('seven-coded.csv', ['รหัส,ตัวชี้วัด,คะแนน,ปีงบประมาณ', `EIT-002-7,7,67.86,${FY}`]);
      expect(await importIndicators(ORG, named)).toMatchObject({ ok: true, created: 0, updated: 1 });
      expect((await MeasureModel.findOne({ orgId: ORG, code: 'EIT-002-7' }).lean())!.score).toBe(67.86);
    } finally {
      await MeasureModel.deleteOne({ orgId: ORG, code: 'EIT-003-7' });
    }
  });
});

describe('the indicator report reads the items', () => {
  it('prints the progress an officer reported in LINE, with seed 002\'s tick boxes for its status', async () => {
    const officer = new Chat(h, OFFICER);
    const ask = await officer.say('รายงาน IIT-2');
    expect(visibleText(ask)).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    await officer.tap(postbackOf(ask, 'กำลังดำเนินการ'));
    await officer.say('ชี้แจงงบประมาณในการประชุมประจำเดือนตุลาคมแล้ว');
    let confirm = await officer.say('ข้าม');
    for (let i = 0; i < 3 && !visibleText(confirm).includes('ตรวจสอบก่อนบันทึก'); i++) confirm = await officer.say('ข้าม');
    expect(visibleText(await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')))).toContain('บันทึกความก้าวหน้าแล้ว');

    const docx = await produceReport(ORG, { kind: 'indicators-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS });
    const p = await docxParagraphs(docx.body);
    expect(p).not.toContain('ยังไม่มีข้อมูลตัวชี้วัดของปีงบประมาณนี้');
    expect(ticksAfter(p, 'ชี้แจงงบประมาณในการประชุมประจำเดือนตุลาคมแล้ว')).toEqual(['☐ ดำเนินการแล้วเสร็จ', '☐ ยังไม่ได้ดำเนินการ', '☑ อยู่ระหว่างดำเนินการ']);
    // Progress imported without a status is not "not started"; an item nobody reported on is.
    expect(ticksAfter(p, 'นำระบบนัดหมายออนไลน์มาใช้แล้ว')).toEqual(['☐ ดำเนินการแล้วเสร็จ', '☐ ยังไม่ได้ดำเนินการ', '☑ อยู่ระหว่างดำเนินการ']);
    expect(p.filter((t) => t === '☑ ยังไม่ได้ดำเนินการ')).toHaveLength(1);
    expect(p.some((t) => t.startsWith('สถานะ:'))).toBe(false);
    expect(p).toContain('ตัวชี้วัดที่ ๒ การใช้งบประมาณ');
    expect(p).toContain('๘๑.๔๘');

    const xlsx = (await cellsOf((await produceReport(ORG, { kind: 'indicators-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body)).join('\n');
    expect(xlsx).toContain('ชี้แจงงบประมาณในการประชุมประจำเดือนตุลาคมแล้ว\n☐ ดำเนินการแล้วเสร็จ\n☐ ยังไม่ได้ดำเนินการ\n☑ อยู่ระหว่างดำเนินการ');
  });
});

describe('the old indicator table moves onto the items once', () => {
  it('fills the plan\'s item or creates one, and a second or concurrent run adds nothing', async () => {
    await ItaIndicatorModel.create([
      // The old table's blank status was stored as "not started", beside progress describing work done.
      { orgId: ORG, fiscalYear: FY, number: 7, score: 67.86, guideline: 'ตอบคำถามผ่านเว็บไซต์ภายใน 3 วัน', progress: 'มีผู้ดูแลตอบข้อซักถามทุกวัน', status: 'not_started' },
      { orgId: ORG, fiscalYear: FY, number: 5, score: 88.24, guideline: 'มีช่องทางรับเรื่องร้องเรียน', responsible: 'สำนักปลัด', period: 'ตลอดปีงบประมาณ', status: 'completed' },
    ]);
    const counts = async () => [await MeasureModel.countDocuments({ orgId: ORG }), await MeasureChangeModel.countDocuments({ orgId: ORG }), await ProgressReportModel.countDocuments({ orgId: ORG })];
    const before = await counts();

    // Two instances starting together.
    const runs = await Promise.all([moveIndicatorTable(new Date()), moveIndicatorTable(new Date())]);
    expect(runs.reduce((n, r) => n + r.moved, 0)).toBe(2);
    const items = await indicatorItems();
    expect(items.find((i) => i.code === 'EIT-002-7')).toMatchObject({ score: 67.86, guideline: 'ตอบคำถามผ่านเว็บไซต์ภายใน 3 วัน', status: 'in_progress' });
    expect(items.find((i) => i.code === 'IIT-5')).toMatchObject({ indicator: '5', title: 'การแก้ไขปัญหาการทุจริต', score: 88.24, responsibleUnits: ['สำนักปลัด'], status: 'completed' });
    const after = await counts();
    expect(after[0]).toBe(before[0]! + 1);
    expect(after[2]).toBe(before[2]! + 2);
    expect(await ItaIndicatorModel.countDocuments({ movedAt: null })).toBe(0);

    expect(await moveIndicatorTable(new Date())).toEqual({ moved: 0, skipped: 0 });
    expect(await counts()).toEqual(after);

    const p = await docxParagraphs((await produceReport(ORG, { kind: 'indicators-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body);
    expect(ticksAfter(p, 'มีผู้ดูแลตอบข้อซักถามทุกวัน')).toEqual(['☐ ดำเนินการแล้วเสร็จ', '☐ ยังไม่ได้ดำเนินการ', '☑ อยู่ระหว่างดำเนินการ']);
  });
});
