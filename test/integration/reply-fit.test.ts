import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';
import { locationEvent } from '../support/line-events.js';

/**
 * An answer longer than one reply holds (LINE takes 5 messages a request) reaches the person whole and in
 * order: nothing the router adds (the notice that a dialog expired, the question it brings back) pushes
 * the end of the answer out.
 */
const ORG = 'test-org';
const CITIZEN = 'Uf0000000000000000000000000000001';
const HANDLER = 'U-fit-complaint-officer';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { PUBLIC_BASE_URL: 'https://prongsai.example.go.th' } });
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
});
afterAll(async () => {
  await h?.close();
});

describe('an answer of more than five messages', () => {
  it('reaches the person whole, in order, when an expired dialog adds its notice in front', async () => {
    const citizen = new Chat(h, CITIZEN);
    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    for (let i = 0; i < 3; i++) await citizen.sendImage();
    await citizen.say('ท่อระบายน้ำหน้าตลาดอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก');
    await citizen.send(locationEvent(CITIZEN));
    await citizen.say('ไม่ประสงค์ออกนาม');
    const confirm = await citizen.say('รับแจ้ง');
    await citizen.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));

    const handler = new Chat(h, HANDLER);
    const list = await handler.say('เรื่องร้องเรียน');
    // The handler starts a note and leaves it until it expires.
    await handler.tap(postbackOf(list, 'บันทึกภายใน'));
    await ConversationModel.updateMany({}, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    h.line.reset();

    // Three photos, the pinned place and the closing text with its buttons: five messages, plus the notice.
    await handler.tap(postbackOf(list, 'ดูหลักฐาน'));
    const delivered = [
      ...h.line.accepted('/v2/bot/message/reply').flatMap((r) => r.body.messages),
      ...h.line.deliveriesTo(HANDLER).flatMap((r) => r.body.messages),
    ];
    expect(delivered.map((m) => m.type)).toEqual(['text', 'image', 'image', 'image', 'location', 'text']);
    expect(visibleText([delivered[0]])).toContain('ไม่มีความเคลื่อนไหวเกิน');
    expect(() => postbackOf([delivered[5]], 'ดูบันทึกทั้งหมด')).not.toThrow();
  });
});
