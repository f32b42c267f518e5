import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDialog } from '../../src/db/conversation-store.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/**
 * Issue 26, the citizen's side: dialect, typos and other wordings of cancel, help, "my cases", thanks
 * and small talk, through signed webhooks. The sentences are our own, not the measured phrase set's.
 */
const ORG = 'test-org';
const ASK_STORY = 'เล่าเรื่องที่ต้องการร้องเรียน';
const OFFER = 'แจ้งเรื่องนี้เป็นเรื่องร้องเรียนไหม';

let h: Harness;
let n = 0;
const citizen = () => new Chat(h, `Ucz${String(++n).padStart(30, '0')}`);
const quickLabels = (messages: any[]) => messages.flatMap((m) => m.quickReply?.items ?? []).map((i: any) => i.action.label);
const stepOf = async (chat: Chat) => (await loadDialog(ORG, testSealer.userKey(chat.userId), new Date(), testSealer))?.state.step ?? null;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

async function atStoryQuestion(chat: Chat): Promise<void> {
  const start = await chat.say('ร้องเรียน');
  expect(visibleText(await chat.tap(postbackOf(start, 'ร้องเรียนทั่วไป')))).toContain(ASK_STORY);
}

describe('at the complaint story question, what is not a story is never stored as one', () => {
  it.each(['บ่เอาแล้วเด้อ', 'ไม่ต้องแล้วค่ะ', 'กดผิดค่ะ ยกเลิก', 'ยกเลิกได้ไหมคะ', 'ไม่เอาแล้วครับ ขอบคุณ', 'เซาก่อนเด้อ'])('"%s" cancels, or asks once', async (phrase) => {
    const chat = citizen();
    await atStoryQuestion(chat);
    const reply = await chat.say(phrase);
    expect(visibleText(reply)).toMatch(/ยกเลิก/);
    expect(visibleText(reply)).not.toContain('เกิดที่ไหน');
    expect(await stepOf(chat)).not.toBe('where');
  });

  it.each(['ใช้ยังไงคะ', 'ขอเมนูหน่อยจ้า', 'ใช้จั่งใด๋เด้อ', 'ช่วยเหลอ'])('"%s" shows the help and asks the story again', async (phrase) => {
    const chat = citizen();
    await atStoryQuestion(chat);
    const reply = visibleText(await chat.say(phrase));
    expect(reply).toContain('สำหรับประชาชน');
    expect(reply).toContain(ASK_STORY);
    expect(await stepOf(chat)).toBe('what');
  });

  // The other side of hearing help at any question: a story that asks for help stays the story.
  it('takes a story that asks for help with a problem as the story', async () => {
    const chat = citizen();
    await atStoryQuestion(chat);
    const reply = visibleText(await chat.say('ขอความช่วยเหลือเรื่องหมาจรจัดกัดเด็กแถวโรงเรียนค่ะ'));
    expect(reply).toContain('เกิดที่ไหน');
    expect(await stepOf(chat)).toBe('where');
  });
});

describe('as a first message', () => {
  it.each(['ใช้พรือหนิ', 'บอทนี้ทำอะไรได้มั่ง', 'what can you do?', 'รบกวนแนะนำวิธีการใช้งานด้วยค่ะ'])('"%s" gets the help text, not "not understood"', async (phrase) => {
    const reply = visibleText(await citizen().say(phrase));
    expect(reply).toContain('สำหรับประชาชน');
    expect(reply).not.toContain('ไม่เข้าใจ');
  });

  it.each(['ขอบใจหลายๆ เด้อ', 'ยินดีเจ้า', 'ถถถถ', 'จ้า', 'สวัสดีวันศุกร์ค่ะ', 'ไฟซ่อมเสร็จแล้ว ชื่นชมเจ้าหน้าที่มากครับ'])('"%s" gets a short polite answer with the main buttons', async (phrase) => {
    const reply = await citizen().say(phrase);
    expect(visibleText(reply)).not.toMatch(/ไม่เข้าใจ|สำหรับประชาชน|เรื่องร้องเรียนไหม/);
    expect(quickLabels(reply)).toContain('ร้องเรียน');
  });

  it('answers small talk nothing fits briefly with the main buttons, never "not understood" and the whole help', async () => {
    const reply = await citizen().say('วันนี้ฝนตกทั้งวันเลย');
    expect(visibleText(reply)).not.toMatch(/ไม่เข้าใจ|สำหรับประชาชน/);
    expect(quickLabels(reply)).toEqual(expect.arrayContaining(['ร้องเรียน', 'เรื่องของฉัน', 'ช่วยเหลือ']));
  });

  it.each([
    ['ทางเข้าหมู่บ้านเปิ้นขุดไว้แล้วบ่กลบเจ้า', 'แจ้งเรื่องทั่วไป'],
    ['มีรังต่อใหญ่มากตรงศาลาหมู่บ้าน', 'แจ้งเรื่องทั่วไป'],
    ['เจ้าหน้าที่เก็บเงินค่าธรรมเนียมเกินแล้วไม่ออกใบเสร็จ', 'แจ้งเบาะแสทุจริต'],
    ['นายกเอารถหลวงไปใช้ธุระส่วนตัว', 'แจ้งเบาะแสทุจริต'],
    ['the officer asked me for money under the table', 'แจ้งเบาะแสทุจริต'],
  ])('"%s" is offered for filing, %s first', async (story, first) => {
    const reply = await citizen().say(story);
    expect(visibleText(reply)).toContain(OFFER);
    expect(quickLabels(reply)[0]).toBe(first);
  });
});

describe("a citizen's own cases, in their words", () => {
  it.each(['ประวัติการร้องเรียนของผม', 'ขอดูเรื่องที่เคยแจ้งไว้ครับ', 'เรื่องที่ข้อยแจ้งไว้อยู่ไส', 'ดูรายการที่ส่งไปแล้วหน่อย'])('"%s" lists them', async (phrase) => {
    const chat = citizen();
    await fileGeneralComplaint(chat, 'ไฟถนนหน้าบ้านดับมาสามวันแล้วค่ะ');
    const reply = await chat.say(phrase);
    expect(visibleText(reply) + reply.map((m: any) => m.altText ?? '').join('\n')).toMatch(/^เรื่องของท่าน/m);
    expect(await stepOf(chat)).toBeNull();
  });
});
