import { PassThrough } from 'node:stream';
import { addDays } from 'date-fns';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AttachmentFileModel } from '../../src/db/models/attachment-file.js';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { REPORTER_PROTECTION_TH } from '../../src/domain/corruption-privacy.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { JOBS } from '../../src/jobs/registry.js';
import { runJob } from '../../src/jobs/run-job.js';
import { Chat, fileGeneralComplaint, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';
import { locationEvent, stickerEvent } from '../support/line-events.js';

const ORG = 'test-org';
const COMPLAINT_OFFICER = 'U-complaint-officer';
const INTEGRITY_OFFICER = 'U-integrity-officer';
const EXECUTIVE = 'U-executive';
const CITIZEN_A = 'Ua0000000000000000000000000000001';
const REPORTER_B = 'Ub0000000000000000000000000000002';
const FY = fiscalYearOf(new Date());

let h: Harness;
const logs: string[] = [];
let a: Chat;
let b: Chat;
const pushesTo = (userId: string) => h.line.deliveriesTo(userId).flatMap((r) => r.body.messages);
const flush = () => h.server.outbox.flush();

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk) => logs.push(String(chunk)));
  h = await startHarness({ logTo: stream });
  await addStaff(ORG, COMPLAINT_OFFICER, ['complaint_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await addStaff(ORG, INTEGRITY_OFFICER, ['integrity_officer'], 'สำนักปลัด', 'นิติกร');
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'ปลัด');
  a = new Chat(h, CITIZEN_A);
  b = new Chat(h, REPORTER_B);
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

describe('a citizen files a general complaint', () => {
  it('walks through kind, story with a photo, place, contact and updates, and gets a receipt with a tracking number', async () => {
    const start = await a.say('ร้องเรียน');
    expect(visibleText(start)).toContain('พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล');
    const askWhat = await a.tap(postbackOf(start, 'ร้องเรียนทั่วไป'));
    expect(visibleText(askWhat)).toContain('เล่าเรื่องที่ต้องการร้องเรียน');
    expect(visibleText(await a.sendImage())).toContain('ได้รับรูปแล้ว 1 รูป');
    const photoId = (a.lastEvent as any).message.id;
    expect(visibleText(await a.send(stickerEvent(CITIZEN_A)))).toContain('ต้องการข้อความ');
    expect(visibleText(await a.say('ก'.repeat(2_001)))).toContain('ข้อความยาวเกิน');
    const askWhere = await a.say('ถนนหมู่ 3 เป็นหลุมลึก รถจักรยานยนต์ล้มหลายครั้ง ขอให้ซ่อมด่วน');
    expect(askWhere[0].quickReply.items.map((i: any) => i.action.type)).toContain('location');
    const askContact = await a.send(locationEvent(CITIZEN_A));
    expect(visibleText(askContact)).toContain('ไม่ประสงค์ออกนาม');
    await a.say('สมชาย ใจดี 081-234-5678');
    const confirm = await a.say('รับแจ้ง');
    expect(visibleText(confirm)).toContain('ผู้ติดต่อ: สมชาย ใจดี 081-234-5678');
    const receipt = await a.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));

    expect(receipt[0].type).toBe('flex');
    expect(visibleText(receipt)).toContain(`G${FY}-0001`);
    expect(visibleText(receipt)).toContain('(15 วัน)');
    const stored = (await ComplaintModel.findOne({ trackingNo: `G${FY}-0001` }).lean())!;
    expect(stored).toMatchObject({ kind: 'general', status: 'received', contactName: 'สมชาย ใจดี', contactPhone: '081-234-5678', notify: true });
    expect(stored.location).toMatchObject({ title: 'ศาลาประชาคมหมู่ 3' });
    expect(stored.attachments).toHaveLength(1);
    expect(await AttachmentFileModel.countDocuments({ lineMessageId: photoId })).toBe(1);
    expect(stored.dueAt.getTime() - stored.submittedAt.getTime()).toBeGreaterThan(15 * 86_400_000);

    await flush();
    expect(visibleText(pushesTo(COMPLAINT_OFFICER))).toContain(`มีเรื่องใหม่ G${FY}-0001`);
    expect(visibleText(pushesTo(COMPLAINT_OFFICER))).toContain('สมชาย ใจดี · 081-234-5678');
    expect(pushesTo(INTEGRITY_OFFICER)).toEqual([]);
  });

  it('a redelivered confirmation files nothing new', async () => {
    const before = await ComplaintModel.countDocuments();
    await h.post([{ ...a.lastEvent!, deliveryContext: { isRedelivery: true } } as any]);
    await h.server.runner.idle();
    expect(await ComplaintModel.countDocuments()).toBe(before);
  });
});

