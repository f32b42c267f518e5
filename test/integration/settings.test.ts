import JSZip from 'jszip';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { findOrganisation, organisationsWithOwnTimes, ownSettingsOf, supportingFactorsOf } from '../../src/db/organisation-store.js';
import { CLI_ACTOR } from '../../src/domain/admin-audit.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { loadWorkingCalendar } from '../../src/holidays/load-calendar.js';
import { dayOfKey } from '../../src/domain/working-days.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org'; // the harness's ORG_CODE
const ADMIN = 'U-admin-settings';
const EXECUTIVE = 'U-executive-settings';
const HANDLER = 'U-handler-settings';
const CITIZEN = 'U-citizen-settings';

let h: Harness;
let admin: Chat;
let executive: Chat;

const buttonsUnder = (messages: any[]): string[] => (messages.at(-1)?.quickReply?.items ?? []).map((i: any) => i.action.label);
const log = () => auditLog(ORG, { limit: 50 });
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args)).stdout;

/** The admin opens `ตั้งค่า` and taps one setting's button on the card. */
async function openSetting(label: string): Promise<any[]> {
  const card = await admin.say('ตั้งค่า');
  return admin.tap(postbackOf(card, label));
}

/** Types the value, checks the before → after shown, and saves it with the confirmation's "บันทึก". */
async function typeAndSave(value: string, shows: string[]): Promise<{ confirm: any[]; saved: any[] }> {
  const confirm = await admin.say(value);
  const seen = visibleText(confirm);
  expect(seen).toContain('ตรวจสอบก่อนบันทึก');
  for (const s of shows) expect(seen).toContain(s);
  expect(buttonsUnder(confirm)).toEqual(['บันทึก', 'ยกเลิก']);
  const saved = await admin.tap(postbackOf(confirm, 'บันทึก'));
  expect(visibleText(saved)).toContain('บันทึกแล้ว');
  return { confirm, saved };
}

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv')).toMatchObject({ ok: true });
  await addStaff(ORG, ADMIN, ['admin'], null, 'นางสาวปลัด ผู้ดูแล');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  admin = new Chat(h, ADMIN);
  executive = new Chat(h, EXECUTIVE);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe('ตั้งค่า in LINE', () => {
  it('is refused politely to staff who are not admins, before and after a button', async () => {
    const refused = visibleText(await executive.say('ตั้งค่า'));
    expect(refused).toContain('สำหรับผู้ดูแลระบบขององค์กรเท่านั้น');
    expect(refused).not.toContain('เกณฑ์ระดับ');
    expect(visibleText(await executive.tap('a=st.ask&k=thresholds'))).toContain('สำหรับผู้ดูแลระบบขององค์กรเท่านั้น');
    expect(await ConversationModel.countDocuments({})).toBe(0);
  });

  it('shows every setting with its value, whose it is, and the button that changes it', async () => {
    const card = await admin.say('ตั้งค่า');
    const seen = visibleText(card);
    for (const s of ['ชื่อองค์กร', 'อำเภอ', 'จังหวัด', 'คะแนน ITA', 'ระดับผล ITA', 'ปัจจัยสนับสนุน ปีงบประมาณ 2568', 'เกณฑ์ระดับการดำเนินการ', 'วันเตือนรอบรายงาน', 'วันเตือนตอบ OIT', 'ประเภทเรื่องร้องเรียน', 'รูปแบบตัวเลข', 'วันหยุดขององค์กร', 'สรุปรายเดือนถึงผู้บริหาร']) {
      expect(seen).toContain(s);
    }
    expect(seen).toContain('มากที่สุด 90, มาก 70, ปานกลาง 50, น้อย 30, น้อยที่สุด 0');
    expect(seen).toContain('ค่าของระบบ');
    expect(seen).toContain('ตามเวลาของระบบ');
    expect(card[0].type).toBe('flex');
  });

  it('changes the level thresholds: a wrong value is refused and nothing saved, the right one is confirmed, saved once, logged, and the summary uses it', async () => {
    const asked = await openSetting('เปลี่ยนเกณฑ์ระดับ');
    expect(visibleText(asked)).toContain('เช่น มาก 70 ปานกลาง 50 น้อย 0');
    expect(buttonsUnder(asked)).toEqual(['ใช้ค่าของระบบ', 'ยกเลิก']);

    const wrong = visibleText(await admin.say('ดีเยี่ยม 80 พอใช้ 40'));
    expect(wrong).toContain('ต้องมีระดับที่เริ่มที่ 0');
    expect((await ownSettingsOf(ORG)).thresholds).toBeNull();
    expect(await log()).toHaveLength(0);

    const { confirm } = await typeAndSave('ดีเยี่ยม ๘๐ พอใช้ ๔๐ ต้องปรับปรุง ๐', ['เดิม: ค่าของระบบ (มากที่สุด 90', 'ใหม่: ดีเยี่ยม 80, พอใช้ 40, ต้องปรับปรุง 0']);
    expect((await ownSettingsOf(ORG)).thresholds).toEqual([
      { label: 'ดีเยี่ยม', min: 80 },
      { label: 'พอใช้', min: 40 },
      { label: 'ต้องปรับปรุง', min: 0 },
    ]);
    // A second press of the same confirm changes nothing twice.
    expect(visibleText(await admin.tap(postbackOf(confirm, 'บันทึก')))).not.toContain('บันทึกแล้ว');
    const lines = await log();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'settings.change',
      actor: { via: 'line', staffId: `${ORG}:${ADMIN}`, name: 'นางสาวปลัด ผู้ดูแล' },
      subject: 'เกณฑ์ระดับการดำเนินการ',
      before: 'ค่าของระบบ',
      after: 'ดีเยี่ยม 80, พอใช้ 40, ต้องปรับปรุง 0',
    });

    const summary = visibleText(await executive.say('สรุป'));
    expect(summary).toMatch(/ดีเยี่ยม|พอใช้|ต้องปรับปรุง/);
    expect(visibleText(await admin.say('ตั้งค่า'))).toContain('ค่าขององค์กร');
  });

  it('changes the round reminder days, typed in Thai digits, which the running bot then uses', async () => {
    await openSetting('เปลี่ยนวันเตือนรอบ');
    await typeAndSave('๑๔, ๓', ['ใหม่: 14, 3 วันก่อนกำหนด']);
    expect((await ownSettingsOf(ORG)).roundReminderDaysBefore).toEqual([14, 3]);
    expect(h.server.tenants.orgSettings(ORG).roundReminderDaysBefore).toEqual([14, 3]);
  });

  it('changes a job’s own time, which the per-minute tick then finds', async () => {
    const card = await admin.say('ตั้งค่า');
    // The card's third bubble: one "เปลี่ยนเวลา" button per job, the monthly summary's among them.
    expect(visibleText(card)).toContain('สรุปรายเดือนถึงผู้บริหาร');
    const asked = await admin.tap('a=st.ask&k=jobTime&j=monthly-summary');
    expect(visibleText(asked)).toContain('"สรุปรายเดือนถึงผู้บริหาร"');
    expect(visibleText(await admin.say('25:00'))).toContain('เช่น 10:00');
    await typeAndSave('10.30 น.', ['เวลาของงาน สรุปรายเดือนถึงผู้บริหาร', 'ใหม่: 10:30 น.']);
    expect((await ownSettingsOf(ORG)).jobTimes).toEqual({ 'monthly-summary': '10:30' });
    expect((await organisationsWithOwnTimes(['10:30'])).map((o) => o.orgId)).toEqual([ORG]);
  });

  it('adds a day off of the organisation, which its calendar then skips, and removes it again from the list', async () => {
    const list = await openSetting('จัดการวันหยุด');
    expect(visibleText(list)).toContain('ยังไม่มีวันหยุดขององค์กร');
    await admin.tap(postbackOf(list, 'เพิ่มวันหยุด'));
    expect(visibleText(await admin.say('งานประเพณีแห่เทียนพรรษา'))).toContain('กรุณาพิมพ์วันที่แล้วตามด้วยชื่อวันหยุด');
    await typeAndSave('14 ก.ย. 2570 งานประเพณีแห่เทียนพรรษา', ['วันหยุดขององค์กร 14 ก.ย. 2570', 'ใหม่: 14 ก.ย. 2570 งานประเพณีแห่เทียนพรรษา']);
    expect((await loadWorkingCalendar(ORG)).dayOff(dayOfKey('2027-09-14'))).toMatchObject({ name: 'งานประเพณีแห่เทียนพรรษา' });

    const again = await openSetting('จัดการวันหยุด');
    expect(visibleText(again)).toContain('14 ก.ย. 2570 งานประเพณีแห่เทียนพรรษา');
    const confirm = await admin.tap(postbackOf(again, 'ลบ 14 ก.ย. 70'));
    expect(visibleText(confirm)).toContain('ใหม่: ไม่เป็นวันหยุดขององค์กรแล้ว');
    await admin.tap(postbackOf(confirm, 'บันทึก'));
    expect((await loadWorkingCalendar(ORG)).dayOff(dayOfKey('2027-09-14'))).toBeNull();
    // A day that is off already (วันแม่แห่งชาติ) may be added too; the confirmation says so.
    await admin.tap(postbackOf(await openSetting('จัดการวันหยุด'), 'เพิ่มวันหยุด'));
    expect(visibleText(await admin.say('12 ส.ค. 2570 งานวัด'))).toContain('หมายเหตุ: วันนี้เป็นวันหยุดอยู่แล้ว (วันเฉลิมพระชนมพรรษา');
    await admin.say('ยกเลิก');
    expect((await log()).slice(0, 2).map((l) => [l.subject, l.before, l.after])).toEqual([
      ['วันหยุดขององค์กร 14 ก.ย. 2570', 'งานประเพณีแห่เทียนพรรษา', ''],
      ['วันหยุดขององค์กร 14 ก.ย. 2570', '', 'งานประเพณีแห่เทียนพรรษา'],
    ]);
  });

  it('replaces, adds to and removes from the year’s ปัจจัยสนับสนุน, which the plan report then prints', async () => {
    const list = await openSetting('จัดการปัจจัยสนับสนุน');
    await admin.tap(postbackOf(list, 'แทนที่ทั้งหมด'));
    await typeAndSave('1. ผู้บริหารสนับสนุนการป้องกันการทุจริต\n2. ชุมชนเข้มแข็ง', ['ใหม่:\n1. ผู้บริหารสนับสนุนการป้องกันการทุจริต\n2. ชุมชนเข้มแข็ง']);
    await admin.tap(postbackOf(await openSetting('จัดการปัจจัยสนับสนุน'), 'เพิ่มข้อ'));
    await typeAndSave('เครือข่ายภาคประชาชนช่วยเฝ้าระวัง', ['3. เครือข่ายภาคประชาชนช่วยเฝ้าระวัง']);
    const remove = await admin.tap(postbackOf(await openSetting('จัดการปัจจัยสนับสนุน'), 'ลบข้อ'));
    expect(buttonsUnder(remove)).toEqual(['1', '2', '3', 'ยกเลิก']);
    expect(visibleText(await admin.say('7'))).toContain('ตั้งแต่ 1 ถึง 3');
    await typeAndSave('2', ['ใหม่:\n1. ผู้บริหารสนับสนุนการป้องกันการทุจริต\n2. เครือข่ายภาคประชาชนช่วยเฝ้าระวัง']);
    expect(await supportingFactorsOf(ORG, 2568)).toEqual(['ผู้บริหารสนับสนุนการป้องกันการทุจริต', 'เครือข่ายภาคประชาชนช่วยเฝ้าระวัง']);

    const file = await produceReport(ORG, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS });
    const xml = await (await JSZip.loadAsync(file.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ผู้บริหารสนับสนุนการป้องกันการทุจริต');
    expect(xml).toContain('เครือข่ายภาคประชาชนช่วยเฝ้าระวัง');
    expect(xml).not.toContain('ชุมชนเข้มแข็ง');
  });

  it('changes the ITA score and level and the name', async () => {
    await openSetting('เปลี่ยนคะแนน ITA');
    expect(visibleText(await admin.say('101'))).toContain('0 ถึง 100');
    await typeAndSave('๙๒.๓๕', ['ใหม่: 92.35']);
    const level = await openSetting('เปลี่ยนระดับ ITA');
    expect(buttonsUnder(level)).toEqual(['AA', 'A', 'B', 'C', 'D', 'E', 'F', 'ยกเลิก']);
    await typeAndSave('AA', ['ใหม่: AA']);
    await openSetting('เปลี่ยนชื่อองค์กร');
    await typeAndSave('  องค์การบริหารส่วนตำบลทดสอบตั้งค่า ', ['ใหม่: องค์การบริหารส่วนตำบลทดสอบตั้งค่า']);
    expect(await findOrganisation(ORG)).toMatchObject({ name: 'องค์การบริหารส่วนตำบลทดสอบตั้งค่า', itaScore: 92.35, itaLevel: 'AA' });
    expect(visibleText(await admin.say('ตั้งค่า'))).toContain('องค์การบริหารส่วนตำบลทดสอบตั้งค่า');
  });

  it('makes the complaint categories the organisation’s own: a handler then sees the new buttons', async () => {
    await openSetting('เปลี่ยนประเภทเรื่อง');
    expect(visibleText(await admin.say('ถนน, ปัญหาไฟฟ้าดับทั้งหมู่บ้านนานหลายวัน'))).toContain('ยาวเกิน 20 ตัวอักษร');
    expect((await ownSettingsOf(ORG)).complaintCategories).toBeNull();
    await typeAndSave('ถนน, ไฟฟ้า, ต้นไม้ล้ม', ['ใหม่: ถนน, ไฟฟ้า, ต้นไม้ล้ม']);

    const receipt = await fileGeneralComplaint(new Chat(h, CITIZEN), 'ต้นไม้ล้มขวางถนนหน้าวัด');
    const no = visibleText(receipt).match(/[GC]\d{4}-\d{4}/)![0];
    const id = String((await ComplaintModel.findOne({ trackingNo: no }).lean())!._id);
    const choose = await new Chat(h, HANDLER).tap(`a=cp.cat&c=${id}`);
    expect(buttonsUnder(choose)).toEqual(['ถนน', 'ไฟฟ้า', 'ต้นไม้ล้ม', 'ยกเลิก']);
  });

  it('asks its question again after an aside, and cancels a change half-way without saving anything', async () => {
    const before = (await log()).length;
    await openSetting('เปลี่ยนวันเตือน OIT');
    const aside = visibleText(await admin.say('ช่วยเหลือ'));
    expect(aside).toContain('"ตั้งค่า"');
    expect(aside).toContain('ทำรายการตั้งค่าเดิมต่อได้เลย');
    expect(aside).toContain('เตือนตอบข้อมูลเปิดเผยต่อสาธารณะ (OIT)');
    await admin.say('7,3,1');
    expect(visibleText(await admin.say('ยกเลิก'))).toContain('ยกเลิก');
    expect((await ownSettingsOf(ORG)).oitReminderDaysBefore).toBeNull();
    expect(await log()).toHaveLength(before);
  });
});

