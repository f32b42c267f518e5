import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { AdminAuditModel } from '../../src/db/models/admin-audit.js';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { MeasureChangeModel } from '../../src/db/models/measure-change.js';
import { OitItemModel } from '../../src/db/models/oit-item.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { PendingImportClaimModel, PendingImportModel } from '../../src/db/models/pending-import.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { fileEvent, groupSource } from '../support/line-events.js';

/**
 * An admin imports the plan, the OIT list and the indicator table by sending the file in LINE: through signed
 * webhooks, with the fake LINE serving the file's bytes from its content API, against the real database.
 */
const ORG = 'test-org';
const PLAN = readFileSync('examples/plan-2568.csv');
const OIT = readFileSync('examples/oit-2567.csv');
const INDICATORS = readFileSync('examples/ita-indicators-2566.csv');

let h: Harness;
let admin: Chat;
let secondAdmin: Chat;
let officer: Chat;
let citizen: Chat;

/** The CSV's rows as the first sheet of an Excel workbook, as an admin would save it. */
async function asXlsx(csv: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('รายการ');
  for (const row of parse(csv, { bom: true }) as string[][]) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content requests the fake LINE answered for one message id. */
const fetched = (messageId: string) => h.line.requests.filter((r) => r.path === `/v2/bot/message/${messageId}/content`).length;

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, 'U-admin', ['admin', 'executive'], 'สำนักปลัด', 'สมศักดิ์ ปลัด');
  await addStaff(ORG, 'U-admin2', ['admin'], 'สำนักปลัด', 'มาลี รองปลัด');
  await addStaff(ORG, 'U-officer', ['officer'], 'กองคลัง');
  admin = new Chat(h, 'U-admin');
  secondAdmin = new Chat(h, 'U-admin2');
  officer = new Chat(h, 'U-officer');
  citizen = new Chat(h, 'U-citizen');
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  for (const model of [MeasureModel, MeasureChangeModel, OitItemModel, ProgressReportModel, PendingImportModel, PendingImportClaimModel, AdminAuditModel, AttachmentFileModel]) await (model as any).deleteMany({});
  await OrganisationModel.updateOne({ _id: ORG }, { $unset: { fiscalYear: 1 } });
});

