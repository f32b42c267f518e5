import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_TEXT } from '../../src/features/common/texts.js';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * A button's data comes back from the person's phone, so anyone can send data no card ever made. Each
 * action declares the schema of its params (src/chat/features/*.actions.ts); data that does not fit is
 * answered like a button of something already over, before any handler reads it, and changes nothing.
 */
const ORG = 'test-org';
const CITIZEN = 'Uc00000000000000000000000000000a1';
const HANDLER = 'U-tamper-handler';

let h: Harness;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await fileGeneralComplaint(new Chat(h, CITIZEN), 'ไฟทางหน้าบ้านไม่ติดมาหลายวันแล้ว');
  caseId = String((await ComplaintModel.findOne({ orgId: ORG }).lean())!._id);
});
afterAll(async () => {
  await h?.close();
});

describe('a button whose data was tampered with', () => {
  it('is answered politely with the person’s own help, and reaches no handler', async () => {
    const handler = new Chat(h, HANDLER);
    const eventsBefore = await ComplaintEventModel.countDocuments({ complaintId: caseId });
    for (const data of [`a=cp.set&c=${caseId}&s=closed_by_me`, 'a=cp.take', `a=cp.take&c=${'x'.repeat(80)}`]) {
      const answer = visibleText(await handler.tap(data));
      expect(answer, data).toContain(CHAT_TEXT.oldButton);
      expect(answer, data).toContain('สิ่งที่ทำได้');
      expect(answer, data).toContain('"เรื่องร้องเรียน"');
    }
    const stored = (await ComplaintModel.findById(caseId).lean())!;
    expect(stored.status).toBe('received');
    expect(stored.handlerUserId ?? null).toBeNull();
    expect(await ComplaintEventModel.countDocuments({ complaintId: caseId })).toBe(eventsBefore);

    // The real button still works.
    expect(visibleText(await handler.tap(`a=cp.take&c=${caseId}`))).not.toContain(CHAT_TEXT.oldButton);
    expect((await ComplaintModel.findById(caseId).lean())!.handlerUserId).toBe(HANDLER);
  });

  it('a citizen’s own-case button with a made-up answer gets the citizen help, not a question about it', async () => {
    const answer = visibleText(await new Chat(h, CITIZEN).tap(`a=cz.fixed&c=${caseId}&s=5&f=maybe`));
    expect(answer).toContain(CHAT_TEXT.oldButton);
    expect(answer).toContain('สำหรับประชาชน');
  });

  it('inside a dialog: says the button is over and asks the same question again, and the dialog goes on', async () => {
    const citizen = new Chat(h, 'Uc00000000000000000000000000000a2');
    const kindQuestion = visibleText(await citizen.say('ร้องเรียน'));
    const answer = visibleText(await citizen.tap('a=cm.kind&k=bribery'));
    expect(answer).toContain(CHAT_TEXT.oldButton);
    expect(answer).toContain(kindQuestion.split('\n')[0]!);
    expect(visibleText(await citizen.tap('a=cm.kind&k=general'))).not.toContain(CHAT_TEXT.oldButton);
  });
});
