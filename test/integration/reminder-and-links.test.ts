import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { startOfBangkokDay } from '../../src/domain/calendar.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { Chat, fileGeneralComplaint, postbackOf, uriOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * Two of issue 21's smaller points end to end: the handler's reminder comes 3 days before the last of the
 * 15 days (as docs/domain.md and the README say), and a place a citizen typed opens a map search within the
 * organisation's ตำบล, อำเภอ and จังหวัด from a button, not as a 400-character text link.
 */
const ORG = 'test-org';
const HANDLER = 'U-complaint-officer';
const CITIZEN = 'Uc0000000000000000000000000000001';
const DAY = 86_400_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, HANDLER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await updateOrganisation(ORG, { name: 'องค์การบริหารส่วนตำบลบางเจ้าฉ่า', district: 'โพธิ์ทอง', province: 'อ่างทอง' });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

const remindersToHandler = () =>
  h.line.deliveriesTo(HANDLER).flatMap((r) => r.body.messages).filter((m: any) => m.type === 'text' && m.text.includes('จะครบกำหนดตอบ'));

describe('the 15-day reminder', () => {
  it('reaches the handler on the third day before the last day, whatever the hour of the run, and once', async () => {
    await fileGeneralComplaint(new Chat(h, CITIZEN), 'ไฟทางหน้าโรงเรียนดับมาหนึ่งสัปดาห์');
    const c = (await ComplaintModel.findOne({ orgId: ORG }).lean())!;
    // The deadline is the end of the last day (a weekend or holiday may have moved it past the 15th).
    const lastDay = startOfBangkokDay(new Date(c.dueAt.getTime() - 1));
    const at = (daysBefore: number, hour: number) => new Date(lastDay.getTime() - daysBefore * DAY + hour * 3_600_000);
    const deadlines = (asOf: Date) => runJob(JOBS['complaint-deadlines'], asOf, 'operator', h.server.jobDeps).then(() => h.server.outbox.flush());

    await deadlines(at(4, 9));
    await deadlines(at(4, 23.5));
    expect(remindersToHandler()).toEqual([]);

    await deadlines(at(3, 9));
    expect(remindersToHandler()).toHaveLength(1);
    await deadlines(at(2, 9));
    expect(remindersToHandler()).toHaveLength(1);
  });
});

describe('a place typed in words', () => {
  it('opens a map search within the organisation\'s ตำบล, อำเภอ and จังหวัด from a button', async () => {
    const citizen = new Chat(h, 'Uc0000000000000000000000000000002');
    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    await citizen.say('ท่อระบายน้ำอุดตัน น้ำท่วมขังทุกครั้งที่ฝนตก');
    await citizen.say('หน้าวัดบ้านใหม่ ซอย 3');
    await citizen.say('ไม่ประสงค์ออกนาม');
    await citizen.tap(postbackOf(await citizen.say('รับแจ้ง'), 'ยืนยันส่งเรื่อง'));

    const handler = new Chat(h, HANDLER);
    const cases = await handler.say('เรื่องร้องเรียน');
    const answer = await handler.tap(postbackOf(cases, /ดูหลักฐาน/));
    const map = uriOf(answer, 'ค้นหาบนแผนที่');
    expect(map.length).toBeLessThanOrEqual(1_000);
    expect(decodeURIComponent(map.split('query=')[1]!)).toBe('หน้าวัดบ้านใหม่ ซอย 3 ตำบลบางเจ้าฉ่า อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    // The citizen's words are shown; the address is not.
    const shown = visibleText(answer);
    expect(shown).toContain('หน้าวัดบ้านใหม่');
    expect(shown).not.toContain('google.com');
  });
});