describe('a corruption report', () => {
  it('asks who, when and what, explains the protection, asks no contact, and goes only to integrity officers', async () => {
    await b.say('complaint');
    const askWho = await b.tap('a=cm.kind&k=corruption');
    expect(visibleText(askWho)).toContain(REPORTER_PROTECTION_TH);
    expect(visibleText(askWho)).toContain('ผู้ถูกกล่าวหาคือใคร');
    expect(visibleText(await b.say('นาย ก. เจ้าหน้าที่พัสดุ'))).toContain('เมื่อใด');
    expect(visibleText(await b.say('ต้นเดือนที่แล้ว'))).toContain('พฤติการณ์');
    await b.say('เรียกรับเงินจากผู้รับเหมาเพื่อให้ผ่านการตรวจรับงาน');
    const askNotify = await b.say('ข้าม');
    expect(visibleText(askNotify)).toContain('แจ้งความคืบหน้าทาง LINE');
    const confirm = await b.say('รับแจ้ง');
    expect(visibleText(confirm)).not.toContain('ผู้ติดต่อ');
    const receipt = await b.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
    expect(visibleText(receipt)).toContain(`C${FY}-0001`);
    expect(visibleText(receipt)).toContain('การคุ้มครองผู้แจ้ง');

    await flush();
    const toIntegrity = pushesTo(INTEGRITY_OFFICER);
    expect(visibleText(toIntegrity)).toContain('นาย ก. เจ้าหน้าที่พัสดุ');
    expect(JSON.stringify(toIntegrity)).not.toContain(REPORTER_B);
    expect(pushesTo(COMPLAINT_OFFICER)).toEqual([]);
    expect(pushesTo(EXECUTIVE)).toEqual([]);
  });

  it('never stores or logs the reporter\'s LINE id in clear text', async () => {
    const db = mongoose.connection.db!;
    for (const { name } of await db.listCollections().toArray()) {
      const docs = await db.collection(name).find().toArray();
      expect(JSON.stringify(docs), name).not.toContain(REPORTER_B);
    }
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain(REPORTER_B);
    const stored = (await ComplaintModel.findOne({ kind: 'corruption' }).lean())!;
    expect(testSealer.open(stored.reporterSealed)).toBe(REPORTER_B);
  });

  it('keeps the story only in the case itself: the answers and notices that quoted it are sealed at rest', async () => {
    const story = 'เรียกรับเงินจากผู้รับเหมาเพื่อให้ผ่านการตรวจรับงาน';
    const db = mongoose.connection.db!;
    const holding: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      if (JSON.stringify(await db.collection(name).find().toArray()).includes(story)) holding.push(name);
    }
    expect(holding).toEqual(['complaints']);
    // They are there, sealed: the confirmation card among the stored replies, the integrity officers' notice in the outbox.
    const opened = async (name: string, field: string) =>
      (await db.collection(name).find({ [field]: { $exists: true } }).toArray()).map((d) => testSealer.open(d[field] as string));
    expect((await opened('webhook_event_attempts', 'repliesSealed')).some((r) => r.includes(story))).toBe(true);
    expect((await opened('outbox', 'messagesSealed')).some((m) => m.includes(story))).toBe(true);
  });

  it('keeps a story being written sealed too: the dialog draft holds it only encrypted', async () => {
    const draft = 'ปลัดสั่งให้แก้ใบเสร็จย้อนหลังเพื่อเบิกเงินเกิน';
    await b.say('แจ้งทุจริต');
    await b.say('นาย ค.');
    await b.say('เมื่อวานนี้');
    expect(visibleText(await b.say(draft))).toContain('เกิดที่ไหน');
    const db = mongoose.connection.db!;
    const [conversation] = await db.collection('conversations').find().toArray();
    expect(JSON.stringify(conversation)).not.toContain(draft);
    expect(testSealer.open(conversation!.sealedData as string)).toContain(draft);
    expect(visibleText(await b.say('ข้าม'))).toContain('แจ้งความคืบหน้า');
    await b.say('ยกเลิก');
  });

  it('starts at the first corruption question when asked for by name, and answers a tracking request mid-dialog without losing its place', async () => {
    const start = visibleText(await b.say('ขอแจ้งทุจริตครับ'));
    expect(start).toContain('พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล');
    expect(start).toContain('1/5 ผู้ถูกกล่าวหาคือใคร');
    expect(start).not.toContain('เลือกประเภทเรื่อง');
    const tracked = await b.say(`ติดตาม C${FY}-0001`);
    expect(visibleText(tracked)).toContain(`เรื่องเลขที่ C${FY}-0001`);
    expect(visibleText([tracked[tracked.length - 1]])).toContain('ผู้ถูกกล่าวหาคือใคร');
    expect(visibleText(await b.say('นาย ข.'))).toContain('2/5 เหตุการณ์เกิดขึ้นเมื่อใด');
    await b.say('ยกเลิก');
  });
});

