import { addDays } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { ExecutiveGroupModel } from '../../src/db/models/executive-group.js';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { loadRollup } from '../../src/db/rollup-store.js';
import { CORRUPTION_PDPA_NOTICE_TH, CORRUPTION_PRIVACY, EXECUTIVE_COUNT_NOTE_TH, PUBLIC_PAGE_NOTE_TH, REPORTER_PROTECTION_TH, type Audience } from '../../src/domain/corruption-privacy.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { rollupMessage } from '../../src/flex/rollup-message.js';
import { JOBS, forOrganisation } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/**
 * Issue 21, point 4: a corruption report is filed through signed webhooks against the real database, then every
 * audience gets what the bot gives it (replies, pushes of the 15-day job and the monthly summary, the roll-up,
 * the public page). Nothing beyond the audience's allowance in src/domain/corruption-privacy.ts may appear, and
 * the privacy sentences they carry are the module's.
 */
const ORG = 'test-org';
const REPORTER = 'U5eaf000000000000000000000000r001';
const REPORTER_NAME = 'มานะ ผู้แจ้งเบาะแส';
const CITIZEN = 'U5eaf000000000000000000000000c002';
const TAKER = 'U5eaf000000000000000000000000i003';
const OTHER_INTEGRITY = 'U5eaf000000000000000000000000i004';
const COMPLAINT_OFFICER = 'U5eaf000000000000000000000000k005';
const EXECUTIVE = 'U5eaf000000000000000000000000e006';
const GROUP = 'C5eaf000000000000000000000000g007';
const STORY = 'หัวหน้าพัสดุรับเงินทอนจากโครงการถนนหมู่เจ็ด';
const ACCUSED = 'นายสมมติ ทุจริตดี';
const WHEN = 'ช่วงสงกรานต์ปีนี้';
const bkk = (local: string) => new Date(`${local}+07:00`);

let h: Harness;
let trackingNo = '';
/** Everything each audience was given, as text a person would read (Arabic digits). */
const seen = new Map<Audience, string>();
/** The same messages whole (postback data, links), where an id could hide. */
const raw = new Map<Audience, string>();
const add = (audience: Audience, messages: unknown[]) => {
  seen.set(audience, `${seen.get(audience) ?? ''}\n${visibleText(messages)}`);
  raw.set(audience, `${raw.get(audience) ?? ''}\n${JSON.stringify(messages)}`);
};
const pushesTo = (to: string) => h.line.deliveriesTo(to).flatMap((r) => r.body.messages);
const runFor = async (job: keyof typeof JOBS, asOf: Date) => {
  await runJob(JOBS[job], asOf, 'operator', forOrganisation(h.server.jobDeps, ORG));
  await h.server.outbox.flush();
};

