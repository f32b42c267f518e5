import { PassThrough } from 'node:stream';
import { addDays, subDays } from 'date-fns';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { dueAt } from '../../src/domain/complaints.js';
import { ADDED_INFO_SENT_TH } from '../../src/domain/corruption-privacy.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { Chat, postbackOf, visibleText, fileGeneralComplaint } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

/**
 * Closure in LINE, end to end through signed webhooks: the citizen rates a resolved case, says "not fixed"
 * and the case reopens on a new clock (twice; the third time an executive hears of it), withdraws a case,
 * hears of a forwarding and receives after-fix photos; handlers set categories; a corruption reporter
 * goes through the same steps and stays unknown to everyone.
 */
const ORG = 'test-org';
const OFFICER = 'U-closure-complaint-officer';
const INTEGRITY = 'U-closure-integrity-officer';
const EXECUTIVE = 'U-closure-executive';
const CITIZEN = 'Uc1000000000000000000000000000001';
const REPORTER = 'Uc2000000000000000000000000000002';
/** A second citizen: one person files at most 5 complaints an hour. */
const NEIGHBOUR = 'Uc3000000000000000000000000000003';
const REPORTER_NAME = 'นางสาวผู้แจ้ง ลับมาก';
const PUBLIC = 'https://prongsai.example.go.th';

let h: Harness;
const logs: string[] = [];
let citizen: Chat;
let neighbour: Chat;
let reporter: Chat;
let officer: Chat;
let integrity: Chat;
const pushesTo = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages);
const flush = () => h.server.outbox.flush();
const local = (url: string) => url.replace(PUBLIC, h.server.url);

async function fileGeneral(chat: Chat, description: string): Promise<string> {
  const receipt = await fileGeneralComplaint(chat, description);
  const no = visibleText(receipt).match(/[GC]\d{4}-\d{4}/)![0];
  return String((await ComplaintModel.findOne({ trackingNo: no }).lean())!._id);
}

async function fileCorruption(chat: Chat, story: string): Promise<string> {
  await chat.say('แจ้งทุจริต');
  await chat.say('นาย ง. เจ้าหน้าที่กองช่าง');
  await chat.say('สัปดาห์ที่แล้ว');
  await chat.say(story);
  await chat.say('ข้าม');
  const confirm = await chat.say('รับแจ้ง');
  const receipt = await chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
  const no = visibleText(receipt).match(/C\d{4}-\d{4}/)![0];
  return String((await ComplaintModel.findOne({ trackingNo: no }).lean())!._id);
}

/** The handler resolves the case from its card, with a note the citizen reads. */
async function resolve(handler: Chat, id: string, note: string) {
  const choose = await handler.tap(`a=cp.status&c=${id}`);
  await handler.tap(postbackOf(choose, 'ดำเนินการแล้วเสร็จ'));
  return handler.say(note);
}

/** The citizen answers the rating prompt pushed with the resolution: stars, fixed or not, then a comment. */
async function rate(chat: Chat, prompt: any[], stars: number, fixed: boolean, comment: string | null) {
  const askFixed = await chat.tap(postbackOf(prompt, new RegExp(`^${'★'.repeat(stars)} `)));
  const askComment = await chat.tap(postbackOf(askFixed, fixed ? 'แก้ไขแล้ว' : 'ยังไม่ได้แก้ไข'));
  expect(visibleText(askComment)).toContain('ข้าม');
  return chat.say(comment ?? 'ข้าม');
}