describe('following a case', () => {
  it('shows the status and public timeline to the person who filed it, and to nobody else', async () => {
    const own = await a.say(`ติดตาม g${FY}-1`);
    expect(visibleText(own)).toContain(`เรื่องเลขที่ G${FY}-0001`);
    expect(visibleText(own)).toContain('สถานะ: รับเรื่องแล้ว');
    const mine = await a.say('เรื่องของฉัน');
    expect(visibleText(mine)).toContain(`G${FY}-0001`);
    // One tap on the case card's button tracks it.
    const card = mine[1].contents.contents[0];
    expect(visibleText([card])).toContain('รับเรื่องแล้ว');
    expect(visibleText(await a.say(card.footer.contents[0].action.text))).toContain(`เรื่องเลขที่ G${FY}-0001`);

    const notFound = visibleText(await b.say(`ติดตาม G${FY}-0001`));
    expect(notFound).toContain('ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้');
    for (let n = 2; n <= 6; n++) expect(visibleText(await b.say(`track G${FY}-${n}`))).toContain('ไม่พบเรื่องเลขที่นี้');
    expect(visibleText(await b.say('my cases'))).not.toContain(`G${FY}-0001`);
    const id = String((await ComplaintModel.findOne({ kind: 'general' }).lean())!._id);
    expect(visibleText(await b.tap(`a=cp.take&c=${id}`))).toContain('สำหรับเจ้าหน้าที่รับเรื่องร้องเรียนและนิติกรเท่านั้น');
    // The shared rich menu's "เรื่องร้องเรียน" tile gives a citizen their own cases, never anyone else's.
    const tile = visibleText(await b.say('เรื่องร้องเรียน'));
    expect(tile).toContain(`C${FY}-0001`);
    expect(tile).not.toContain(`G${FY}-0001`);
  });

  it('understands people in their own words, and keeps a dialog answer an answer', async () => {
    expect(visibleText(await a.say(`ติดตามG${FY}-0001`))).toContain(`เรื่องเลขที่ G${FY}-0001`);
    expect(visibleText(await a.say('ขอดูเรื่องที่ผมแจ้งไว้ครับ'))).toContain(`G${FY}-0001`);
    const greeting = visibleText(await a.say('สวัสดีครับ'));
    expect(greeting).not.toContain('ไม่เข้าใจ');
    expect(greeting).toContain('ร้องเรียน');

    // A request naming a public topic ("เรื่องถนน") is a general complaint: the kind is not asked.
    const start = visibleText(await a.say('อยากร้องเรียนเรื่องถนนครับ'));
    expect(start).toContain('พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล');
    expect(start).toContain('เล่าเรื่องที่ต้องการร้องเรียน');
    expect(start).not.toContain('เลือกประเภทเรื่อง');
    // At "what happened?" the same kind of sentence is the story, not a new complaint.
    const askWhere = visibleText(await a.say('อยากร้องเรียนเรื่องถนนหมู่ 5 เป็นหลุม'));
    expect(askWhere).toContain('เกิดที่ไหน');
    expect(visibleText(await a.say('ยกเลิก'))).not.toContain('ไม่เข้าใจ');
  });

  it('keeps each channel to its own officers', async () => {
    const corruptionId = String((await ComplaintModel.findOne({ kind: 'corruption' }).lean())!._id);
    const officer = new Chat(h, COMPLAINT_OFFICER);
    expect(visibleText(await officer.tap(`a=cp.note&c=${corruptionId}`))).toContain('ไม่พบเรื่องนี้');
    const list = visibleText(await officer.say('cases'));
    expect(list).toContain(`G${FY}-0001`);
    expect(list).not.toContain(`C${FY}-0001`);
    const executive = new Chat(h, EXECUTIVE);
    expect(visibleText(await executive.tap(`a=cp.take&c=${corruptionId}`))).toContain('สำหรับเจ้าหน้าที่รับเรื่องร้องเรียนและนิติกรเท่านั้น');
  });
});

