import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDialog } from '../../src/db/conversation-store.js';
import { createInvite } from '../../src/db/invite-store.js';
import { Chat, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/** Issue 26, staff side: staff understood in their own words and by their role, through signed webhooks. */
const ORG = 'test-org';
const EXECUTIVE = 'U-staff-words-executive';
const OFFICER = 'U-staff-words-officer';

let h: Harness;
let n = 0;

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกฯ');
  await addStaff(ORG, OFFICER, ['officer'], 'สำนักปลัด', 'เจ้าหน้าที่');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('an executive', () => {
  it('asking for a report document on the anti-corruption plan gets the report files, not a corruption report', async () => {
    const chat = new Chat(h, EXECUTIVE);
    const answer = visibleText(await chat.say('ขอเอกสารรายงานผลการดำเนินงานตามแผนป้องกันการทุจริตครับ'));
    expect(answer).toContain('เลือกรายงานที่ต้องการดาวน์โหลด');
    expect(await loadDialog(ORG, testSealer.userKey(EXECUTIVE), new Date(), testSealer)).toBeNull();
  });

  it('asking how far the plan has got gets the summary, not "ไม่เข้าใจ"', async () => {
    const replies = await new Chat(h, EXECUTIVE).say('งานไปถึงไหนกันแล้วครับ');
    expect(visibleText(replies)).not.toContain('ไม่เข้าใจ');
    expect(replies.map((m: any) => m.altText ?? '').join('\n')).toContain(': ภาพรวมร้อยละ');
  });
});

describe('an officer', () => {
  it.each(['ส่งงานค่ะ', 'อัปเดตความคืบหน้าโครงการครับ'])('"%s" is a progress report', async (said) => {
    const answer = visibleText(await new Chat(h, OFFICER).say(said));
    expect(answer).not.toContain('ไม่เข้าใจ');
    expect(answer).toContain('ยังไม่มีมาตรการหรือโครงการที่สำนักปลัดรับผิดชอบ');
  });
});

describe('a new staff member', () => {
  it.each(['{code} ครับ', 'รหัสเชิญคือ {code} นะคะ', 'ลงทะเบียน {code} ค่ะ'])('registers with "%s"', async (form) => {
    const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองช่าง', position: null, validHours: 24 });
    const answer = visibleText(await new Chat(h, `Un${String(++n).padStart(31, '0')}`).say(form.replace('{code}', code)));
    expect(answer).toContain('ลงทะเบียนเรียบร้อยแล้ว');
  });
});
