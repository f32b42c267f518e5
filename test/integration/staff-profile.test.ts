import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import type { StaffRole } from '../../src/domain/roles.js';
import { oitItemsOfYear } from '../../src/db/oit-store.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importOitItems } from '../../src/oit-import/import-oit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { Chat, postbackOf, uriOf, visibleText } from '../support/chat.js';
import { startHarness, type Harness } from '../support/harness.js';
import { cellsOf } from '../support/xlsx.js';

const ORG = 'test-org';
let h: Harness;
let people = 0;

/** The labels of the quick-reply buttons under the last message: what the person can tap next. */
const buttonsUnder = (messages: any[]): string[] => (messages.at(-1)?.quickReply?.items ?? []).map((i: any) => i.action.label);

const staffRecord = (chat: Chat) => StaffModel.findById(staffId(ORG, chat.userId)).lean();

/** A new LINE user with the given LINE display name, who redeems an invite code; returns the chat and the registration replies. */
async function register(displayName: string, roles: StaffRole[], invite: { unit?: string; position?: string } = {}): Promise<{ chat: Chat; replies: any[] }> {
  people += 1;
  const chat = new Chat(h, `U${String(people).padStart(4, '0')}profile000000000000000000000`);
  h.line.profiles.set(chat.userId, displayName);
  const { code } = await createInvite({ orgId: ORG, roles, unit: invite.unit ?? null, position: invite.position ?? null, validHours: 1 });
  const replies = await chat.say(`ลงทะเบียน ${code}`);
  expect(visibleText(replies)).toContain('ลงทะเบียนเรียบร้อยแล้ว');
  return { chat, replies };
}