describe('handling a case in LINE', () => {
  it('take, change status with a note the citizen receives, and internal notes the citizen never sees', async () => {
    const officer = new Chat(h, COMPLAINT_OFFICER);
    const cases = await officer.say('เรื่องร้องเรียน');
    expect(visibleText(await officer.tap(postbackOf(cases, 'รับผิดชอบเรื่องนี้')))).toContain(`ท่านรับผิดชอบเรื่อง G${FY}-0001 แล้ว`);
    const choose = await officer.tap(postbackOf(cases, 'เปลี่ยนสถานะ'));
    const askNote = await officer.tap(postbackOf(choose, 'อยู่ระหว่างดำเนินการ'));
    expect(visibleText(askNote)).toContain('ผู้ร้องจะเห็นข้อความนี้');
    expect(visibleText(await officer.say('กองช่างออกสำรวจแล้ว จะซ่อมภายในสัปดาห์หน้า'))).toContain('แจ้งผู้ร้องเรียนแล้ว');
    await officer.tap(postbackOf(cases, 'บันทึกภายใน'));
    await officer.say('รองบประมาณซ่อมบำรุงจากกองคลัง');

    await flush();
    const update = visibleText(pushesTo(CITIZEN_A));
    expect(update).toContain('สถานะ: อยู่ระหว่างดำเนินการ');
    expect(update).toContain('กองช่างออกสำรวจแล้ว');
    const track = visibleText(await a.say(`ติดตาม G${FY}-0001`));
    expect(track).toContain('กองช่างออกสำรวจแล้ว');
    expect(track).not.toContain('รองบประมาณ');
    expect(track).not.toContain('เจ้าหน้าที่รับเรื่อง');
    expect(h.line.deliveriesTo(CITIZEN_A)).toHaveLength(1);
  });
});

