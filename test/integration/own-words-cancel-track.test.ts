import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { thaiDigits } from '../../src/domain/thai.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { startHarness, type Harness } from '../support/harness.js';

// Issue 26, points 3 and 4: cancel in any common form at any question, and tracking numbers in any common form.
const CITIZEN_A = 'Ua0000000000000000000000000000261';
const CITIZEN_B = 'Ub0000000000000000000000000000262';
const FY = fiscalYearOf(new Date());
const CANCELLED = 'ยกเลิกรายการที่ทำค้างไว้แล้ว';
const ASK_SURE = 'ต้องการยกเลิกรายการที่ทำค้างไว้ใช่ไหม';
const ASK_STORY = 'เล่าเรื่องที่ต้องการร้องเรียน';

let h: Harness;
let a: Chat;
let b: Chat;

beforeAll(async () => {
  h = await startHarness();
  a = new Chat(h, CITIZEN_A);
  b = new Chat(h, CITIZEN_B);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  // Each case starts with nothing under way, whatever the one before left.
  await a.say('ยกเลิก');
  await b.say('ยกเลิก');
  h.line.reset();
});

/** A citizen at the general complaint's story question. */
async function atStoryQuestion(chat: Chat): Promise<void> {
  const start = await chat.say('ร้องเรียน');
  expect(visibleText(await chat.tap(postbackOf(start, 'ร้องเรียนทั่วไป')))).toContain(ASK_STORY);
}

describe('cancel typed as people type it, at the complaint story question', () => {
  it.each(['ยกเลิกค่ะ', 'Cancel ครับ', 'ยกเลิกกกก', 'ขอยกเลิกเรื่องนี้ครับ'])('"%s" cancels at once and is never the story', async (phrase) => {
    await atStoryQuestion(a);
    const reply = visibleText(await a.say(phrase));
    expect(reply).toContain(CANCELLED);
    expect(reply).not.toContain('เกิดที่ไหน');
    // The dialog is gone: the next story-like message is not taken as an answer to a question.
    expect(visibleText(await a.say('ข้าม'))).not.toContain('ไม่ประสงค์ออกนาม');
  });

  it.each(['ไม่เอาแล้ว', 'หยุดก่อน', 'พอแล้วค่ะ', 'ไม่แจ้งแล้ว'])('"%s" asks once, keeps the place on "ทำรายการเดิมต่อ", and cancels on "ยกเลิกรายการ"', async (phrase) => {
    await atStoryQuestion(a);
    const ask = await a.say(phrase);
    expect(visibleText(ask)).toContain(ASK_SURE);
    expect(visibleText(ask)).not.toContain('เกิดที่ไหน');
    const back = await a.tap(postbackOf(ask, 'ทำรายการเดิมต่อ'));
    expect(visibleText(back)).toContain(ASK_STORY);
    const again = await a.say(phrase);
    expect(visibleText(await a.tap(postbackOf(again, 'ยกเลิกรายการ')))).toContain(CANCELLED);
    expect(visibleText(await a.say('ข้าม'))).not.toContain('ไม่ประสงค์ออกนาม');
  });

  it('a story that merely contains the word is the story', async () => {
    await atStoryQuestion(a);
    expect(visibleText(await a.say('ผู้รับเหมายกเลิกงานกลางคัน ถนนขุดทิ้งไว้'))).toContain('เกิดที่ไหน');
    expect(visibleText(await a.say('ยกเลิกค่ะ'))).toContain(CANCELLED);
  });

  it('cancels at a later question too, and as a first message says nothing is under way', async () => {
    await b.say('ร้องเรียน');
    expect(visibleText(await b.tap('a=cm.kind&k=corruption'))).toContain('ผู้ถูกกล่าวหาคือใคร');
    expect(visibleText(await b.say('Cancel ครับ'))).toContain(CANCELLED);
    const first = visibleText(await b.say('ยกเลิกค่ะ'));
    expect(first).toContain('ตอนนี้ไม่มีรายการที่ทำค้างอยู่');
    expect(first).not.toContain('ไม่เข้าใจ');
  });

  it('followed to the end, no confirmation card ever reads a cancel phrase as the story, and none is filed', async () => {
    await atStoryQuestion(a);
    await a.say('ยกเลิกค่ะ');
    await a.say('ข้าม');
    await a.say('ไม่ประสงค์ออกนาม');
    const last = visibleText(await a.say('รับแจ้ง'));
    expect(last).not.toContain('ยกเลิกค่ะ');
    expect(last).not.toContain('ยืนยันส่งเรื่อง');
    const stories = (await ComplaintModel.find({}).lean()).map((c) => String(c.description));
    for (const phrase of ['ยกเลิก', 'Cancel', 'ไม่เอาแล้ว', 'หยุดก่อน', 'พอแล้ว', 'ไม่แจ้งแล้ว']) expect(stories.join('|')).not.toContain(phrase);
  });
});

describe('tracking numbers in any common form, for the sender\'s own cases only', () => {
  beforeAll(async () => {
    // A files G<FY>-0001; B files C<FY>-0001: the same number without its letter is one case for each.
    expect(visibleText(await fileGeneralComplaint(a, 'ไฟทางหน้าบ้านดับมาหลายคืนแล้ว'))).toContain(`G${FY}-0001`);
    await b.say('ร้องเรียน');
    await b.tap('a=cm.kind&k=corruption');
    await b.say('เจ้าหน้าที่กองช่าง');
    await b.say('เดือนที่แล้ว');
    await b.say('เรียกเงินใต้โต๊ะจากผู้รับเหมา');
    await b.say('ข้าม');
    const confirm = await b.say('รับแจ้ง');
    expect(visibleText(await b.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง')))).toContain(`C${FY}-0001`);
  });

  it.each([
    `ติดตาม G${FY}/0001`,
    `สถานะ G${FY}0001`,
    `เลขที่ G ${FY}-0001 ดำเนินการไปถึงไหนแล้ว`,
    `ขอดูความคืบหน้า ${FY}-0001`,
    `g${FY}0001`,
    `${thaiDigits(`${FY}-0001`)} ค่ะ`,
    `G${FY}-1 ถึงไหนแล้วครับ`,
  ])('"%s" shows the citizen their case', async (message) => {
    const reply = visibleText(await a.say(message));
    expect(reply).toContain(`เรื่องเลขที่ G${FY}-0001`);
    expect(reply).not.toContain(`C${FY}-0001`);
  });

  it('asked at a complaint\'s story question, shows the case and asks the question again, storing nothing', async () => {
    const start = await a.say('ร้องเรียน');
    await a.tap(postbackOf(start, 'ร้องเรียนทั่วไป'));
    const reply = await a.say(`สถานะ G${FY}0001 ครับ`);
    expect(visibleText(reply)).toContain(`เรื่องเลขที่ G${FY}-0001`);
    expect(visibleText([reply[reply.length - 1]])).toContain(ASK_STORY);
  });

  it('a number without its letter finds the sender\'s own case of either kind, never another person\'s', async () => {
    const reply = visibleText(await b.say(`ขอดูความคืบหน้า ${FY}-0001`));
    expect(reply).toContain(`เรื่องเลขที่ C${FY}-0001`);
    expect(reply).not.toContain(`G${FY}-0001`);
    expect(visibleText(await b.say(`สถานะ G${FY}0001`))).toContain('ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้');
    expect(visibleText(await a.say(`สถานะ C${FY}/0001`))).toContain('ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้');
  });
});