const stored = async (id: string) => (await ComplaintModel.findById(id).lean())!;

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => logs.push(String(chunk)));
  h = await startHarness({ env: { PUBLIC_BASE_URL: PUBLIC, COMPLAINT_CATEGORIES: 'ถนน,ไฟฟ้า,ประปาหมู่บ้าน' }, logTo: stream });
  await addStaff(ORG, OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, INTEGRITY, ['integrity_officer'], 'สำนักปลัด', 'นิติกร');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'ปลัด');
  h.line.profiles.set(REPORTER, REPORTER_NAME);
  h.line.profiles.set(CITIZEN, 'นายประชา ชาวบ้าน');
  citizen = new Chat(h, CITIZEN);
  neighbour = new Chat(h, NEIGHBOUR);
  reporter = new Chat(h, REPORTER);
  officer = new Chat(h, OFFICER);
  integrity = new Chat(h, INTEGRITY);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('a citizen rates a resolved case', () => {
  it('is asked with the resolution, rates it with stars and a comment, and sees the rating in the tracking view', async () => {
    const id = await fileGeneral(citizen, 'ขยะไม่ถูกเก็บมาสองสัปดาห์ หน้าตลาดหมู่ 2');
    await officer.tap(`a=cp.take&c=${id}`);
    const done = await resolve(officer, id, 'เก็บขยะเรียบร้อยแล้ว และเพิ่มรอบเก็บเป็นสัปดาห์ละสองครั้ง');
    // The resolved case leaves the handler's list; the reply offers its after-fix photos instead.
    expect(visibleText(await officer.tap(postbackOf(done, 'แนบภาพหลังดำเนินการ')))).toContain('ส่งภาพหลังดำเนินการ');
    await officer.say('ยกเลิก');
    await flush();
    const prompt = pushesTo(CITIZEN);
    expect(visibleText(prompt)).toContain('เก็บขยะเรียบร้อยแล้ว');
    expect(visibleText(prompt)).toContain('ให้คะแนน 1–5 ดาว');
    const thanks = await rate(citizen, prompt, 4, true, 'รวดเร็วดีครับ ขอบคุณ');
    expect(visibleText(thanks)).toContain('ขอบคุณที่ประเมิน');

    const c = await stored(id);
    expect(c.status).toBe('resolved');
    expect(c.feedback).toMatchObject({ stars: 4, fixed: true, comment: 'รวดเร็วดีครับ ขอบคุณ' });
    const track = visibleText(await citizen.say(`ติดตาม ${c.trackingNo}`));
    expect(track).toContain('การประเมินของท่าน: ★★★★☆ · แก้ไขแล้ว · รวดเร็วดีครับ');
    await flush();
    expect(visibleText(pushesTo(OFFICER))).toContain(`ผู้ร้องประเมินเรื่อง ${c.trackingNo}: ★★★★☆ · แก้ไขแล้ว`);

    // The round is rated: the old prompt's buttons and the case card no longer offer it.
    expect(visibleText(await citizen.tap(postbackOf(prompt, /^★★ /)))).toContain('ประเมินเรื่อง');
    const mine = await citizen.say('เรื่องของฉัน');
    expect(JSON.stringify(mine)).not.toContain(`cz.rate&c=${id}`);
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, type: 'feedback' })).toBe(1);
  });

  it('can rate later from the case card, without having asked for updates', async () => {
    await citizen.say('ร้องเรียน');
    await citizen.tap('a=cm.kind&k=general');
    await citizen.say('สุนัขจรจัดกัดเด็กหน้าโรงเรียน');
    await citizen.say('ข้าม');
    await citizen.say('ไม่ประสงค์ออกนาม');
    const confirm = await citizen.say('ไม่ต้องแจ้ง');
    await citizen.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
    const c = (await ComplaintModel.findOne({ description: 'สุนัขจรจัดกัดเด็กหน้าโรงเรียน' }).lean())!;
    await resolve(officer, String(c._id), 'ปศุสัตว์อำเภอจับสุนัขไปดูแลแล้ว');
    await flush();
    expect(pushesTo(CITIZEN)).toEqual([]);

    const mine = await citizen.say('เรื่องของฉัน');
    const card = mine[1].contents.contents.find((b: any) => visibleText([b]).includes(c.trackingNo));
    const stars = await citizen.tap(postbackOf([card], 'ประเมินความพึงพอใจ'));
    expect(visibleText(stars)).toContain('ให้คะแนน 1–5 ดาว');
    await rate(citizen, stars, 5, true, null);
    expect((await stored(String(c._id))).feedback).toMatchObject({ stars: 5, fixed: true, comment: null });
  });
});