beforeAll(async () => {
  h = await startHarness();
  h.line.profiles.set(REPORTER, REPORTER_NAME);
  await updateOrganisation(ORG, { name: 'เทศบาลตำบลทดสอบ', province: 'อ่างทอง', district: 'โพธิ์ทอง' });
  await addStaff(ORG, TAKER, ['integrity_officer'], 'สำนักปลัด', 'นิติกรหนึ่ง');
  await addStaff(ORG, OTHER_INTEGRITY, ['integrity_officer'], 'สำนักปลัด', 'นิติกรสอง');
  await addStaff(ORG, COMPLAINT_OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายก');
  await ExecutiveGroupModel.create({ _id: ORG, orgId: ORG, groupId: GROUP, groupKey: testSealer.userKey(GROUP), linkedByKey: testSealer.userKey(EXECUTIVE), eventId: 'evt-link', linkedAt: new Date() });
  h.line.reset();

  // The reporter files the corruption report; a citizen files a general complaint beside it.
  const reporter = new Chat(h, REPORTER);
  add('reporter', await reporter.say('แจ้งทุจริต'));
  for (const answer of [ACCUSED, WHEN, STORY, 'ข้าม']) add('reporter', await reporter.say(answer));
  const confirm = await reporter.say('รับแจ้ง');
  add('reporter', confirm);
  add('reporter', await reporter.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง')));
  trackingNo = (await ComplaintModel.findOne({ kind: 'corruption' }).lean())!.trackingNo;
  await fileGeneralComplaint(new Chat(h, CITIZEN), 'ไฟถนนหน้าตลาดดับมาสองสัปดาห์');
  await h.server.outbox.flush();

  // Integrity officers: the new-case notice, their open cases; one takes the case and moves it on.
  const taker = new Chat(h, TAKER);
  const cases = await taker.say('เรื่องร้องเรียน');
  add('responsible_officer', cases);
  add('responsible_officer', await taker.tap(postbackOf(cases, 'รับผิดชอบเรื่องนี้')));
  add('integrity_officers', await new Chat(h, OTHER_INTEGRITY).say('เรื่องร้องเรียน'));
  add('complaint_officers', await new Chat(h, COMPLAINT_OFFICER).say('เรื่องร้องเรียน'));
  add('reporter', await reporter.say(`ติดตาม ${trackingNo}`));
  add('reporter', await reporter.say('เรื่องของฉัน'));

  // The 15-day job after the deadline, and the monthly summary after that.
  const due = (await ComplaintModel.findOne({ kind: 'corruption' }).lean())!.dueAt;
  await runFor('complaint-deadlines', addDays(due, 1));
  await runFor('monthly-summary', bkk('2027-02-01T08:30:00'));
  const executive = new Chat(h, EXECUTIVE);
  add('executives', await executive.say('สรุป'));
  add('executives', await executive.say('สถิติร้องเรียน'));

  for (const [audience, id] of [['reporter', REPORTER], ['responsible_officer', TAKER], ['integrity_officers', OTHER_INTEGRITY], ['complaint_officers', COMPLAINT_OFFICER], ['executives', EXECUTIVE], ['executive_group', GROUP]] as const) {
    add(audience, pushesTo(id));
  }
  const rollup = await loadRollup({ level: 'province', province: 'อ่างทอง' }, bkk('2027-02-01T09:00:00'), h.config.IMPLEMENTATION_LEVEL_THRESHOLDS);
  add('supervisors', [rollupMessage(rollup)]);
  const page = arabicDigits(await (await fetch(`${h.server.url}/public`)).text());
  seen.set('public', page);
  raw.set('public', page);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('what each audience is given of a corruption report', () => {
  it('gave every audience something to read', () => {
    for (const audience of ['reporter', 'responsible_officer', 'integrity_officers', 'complaint_officers', 'executives', 'executive_group', 'supervisors', 'public'] as const) {
      expect(seen.get(audience)?.trim().length ?? 0, audience).toBeGreaterThan(0);
    }
  });

  it.each(['reporter', 'responsible_officer', 'integrity_officers', 'complaint_officers', 'executives', 'executive_group', 'supervisors', 'public'] as const)(
    'shows %s nothing beyond its allowance',
    (audience) => {
      const allowed = CORRUPTION_PRIVACY[audience];
      const text = seen.get(audience)!;
      const check = (present: boolean, allowedHere: boolean, what: string) => {
        if (!allowedHere) expect(present, `${audience} sees ${what}`).toBe(false);
      };
      check(text.includes(STORY), allowed.story, 'the story');
      check(text.includes(WHEN), allowed.story, 'when it happened');
      check(text.includes(ACCUSED), allowed.accused, 'the accused');
      const whole = raw.get(audience)!;
      check([REPORTER, REPORTER_NAME, testSealer.userKey(REPORTER)].some((id) => whole.includes(id)), allowed.reporter, "the reporter's LINE account or name");
      check(text.includes(trackingNo), allowed.existence, 'the tracking number');
      // A number of corruption reports apart from the rest: "แจ้งเบาะแสการทุจริต 1", "(ทุจริต 1)".
      check(!allowed.existence && /แจ้งเบาะแสการทุจริต|ทุจริต\s*\d/.test(text), allowed.counts === 'year' || allowed.counts === 'full', 'a count of corruption reports');
    },
  );

  it('lets those the table allows read the story and the accused, and nobody but the reporter learn who reported', () => {
    for (const audience of ['responsible_officer', 'integrity_officers'] as const) {
      expect(seen.get(audience)).toContain(STORY);
      expect(seen.get(audience)).toContain(ACCUSED);
    }
    expect(seen.get('reporter')).toContain(trackingNo);
  });

  it("tells each audience the module's own privacy sentences", () => {
    const reporter = seen.get('reporter')!;
    expect(reporter).toContain(arabicDigits(CORRUPTION_PDPA_NOTICE_TH));
    expect(reporter).not.toContain('ชื่อ/เบอร์ติดต่อ');
    expect(reporter).toContain(REPORTER_PROTECTION_TH);
    expect(seen.get('executives')).toContain(EXECUTIVE_COUNT_NOTE_TH);
    expect(seen.get('public')).toContain(PUBLIC_PAGE_NOTE_TH);
  });

  it('gives executives the count of corruption reports, and their group general complaints only', () => {
    expect(seen.get('executives')).toMatch(/ทั้งหมด 2 \(แจ้งเบาะแสการทุจริต 1\)/);
    const group = seen.get('executive_group')!;
    expect(group).toContain('สรุปผลการดำเนินงานประจำเดือน');
    expect(group).toMatch(/เรื่องร้องเรียนทั่วไปปีงบประมาณ \d{4}: ทั้งหมด 1 /);
    expect(group).not.toMatch(/ทุจริต \d|ทั้งหมด 2/);
  });
});

describe('a corruption story that seems to say who wrote it', () => {
  const WRITER = 'U5eaf000000000000000000000000w008';
  const typed = 'ผมชื่อมานะ ใจดี เห็นหัวหน้าพัสดุรับเงินทอน ติดต่อผม ๐๘๑-๒๓๔-๕๖๗๘ หรือไลน์ @mana99';

  async function toConfirm(chat: Chat): Promise<any[]> {
    await chat.say('แจ้งทุจริต');
    for (const answer of [ACCUSED, WHEN, typed, 'ข้าม']) await chat.say(answer);
    return chat.say('รับแจ้ง');
  }

  it('is pointed out before filing, and "ลบข้อมูลนี้ออก" files the story without exactly those words', async () => {
    const chat = new Chat(h, WRITER);
    const confirm = await toConfirm(chat);
    const shown = visibleText(confirm);
    expect(shown).toContain('อาจระบุตัวท่านได้');
    expect(shown).toContain('ชื่อ: ผมชื่อมานะ ใจดี');
    expect(shown).toContain('ไอดีไลน์: ไลน์ @mana99');
    // The phone number is quoted as typed, Thai digits and dashes.
    expect(JSON.stringify(confirm)).toContain('๐๘๑-๒๓๔-๕๖๗๘');
    expect(await ComplaintModel.countDocuments({ kind: 'corruption' })).toBe(1);

    const removed = await chat.say('ลบข้อมูลนี้ออก');
    expect(visibleText(removed)).toContain('รายละเอียด: เห็นหัวหน้าพัสดุรับเงินทอน ติดต่อผม หรือ');
    expect(visibleText(removed)).not.toContain('อาจระบุตัวท่านได้');
    await chat.tap(postbackOf(removed, 'ยืนยันส่งเรื่อง'));
    const filed = await ComplaintModel.find({ kind: 'corruption' }).sort({ submittedAt: -1 }).lean();
    expect(filed).toHaveLength(2);
    expect(filed[0]!.description).toBe('เห็นหัวหน้าพัสดุรับเงินทอน ติดต่อผม หรือ');
  });

  it('is filed exactly as typed when the reporter chooses "ส่งตามเดิม"', async () => {
    const chat = new Chat(h, WRITER);
    const confirm = await toConfirm(chat);
    const receipt = await chat.tap(postbackOf(confirm, 'ส่งตามเดิม'));
    expect(visibleText(receipt)).toContain('ได้รับเรื่องของท่านแล้ว');
    const newest = (await ComplaintModel.find({ kind: 'corruption' }).sort({ submittedAt: -1 }).limit(1).lean())[0]!;
    expect(newest.description).toBe(typed);
  });
});