/** The E-PlanNACC 12-month report as the executive downloads it from LINE: the Excel cells and the CSV rows. */
async function eplanFromLine(chat: Chat): Promise<{ cells: string; csv: string[][] }> {
  const menu = await chat.say('ส่งออกรายงาน');
  const xlsx = await fetch(uriOf(await chat.tap(postbackOf(menu, 'E-Plan 12 ด. (Excel)')), 'ดาวน์โหลดรายงาน'));
  expect(xlsx.status).toBe(200);
  const csvFile = await fetch(uriOf(await chat.tap(postbackOf(menu, 'E-Plan 12 ด. (CSV)')), 'ดาวน์โหลดรายงาน'));
  expect(csvFile.status).toBe(200);
  return {
    cells: (await cellsOf(Buffer.from(await xlsx.arrayBuffer()))).join('\n'),
    csv: parse(Buffer.from(await csvFile.arrayBuffer()), { bom: true, relax_column_count: true }) as string[][],
  };
}
const csvValue = (csv: string[][], label: string) => csv.find((r) => r[0] === label)?.[1];

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv')).toMatchObject({ ok: true });
  expect(await importOitItems(ORG, 'examples/oit-2567.csv', { toFiscalYear: 2568 })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe('registration asks for the name and position reports are signed with', () => {
  it('stores the name and the position as typed, and an export made in LINE is signed with them', async () => {
    const { chat, replies } = await register('นายกฯ ประเสริฐ', ['executive'], { position: 'ผู้บริหาร' });
    expect(visibleText(replies)).toContain('กรุณาพิมพ์ชื่อ-นามสกุลของท่าน');
    expect(buttonsUnder(replies)).toEqual(['ข้าม', 'ยกเลิก']);

    const named = await chat.say('  นายประเสริฐ   มั่นคงดี ');
    expect(visibleText(named)).toContain('บันทึกชื่อ-นามสกุลแล้ว: นายประเสริฐ   มั่นคงดี');
    expect(visibleText(named)).toContain('กรุณาพิมพ์ตำแหน่งของท่าน');
    expect(buttonsUnder(named)).toEqual(['ข้าม', 'ยกเลิก']);
    const positioned = await chat.say('นายกเทศมนตรีตำบลโพธิ์ทอง');
    expect(visibleText(positioned)).toContain('บันทึกตำแหน่งแล้ว: นายกเทศมนตรีตำบลโพธิ์ทอง');
    expect(visibleText(positioned)).toContain('"ข้อมูลของฉัน"');
    // Stored exactly as typed, only trimmed; the invite's position, which items are assigned by, stays.
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นายประเสริฐ   มั่นคงดี', officialPosition: 'นายกเทศมนตรีตำบลโพธิ์ทอง', position: 'ผู้บริหาร', displayName: 'นายกฯ ประเสริฐ' });
    expect(await ConversationModel.countDocuments({})).toBe(0);

    const menu = await chat.say('ส่งออกรายงาน');
    expect(visibleText(await chat.tap(postbackOf(menu, 'E-Plan 12 ด. (Excel)')))).not.toContain('ชื่อใน LINE');
    const { cells, csv } = await eplanFromLine(chat);
    expect(cells).toContain('นายประเสริฐ   มั่นคงดี');
    expect(cells).toContain('นายกเทศมนตรีตำบลโพธิ์ทอง');
    expect(cells).not.toContain('นายกฯ ประเสริฐ');
    expect(csvValue(csv, 'ผู้รายงาน')).toBe('นายประเสริฐ   มั่นคงดี');
    expect(csvValue(csv, 'ตำแหน่ง')).toBe('นายกเทศมนตรีตำบลโพธิ์ทอง');
  });

  it('lets both be skipped: the report then falls back to the LINE name and the invite\'s position', async () => {
    const { chat } = await register('นายกฯ สมปอง', ['executive'], { position: 'ผู้บริหาร' });
    expect(visibleText(await chat.say('ข้าม'))).toContain('กรุณาพิมพ์ตำแหน่งของท่าน');
    expect(visibleText(await chat.say('ข้าม'))).toContain('"ข้อมูลของฉัน"');
    expect(await staffRecord(chat)).toMatchObject({ fullName: null, officialPosition: null });
    expect(await ConversationModel.countDocuments({})).toBe(0);

    const menu = await chat.say('ส่งออกรายงาน');
    expect(visibleText(await chat.tap(postbackOf(menu, 'E-Plan 12 ด. (Excel)')))).toContain('จะลงชื่อผู้รายงานด้วยชื่อใน LINE ของท่าน');
    const { cells, csv } = await eplanFromLine(chat);
    expect(cells).toContain('นายกฯ สมปอง');
    expect(csvValue(csv, 'ผู้รายงาน')).toBe('นายกฯ สมปอง');
    expect(csvValue(csv, 'ตำแหน่ง')).toBe('ผู้บริหาร');
  });

  it('keeps the name given before "ยกเลิก" in the middle, and the registration itself', async () => {
    const { chat } = await register('ปลัดสมชาย', ['executive'], { unit: 'สำนักปลัด' });
    await chat.say('นายสมชาย ใจมั่น');
    expect(visibleText(await chat.say('ยกเลิก'))).toContain('ยกเลิก');
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นายสมชาย ใจมั่น', officialPosition: null, roles: ['executive'], active: true });
    expect(await ConversationModel.countDocuments({})).toBe(0);
    // What is typed afterwards is no position.
    await chat.say('ปลัดเทศบาล');
    expect((await staffRecord(chat))!.officialPosition).toBeNull();
    const { csv } = await eplanFromLine(chat);
    expect(csvValue(csv, 'ผู้รายงาน')).toBe('นายสมชาย ใจมั่น');
  });

  it('comes back to the question after help, refuses a name too long in Thai, and gives way to a request for another dialog', async () => {
    const { chat } = await register('สมหญิง', ['officer'], { unit: 'กองคลัง' });
    const help = await chat.say('ช่วยเหลือ');
    expect(visibleText(help)).toContain('สิ่งที่ทำได้');
    expect(visibleText(help.slice(-1))).toContain('กรุณาพิมพ์ชื่อ-นามสกุล');
    expect(visibleText(await chat.say('ก'.repeat(101)))).toContain('ชื่อ-นามสกุลยาวเกิน 100 ตัวอักษร');
    expect(visibleText(await chat.say('นางสมหญิง รักดี'))).toContain('กรุณาพิมพ์ตำแหน่ง');
    // Nothing is left unsaved, so the officer's report list opens without "ทิ้งแล้วเริ่มใหม่?".
    const list = visibleText(await chat.say('รายงาน'));
    expect(list).not.toContain('ทิ้งแล้วเริ่มใหม่');
    expect(list).not.toContain('กรุณาพิมพ์ตำแหน่ง');
    expect(await ConversationModel.countDocuments({})).toBe(0);
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นางสมหญิง รักดี', officialPosition: null });
  });
});

describe('a request typed instead of an answer', () => {
  it('links a person who types their code in the middle of another dialog, keeps that dialog, and points to ข้อมูลของฉัน', async () => {
    people += 1;
    const chat = new Chat(h, `U${String(people).padStart(4, '0')}profile000000000000000000000`);
    h.line.profiles.set(chat.userId, 'มานี');
    await chat.say('ร้องเรียน');
    const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองคลัง', position: null, validHours: 1 });
    const linked = await chat.say(`ลงทะเบียน ${code}`);
    expect(visibleText(linked)).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(visibleText(linked)).toContain('พิมพ์ "ข้อมูลของฉัน" เพื่อกรอกชื่อ-นามสกุลและตำแหน่ง');
    expect(visibleText(linked)).not.toContain('กรุณาพิมพ์ชื่อ-นามสกุล');
    expect(await ConversationModel.find({}).lean()).toHaveLength(1);
    expect((await staffRecord(chat))!.roles).toEqual(['officer']);
  });

  it('is answered when it comes instead of the name, and the name is asked again; a position that reads like a request stays the position', async () => {
    const { chat } = await register('กานดา', ['executive', 'complaint_officer'], { unit: 'สำนักปลัด' });
    const summary = await chat.say('ขอสรุปผลการดำเนินงานครับ');
    expect(visibleText(summary)).not.toContain('บันทึกชื่อ-นามสกุล');
    expect(summary.length).toBeGreaterThan(1);
    expect(visibleText(summary.slice(-1))).toContain('กรุณาพิมพ์ชื่อ-นามสกุลของท่าน');
    expect((await staffRecord(chat))!.fullName).toBeNull();

    await chat.say('นางสาวกานดา ทองดี');
    expect(visibleText(await chat.say('เจ้าหน้าที่รับเรื่องร้องเรียน'))).toContain('บันทึกตำแหน่งแล้ว: เจ้าหน้าที่รับเรื่องร้องเรียน');
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นางสาวกานดา ทองดี', officialPosition: 'เจ้าหน้าที่รับเรื่องร้องเรียน' });
    expect(await ConversationModel.countDocuments({})).toBe(0);
  });
});

describe('ข้อมูลของฉัน', () => {
  it('shows the name, position, roles and unit, and changes them with the same questions', async () => {
    const { chat } = await register('วิไล', ['complaint_officer', 'officer'], { unit: 'สำนักปลัด' });
    await chat.say('นางวิไล รักษ์ประชา');
    await chat.say('ข้าม');

    const shown = await chat.say('ข้อมูลของฉัน');
    const text = visibleText(shown);
    expect(text).toContain('ชื่อ-นามสกุล: นางวิไล รักษ์ประชา');
    expect(text).toContain('ตำแหน่ง: ยังไม่ได้กรอก');
    expect(text).toContain('บทบาท: เจ้าหน้าที่รับเรื่องร้องเรียน, เจ้าหน้าที่ผู้รับผิดชอบ');
    expect(text).toContain('หน่วยงาน: สำนักปลัด');
    expect(buttonsUnder(shown)).toEqual(['แก้ไขชื่อ', 'แก้ไขตำแหน่ง']);

    const asked = await chat.say('แก้ไขตำแหน่ง');
    expect(visibleText(asked)).toContain('กรุณาพิมพ์ตำแหน่งที่ใช้ลงนามในรายงาน');
    expect(visibleText(asked)).toContain('คงไว้ตามเดิม');
    const changed = visibleText(await chat.say('เจ้าพนักงานธุรการชำนาญงาน'));
    expect(changed).toContain('ตำแหน่ง: เจ้าพนักงานธุรการชำนาญงาน');

    await chat.say('ขอเปลี่ยนชื่อหน่อยครับ');
    expect(visibleText(await chat.say('ข้าม'))).toContain('ชื่อ-นามสกุล: นางวิไล รักษ์ประชา');
    await chat.say('profile');
    await chat.say('แก้ไขชื่อ');
    expect(visibleText(await chat.say('นางวิไล รักษ์ประชาชน'))).toContain('ชื่อ-นามสกุล: นางวิไล รักษ์ประชาชน');
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นางวิไล รักษ์ประชาชน', officialPosition: 'เจ้าพนักงานธุรการชำนาญงาน' });
    expect(await ConversationModel.countDocuments({})).toBe(0);
  });

  it('says which names a report uses while none is given, and is not for citizens', async () => {
    const { chat } = await register('นายกฯ ใจดี', ['executive'], { position: 'ผู้บริหาร' });
    await chat.say('ยกเลิก');
    const text = visibleText(await chat.say('ข้อมูลของฉัน'));
    expect(text).toContain('ชื่อ-นามสกุล: ยังไม่ได้กรอก รายงานจะใช้ชื่อใน LINE "นายกฯ ใจดี" แทน');
    expect(text).toContain('ตำแหน่ง: ยังไม่ได้กรอก รายงานจะใช้ "ผู้บริหาร" แทน');

    const citizen = new Chat(h, 'U9999profilecitizen00000000000000');
    expect(visibleText(await citizen.say('ข้อมูลของฉัน'))).toContain('สำหรับเจ้าหน้าที่ที่ลงทะเบียนแล้ว');
    expect(visibleText(await citizen.say('แก้ไขชื่อ'))).toContain('สำหรับเจ้าหน้าที่ที่ลงทะเบียนแล้ว');
    expect(await ConversationModel.countDocuments({})).toBe(0);
  });

  it('asks nothing again when a second invite code adds a role to someone who gave both', async () => {
    const { chat } = await register('สมศักดิ์', ['officer'], { unit: 'กองช่าง' });
    await chat.say('นายสมศักดิ์ ช่างดี');
    await chat.say('นายช่างโยธาชำนาญงาน');
    const { code } = await createInvite({ orgId: ORG, roles: ['reviewer'], unit: null, position: null, validHours: 1 });
    const again = visibleText(await chat.say(`ลงทะเบียน ${code}`));
    expect(again).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(again).not.toContain('กรุณาพิมพ์');
    expect(await staffRecord(chat)).toMatchObject({ fullName: 'นายสมศักดิ์ ช่างดี', officialPosition: 'นายช่างโยธาชำนาญงาน', roles: ['officer', 'reviewer'] });
    expect(await ConversationModel.countDocuments({})).toBe(0);
  });
});


describe('the OIT answer and its review', () => {
  it('are recorded under the full names of the officer and the reviewer, and the ITAS sheet prints the reviewer\'s', async () => {
    const { chat: officer } = await register('ศรี', ['officer'], { unit: 'สำนักปลัด' });
    await officer.say('นางสาวศรีสุดา ใจงาม');
    await officer.say('ข้าม');
    const { chat: reviewer } = await register('ปราณี ไลน์', ['reviewer'], { unit: 'สำนักปลัด' });
    await reviewer.say('นางปราณี ทองคำ');
    await reviewer.say('หัวหน้าสำนักปลัดเทศบาล');

    const list = await officer.say('OIT');
    const asked = await officer.tap(postbackOf(list, 'ตอบข้อนี้'));
    await officer.tap(postbackOf(asked, 'ไม่มี'));
    const confirm = await officer.say('อยู่ระหว่างจัดทำแผนผัง');
    expect(visibleText(await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')))).toContain('บันทึกคำตอบแล้ว');
    const waiting = await reviewer.say('รอตรวจ');
    expect(visibleText(waiting)).toContain('นางสาวศรีสุดา ใจงาม');
    expect(visibleText(await reviewer.tap(postbackOf(waiting, 'ผ่านการตรวจสอบ')))).toContain('ผ่านการตรวจสอบแล้ว');

    const answered = (await oitItemsOfYear(ORG, 2568)).find((i) => i.answer)!;
    expect(answered.answer!.answeredByName).toBe('นางสาวศรีสุดา ใจงาม');
    expect(answered.review!.reviewerName).toBe('นางปราณี ทองคำ');
    const sheet = (await cellsOf((await produceReport(ORG, { kind: 'oit-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body)).join('\n');
    expect(sheet).toContain('นางปราณี ทองคำ');
    expect(sheet).not.toContain('ปราณี ไลน์');
  });
});

describe('a progress report', () => {
  it('is recorded, and shown on its saved card, under the officer\'s full name', async () => {
    const { chat } = await register('ต้อย', ['officer'], { unit: 'สำนักปลัด' });
    await chat.say('นางสาวสุนิสา ตั้งใจ');
    await chat.say('ข้าม');
    const list = await chat.say('รายงาน');
    const status = await chat.tap(postbackOf(list, 'รายงานความก้าวหน้า'));
    await chat.tap(postbackOf(status, 'กำลังดำเนินการ'));
    let replies = await chat.say('ประชุมคณะทำงานแล้ว');
    // The questions after the summary may all be skipped; how many there are is the report dialog's business.
    for (let i = 0; i < 8 && !JSON.stringify(replies).includes('ยืนยันบันทึก'); i++) replies = await chat.say('ข้าม');
    const saved = await chat.tap(postbackOf(replies, 'ยืนยันบันทึก'));
    expect(visibleText(saved)).toContain('นางสาวสุนิสา ตั้งใจ');
    expect(visibleText(saved)).not.toContain('ต้อย');
    expect(await ProgressReportModel.findOne({ reporterLineUserId: chat.userId }).lean()).toMatchObject({ reporterName: 'นางสาวสุนิสา ตั้งใจ' });
  });
});