describe('"not fixed" reopens the case', () => {
  let id: string;
  let trackingNo: string;

  it('reopens it in progress with the citizen\'s words, a new 15-day clock and the handler told', async () => {
    id = await fileGeneral(citizen, 'ไฟฟ้าส่องสว่างซอย 4 ดับทั้งซอย');
    await officer.tap(`a=cp.take&c=${id}`);
    const filed = await stored(id);
    trackingNo = filed.trackingNo;
    // The first clock ran out: executives were told, the handler explained the delay, then resolved it.
    const deadlines = (asOf: Date) => runJob(JOBS['complaint-deadlines'], asOf, 'operator', h.server.jobDeps).then(flush);
    await deadlines(addDays(filed.dueAt, 1));
    await officer.tap(`a=cp.explain&c=${id}`);
    await officer.say('รออะไหล่หลอดไฟจากผู้รับจ้าง');
    await resolve(officer, id, 'เปลี่ยนหลอดไฟครบทุกต้นแล้ว');
    await flush();
    const resolvedCase = await stored(id);
    expect(resolvedCase).toMatchObject({ status: 'resolved', explanationRequired: false });
    expect(resolvedCase.explainedAt).not.toBeNull();
    h.line.reset();

    const prompt = (await citizen.say(`ติดตาม ${trackingNo}`));
    const stars = await citizen.tap(postbackOf(prompt, 'ประเมินความพึงพอใจ'));
    const answer = visibleText(await rate(citizen, stars, 1, false, 'ยังดับอยู่สามต้นท้ายซอย'));
    expect(answer).toContain(`เปิดเรื่อง ${trackingNo} อีกครั้งแล้ว`);

    const c = await stored(id);
    expect(c).toMatchObject({ status: 'in_progress', reopenCount: 1, explanationRequired: false, explainedAt: null, closedAt: null });
    expect(c.reopenedAt).not.toBeNull();
    expect(c.dueAt.getTime()).toBe(dueAt(c.reopenedAt!).getTime());
    expect(c.dueAt.getTime()).toBeGreaterThan(addDays(new Date(), 14).getTime());

    await flush();
    const toHandler = visibleText(pushesTo(OFFICER));
    expect(toHandler).toContain(`ผู้ร้องแจ้งว่าเรื่อง ${trackingNo} ยังไม่ได้รับการแก้ไข`);
    expect(toHandler).toContain('ยังดับอยู่สามต้นท้ายซอย');
    const track = visibleText(await citizen.say(`ติดตาม ${trackingNo}`));
    expect(track).toContain('สถานะ: อยู่ระหว่างดำเนินการ');
    expect(track).toContain('เปิดเรื่องอีกครั้งตามที่ท่านแจ้งว่ายังไม่ได้รับการแก้ไข: ยังดับอยู่สามต้นท้ายซอย');

    // The new clock has its own reminder and escalation, and the handler may change the status again at once.
    h.line.reset();
    await deadlines(addDays(c.dueAt, -2));
    expect(visibleText(pushesTo(OFFICER))).toContain(`เรื่อง ${trackingNo} จะครบกำหนดตอบ 15 วัน`);
    // (A day the first clock's run did not have: one run a day.)
    await deadlines(addDays(c.dueAt, 2));
    expect(visibleText(pushesTo(EXECUTIVE))).toContain('เรื่องร้องเรียนเกินกำหนด 15 วัน');
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, type: 'escalation' })).toBe(2);
  });

  it('reopens a second time, and the third "not fixed" goes to the executives instead', async () => {
    await officer.tap(`a=cp.explain&c=${id}`);
    await officer.say('ต้องเปลี่ยนสายไฟทั้งแนว รอการไฟฟ้า');
    await resolve(officer, id, 'เปลี่ยนสายไฟใหม่แล้ว');
    await flush();
    await rate(citizen, pushesTo(CITIZEN), 1, false, 'ยังดับอยู่');
    expect(await stored(id)).toMatchObject({ status: 'in_progress', reopenCount: 2 });

    h.line.reset();
    await resolve(officer, id, 'ตรวจซ้ำแล้ว ไฟติดครบ');
    await flush();
    const last = visibleText(await rate(citizen, pushesTo(CITIZEN), 1, false, 'ดับอีกแล้วตั้งแต่เมื่อคืน'));
    expect(last).toContain('ส่งเรื่องให้ผู้บริหารพิจารณา');
    const c = await stored(id);
    expect(c).toMatchObject({ status: 'resolved', reopenCount: 2 });
    expect(c.feedback).toMatchObject({ stars: 1, fixed: false });

    await flush();
    const toExecutive = visibleText(pushesTo(EXECUTIVE));
    expect(toExecutive).toContain(trackingNo);
    expect(toExecutive).toContain('ยังไม่ได้รับการแก้ไข');
    expect(toExecutive).toContain('ดับอีกแล้วตั้งแต่เมื่อคืน');
    expect(JSON.stringify(pushesTo(EXECUTIVE))).not.toContain(CITIZEN);
    expect(h.line.deliveriesTo(EXECUTIVE)).toHaveLength(1);
    // The case's handler hears of it too (its notice once shared the executives' key, and was dropped).
    expect(visibleText(pushesTo(OFFICER))).toContain(`ผู้ร้องแจ้งว่าเรื่อง ${trackingNo} ยังไม่ได้รับการแก้ไข เปิดเรื่องครบ`);
    expect(visibleText(await citizen.say(`ติดตาม ${trackingNo}`))).toContain('ส่งเรื่องให้ผู้บริหารพิจารณา');
  });

  it('does not reopen a case resolved more than 15 days ago', async () => {
    const old = await fileGeneral(citizen, 'ท่อระบายน้ำอุดตันหน้าบ้านเลขที่ 9');
    await resolve(officer, old, 'ลอกท่อแล้ว');
    await ComplaintModel.updateOne({ _id: old }, { $set: { closedAt: subDays(new Date(), 16) } });
    h.line.reset();
    const mine = await citizen.say(`ติดตาม ${(await stored(old)).trackingNo}`);
    const stars = await citizen.tap(postbackOf(mine, 'ประเมินความพึงพอใจ'));
    expect(visibleText(await rate(citizen, stars, 2, false, 'น้ำยังขัง'))).toContain('จึงเปิดเรื่องเดิมอีกไม่ได้');
    expect(await stored(old)).toMatchObject({ status: 'resolved', reopenCount: 0 });
  });
});

