import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { MeasureChangeModel } from '../../src/db/models/measure-change.js';
import { OitItemModel } from '../../src/db/models/oit-item.js';
import { OitPlanMoveModel, RetiredMeasureModel } from '../../src/db/models/retired-measure.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { moveOitPlanItems } from '../../src/db/oit-plan-move.js';
import { oitItemsOfYear, reviewOitItem } from '../../src/db/oit-store.js';
import { savePlannedMeasure } from '../../src/db/plan-store.js';
import { parsePeriod } from '../../src/domain/fiscal-year.js';
import type { PlannedMeasure } from '../../src/domain/measures.js';
import { importOitItems } from '../../src/oit-import/import-oit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { loadIndicatorReport } from '../../src/reports/load-oit-data.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * An OIT item is one record, the OIT list's (docs/domain.md, "Which record holds what"): the sample plan's
 * OIT rows (seed 000) fill it, items an earlier import stored in the plan move onto it, and the indicator
 * report reads its answer.
 */
const ORG = 'test-org';
const NOW = new Date('2026-11-26T03:00:00Z');
const OIT_CODE = /^[oO]\s*\d/;
let h: Harness;

const item = async (code: string, fiscalYear = 2568) => (await oitItemsOfYear(ORG, fiscalYear)).find((i) => i.code === code);
const planItemsNamingOitItems = async () => (await MeasureModel.find({ orgId: ORG }).lean()).filter((m) => OIT_CODE.test(m.indicator ?? ''));

/** A plan item as an import before this change stored seed 000's row O12. */
function oldStyleItem(guideline: string): PlannedMeasure {
  const period = parsePeriod('ตลอดปีงบประมาณ', 2568)!;
  return {
    code: 'OIT-O12',
    family: 'ita_indicator',
    number: 12,
    title: 'ข้อมูลสถิติการให้บริการ',
    indicator: 'O12',
    dimension: null,
    methodSteps: [],
    responsibleUnits: ['สำนักปลัด'],
    assignees: [],
    periodText: 'ตลอดปีงบประมาณ',
    periodStart: period.start,
    periodEnd: period.end,
    fiscalYear: 2568,
    budget: 0,
    disbursed: 0,
    guideline,
    result: null,
  };
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  for (const model of [MeasureModel, MeasureChangeModel, OitItemModel, RetiredMeasureModel, OitPlanMoveModel, ConversationModel]) await (model as any).deleteMany({});
});

describe('the plan import sends a row naming an OIT item to the OIT list', () => {
  it('makes no plan item of seed 000\'s OIT rows and gives each OIT item its guideline, which the OIT import keeps', async () => {
    expect(await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW })).toMatchObject({ ok: true, created: 55, toOitList: 7, fiscalYear: 2568 });
    expect(await planItemsNamingOitItems()).toEqual([]);
    const items = await oitItemsOfYear(ORG, 2568);
    expect(items.map((i) => i.code)).toEqual(['O10', 'O12', 'O13', 'O22', 'O23', 'O24', 'O32']);
    expect(items.every((i) => (i.guideline ?? '').startsWith('- แสดง'))).toBe(true);
    expect(await item('O10')).toMatchObject({ indicator: 9, title: 'คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', responsibleUnits: ['สำนักปลัด', 'กองช่าง', 'กองคลัง'], guidelinePeriod: 'ตลอดปีงบประมาณ' });
    expect((await item('O32'))!.indicator).toBe(10);

    // The year's list, loaded after, updates the same items by code and leaves their guideline.
    expect(await importOitItems(ORG, 'examples/oit-2567.csv', { toFiscalYear: 2568 })).toMatchObject({ ok: true, created: 28, updated: 7 });
    const o10 = (await item('O10'))!;
    expect(o10.description).not.toBe('');
    expect(o10.guideline).toBe(items[0]!.guideline);

    // A re-import of the plan changes nothing it already wrote, and the list's own title stays.
    expect(await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW })).toMatchObject({ ok: true, created: 0, updated: 55, toOitList: 7 });
    expect((await item('O10'))!.title).toBe(o10.title);
    expect(await MeasureChangeModel.countDocuments({ code: 'O10' })).toBe(0);
    expect(await OitItemModel.countDocuments({ orgId: ORG, fiscalYear: 2568 })).toBe(35);
  });

  it('records a changed guideline as a re-import records a plan item\'s change', async () => {
    await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW });
    await OitItemModel.updateOne({ orgId: ORG, code: 'O13' }, { $set: { guideline: 'แนวทางเดิม' } });
    await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW, by: 'ผู้ดูแล' });
    const changes = await MeasureChangeModel.find({ orgId: ORG, code: 'O13' }).lean();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ field: 'guideline', before: 'แนวทางเดิม', by: 'ผู้ดูแล', source: 'import' });
  });
});