describe('the operator commands', () => {
  it('write one management-log line for each change, as the CLI, and keep their output', async () => {
    const out = await cli('org', 'update', '--thresholds', 'มาก:60,น้อย:0', '--round-reminder-days', 'default');
    expect(out).toContain('เกณฑ์ระดับ: มาก 60, น้อย 0 · เตือนรอบรายงาน: ค่าของระบบ');
    const lines = (await log()).slice(0, 2);
    expect(lines.map((l) => [l.subject, l.before, l.after])).toEqual([
      ['วันเตือนรอบรายงาน', '14, 3 วันก่อนกำหนด', 'ค่าของระบบ'],
      ['เกณฑ์ระดับการดำเนินการ', 'ดีเยี่ยม 80, พอใช้ 40, ต้องปรับปรุง 0', 'มาก 60, น้อย 0'],
    ]);
    expect(lines.every((l) => l.actor.via === CLI_ACTOR.via && l.actor.name === CLI_ACTOR.name)).toBe(true);
    // The running bot in this process uses it at once.
    expect(h.server.tenants.orgSettings(ORG).thresholds).toEqual([{ label: 'มาก', min: 60 }, { label: 'น้อย', min: 0 }]);

    expect(await cli('holiday', 'add', '2027-09-01', 'งานบุญประจำปี', '--org', ORG)).toContain('เพิ่มวันหยุด');
    expect((await log())[0]).toMatchObject({ subject: 'วันหยุดขององค์กร 1 ก.ย. 2570', after: 'งานบุญประจำปี', actor: CLI_ACTOR });
    const unchanged = (await log()).length;
    await cli('org', 'update', '--thresholds', 'มาก:60,น้อย:0');
    expect(await log()).toHaveLength(unchanged);
  });
});