describe('the 15-day rule', () => {
  it('reminds, escalates and demands an explanation once each as time passes', async () => {
    const c = (await ComplaintModel.findOne({ kind: 'general' }).lean())!;
    const deadlines = (asOf: Date) => runJob(JOBS['complaint-deadlines'], asOf, 'operator', h.server.jobDeps).then(flush);

    // Relative to the deadline, which a weekend or a holiday may move past the 15th day.
    await deadlines(addDays(c.dueAt, -2));
    await deadlines(addDays(c.dueAt, -1));
    expect(visibleText(pushesTo(COMPLAINT_OFFICER))).toContain(`เรื่อง G${FY}-0001 จะครบกำหนดตอบ 15 วัน`);
    expect(h.line.deliveriesTo(COMPLAINT_OFFICER).filter((r) => JSON.stringify(r.body).includes('จะครบกำหนด'))).toHaveLength(1);

    await deadlines(addDays(c.dueAt, 1));
    await deadlines(addDays(c.dueAt, 2));
    // Executives get one card on the day the cases passed their deadline, none the day after.
    const toExecutive = pushesTo(EXECUTIVE);
    expect(h.line.deliveriesTo(EXECUTIVE)).toHaveLength(1);
    expect(toExecutive).toHaveLength(1);
    const card = visibleText(toExecutive);
    expect(card).toContain('เรื่องร้องเรียนเกินกำหนด 15 วัน');
    expect(card).toMatch(/เกินกำหนดวันนี้\n2\n/);
    expect(card).toContain('เจ้าหน้าที่รับเรื่อง\nเกินกำหนด 1 เรื่อง');
    // The corruption report is overdue too: executives learn that it is, as a number, and nothing else.
    expect(card).toContain('แจ้งเบาะแสการทุจริตและประพฤติมิชอบ\nเกินกำหนด 1 เรื่อง');
    expect(card).not.toContain(`C${FY}-0001`);
    expect(card).not.toContain('นาย ก.');
    expect(card).not.toContain('สมชาย');
    // The handler's button lists the general case; only the executives it was sent to may press it.
    const list = visibleText(await new Chat(h, EXECUTIVE).tap(postbackOf(toExecutive, 'ดูรายการ')));
    expect(list).toContain(`G${FY}-0001 · เกินกำหนด`);
    expect(list).toContain('ยังไม่ได้แจ้งเหตุผลแก่ผู้ร้อง');
    expect(list).not.toContain(`C${FY}-0001`);
    expect(visibleText(await new Chat(h, COMPLAINT_OFFICER).tap(postbackOf(toExecutive, 'ดูรายการ')))).toContain('เท่านั้น');
    // A crafted moment or group is answered plainly.
    expect(visibleText(await new Chat(h, EXECUTIVE).tap('a=sum.oc&h=x&t=99999999999999999999'))).toContain('ไม่มีเรื่องที่เกินกำหนดแล้ว');
    // An admin gets the summary, but late complaints are the executives': not on the admin's overdue cards, nor behind the button.
    await addStaff(ORG, 'U-admin', ['admin'], null, 'ผู้ดูแล');
    const admin = new Chat(h, 'U-admin');
    expect(visibleText(await admin.tap(postbackOf(toExecutive, 'ดูรายการ')))).toContain('สำหรับผู้บริหารเท่านั้น');
    // The cases are late only as of the job's moment; make them late now for the summary's button, then put them back.
    const open = await ComplaintModel.find({ orgId: ORG, status: { $in: ['received', 'in_progress'] } }).lean();
    await ComplaintModel.updateMany({ _id: { $in: open.map((x) => x._id) } }, { $set: { dueAt: addDays(new Date(), -1) } });
    const executiveOverdue = visibleText(await new Chat(h, EXECUTIVE).tap('a=sum.overdue'));
    expect(executiveOverdue).toContain('เรื่องร้องเรียนเกินกำหนด 15 วัน');
    expect(executiveOverdue).not.toContain(`C${FY}-0001`);
    expect(visibleText(await admin.tap('a=sum.overdue'))).not.toContain('เรื่องร้องเรียนเกินกำหนด');
    for (const x of open) await ComplaintModel.updateOne({ _id: x._id }, { $set: { dueAt: x.dueAt } });
    expect(await ComplaintEventModel.countDocuments({ complaintId: c._id, type: { $in: ['reminder', 'escalation'] } })).toBe(2);

    const officer = new Chat(h, COMPLAINT_OFFICER);
    const request = pushesTo(COMPLAINT_OFFICER);
    expect(visibleText(request)).toContain('ต้องแจ้งเหตุผลแก่ผู้ร้องเรียน');
    const blocked = await officer.tap(`a=cp.status&c=${c._id}`);
    expect(visibleText(blocked)).toContain('ต้องแจ้งเหตุผลแก่ผู้ร้องเรียนก่อนเปลี่ยนสถานะ');
    await officer.say('รอผู้รับจ้างเข้าดำเนินการ เนื่องจากฝนตกต่อเนื่อง');
    await flush();
    expect(visibleText(pushesTo(CITIZEN_A))).toContain('เหตุผลจากเจ้าหน้าที่: รอผู้รับจ้างเข้าดำเนินการ');

    const choose = await officer.tap(`a=cp.status&c=${c._id}`);
    await officer.tap(postbackOf(choose, 'ดำเนินการแล้วเสร็จ'));
    await officer.say('ซ่อมถนนเรียบร้อยแล้ว');
    expect((await ComplaintModel.findById(c._id).lean())!.status).toBe('resolved');
  });
});

describe('statistics and abuse', () => {
  it('gives executives O24 counts without identities', async () => {
    const stats = visibleText(await new Chat(h, EXECUTIVE).say('สถิติร้องเรียน'));
    expect(stats).toContain(`ปีงบประมาณ ${FY}`);
    expect(stats).toContain('ทั้งปี\nรับ 2 เรื่อง · เสร็จแล้ว 1 · อยู่ระหว่างดำเนินการ 1');
    expect(visibleText(await a.say('complaint stats'))).toContain('สำหรับผู้บริหาร');
  });

  it('refuses the sixth complaint within an hour from one person, and loses nothing already filed', async () => {
    const flooder = new Chat(h, 'Uf0000000000000000000000000000003');
    for (let i = 1; i <= 5; i++) expect(visibleText(await fileGeneralComplaint(flooder, `เรื่องที่ ${i}`))).toContain(`G${FY}-`);
    expect(visibleText(await flooder.say('ร้องเรียน'))).toContain('ครบ 5 เรื่องในหนึ่งชั่วโมงแล้ว');
    expect(await ComplaintModel.countDocuments({ reporterKey: testSealer.userKey(flooder.userId) })).toBe(5);
  });
});