describe('a citizen withdraws their own case', () => {
  it('asks first, then closes it as withdrawn and tells the handlers', async () => {
    const id = await fileGeneral(neighbour, 'เสียงดังจากร้านคาราโอเกะทุกคืน');
    const no = (await stored(id)).trackingNo;
    await flush();
    h.line.reset();
    const mine = await neighbour.say('เรื่องของฉัน');
    const card = mine[1].contents.contents.find((b: any) => visibleText([b]).includes(no));
    const ask = await neighbour.tap(postbackOf([card], 'ถอนเรื่อง'));
    expect(visibleText(ask)).toContain(`ยืนยันถอนเรื่อง ${no}?`);
    expect(visibleText(await neighbour.tap(postbackOf(ask, 'ไม่ถอนเรื่อง')))).toContain('ไม่ได้ถอนเรื่อง');
    expect((await stored(id)).status).toBe('received');

    expect(visibleText(await neighbour.tap(postbackOf(ask, 'ยืนยันถอนเรื่อง')))).toContain(`ถอนเรื่อง ${no} แล้ว`);
    expect((await stored(id)).status).toBe('withdrawn');
    expect((await stored(id)).closedAt).not.toBeNull();
    await flush();
    expect(visibleText(pushesTo(OFFICER))).toContain(`ผู้ร้องขอถอนเรื่อง ${no}`);
    expect(visibleText(await neighbour.say(`ติดตาม ${no}`))).toContain('ท่านถอนเรื่องแล้ว');
    expect(visibleText(await neighbour.say('เรื่องของฉัน'))).toContain('ผู้ร้องขอถอนเรื่อง');
    expect(visibleText(await officer.say('เรื่องร้องเรียน'))).not.toContain(no);

    // A second tap on the old confirmation, and LINE redelivering it, tell nobody again.
    expect(visibleText(await neighbour.tap(postbackOf(ask, 'ยืนยันถอนเรื่อง')))).toContain(`ถอนเรื่อง ${no} แล้ว`);
    await flush();
    expect(h.line.deliveriesTo(OFFICER)).toHaveLength(1);
    expect(visibleText(await neighbour.tap(`a=cz.wd&c=${id}`))).toContain('ปิดแล้ว');
  });

  it('cannot withdraw, rate or add to someone else\'s case', async () => {
    const id = String((await ComplaintModel.findOne({ reporterKey: testSealer.userKey(NEIGHBOUR), status: 'received' }).lean())?._id ?? (await fileGeneral(neighbour, 'ถนนลูกรังเป็นหลุม')));
    const stranger = new Chat(h, 'Uc9000000000000000000000000000009');
    for (const tap of [`a=cz.wdok&c=${id}`, `a=cz.rate&c=${id}&s=5`, `a=cz.info&c=${id}`, `a=cz.photos&c=${id}`]) {
      expect(visibleText(await stranger.tap(tap)), tap).toContain('ไม่พบเรื่องนี้ในเรื่องที่ท่านแจ้งไว้');
    }
    expect((await stored(id)).status).toBe('received');
  });
});

