import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatStores } from '../../src/db/chat-stores.js';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { findStaff } from '../../src/db/staff-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { postbackData } from '../../src/line/postback.js';
import { Chat, fileGeneralComplaint, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { A, addSecondOrganisation, B, B_CHANNEL } from '../support/two-organisations.js';
import { CASE_ACTIONS } from '../../src/features/case-actions/actions.js';

/**
 * Features get their stores from the context, already scoped to the organisation of the event
 * (`chatStores.for(orgId)`): two organisations with the same person and the same case numbers, and
 * nothing a feature asks for in one reaches the other's data.
 */
const CITIZEN = 'U5151515151515151515151515151aaaa';
const HANDLER = 'U5252525252525252525252525252bbbb';
const NUMBER = `G${fiscalYearOf(new Date())}-0001`;

let h: Harness;
const caseOf = async (orgId: string) => (await ComplaintModel.findOne({ orgId, trackingNo: NUMBER }).lean())!;

beforeAll(async () => {
  h = await startHarness();
  await addSecondOrganisation(h);
  // The same LINE account handles complaints in both organisations.
  await addStaff(A, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่เอ');
  await addStaff(B, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่บี');
  await fileGeneralComplaint(new Chat(h, CITIZEN), 'ไฟถนนดับหน้าตลาดเอ');
  await fileGeneralComplaint(new Chat(h, CITIZEN, B_CHANNEL), 'ขยะไม่ถูกเก็บที่หมู่บ้านบี');
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('stores scoped to the organisation of the event', () => {
  it('tracks the same number, from the same person, to the case of the organisation written to', async () => {
    const inA = visibleText(await new Chat(h, CITIZEN).say(`ติดตาม ${NUMBER}`));
    const inB = visibleText(await new Chat(h, CITIZEN, B_CHANNEL).say(`ติดตาม ${NUMBER}`));
    expect(inA).toContain(NUMBER);
    expect(inB).toContain(NUMBER);
    expect(await ComplaintModel.countDocuments({ trackingNo: NUMBER })).toBe(2);
    // The tracking text names no story, so the two are told apart by their cards.
    const cardsInB = visibleText(await new Chat(h, CITIZEN, B_CHANNEL).say('เรื่องของฉัน'));
    expect(cardsInB).toContain('ขยะไม่ถูกเก็บ');
    expect(cardsInB).not.toContain('ไฟถนนดับ');
  });

  it("answers a button carrying another organisation's case as a case that does not exist, and changes nothing", async () => {
    const caseA = await caseOf(A);
    const tap = postbackData(CASE_ACTIONS.caseTake, { c: String(caseA._id) });
    const inB = visibleText(await new Chat(h, HANDLER, B_CHANNEL).tap(tap));
    expect(inB).toContain('ไม่พบเรื่องนี้');
    expect((await caseOf(A)).handlerUserId ?? null).toBeNull();
    expect(await ComplaintEventModel.countDocuments({ complaintId: caseA._id, type: 'taken' })).toBe(0);
    // The same button in A's own chat takes it.
    expect(visibleText(await new Chat(h, HANDLER).tap(tap))).toContain(`ท่านรับผิดชอบเรื่อง ${NUMBER} แล้ว`);
  });

  it("refuses a case of another organisation handed to a move, and writes nothing", async () => {
    const caseB = await caseOf(B);
    const storesOfA = chatStores.for(A);
    const caseSeenInB = (await chatStores.for(B).complaints.getComplaint(String(caseB._id)))!;
    expect(await storesOfA.complaints.getComplaint(String(caseB._id))).toBeNull();
    const handler = (await findStaff(A, HANDLER))!;
    await expect(storesOfA.complaints.takeComplaint({ complaint: caseSeenInB, handler, now: new Date(), eventId: 'evt-cross' })).rejects.toThrow(/another organisation/);
    expect((await caseOf(B)).handlerUserId ?? null).toBeNull();
    expect(await ComplaintEventModel.countDocuments({ complaintId: caseB._id, type: 'taken' })).toBe(0);
    // A's view finds A's case by the number both share, for the person who filed both.
    const own = await storesOfA.complaints.findOwnComplaint(NUMBER, testSealer.userKey(CITIZEN));
    expect(own?.orgId).toBe(A);
    expect(own?.description).toContain('ไฟถนนดับ');
  });
});