describe('a file sent in LINE by an admin', () => {
  it('imports the sample plan end to end: a preview of what it adds, nothing saved before "นำเข้า", then the items, their history and one log line', async () => {
    const preview = await admin.sendFile('plan-2568.csv', PLAN);
    const shown = visibleText(preview);
    expect(shown).toContain('ตรวจไฟล์แล้ว ยังไม่ได้บันทึก');
    expect(shown).toContain('แผนปฏิบัติการป้องกันการทุจริตประจำปี ปีงบประมาณ 2568');
    expect(shown).toContain('เพิ่มใหม่ 55 รายการ');
    expect(shown).toContain('EP-01, EP-02');
    expect(shown).toContain('แถวที่เป็นข้อ OIT 7 แถว');
    expect(shown).toContain('มีผลการดำเนินการในไฟล์ 51 รายการ');
    // Nothing is saved before the admin confirms; the file waits in the database, not in memory.
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(0);
    expect(await PendingImportModel.countDocuments({ orgId: ORG, state: 'pending' })).toBe(1);

    const done = await admin.tap(postbackOf(preview, 'นำเข้า'));
    expect(visibleText(done)).toContain('นำเข้าแล้ว: แผนปฏิบัติการป้องกันการทุจริตประจำปี "plan-2568.csv"');
    expect(visibleText(done)).toContain('ปีงบประมาณ 2568 · เพิ่มใหม่ 55 รายการ · ปรับปรุง 0 รายการ');
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(55);
    // The same history as the CLI's import: results as imported reports, the active year set.
    expect(await ProgressReportModel.countDocuments({ orgId: ORG, origin: 'plan_import' })).toBe(51);
    expect((await OrganisationModel.findById(ORG).lean())!.fiscalYear).toBe(2568);
    const log = await auditLog(ORG, { limit: 10 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'import.plan', subject: 'plan-2568.csv', before: '', after: 'เพิ่ม 55 ปรับปรุง 0', actor: { via: 'line', staffId: `${ORG}:U-admin`, name: 'สมศักดิ์ ปลัด' } });
    // The bytes are not kept once imported.
    expect((await PendingImportModel.findOne({ orgId: ORG }).lean())!.content).toBeNull();
  });

  it('imports nothing twice when "นำเข้า" is pressed again, and answers with what the first press did', async () => {
    const preview = await admin.sendFile('plan-2568.csv', PLAN);
    const confirm = postbackOf(preview, 'นำเข้า');
    await admin.tap(confirm);
    const changes = await MeasureChangeModel.countDocuments({ orgId: ORG });
    const reports = await ProgressReportModel.countDocuments({ orgId: ORG });
    const again = visibleText(await admin.tap(confirm));
    expect(again).toContain('ไฟล์ "plan-2568.csv" นำเข้าไปแล้ว ระบบไม่ได้นำเข้าซ้ำ');
    expect(again).toContain('เพิ่มใหม่ 55 รายการ');
    expect(await MeasureChangeModel.countDocuments({ orgId: ORG })).toBe(changes);
    expect(await ProgressReportModel.countDocuments({ orgId: ORG })).toBe(reports);
    expect(await AdminAuditModel.countDocuments({ orgId: ORG })).toBe(1);
    // Cancelling after the import changes nothing either.
    expect(visibleText(await admin.tap(postbackOf(preview, 'ยกเลิก')))).toContain('นำเข้าไปแล้ว จึงยกเลิกไม่ได้');
  });

  it('re-checks on "นำเข้า": when another admin imported meanwhile, it says so and shows what the file would change now', async () => {
    const mine = await admin.sendFile('plan-2568.csv', PLAN);
    const theirs = await secondAdmin.sendFile('plan-2568.csv', PLAN);
    await secondAdmin.tap(postbackOf(theirs, 'นำเข้า'));
    const answer = await admin.tap(postbackOf(mine, 'นำเข้า'));
    const shown = visibleText(answer);
    expect(shown).toContain('ข้อมูลในระบบเปลี่ยนไปหลังจากตรวจไฟล์ "plan-2568.csv"');
    expect(shown).toContain('เพิ่มใหม่ 0 รายการ');
    expect(shown).toContain('ปรับปรุง 55 รายการ');
    expect(await AdminAuditModel.countDocuments({ orgId: ORG })).toBe(1);
    // Confirmed again, against what it now shows.
    const done = visibleText(await admin.tap(postbackOf(answer, 'นำเข้า')));
    expect(done).toContain('เพิ่มใหม่ 0 รายการ · ปรับปรุง 55 รายการ');
    expect((await auditLog(ORG, { limit: 10 })).map((l) => [l.actor.name, l.after])).toEqual([
      ['สมศักดิ์ ปลัด', 'เพิ่ม 0 ปรับปรุง 55'],
      ['มาลี รองปลัด', 'เพิ่ม 55 ปรับปรุง 0'],
    ]);
  });

  it('previews a re-import\'s changed fields before → after, and the items of the year the file lacks (kept)', async () => {
    await admin.tap(postbackOf(await admin.sendFile('plan-2568.csv', PLAN), 'นำเข้า'));
    const lines = PLAN.toString('utf8').split('\n');
    const edited = lines
      .join('\n')
      .replace('โครงการโรงเรียนคุณธรรม,', 'โครงการโรงเรียนคุณธรรมและความโปร่งใส,');
    const withoutEp15 = parse(Buffer.from(edited), { bom: true }) as string[][];
    const kept = withoutEp15.filter((row) => row[0] !== 'EP-15');
    const csv = kept.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n');
    const shown = visibleText(await admin.sendFile('plan-2568-แก้ไข.csv', Buffer.from(csv)));
    expect(shown).toContain('EP-01 ชื่อ: โครงการโรงเรียนคุณธรรม → โครงการโรงเรียนคุณธรรมและความโปร่งใส');
    expect(shown).toContain('มีในระบบแต่ไม่มีในไฟล์ 1 รายการ (คงไว้ ไม่ลบ)');
    expect(shown).toContain('EP-15');
    expect((await MeasureModel.findOne({ orgId: ORG, code: 'EP-01' }).lean())!.title).toBe('โครงการโรงเรียนคุณธรรม');
  });

  it('reads an Excel file the same way: the OIT list as .xlsx', async () => {
    const preview = await admin.sendFile('OIT ปี 2567.xlsx', await asXlsx(OIT));
    const shown = visibleText(preview);
    expect(shown).toContain('รายการข้อ OIT ปีงบประมาณ 2567');
    expect(shown).toContain('เพิ่มใหม่ 35 รายการ');
    expect(await OitItemModel.countDocuments({ orgId: ORG })).toBe(0);
    expect(visibleText(await admin.tap(postbackOf(preview, 'นำเข้า')))).toContain('เพิ่มใหม่ 35 รายการ');
    expect(await OitItemModel.countDocuments({ orgId: ORG, fiscalYear: 2567 })).toBe(35);
    expect((await auditLog(ORG, { limit: 1 }))[0]).toMatchObject({ action: 'import.oit', subject: 'OIT ปี 2567.xlsx', after: 'เพิ่ม 35 ปรับปรุง 0' });
  });

  it('imports the indicator table onto the plan\'s indicator items', async () => {
    const preview = await admin.sendFile('ita-indicators-2566.csv', INDICATORS);
    const shown = visibleText(preview);
    expect(shown).toContain('ตารางตัวชี้วัด ITA ปีงบประมาณ 2566');
    expect(shown).toContain('เพิ่มใหม่ 10 รายการ');
    await admin.tap(postbackOf(preview, 'นำเข้า'));
    expect(await MeasureModel.countDocuments({ orgId: ORG, fiscalYear: 2566, family: 'ita_indicator' })).toBe(10);
    expect((await auditLog(ORG, { limit: 1 }))[0]).toMatchObject({ action: 'import.indicators', subject: 'ita-indicators-2566.csv', after: 'เพิ่ม 10 ปรับปรุง 0' });
    // A re-sent table with a new score shows the score's change.
    const rescored = Buffer.from(INDICATORS.toString('utf8').replace('1,91.46,', '1,95.00,'));
    expect(visibleText(await admin.sendFile('ita-indicators-2566.csv', rescored))).toContain('คะแนน: 91.46 → 95');
  });

  it('refuses a file with errors all or nothing: every error by row and column, nothing saved or kept', async () => {
    const csv = [
      'รหัส,ประเภท,มาตรการ/โครงการ,ปีงบประมาณ,ระยะเวลา',
      'EP-01,anticorruption_project,โครงการหนึ่ง,2568,ต.ค. 67 - ก.ย. 68',
      'EP-02,โครงการแปลก,โครงการสอง,2568,ต.ค. 67 - ก.ย. 68',
      ',anticorruption_project,โครงการสาม,25x8,',
    ].join('\n');
    const answer = visibleText(await admin.sendFile('แผน.csv', Buffer.from(csv)));
    expect(answer).toContain('ไม่ได้นำเข้า: พบข้อผิดพลาด');
    expect(answer).toContain('(ยังไม่มีข้อมูลใดถูกบันทึก)');
    expect(answer).toContain('แถว 3 คอลัมน์ "ประเภท"');
    expect(answer).toContain('แถว 4 คอลัมน์ "รหัส"');
    expect(answer).toContain('แถว 4 คอลัมน์ "ปีงบประมาณ"');
    expect(answer).toContain('กรุณาแก้ไขในไฟล์แล้วส่งมาใหม่ได้เลย');
    expect(answer).not.toContain('นำเข้า\n');
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(0);
    expect(await PendingImportModel.countDocuments({})).toBe(0);
    expect(await AdminAuditModel.countDocuments({})).toBe(0);
  });

  it('lists the three kinds and their columns for a file whose header it does not know', async () => {
    const answer = visibleText(await admin.sendFile('รายชื่อ.csv', Buffer.from('ชื่อ,นามสกุล\nสมชาย,ใจดี\n')));
    expect(answer).toContain('ระบบไม่ทราบว่าไฟล์ "รายชื่อ.csv" เป็นข้อมูลชนิดใด');
    expect(answer).toContain('1. แผนปฏิบัติการป้องกันการทุจริตประจำปี\nต้องมีคอลัมน์: รหัส, ประเภท, มาตรการ/โครงการ, ปีงบประมาณ');
    expect(answer).toContain('2. รายการข้อ OIT\nต้องมีคอลัมน์: ข้อ, ตัวชี้วัด, ข้อมูล, ปีงบประมาณ');
    expect(answer).toContain('3. ตารางตัวชี้วัด ITA\nต้องมีคอลัมน์: ตัวชี้วัด, คะแนน, ปีงบประมาณ');
  });

  it('refuses a file above the size cap before fetching it', async () => {
    const event = fileEvent('U-admin', { fileName: 'plan.xlsx', fileSize: 3 * 1024 * 1024 });
    const answer = visibleText(await admin.send(event));
    expect(answer).toContain('ไฟล์ "plan.xlsx" มีขนาด 3 MB เกินขนาดที่รับได้ (2 MB)');
    expect(fetched(event.message.id)).toBe(0);
  });

  it('forgets a cancelled file: nothing imported, and "นำเข้า" afterwards imports nothing', async () => {
    const preview = await admin.sendFile('plan-2568.csv', PLAN);
    expect(visibleText(await admin.tap(postbackOf(preview, 'ยกเลิก')))).toContain('ยกเลิกแล้ว ไม่ได้นำเข้าข้อมูลจากไฟล์ "plan-2568.csv"');
    expect(visibleText(await admin.tap(postbackOf(preview, 'นำเข้า')))).toContain('ยกเลิกไปแล้ว');
    expect(await MeasureModel.countDocuments({ orgId: ORG })).toBe(0);
    expect((await PendingImportModel.findOne({}).lean())!.content).toBeNull();
  });

  it('explains how to send a file when an admin types นำเข้าไฟล์', async () => {
    const answer = visibleText(await admin.say('นำเข้าไฟล์'));
    expect(answer).toContain('ส่งไฟล์ .csv หรือ .xlsx เข้ามาในแชตส่วนตัวนี้ได้เลย');
    expect(answer).toContain('ขนาดไม่เกิน 2 MB');
    expect(answer).toContain('ไฟล์ตัวอย่าง: plan-2568.csv');
  });
});

