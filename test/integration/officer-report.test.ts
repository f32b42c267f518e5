import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { saveRichMenus } from '../../src/db/rich-menu-store.js';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { MeasureChangeModel } from '../../src/db/models/measure-change.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel } from '../../src/db/models/staff.js';
import { InviteModel, RegisterFailureModel } from '../../src/db/models/invite.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

const ORG = 'test-org';
let h: Harness;
let officer: Chat;

function planCsv(): string {
  const rows = [
    'รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ',
    'EP-A,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส,2,กองคลัง,ต.ค. 68 - ก.ย. 69,2569,"50,000"',
    'ITA-A,ita_measure,2,มาตรการเผยแพร่ข้อมูลต่อสาธารณะ,,ทุกส่วนราชการ,ตลอดปีงบประมาณ,2569,',
    'ITA-B,ita_measure,3,มาตรการของกองช่าง,,กองช่าง,มี.ค. 69,2569,',
  ];
  for (let i = 1; i <= 11; i++) rows.push(`K-${String(i).padStart(2, '0')},ita_measure,${10 + i},งานกองคลังลำดับที่ ${i},,กองคลัง,ตลอดปีงบประมาณ,2569,`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

async function linkOfficer(chat: Chat, unit: string, name: string): Promise<void> {
  h.line.profiles.set(chat.userId, name);
  const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit, position: null, validHours: 24 });
  const replies = await chat.say(`ลงทะเบียน ${code.toLowerCase()}`);
  expect(visibleText(replies)).toContain('ลงทะเบียนเรียบร้อยแล้ว');
}

const measureId = async (code: string) => String((await MeasureModel.findOne({ orgId: ORG, code }).lean())!._id);

