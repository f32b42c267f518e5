import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * An officer of สำนักปลัด going to one item of the sample plan (examples/plan-2568.csv, moved into the
 * current fiscal year as the demo shows it): 46 items are theirs, most completed and locked for the round.
 */
const ORG = 'test-org';
let h: Harness;
let officer: Chat;

/** The codes on the cards of a carousel, in order (in Arabic digits, whichever the bot wrote). */
const codesOn = (messages: any[]): string[] => {
  const carousel = messages.find((m) => m.contents?.type === 'carousel');
  return (carousel?.contents.contents ?? []).flatMap((b: any) => (b.header ? [arabicDigits(b.header.contents[1].text)] : []));
};

const dialogs = () => ConversationModel.countDocuments();

beforeAll(async () => {
  h = await startHarness();
  const now = new Date();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { toFiscalYear: fiscalYearOf(now), now })).toMatchObject({ ok: true, created: 55 });
  officer = new Chat(h, 'U1212121212121212121212121212abab');
  h.line.profiles.set(officer.userId, 'สมชาย รักงาน');
  const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'สำนักปลัด', position: null, validHours: 24 });
  expect(visibleText(await officer.say(`ลงทะเบียน ${code}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe('the list shows what is due first', () => {
  it('opens on the items still to report on, and keeps the completed ones behind one button', async () => {
    const list = await officer.say('รายงาน');
    const first = codesOn(list);
    // The 7 items still open fit one page; nothing completed is in the way. Seed 000's OIT items are not
    // here: the officer answers them under OIT, the one record of an OIT item.
    expect(first).toEqual(['EP-02', 'EP-10', 'EP-13', 'IIT-002-1', 'EIT-002-8', 'OIT-002-9', 'OIT-002-10']);
    const completed = (await MeasureModel.find({ orgId: ORG, status: 'completed' }).lean()).map((m) => m.code);
    expect(first.filter((c) => completed.includes(c))).toEqual([]);
    expect(visibleText(list)).toContain('ดำเนินการแล้วเสร็จอีก 39 รายการ');
    expect(visibleText(list)).not.toContain('หน้าถัดไป');

    const done = await officer.tap(postbackOf(list, 'ดูรายการที่เสร็จแล้ว'));
    const doneCodes = codesOn(done);
    expect(doneCodes).toHaveLength(10);
    expect(doneCodes).toContain('EP-11');
    expect(visibleText(done)).toContain('รายการที่ดำเนินการแล้วเสร็จ 39 รายการ');
    const laterPage = await officer.tap(postbackOf(done, 'หน้าถัดไป'));
    expect(codesOn(laterPage).some((c) => doneCodes.includes(c))).toBe(false);
    // The way back to the open items.
    expect(visibleText(done)).toContain('รายการที่ต้องรายงาน');
  });

  it.each(['ดูรายการที่เสร็จแล้ว', 'ขอดูรายการที่เสร็จแล้วครับ', 'รายการที่เสร็จแล้ว', 'รายการที่ดำเนินการแล้วเสร็จ'])('typing "%s" shows the completed items, as the button does', async (typed) => {
    const byButton = codesOn(await officer.tap(postbackOf(await officer.say('รายงาน'), 'ดูรายการที่เสร็จแล้ว')));
    const typedList = await officer.say(typed);
    expect(codesOn(typedList)).toEqual(byButton);
    expect(visibleText(typedList)).toContain('รายการที่ดำเนินการแล้วเสร็จ 39 รายการ');
    expect(await dialogs()).toBe(0);
  });

  it('the button\'s words typed during a report ask before leaving it, then show the completed items', async () => {
    await officer.say('รายงาน EP-13');
    const ask = await officer.say('ดูรายการที่เสร็จแล้ว');
    expect(visibleText(ask)).toContain('ยังไม่ได้บันทึก');
    const done = await officer.tap(postbackOf(ask, 'ทิ้งแล้วเริ่มใหม่'));
    expect(visibleText(done)).toContain('รายการที่ดำเนินการแล้วเสร็จ 39 รายการ');
    expect(codesOn(done)).toContain('EP-11');
  });

  it('puts an item whose period is over first', async () => {
    const ended = new Date(Date.now() - 24 * 3600_000);
    await MeasureModel.updateOne({ orgId: ORG, code: 'EP-13' }, { $set: { periodEnd: ended } });
    try {
      const list = await officer.say('รายงาน');
      expect(codesOn(list)[0]).toBe('EP-13');
      // Marked as such, on its card only.
      expect(visibleText(list).match(/เกินกำหนดแล้ว/g)).toHaveLength(1);
    } finally {
      await MeasureModel.updateOne({ orgId: ORG, code: 'EP-13' }, { $set: { periodEnd: new Date(Date.UTC(fiscalYearOf(new Date()) - 543, 8, 30, 17)) } });
    }
  });
});

describe('an officer goes to an item directly', () => {
  it.each(['รายงาน EP-10', 'รายงาน ep10', 'รายงาน EP-๑๐', 'รายงาน EP 10', 'ขอรายงาน ep-10 ครับ'])('"%s" opens EP-10', async (typed) => {
    const replies = await officer.say(typed);
    const shown = visibleText(replies);
    expect(shown).toContain('มาตรการจัดการเรื่องราวร้องทุกข์/ร้องเรียน');
    expect(shown).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    expect(await dialogs()).toBe(1);
  });

  it('says why an item cannot be reported on: another unit\'s, no unit at all, or locked for the round', async () => {
    const other = visibleText(await officer.say('รายงาน EP-01'));
    expect(other).toContain('กองการศึกษา ศาสนาและวัฒนธรรม');
    expect(other).toContain('รายงานรายการนี้ไม่ได้');
    expect(visibleText(await officer.say('รายงาน gl-003-1'))).toContain('ยังไม่ได้กำหนดหน่วยงานรับผิดชอบ');
    expect(visibleText(await officer.say('รายงาน EP-11'))).toContain('ปิดการรายงานไว้จนจบรอบ');
    expect(await dialogs()).toBe(0);
    const unknown = await officer.say('รายงาน EP-99');
    expect(visibleText(unknown)).toContain('ไม่พบรายการที่ตรงกับ "EP-99"');
    expect(codesOn(unknown)[0]).toBe('EP-02');
  });

  it('opens the item a sentence names by words of its title', async () => {
    const replies = visibleText(await officer.say('อยากรายงานเรื่องความเสี่ยงการทุจริตครับ'));
    expect(replies).toContain('EP-13 มาตรการบริหารจัดการความเสี่ยงการทุจริต');
    expect(replies).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
    await officer.say('ยกเลิก');
    // The item of the issue: found at once, and said to be locked rather than shown on page 1 of 6.
    const locked = visibleText(await officer.say('ขอรายงานโครงการจัดเวทีประชาคม'));
    expect(locked).toContain('EP-11');
    expect(locked).toContain('ปิดการรายงานไว้จนจบรอบ');
  });

  it('offers the best matches as buttons when several titles fit, and each opens its item', async () => {
    const offered = await officer.say('รายงาน ช่องทางร้องเรียน');
    expect(visibleText(offered)).toContain('พบรายการที่ใกล้เคียง');
    expect(codesOn(offered)).toEqual(expect.arrayContaining(['EP-15', 'ITA-09', 'EP-10']));
    expect(codesOn(offered).length).toBeLessThanOrEqual(5);
    const choice = offered.at(-1).quickReply.items.find((i: any) => arabicDigits(i.action.text) === 'รายงาน EP-10');
    const opened = visibleText(await officer.say(choice.action.text));
    expect(opened).toContain('มาตรการจัดการเรื่องราวร้องทุกข์/ร้องเรียน');
    expect(opened).toContain('เลือกสถานะการดำเนินงานปัจจุบัน');
  });

  it('asks before a code typed mid-report throws the report away, then opens the new item', async () => {
    await officer.say('รายงาน EP-13');
    const ask = await officer.say('รายงาน EP-02');
    expect(visibleText(ask)).toContain('ยังไม่ได้บันทึก');
    const opened = visibleText(await officer.tap(postbackOf(ask, 'ทิ้งแล้วเริ่มใหม่')));
    expect(opened).toContain('โครงการป้องกันผลประโยชน์ทับซ้อน');
  });

  it('leaves a citizen\'s sentence about corruption to the complaint channel', async () => {
    const citizen = new Chat(h, 'U3434343434343434343434343434cdcd');
    const replies = visibleText(await citizen.say('รายงานการทุจริตในการจัดซื้อจัดจ้าง'));
    expect(replies).not.toContain('สำหรับเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น');
    expect((await ConversationModel.findOne().lean())?.dialog).toBe('complaint');
  });
});