describe('a CSV or Excel file from anyone else', () => {
  it('is refused politely and neither fetched nor kept, from an officer or a citizen', async () => {
    for (const chat of [officer, citizen]) {
      const event = fileEvent(chat.userId, { fileName: 'plan-2568.csv', fileSize: PLAN.length });
      h.line.contents.set(event.message.id, { contentType: 'text/csv', data: PLAN });
      const answer = visibleText(await chat.send(event));
      expect(answer).toContain('การนำเข้าไฟล์แผนและข้อมูลของหน่วยงานทำได้เฉพาะผู้ดูแลระบบ');
      expect(fetched(event.message.id)).toBe(0);
    }
    expect(await PendingImportModel.countDocuments({})).toBe(0);
    expect(await AttachmentFileModel.countDocuments({})).toBe(0);
    expect(await MeasureModel.countDocuments({})).toBe(0);
  });

  it('still goes to the dialog under way: an officer\'s report keeps it as evidence, a complaint answers for itself', async () => {
    const fy = fiscalYearOf(new Date());
    const imported = await importPlan(ORG, { fileName: 'plan.csv', content: Buffer.from(`รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ\nEP-01,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส,2,กองคลัง,ตลอดปีงบประมาณ,${fy}\n`) });
    expect(imported).toMatchObject({ ok: true, created: 1 });
    const list = await officer.say('รายงาน');
    const statusPrompt = await officer.tap(postbackOf(list, 'รายงานความก้าวหน้า'));
    await officer.tap(postbackOf(statusPrompt, 'กำลังดำเนินการ'));
    const evidence = await officer.sendFile('ผลการจัดซื้อ.csv', Buffer.from('รายการ,จำนวน\nกระดาษ,10\n'));
    expect(visibleText(evidence)).toContain('แนบหลักฐานแล้ว 1 รายการ');
    expect(await AttachmentFileModel.countDocuments({ orgId: ORG, kind: 'file' })).toBe(1);
    await officer.say('ยกเลิก');

    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    await citizen.say('ไฟส่องสว่างหน้าตลาดดับมาหนึ่งสัปดาห์แล้ว');
    const answer = visibleText(await citizen.sendFile('ตารางเวลาไฟดับ.csv', Buffer.from('วันที่,เวลา\n1,20:00\n')));
    // The complaint's own step answers (it asks where), not the import's refusal.
    expect(answer).toContain('กรุณากดส่งตำแหน่ง');
    expect(answer).not.toContain('เฉพาะผู้ดูแลระบบ');
    await citizen.say('ยกเลิก');
    expect(await PendingImportModel.countDocuments({})).toBe(0);
  });

  it('is left alone in a group; an admin there is told to send it in a one-to-one chat', async () => {
    const fromOfficer = fileEvent('U-officer', { fileName: 'plan-2568.csv', fileSize: PLAN.length }, groupSource('U-officer'));
    expect(await officer.send(fromOfficer)).toEqual([]);
    const fromAdmin = fileEvent('U-admin', { fileName: 'plan-2568.csv', fileSize: PLAN.length }, groupSource('U-admin'));
    expect(visibleText(await admin.send(fromAdmin))).toContain('การนำเข้าไฟล์ทำได้ในแชตส่วนตัวกับบอตเท่านั้น');
    expect(fetched(fromOfficer.message.id) + fetched(fromAdmin.message.id)).toBe(0);
    expect(await PendingImportModel.countDocuments({})).toBe(0);
  });
});
