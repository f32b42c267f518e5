import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { ConversationModel, conversationId } from '../../src/db/models/conversation.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { stickerEvent } from '../support/line-events.js';

/** Issue 26, points 2, 5, 6 and 7: people understood in their own words, through signed webhooks. */
const ORG = 'test-org';
const EXECUTIVE = 'U-own-words-executive';
const FY = fiscalYearOf(new Date());
const OFFER = 'แจ้งเรื่องนี้เป็นเรื่องร้องเรียนไหม';

let h: Harness;
let n = 0;
/** A fresh citizen for each conversation, as a new LINE user would write. */
const citizen = () => new Chat(h, `Uc${String(++n).padStart(31, '0')}`);
const quickLabels = (messages: any[]) => messages.flatMap((m) => m.quickReply?.items ?? []).map((i: any) => i.action.label);
/** Whether anything of this person's conversation is kept (a draft is kept until filed or dropped). */
const stored = async (chat: Chat) => ConversationModel.countDocuments({ _id: conversationId(ORG, testSealer.userKey(chat.userId)) });

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('a citizen who tells the story is offered to file it', () => {
  it.each([
    ['ถนนหน้าบ้านเป็นหลุมเป็นบ่อมาเป็นเดือนแล้วค่ะ ไม่มีใครมาซ่อมเลย'],
    ['แจ้งซ่อมไฟถนนครับ'],
    ['ไฟทางบ่ติดมาหลายมื้อแล้วเด้อ มาเบิ่งแน่'],
  ])('"%s" is offered as a general complaint first', async (story) => {
    const answer = await citizen().say(story);
    expect(visibleText(answer)).toContain(OFFER);
    expect(visibleText(answer)).not.toContain('ไม่เข้าใจ');
    expect(quickLabels(answer)).toEqual(['แจ้งเรื่องทั่วไป', 'แจ้งเบาะแสทุจริต', 'ไม่ใช่']);
  });

  it.each([['เจ้าหน้าที่กองช่างเรียกเงินใต้โต๊ะครับ'], ['ปลัดรับสินบนครับ']])('"%s" puts the confidential channel first', async (story) => {
    const answer = await citizen().say(story);
    expect(visibleText(answer)).toContain(OFFER);
    expect(quickLabels(answer)).toEqual(['แจ้งเบาะแสทุจริต', 'แจ้งเรื่องทั่วไป', 'ไม่ใช่']);
  });

  it('files the message as typed, without asking the story or the kind again', async () => {
    const story = 'ถนนหน้าบ้านเป็นหลุมเป็นบ่อมาเป็นเดือนแล้วค่ะ ไม่มีใครมาซ่อมเลย';
    const chat = citizen();
    const offer = await chat.say(story);
    const next = visibleText(await chat.tap(postbackOf(offer, 'แจ้งเรื่องทั่วไป')));
    expect(next).toContain('เกิดที่ไหน');
    expect(next).not.toContain('เล่าเรื่องที่ต้องการร้องเรียน');
    expect(next).not.toContain('เลือกประเภทเรื่อง');
    expect(next).toContain('1/3');
    await chat.say('ข้าม');
    await chat.say('ไม่ประสงค์ออกนาม');
    const confirm = await chat.say('รับแจ้ง');
    expect(visibleText(confirm)).toContain(`รายละเอียด: ${story}`);
    expect(visibleText(await chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง')))).toContain(`G${FY}-`);
    const filed = (await ComplaintModel.findOne({ kind: 'general' }).sort({ submittedAt: -1 }).lean())!;
    expect(filed.description).toBe(story);
  });

  it('files a corruption story as typed through the confidential channel, asking who and when but not the story', async () => {
    const story = 'ปลัดรับสินบนครับ';
    const chat = citizen();
    const offer = await chat.say(story);
    expect(visibleText(await chat.tap(postbackOf(offer, 'แจ้งเบาะแสทุจริต')))).toContain('ผู้ถูกกล่าวหาคือใคร');
    const askWhere = visibleText(await chat.say('ปลัดองค์การ'));
    expect(askWhere).toContain('เมื่อใด');
    expect(visibleText(await chat.say('เดือนที่แล้ว'))).toContain('เกิดที่ไหน');
    await chat.say('ข้าม');
    const confirm = await chat.say('ไม่ต้องแจ้ง');
    expect(visibleText(confirm)).toContain(`รายละเอียด: ${story}`);
    await chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
    const filed = (await ComplaintModel.findOne({ kind: 'corruption' }).sort({ submittedAt: -1 }).lean())!;
    expect(filed.description).toBe(story);
  });

  it('keeps nothing when the citizen says it is not a complaint', async () => {
    const before = await ComplaintModel.countDocuments();
    const chat = citizen();
    const offer = await chat.say('น้ำประปาไม่ไหลมาสามวันแล้วครับ');
    expect(await stored(chat)).toBe(1);
    const declined = await chat.tap(postbackOf(offer, 'ไม่ใช่'));
    expect(visibleText(declined)).not.toContain('ไม่เข้าใจ');
    expect(await stored(chat)).toBe(0);
    expect(await ComplaintModel.countDocuments()).toBe(before);
  });
});

describe('pleasantries', () => {
  it.each([['ขอบคุณที่แจ้งเรื่องให้ทราบค่ะ'], ['ขอบคุณครับ'], ['โอเคครับ'], ['ได้ครับ'], ['สวัสดีค่ะ'], ['555555'], ['👍']])('"%s" gets a short polite answer with the main buttons', async (said) => {
    const chat = citizen();
    const answer = await chat.say(said);
    const shown = visibleText(answer);
    expect(shown).not.toContain('ไม่เข้าใจ');
    expect(shown).not.toContain(OFFER);
    expect(shown).not.toContain('สำหรับประชาชน');
    expect(shown).not.toContain('พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล');
    expect(quickLabels(answer)).toContain('ร้องเรียน');
    expect(await stored(chat)).toBe(0);
  });

  it('answers a sticker the same way', async () => {
    const chat = citizen();
    const answer = await chat.send(stickerEvent(chat.userId));
    expect(visibleText(answer)).not.toContain('ได้รับข้อความแล้ว แต่');
    expect(quickLabels(answer)).toContain('เรื่องของฉัน');
  });
});

describe('a phrase means what it would for the person writing it', () => {
  const executive = () => new Chat(h, EXECUTIVE);

  it.each([['ขอดูสรุปผลการดำเนินงานหน่อย'], ['ขอดูภาพรวมหน่อยครับ'], ['ภาพรวม']])('an executive\'s "%s" is the summary', async (said) => {
    const shown = visibleText(await executive().say(said));
    expect(shown).toContain('สรุปผลการดำเนินงานล่าสุด');
    expect(shown).not.toMatch(/เท่านั้น|ไม่เข้าใจ/);
  });

  it('an executive asking for an Excel file gets the export list', async () => {
    const shown = visibleText(await executive().say('ขอรายงานเป็นไฟล์ Excel'));
    expect(shown).toContain('เลือกรายงานที่ต้องการดาวน์โหลด');
    expect(shown).not.toContain('เท่านั้น');
  });

  it('a citizen\'s "report corruption ครับ" opens the confidential channel, not an officers-only refusal', async () => {
    const shown = visibleText(await citizen().say('report corruption ครับ'));
    expect(shown).not.toContain('คำสั่งนี้สำหรับ');
    expect(shown).toContain('ผู้ถูกกล่าวหาคือใคร');
  });

  it("an executive asking for a province's roll-up is still told it is the supervising offices'", async () => {
    expect(visibleText(await executive().say('ภาพรวมจังหวัด'))).toContain('ใช้ได้เฉพาะหน่วยงานกำกับดูแล');
  });

  it('a citizen asking for the summary is still told it is not theirs', async () => {
    expect(visibleText(await citizen().say('สรุป'))).toContain('สำหรับผู้บริหาร');
  });
});

describe('when unsure, the bot asks', () => {
  it('offers the likely meanings as buttons instead of "not understood"', async () => {
    const answer = await citizen().say('ขยะหน้าบ้าน');
    const shown = visibleText(answer);
    expect(shown).not.toContain('ไม่เข้าใจคำสั่งนี้');
    expect(quickLabels(answer).slice(0, 2)).toEqual(['ร้องเรียน', 'เรื่องของฉัน']);
  });
});