describe('handlers close the loop', () => {
  it('forward a case to another agency with a note the citizen reads, which closes it here', async () => {
    const id = await fileGeneral(neighbour, 'น้ำประปาขุ่นมีตะกอน');
    const no = (await stored(id)).trackingNo;
    await flush();
    h.line.reset();
    const cases = await officer.say('เรื่องร้องเรียน');
    const card = cases[1].contents.contents.find((b: any) => visibleText([b]).includes(no));
    const askAgency = await officer.tap(postbackOf([card], 'ส่งต่อหน่วยงานอื่น'));
    expect(visibleText(askAgency)).toContain('พิมพ์ชื่อหน่วยงาน');
    expect(visibleText(await officer.say('การประปาส่วนภูมิภาคสาขาโพธิ์ทอง'))).toContain('ผู้ร้องจะเห็นข้อความนี้');
    expect(visibleText(await officer.say('ระบบประปานี้เป็นของ กปภ. โทร 1662'))).toContain('ปิดเรื่องแล้ว');

    const c = await stored(id);
    expect(c).toMatchObject({ status: 'forwarded', forwardedTo: { agency: 'การประปาส่วนภูมิภาคสาขาโพธิ์ทอง', note: 'ระบบประปานี้เป็นของ กปภ. โทร 1662' } });
    expect(c.closedAt).not.toBeNull();
    await flush();
    const notice = visibleText(pushesTo(NEIGHBOUR));
    expect(notice).toContain('ส่งต่อให้: การประปาส่วนภูมิภาคสาขาโพธิ์ทอง');
    expect(notice).toContain('โทร 1662');
    const track = visibleText(await neighbour.say(`ติดตาม ${no}`));
    expect(track).toContain('ส่งต่อให้: การประปาส่วนภูมิภาคสาขาโพธิ์ทอง');
    expect(track).toContain('ข้อความจากเจ้าหน้าที่: ระบบประปานี้เป็นของ กปภ.');
    expect(visibleText(await neighbour.say('เรื่องของฉัน'))).toContain('ส่งต่อ การประปาส่วนภูมิภาคสาขาโพธิ์ทอง');
    // The status list offers forwarding through the same dialog, never without an agency.
    expect(visibleText(await officer.tap(`a=cp.set&c=${id}&s=forwarded`))).toContain('เป็นสถานะนี้ไม่ได้');
  });

  it('attach after-fix photos that reach the citizen as images, viewable again later', async () => {
    const id = await fileGeneral(neighbour, 'ถนนคอนกรีตแตกเป็นหลุมหน้าวัด');
    const no = (await stored(id)).trackingNo;
    await flush();
    h.line.reset();
    const ask = await officer.tap(`a=cp.photo&c=${id}`);
    expect(visibleText(ask)).toContain('ส่งภาพหลังดำเนินการ');
    expect(visibleText(await officer.sendImage())).toContain('ได้รับรูปแล้ว 1 รูป');
    const photoId = (officer.lastEvent as any).message.id;
    expect(visibleText(await officer.say('ส่งให้ผู้ร้อง'))).toContain('แนบภาพหลังดำเนินการ 1 รูปแล้ว');
    expect((await stored(id)).afterPhotos.map((p) => p.lineMessageId)).toEqual([photoId]);

    await flush();
    const pushed = pushesTo(NEIGHBOUR);
    expect(visibleText(pushed)).toContain(`ภาพหลังดำเนินการ เรื่องเลขที่ ${no}`);
    const [image] = pushed.filter((m) => m.type === 'image');
    expect(image.originalContentUrl).toMatch(/^https:\/\/prongsai\.example\.go\.th\/evidence\//);
    const res = await fetch(local(image.originalContentUrl));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`content of ${photoId}`);

    const again = await neighbour.tap(postbackOf(pushed, 'ดูภาพหลังดำเนินการ'));
    expect(again.filter((m) => m.type === 'image')).toHaveLength(1);
    const track = visibleText(await neighbour.say(`ติดตาม ${no}`));
    expect(track).toContain('ภาพหลังดำเนินการ: 1 รูป');
    expect(track).toContain('เจ้าหน้าที่แนบภาพหลังดำเนินการ');
  });

  it('set a category from the configured list, for general complaints only', async () => {
    const id = await fileGeneral(neighbour, 'ไฟฟ้าตกบ่อยช่วงเย็น');
    const choose = await officer.tap(`a=cp.cat&c=${id}`);
    expect(choose[0].quickReply.items.map((i: any) => i.action.label)).toEqual(['ถนน', 'ไฟฟ้า', 'ประปาหมู่บ้าน', 'ยกเลิก']);
    expect(visibleText(await officer.tap(postbackOf(choose, 'ไฟฟ้า')))).toContain('ประเภทเรื่อง "ไฟฟ้า"');
    expect((await stored(id)).category).toBe('ไฟฟ้า');
    expect(visibleText(await officer.tap(`a=cp.catset&c=${id}&k=อื่น ๆ`))).toContain('ไม่มีประเภทนี้');
    expect((await stored(id)).category).toBe('ไฟฟ้า');
    const cases = await officer.say('เรื่องร้องเรียน');
    expect(visibleText(cases)).toContain('ประเภทเรื่อง: ไฟฟ้า');
  });
});