describe('plan items an earlier import stored with an OIT code', () => {
  it('move once onto the OIT item, even with two instances starting together, and leave the plan', async () => {
    await savePlannedMeasure(ORG, { measure: oldStyleItem('- แสดงข้อมูลสถิติการให้บริการ'), by: 'นำเข้าแผน', at: NOW });
    await importOitItems(ORG, 'examples/oit-2567.csv', { toFiscalYear: 2568 });
    const before = (await item('O12'))!;

    const runs = await Promise.all([moveOitPlanItems(NOW), moveOitPlanItems(NOW)]);
    expect(runs[0]!.moved + runs[1]!.moved).toBe(1);
    expect(await planItemsNamingOitItems()).toEqual([]);
    expect(await item('O12')).toMatchObject({ id: before.id, title: before.title, guideline: '- แสดงข้อมูลสถิติการให้บริการ', guidelinePeriod: 'ตลอดปีงบประมาณ' });
    const retired = await RetiredMeasureModel.find({ orgId: ORG }).lean();
    expect(retired.map((r) => [r.code, r.movedTo])).toEqual([['OIT-O12', 'oit_items O12']]);

    const changes = await MeasureChangeModel.countDocuments({ orgId: ORG });
    expect(await moveOitPlanItems(NOW)).toEqual({ moved: 0 });
    expect(await MeasureChangeModel.countDocuments({ orgId: ORG })).toBe(changes);
    expect(await RetiredMeasureModel.countDocuments({ orgId: ORG })).toBe(1);
  });

  it('move when the plan is imported again, so the officer\'s list loses them without a restart', async () => {
    await savePlannedMeasure(ORG, { measure: oldStyleItem('แนวทางเก่า'), by: 'นำเข้าแผน', at: NOW });
    expect(await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW })).toMatchObject({ ok: true, notInFile: [] });
    expect(await planItemsNamingOitItems()).toEqual([]);
    // The file's guideline is the newer word.
    expect((await item('O12'))!.guideline).toContain('สถิติการให้บริการ');
  });
});

describe('an OIT answer given in LINE is the indicator report\'s OIT row', () => {
  it('prints the answer\'s explanation and address and ticks its status; the officer reports on it only under OIT', async () => {
    await importPlan(ORG, 'examples/plan-2568.csv', { now: NOW, withoutResults: true });
    const ENGINEER = 'U-owner-engineering';
    await addStaff(ORG, ENGINEER, ['officer'], 'กองช่าง', 'สมพร ช่าง');
    const owner = new Chat(h, ENGINEER);

    const reportRow = async () => (await loadIndicatorReport(ORG, { fiscalYear: 2568, thaiDigits: false })).rows.find((r) => r.code === 'O10')!;
    expect(await reportRow()).toMatchObject({ instrument: 'OIT', name: 'O10 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่', progress: '', status: 'not_started' });
    expect((await reportRow()).guideline).toContain('แสดงคู่มือหรือแนวทางการปฏิบัติงาน');

    // รายงาน lists the plan's items of กองช่าง, not the OIT item; OIT lists it.
    const reportList = visibleText(await owner.say('รายงาน'));
    expect(reportList).not.toContain('คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่');
    expect(reportList).not.toContain('OIT-O10');
    const list = await owner.say('OIT');
    expect(visibleText(list)).toContain('คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่');

    const asked = await owner.tap(postbackOf(list, 'ตอบข้อนี้'));
    expect(visibleText(asked)).toContain('O10');
    await owner.tap(postbackOf(asked, 'มี'));
    await owner.say('https://www.example.go.th/manuals');
    const confirm = await owner.say('คู่มืออยู่ในเมนูเอกสารเผยแพร่');
    expect(visibleText(await owner.tap(postbackOf(confirm, 'ยืนยันบันทึก')))).toContain('บันทึกคำตอบแล้ว');

    expect(await reportRow()).toMatchObject({ progress: 'คู่มืออยู่ในเมนูเอกสารเผยแพร่\nhttps://www.example.go.th/manuals', status: 'in_progress' });
    const answered = (await item('O10'))!;
    await reviewOitItem(ORG, answered.id, { version: answered.answer!.version, decision: 'approved', note: null, reviewedBy: 'U-head', reviewerName: 'หัวหน้าสำนักปลัด', reviewedAt: NOW });
    expect((await reportRow()).status).toBe('completed');
  });
});