beforeAll(async () => {
  h = await startHarness();
  const result = await importPlan(ORG, planCsv());
  expect(result).toMatchObject({ ok: true, created: 14 });
  officer = new Chat(h, 'U2222222222222222222222222222bbbb');
  await linkOfficer(officer, 'กองคลัง', 'สมศรี ใจดี');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe('an officer reports progress by chat', () => {
  it('goes from the measure list to a saved report with history, disbursement and evidence', async () => {
    const list = await officer.say('รายงาน');
    expect(list).toHaveLength(1);
    expect(list[0].type).toBe('flex');
    const bubbles = list[0].contents.contents;
    // 13 measures are กองคลัง's or everyone's: 10 on the first page and a card to the next.
    expect(bubbles).toHaveLength(11);
    expect(visibleText(list)).toContain('EP-A');
    expect(visibleText(list)).not.toContain('ITA-B');
    expect(visibleText(list)).toContain('ยังไม่เคยรายงาน');

    const page2 = await officer.tap(postbackOf(list, 'หน้าถัดไป'));
    expect(page2[0].contents.contents).toHaveLength(4);

    const statusPrompt = await officer.tap(postbackOf(list, 'รายงานความก้าวหน้า'));
    expect(visibleText(statusPrompt)).toContain('โครงการจัดซื้อจัดจ้างโปร่งใส');
    expect(statusPrompt[0].quickReply.items.map((i: any) => i.action.label)).toEqual([
      'ยังไม่ได้ดำเนินการ',
      'กำลังดำเนินการ',
      'แล้วเสร็จ',
      'ดำเนินการไม่ได้',
      'ยกเลิก',
    ]);

    const askSummary = await officer.tap(postbackOf(statusPrompt, 'กำลังดำเนินการ'));
    expect(visibleText(askSummary)).toContain('สรุปผลการดำเนินงาน');
    expect(visibleText(await officer.sendImage())).toContain('แนบหลักฐานแล้ว 1 รายการ');
    // The photo is copied out of LINE (which deletes content after a while) through the data API.
    const imageId = (officer.lastEvent as any).message.id;
    const file = await AttachmentFileModel.findById(`${ORG}:${imageId}`).lean();
    expect(file).toMatchObject({ kind: 'image', uploadedBy: testSealer.userKey(officer.userId), contentType: 'image/jpeg' });
    expect(Buffer.from(file!.data!.buffer).toString()).toBe(`content of ${imageId}`);

    const askOutcome = await officer.say('ประชุมคณะทำงานแล้ว 2 ครั้ง เผยแพร่ประกาศจัดซื้อจัดจ้างครบทุกรายการ');
    expect(visibleText(askOutcome)).toContain('ผลลัพธ์หรือความสำเร็จ');
    const askProblems = await officer.say('ประกาศครบ 12 รายการ ไม่มีข้อร้องเรียนจากผู้ค้า');
    expect(visibleText(askProblems)).toContain('ปัญหาอุปสรรค');
    const askSuggestions = await officer.say('ข้าม');
    expect(visibleText(askSuggestions)).toContain('ข้อเสนอแนะ');
    const askDisbursed = await officer.say('ควรประกาศผลผ่าน LINE ด้วย');
    expect(visibleText(askDisbursed)).toContain('50,000.00');

    expect(visibleText(await officer.say('หนึ่งหมื่น'))).toContain('กรุณาพิมพ์จำนวนเงินเป็นตัวเลข');
    expect(visibleText(await officer.say('60000'))).toContain('ต้องไม่เกินงบประมาณ');
    const confirm = await officer.say('๑๒,๕๐๐ บาท');
    expect(visibleText(confirm)).toContain('ตรวจสอบก่อนบันทึก');
    expect(visibleText(confirm)).toContain('12,500.00');
    expect(visibleText(confirm)).toContain('ประกาศครบ 12 รายการ');
    expect(visibleText(confirm)).toContain('ควรประกาศผลผ่าน LINE ด้วย');
    expect(await ProgressReportModel.countDocuments()).toBe(0);

    const saved = await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
    expect(visibleText(saved)).toContain('บันทึกความก้าวหน้าแล้ว');
    expect(visibleText(saved)).toContain('สมศรี ใจดี');

    const reports = await ProgressReportModel.find().lean();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      orgId: ORG,
      measureCode: 'EP-A',
      status: 'in_progress',
      summary: 'ประชุมคณะทำงานแล้ว 2 ครั้ง เผยแพร่ประกาศจัดซื้อจัดจ้างครบทุกรายการ',
      outcome: 'ประกาศครบ 12 รายการ ไม่มีข้อร้องเรียนจากผู้ค้า',
      problems: null,
      suggestions: 'ควรประกาศผลผ่าน LINE ด้วย',
      disbursed: 12500,
      reporterName: 'สมศรี ใจดี',
      reporterUnit: 'กองคลัง',
      reporterLineUserId: officer.userId,
    });
    expect(reports[0]!.attachments).toHaveLength(1);
    const measure = await MeasureModel.findOne({ orgId: ORG, code: 'EP-A' }).lean();
    expect(measure).toMatchObject({ status: 'in_progress', disbursed: 12500 });
    expect(measure!.lastReportAt).toBeInstanceOf(Date);
    expect(await ConversationModel.countDocuments()).toBe(0);

    // LINE redelivers the confirmation: nothing is stored twice, nobody is answered twice.
    const repliesBefore = h.line.accepted('/v2/bot/message/reply').length;
    const res = await h.post([{ ...officer.lastEvent!, deliveryContext: { isRedelivery: true } } as any]);
    expect(res.status).toBe(200);
    await h.server.runner.idle();
    expect(await ProgressReportModel.countDocuments()).toBe(1);
    expect(h.line.accepted('/v2/bot/message/reply')).toHaveLength(repliesBefore);

    // The list now shows the new status and the report date.
    expect(visibleText(await officer.say('report'))).toContain('อยู่ระหว่างดำเนินการ');

    // Whatever it was built from (amounts, dates, counts), the bot's words use one digit style: Arabic, as the
    // organisation chose no other; the amount typed in Thai digits comes back as the bot's own figure.
    const words: string[] = [];
    const collect = (node: any, key = ''): void => {
      if (typeof node === 'string') {
        if (['text', 'altText', 'label', 'displayText'].includes(key)) words.push(node.replace(/https?:\/\/\S+/g, ''));
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) collect(v, k);
    };
    for (const r of h.line.accepted('/v2/bot/message/reply')) collect(r.body.messages);
    expect(words.length).toBeGreaterThan(20);
    expect(words.filter((w) => /[๐-๙]/.test(w))).toEqual([]);
    expect(words.join('\n')).toContain('12,500.00');
  });

  it('keeps history append-only: a second report is a new document, and the measure shows the newest', async () => {
    const id = await measureId('ITA-A');
    for (const [status, summary] of [
      ['อยู่ระหว่างดำเนินการ', 'เตรียมข้อมูลประกาศ'],
      ['ดำเนินการแล้วเสร็จ', 'จัดทำประกาศเผยแพร่บนเว็บไซต์แล้ว'],
    ] as const) {
      await officer.tap(`a=rp.pick&m=${id}`);
      await officer.say(status);
      await officer.say(summary);
      await officer.say('ประชาชนเข้าถึงประกาศได้ทางเว็บไซต์');
      await officer.say('ข้าม');
      const confirm = await officer.say('ข้าม');
      await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
    }
    const history = await ProgressReportModel.find({ measureCode: 'ITA-A' }).sort({ reportedAt: 1 }).lean();
    expect(history.map((r) => [r.status, r.summary])).toEqual([
      ['in_progress', 'เตรียมข้อมูลประกาศ'],
      ['completed', 'จัดทำประกาศเผยแพร่บนเว็บไซต์แล้ว'],
    ]);
    const measure = (await MeasureModel.findById(id).lean())!;
    expect(measure.status).toBe('completed');
    expect(String(measure.lastReportId)).toBe(String(history[1]!._id));
  });

  it('shows the last report\'s answers and takes them again with one tap', async () => {
    const id = await measureId('K-07');
    const answer = async (outcome: string) => {
      await officer.tap(`a=rp.pick&m=${id}`);
      await officer.tap('a=rp.status&s=in_progress');
      return officer.say(outcome);
    };
    await answer('อบรมเจ้าหน้าที่รุ่นที่ 1');
    await officer.say('ผู้เข้าอบรม 25 คน');
    await officer.say('ข้าม');
    await officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));

    // The next round: the summary changes, the outcome is the same.
    await officer.tap(`a=rp.pick&m=${id}`);
    const askSummary = await officer.tap('a=rp.status&s=completed');
    expect(visibleText(askSummary)).toContain('ครั้งก่อน');
    expect(visibleText(askSummary)).toContain('อบรมเจ้าหน้าที่รุ่นที่ 1');
    const askOutcome = await officer.say('อบรมครบทั้ง 2 รุ่นแล้ว');
    expect(visibleText(askOutcome)).toContain('ผู้เข้าอบรม 25 คน');
    await officer.say(askOutcome[0].quickReply.items[0].action.text);
    await officer.say('ข้าม');
    await officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));
    const history = await ProgressReportModel.find({ measureCode: 'K-07' }).sort({ reportedAt: 1 }).lean();
    expect(history.map((r) => [r.summary, r.outcome])).toEqual([
      ['อบรมเจ้าหน้าที่รุ่นที่ 1', 'ผู้เข้าอบรม 25 คน'],
      ['อบรมครบทั้ง 2 รุ่นแล้ว', 'ผู้เข้าอบรม 25 คน'],
    ]);
  });

  it('asks a completed item\'s outcome until it is given, and keeps "use the previous text" after a photo', async () => {
    const id = await measureId('K-10');
    await officer.tap(`a=rp.pick&m=${id}`);
    await officer.tap('a=rp.status&s=in_progress');
    await officer.say('เตรียมเอกสารเผยแพร่');
    await officer.say('ข้าม');
    await officer.say('ข้าม');
    await officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));

    await officer.tap(`a=rp.pick&m=${id}`);
    const askSummary = await officer.tap('a=rp.status&s=completed');
    const quick = (replies: any[]) => replies.flatMap((r) => r.quickReply?.items.map((i: any) => i.action.label) ?? []);
    expect(quick(askSummary)).toContain('ใช้ข้อความเดิม');
    const afterPhoto = await officer.sendImage();
    expect(visibleText(afterPhoto)).toContain('แนบหลักฐานแล้ว 1 รายการ');
    expect(quick(afterPhoto)).toContain('ใช้ข้อความเดิม');
    const askOutcome = await officer.say('ใช้ข้อความเดิม');
    expect(visibleText(askOutcome)).toContain('ต้องระบุผลลัพธ์');
    expect(quick(askOutcome)).not.toContain('ข้าม');
    for (const skip of ['ข้าม', 'ไม่มี']) {
      expect(visibleText(await officer.say(skip))).toContain('ต้องระบุผลลัพธ์หรือความสำเร็จ');
    }
    await officer.say('เผยแพร่ครบทุกช่องทาง');
    await officer.say('ข้าม');
    await officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));
    const newest = (await ProgressReportModel.find({ measureCode: 'K-10' }).sort({ reportedAt: -1 }).lean())[0]!;
    expect(newest).toMatchObject({ status: 'completed', summary: 'เตรียมเอกสารเผยแพร่', outcome: 'เผยแพร่ครบทุกช่องทาง' });
    expect(newest.attachments).toHaveLength(1);
  });

  it('requires a reason when the measure cannot proceed', async () => {
    const id = await measureId('K-01');
    await officer.tap(`a=rp.pick&m=${id}`);
    const askReason = await officer.tap('a=rp.status&s=cannot_proceed');
    expect(visibleText(askReason)).toContain('เหตุผลที่ไม่สามารถดำเนินการได้');
    expect(askReason[0].quickReply.items.map((i: any) => i.action.label)).toContain('ไม่ได้รับงบประมาณ');
    expect(visibleText(await officer.sendImage())).toContain('ต้องการข้อความ');
    await officer.say('ไม่ได้รับงบประมาณ');
    await officer.say('รอการจัดสรรงบประมาณรอบถัดไป');
    await officer.say('ข้าม');
    await officer.say('ข้าม');
    const confirm = await officer.say('ข้าม');
    expect(visibleText(confirm)).toContain('เหตุผลที่ดำเนินการไม่ได้');
    await officer.say('ยืนยัน');
    const report = await ProgressReportModel.findOne({ measureCode: 'K-01' }).lean();
    expect(report).toMatchObject({ status: 'cannot_proceed', cannotProceedReason: 'ไม่ได้รับงบประมาณ' });
  });

  it('can be cancelled at any step, and nothing is saved', async () => {
    const id = await measureId('K-02');
    await officer.tap(`a=rp.pick&m=${id}`);
    await officer.tap('a=rp.status&s=completed');
    const cancelled = await officer.say('ยกเลิก');
    expect(visibleText(cancelled)).toContain('ยกเลิกรายการที่ทำค้างไว้แล้ว');
    expect(await ConversationModel.countDocuments()).toBe(0);
    expect(await ProgressReportModel.countDocuments({ measureCode: 'K-02' })).toBe(0);
    expect(visibleText(await officer.say('cancel'))).toContain('ไม่มีรายการที่ทำค้างอยู่');
  });

  it('lets help be asked mid-dialog and then resumes at the same step', async () => {
    await officer.tap(`a=rp.pick&m=${await measureId('K-03')}`);
    await officer.tap('a=rp.status&s=in_progress');
    const help = await officer.say('ช่วยเหลือ');
    expect(visibleText(help)).toContain('"รายงาน"');
    expect(visibleText(help)).toContain('พิมพ์สรุปผลการดำเนินงาน');
    expect(visibleText(await officer.say('สรุปงาน'))).toContain('ผลลัพธ์หรือความสำเร็จ');
  });

  it('asks before a new dialog throws away the report under way, and keeps it when told to', async () => {
    await officer.tap(`a=rp.pick&m=${await measureId('K-03')}`);
    await officer.tap('a=rp.status&s=in_progress');
    const ask = await officer.say('ร้องเรียน');
    expect(visibleText(ask)).toContain('ยังไม่ได้บันทึก');
    const keep = await officer.tap(postbackOf(ask, 'ทำรายการเดิมต่อ'));
    expect(visibleText(keep)).toContain('พิมพ์สรุปผลการดำเนินงาน');
    expect(visibleText(await officer.say('ประชุมแล้ว'))).toContain('ผลลัพธ์หรือความสำเร็จ');

    const again = await officer.say('ร้องเรียน');
    const switched = await officer.tap(postbackOf(again, 'ทิ้งแล้วเริ่มใหม่'));
    expect(visibleText(switched)).toContain('เลือกประเภทเรื่องที่ต้องการแจ้ง');
    await officer.say('ยกเลิก');
  });

  it('answers a command that is not for this role mid-dialog, then asks the same question again with its buttons', async () => {
    await officer.tap(`a=rp.pick&m=${await measureId('K-03')}`);
    const answer = await officer.say('สรุป');
    expect(visibleText(answer)).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
    const last = answer[answer.length - 1];
    expect(visibleText([last])).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    expect(last.quickReply.items.map((i: any) => i.action.label)).toContain('กำลังดำเนินการ');
    expect(visibleText(await officer.tap('a=rp.status&s=in_progress'))).toContain('พิมพ์สรุปผลการดำเนินงาน');
    await officer.say('ยกเลิก');
  });

  it('expires an idle dialog politely on the next message, and drops its draft', async () => {
    await officer.tap(`a=rp.pick&m=${await measureId('K-04')}`);
    await officer.tap('a=rp.status&s=in_progress');
    await ConversationModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    const replies = await officer.say('สรุปงานที่ทำไปแล้ว');
    expect(visibleText(replies)).toContain('ไม่มีความเคลื่อนไหวเกิน 30 นาที');
    expect(await ConversationModel.countDocuments()).toBe(0);
    expect(await ProgressReportModel.countDocuments({ measureCode: 'K-04' })).toBe(0);
  });

  it('refuses a confirm button left over from an older draft', async () => {
    await officer.tap(`a=rp.pick&m=${await measureId('K-05')}`);
    await officer.tap('a=rp.status&s=completed');
    await officer.say('เสร็จแล้ว');
    await officer.say('ผู้เข้าร่วม 30 คน');
    await officer.say('ข้าม');
    const oldConfirm = await officer.say('ข้าม');
    await officer.tap(`a=rp.pick&m=${await measureId('K-06')}`);
    await officer.tap('a=rp.status&s=completed');
    await officer.say('เสร็จแล้วเช่นกัน');
    await officer.say('ผู้เข้าร่วม 25 คน');
    await officer.say('ข้าม');
    await officer.say('ข้าม');
    const stale = await officer.tap(postbackOf(oldConfirm, 'ยืนยันบันทึก'));
    expect(visibleText(stale)).toContain('ปุ่มนี้เป็นของรายการเก่า');
    expect(await ProgressReportModel.countDocuments({ measureCode: { $in: ['K-05', 'K-06'] } })).toBe(0);
  });

  it('does not let an officer report on another unit\'s measure, even with a crafted postback', async () => {
    const replies = await officer.tap(`a=rp.pick&m=${await measureId('ITA-B')}`);
    expect(visibleText(replies)).toContain('ไม่พบมาตรการนี้ในรายการที่ท่านรับผิดชอบ');
    expect(await ConversationModel.countDocuments()).toBe(0);
  });
});