describe('a corruption report through every closure step', () => {
  it('adds information, gets after-fix photos, a resolution without a rating prompt, a forwarding and a withdrawal, and nobody learns who reported', async () => {
    const first = await fileCorruption(reporter, 'เรียกรับเงินจากผู้รับเหมาก่อสร้างถนน');
    await integrity.tap(`a=cp.take&c=${first}`);
    const no = (await stored(first)).trackingNo;

    // More information, with a photo, from the case card.
    const mine = await reporter.say('เรื่องของฉัน');
    const card = mine[1].contents.contents.find((b: any) => visibleText([b]).includes(no));
    expect(JSON.stringify(card)).not.toContain('ประเมินความพึงพอใจ');
    expect(visibleText(await reporter.tap(postbackOf([card], 'ส่งข้อมูลเพิ่มเติม')))).toContain('ส่งรูปภาพก่อนได้');
    expect(visibleText(await reporter.sendImage())).toContain('ได้รับรูปแล้ว 1 รูป');
    expect(visibleText(await reporter.say('มีการโอนเงินเข้าบัญชีภรรยาของนาย ง. วันที่ 3'))).toContain(ADDED_INFO_SENT_TH);
    expect((await stored(first)).attachments).toHaveLength(1);
    await flush();
    expect(visibleText(pushesTo(INTEGRITY))).toContain('มีการโอนเงินเข้าบัญชีภรรยาของนาย ง.');
    expect(pushesTo(OFFICER)).toEqual([]);

    // After-fix photos reach the reporter alone; the resolution asks for no rating.
    await integrity.tap(`a=cp.photo&c=${first}`);
    await integrity.sendImage();
    await integrity.say('ส่งให้ผู้ร้อง');
    await resolve(integrity, first, 'ตั้งกรรมการสอบข้อเท็จจริงและส่งเรื่องให้ ป.ป.ช. แล้ว');
    await flush();
    const toReporter = pushesTo(REPORTER);
    expect(toReporter.filter((m) => m.type === 'image')).toHaveLength(1);
    expect(visibleText(toReporter)).toContain('ส่งเรื่องให้ ป.ป.ช. แล้ว');
    expect(visibleText(toReporter)).not.toContain('ให้คะแนน');
    expect(visibleText(await reporter.tap(`a=cz.rate&c=${first}`))).toContain('ไม่มีการประเมิน เพื่อคุ้มครองผู้แจ้ง');
    expect((await stored(first)).feedback).toBeNull();

    // A second report is forwarded, a third withdrawn.
    const second = await fileCorruption(reporter, 'ปลัดใช้รถราชการไปธุระส่วนตัว');
    await integrity.tap(`a=cp.fwd&c=${second}`);
    await integrity.say('สำนักงาน ป.ป.ช. ประจำจังหวัด');
    await integrity.say('เรื่องนี้อยู่ในอำนาจของ ป.ป.ช. ท่านติดตามได้ที่สายด่วน 1205');
    expect((await stored(second)).status).toBe('forwarded');
    const third = await fileCorruption(reporter, 'ซื้อวัสดุราคาสูงเกินจริง');
    const ask = await reporter.tap(`a=cz.wd&c=${third}`);
    await reporter.tap(postbackOf(ask, 'ยืนยันถอนเรื่อง'));
    expect((await stored(third)).status).toBe('withdrawn');
    await flush();
    expect(visibleText(pushesTo(REPORTER))).toContain('ส่งต่อให้: สำนักงาน ป.ป.ช. ประจำจังหวัด');
    expect(visibleText(pushesTo(INTEGRITY))).toContain('ผู้ร้องขอถอนเรื่อง');

    // Nobody but the reporter got anything naming them: not their LINE id, their name or their pseudonym.
    const others = h.line.requests.filter((r) => /^\/v2\/bot\/message\/(push|multicast)$/.test(r.path) && JSON.stringify(r.body.to) !== JSON.stringify(REPORTER));
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      const body = JSON.stringify(r.body);
      for (const secret of [REPORTER, REPORTER_NAME, testSealer.userKey(REPORTER)]) expect(body).not.toContain(secret);
    }
    expect(pushesTo(EXECUTIVE)).toEqual([]);
    for (const c of await ComplaintEventModel.find({ complaintId: { $in: [first, second, third].map((x) => (x as unknown as string)) } }).lean()) {
      expect(JSON.stringify(c)).not.toContain(REPORTER);
    }
    expect(logs.join('')).not.toContain(REPORTER);
    expect(logs.join('')).not.toContain(REPORTER_NAME);
  });
});