describe('linking staff accounts', () => {
  it('answers wrong, used and expired codes clearly in Thai', async () => {
    const someone = new Chat(h, 'U3333333333333333333333333333cccc');
    expect(visibleText(await someone.say('ลงทะเบียน ZZZZ-ZZZZ'))).toContain('ไม่พบรหัสเชิญนี้');
    expect(visibleText(await someone.say('register'))).toContain('ตามด้วยรหัสเชิญ');

    const { code } = await createInvite({ orgId: ORG, roles: ['executive'], unit: null, position: null, validHours: 1 });
    expect(visibleText(await someone.say(`register ${code}`))).toContain('ผู้บริหาร');
    const other = new Chat(h, 'U4444444444444444444444444444dddd');
    expect(visibleText(await other.say(`ลงทะเบียน ${code}`))).toContain('ถูกใช้ไปแล้ว');

    const expired = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองช่าง', position: null, validHours: 1, now: new Date(Date.now() - 2 * 3600_000) });
    expect(visibleText(await other.say(`ลงทะเบียน ${expired.code}`))).toContain('หมดอายุแล้ว');
    expect(await StaffModel.countDocuments({ lineUserId: other.userId })).toBe(0);
  });

  it('throttles code guessing per account: after 5 wrong codes in 10 minutes, no check and no LINE profile call', async () => {
    const guesser = new Chat(h, 'U7777777777777777777777777777gggg');
    const profileCalls = () => h.line.requests.filter((r) => r.path.includes(`/profile/${guesser.userId}`)).length;
    for (let i = 0; i < 5; i++) expect(visibleText(await guesser.say(`ลงทะเบียน ZZZZ-ZZZ${i + 2}`))).toContain('ไม่พบรหัสเชิญนี้');
    const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองคลัง', position: null, validHours: 1 });
    // Even a valid code waits: it is not looked at.
    for (const attempt of ['ลงทะเบียน ZZZZ-ZZZ9', `ลงทะเบียน ${code}`]) {
      const answer = visibleText(await guesser.say(attempt));
      expect(answer).toContain('ลองใหม่อีกครั้งในอีก 10 นาที');
      expect(answer).not.toContain('ไม่พบรหัสเชิญนี้');
    }
    expect(await InviteModel.findById(code).lean()).toMatchObject({ usedAt: null });
    expect(await StaffModel.countDocuments({ lineUserId: guesser.userId })).toBe(0);
    // Wrong codes never asked LINE for a profile; the throttled attempts were not even recorded.
    expect(profileCalls()).toBe(0);
    expect(await RegisterFailureModel.countDocuments({ orgId: ORG })).toBeGreaterThanOrEqual(5);
    // The record names the account by its keyed hash only.
    expect(JSON.stringify(await RegisterFailureModel.find().lean())).not.toContain(guesser.userId);

    // Another account is not held back by this one.
    const colleague = new Chat(h, 'U8888888888888888888888888888hhhh');
    expect(visibleText(await colleague.say('ลงทะเบียน ZZZZ-ZZZ2'))).toContain('ไม่พบรหัสเชิญนี้');

    // Once the attempts are older than 10 minutes the account may try again, and the right code links it.
    await RegisterFailureModel.updateMany({ userKey: testSealer.userKey(guesser.userId) }, { $set: { at: new Date(Date.now() - 11 * 60_000) } });
    expect(visibleText(await guesser.say(`ลงทะเบียน ${code}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(profileCalls()).toBe(1);
  });

  it('gives each registered person the rich menu of all their roles', async () => {
    const menus = { citizen: 'rm-citizen', officer: 'rm-officer', handler: 'rm-handler', executive: 'rm-executive', admin: 'rm-admin' };
    for (const id of Object.values(menus)) h.line.richMenus.set(id, { definition: {}, image: Buffer.from('png') });
    await saveRichMenus(ORG, menus);
    const mayor = new Chat(h, 'U6666666666666666666666666666ffff');
    const first = await createInvite({ orgId: ORG, roles: ['executive'], unit: null, position: null, validHours: 1 });
    await mayor.say(`ลงทะเบียน ${first.code}`);
    expect(h.line.linkedRichMenus.get(mayor.userId)).toBe('rm-executive');
    // A second invite adds the officer role; the officer menu ranks above the executive one.
    const second = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองคลัง', position: null, validHours: 1 });
    await mayor.say(`ลงทะเบียน ${second.code}`);
    expect(h.line.linkedRichMenus.get(mayor.userId)).toBe('rm-officer');
  });

  it('gives people without a staff role the citizen help, and refuses staff commands', async () => {
    const citizen = new Chat(h, 'U5555555555555555555555555555eeee');
    expect(visibleText(await citizen.say('ช่วยเหลือ'))).toContain('สำหรับประชาชน');
    expect(visibleText(await citizen.say('รายงาน'))).toContain('สำหรับเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น');
    expect(visibleText(await citizen.tap('a=rp.status&s=completed'))).toContain('ปุ่มนี้เป็นของรายการที่จบไปแล้ว');
  });

  it('answers unknown text and stickers with a helpful reply, never silence', async () => {
    // Issue 26: text that means nothing known gets a short answer with the officer's own buttons, not "not understood" and the whole help.
    const unknown = await officer.say('ฝนตกหนักมากวันนี้');
    expect(visibleText(unknown)).not.toContain('ไม่เข้าใจ');
    expect(visibleText(unknown)).not.toContain('"รายงาน"');
    expect(unknown[0].quickReply.items.map((i: any) => i.action.label)).toEqual(expect.arrayContaining(['รายงาน', 'ช่วยเหลือ']));
    // A greeting is answered briefly with the officer's own buttons, not with "not understood" and the help text.
    const greeting = await officer.say('สวัสดีครับ');
    expect(visibleText(greeting)).not.toContain('ไม่เข้าใจ');
    expect(visibleText(greeting)).not.toContain('"รายงาน"');
    expect(greeting[0].quickReply.items.map((i: any) => i.action.label)).toContain('รายงาน');
  });
});

describe('handover and rounds', () => {
  it('opens a brief from the measure card: responsible unit, method and the last reports with who wrote them', async () => {
    const id = await measureId('K-08');
    for (const summary of ['รอบแรก จัดประชุมชี้แจง', 'รอบสอง จัดทำคู่มือ', 'รอบสาม เผยแพร่คู่มือ', 'รอบสี่ ติดตามผล']) {
      await officer.tap(`a=rp.pick&m=${id}`);
      await officer.tap('a=rp.status&s=in_progress');
      await officer.say(summary);
      await officer.say('ข้าม');
      await officer.say('ข้าม');
      await officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));
    }
    const list = await officer.say('รายงาน');
    const briefButton = `a=rp.brief&m=${id}`;
    expect(JSON.stringify(list)).toContain(briefButton);
    const brief = visibleText(await officer.tap(briefButton));
    expect(brief).toContain('ผู้รับผิดชอบ: กองคลัง');
    expect(brief).toContain('รายงานล่าสุด');
    expect(brief).not.toMatch(/รายงาน \d+ ครั้งล่าสุด/);
    expect(brief).toContain('รอบสี่ ติดตามผล');
    expect(brief).toContain('สมศรี ใจดี');
    expect(brief).not.toContain('รอบแรก');
  });

  it('locks a completed item for the rest of its round until an admin reopens it, and lets an admin edit an item', async () => {
    const id = await measureId('K-09');
    const complete = async () => {
      await officer.tap(`a=rp.pick&m=${id}`);
      await officer.tap('a=rp.status&s=completed');
      await officer.say('ดำเนินการครบแล้ว');
      await officer.say('เจ้าหน้าที่ทุกคนได้รับคู่มือ');
      await officer.say('ข้าม');
      return officer.tap(postbackOf(await officer.say('ข้าม'), 'ยืนยันบันทึก'));
    };
    await complete();
    const locked = visibleText(await officer.tap(`a=rp.pick&m=${id}`));
    expect(locked).toContain('ปิดการรายงานไว้จนจบรอบ');
    expect(await ConversationModel.countDocuments()).toBe(0);

    const admin = new Chat(h, 'U7777777777777777777777777777aaaa');
    expect(visibleText(await admin.say('รายการ K-09'))).toContain('สำหรับผู้ดูแลระบบเท่านั้น');
    const { code } = await createInvite({ orgId: ORG, roles: ['admin'], unit: null, position: null, validHours: 1 });
    h.line.profiles.set(admin.userId, 'ผู้ดูแล');
    await admin.say(`ลงทะเบียน ${code}`);
    const brief = await admin.say('รายการ k-09');
    expect(visibleText(brief)).toContain('งานกองคลังลำดับที่ 9');
    expect(visibleText(await admin.tap(postbackOf(brief, 'เปิดให้รายงานใหม่')))).toContain('ได้อีกครั้งแล้ว');
    expect(visibleText(await officer.tap(`a=rp.pick&m=${id}`))).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    await officer.say('ยกเลิก');

    const ask = await admin.tap(postbackOf(brief, 'แก้ไขผู้รับผิดชอบ'));
    expect(visibleText(ask)).toContain('ปัจจุบัน: กองคลัง');
    const saved = visibleText(await admin.say('กองคลัง, กองช่าง'));
    expect(saved).toContain('เดิม: กองคลัง');
    expect(saved).toContain('ใหม่: กองคลัง, กองช่าง');
    expect((await MeasureModel.findById(id).lean())!.responsibleUnits).toEqual(['กองคลัง', 'กองช่าง']);
    expect(await MeasureChangeModel.countDocuments({ code: 'K-09', field: 'responsibleUnits', by: 'ผู้ดูแล', source: 'line' })).toBe(1);
  });
});
