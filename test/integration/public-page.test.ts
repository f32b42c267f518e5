import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplaintEventModel, ComplaintModel } from '../../src/db/models/complaint.js';
import { MeasureModel } from '../../src/db/models/measure.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { saveProgressReport } from '../../src/db/progress-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * The public page is for anyone: it must show the plan's figures and results and nothing about a person.
 * The scenario below puts personal data everywhere the bot keeps it (staff records, reporters of progress
 * reports, complainants' contacts, corruption stories and the accused, handlers' notes), and the served page
 * is searched for every piece of it.
 */
const ORG = 'test-org';
const OFFICER = { lineUserId: 'U0f1c3r00000000000000000000000a1', name: 'นางสาวพิมพ์ชนก ทองประเสริฐ' };
const COMPLAINT_OFFICER = { lineUserId: 'U0c0mp1a1n700000000000000000000b2', name: 'นายวีระพงษ์ ศรีสวัสดิ์' };
const INTEGRITY_OFFICER = { lineUserId: 'U1n7e9r17y00000000000000000000c3', name: 'นางอรุณี ยุติธรรมวงศ์' };
const EXECUTIVE = { lineUserId: 'U3xecu71ve000000000000000000000d4', name: 'นายกเทศมนตรีสมบัติ มั่งมีทรัพย์' };
const CITIZEN = 'Uc171zen0000000000000000000000e5';
const WHISTLEBLOWER = 'Uwh1571eb10wer000000000000000000f6';
const CONTACT = { name: 'ประยูร พึ่งบุญญา', phone: '0898765432', typed: '089-876-5432' };
const ACCUSED = 'นายเกรียงไกร ฉ้อฉลกิจ';
const CORRUPTION_STORY = 'เรียกรับเงินสามหมื่นบาทจากผู้รับเหมาก่อสร้างรางระบายน้ำซอยมะลิ';
const GENERAL_STORY = 'ไฟส่องสว่างหน้าบ้านเลขที่ 99/7 ดับมาสองสัปดาห์';
const HANDLER_NOTE = 'โทรคุยกับคุณประยูรแล้ว นัดช่างเข้าตรวจวันพุธ';
const FEEDBACK_COMMENT = 'ขอบคุณคุณวีระพงษ์ที่มาซ่อมไฟให้รวดเร็ว';
const OUTCOME = 'จัดอบรมคุณธรรมให้นักเรียน 120 คน ผ่านการประเมินร้อยละ 92';

let h: Harness;

async function fileComplaint(chat: Chat, kind: 'general' | 'corruption', answers: string[]) {
  await chat.say('ร้องเรียน');
  await chat.tap(`a=cm.kind&k=${kind}`);
  for (const answer of answers) await chat.say(answer);
  const confirm = await chat.say('รับแจ้ง');
  return chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
}

const page = (path = '/public') => fetch(`${h.server.url}${path}`);

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  await OrganisationModel.updateOne({ _id: ORG }, { $set: { name: 'เทศบาลตำบลทดสอบโปร่งใส', district: 'เมือง', province: 'ทดสอบ' } });
  await addStaff(ORG, OFFICER.lineUserId, ['officer'], 'สำนักปลัด', OFFICER.name);
  await addStaff(ORG, COMPLAINT_OFFICER.lineUserId, ['complaint_officer'], 'สำนักปลัด', COMPLAINT_OFFICER.name);
  await addStaff(ORG, INTEGRITY_OFFICER.lineUserId, ['integrity_officer'], 'สำนักปลัด', INTEGRITY_OFFICER.name);
  await addStaff(ORG, EXECUTIVE.lineUserId, ['executive'], null, EXECUTIVE.name);

  // Progress over the fiscal year 2568, reported by a named officer.
  const reports: [string, 'in_progress' | 'completed', string, number | null][] = [
    ['EP-01', 'in_progress', '2024-11-15T03:00:00Z', 5_000],
    ['EP-01', 'completed', '2025-02-10T03:00:00Z', 28_000],
    ['EP-02', 'in_progress', '2025-01-20T03:00:00Z', null],
    ['EP-03', 'completed', '2025-04-05T03:00:00Z', null],
    ['EP-05', 'completed', '2025-07-01T03:00:00Z', null],
  ];
  for (const [code, status, at, disbursed] of reports) {
    const measure = (await MeasureModel.findOne({ orgId: ORG, code }).lean())!;
    await saveProgressReport(ORG, { report: { measureId: String(measure._id), status, summary: `ดำเนินการตามแผน ${code}`, outcome: code === 'EP-01' && status === 'completed' ? OUTCOME : null, disbursed, attachments: [] }, reporter: { lineUserId: OFFICER.lineUserId, displayName: OFFICER.name, roles: ['officer'], unit: 'สำนักปลัด' }, reportedAt: new Date(at), eventId: `public-page-${new Types.ObjectId()}` });
  }

  // A general complaint with a name and phone, a corruption report naming the accused, and a handler's note.
  const citizen = new Chat(h, CITIZEN);
  expect(visibleText(await fileComplaint(citizen, 'general', [GENERAL_STORY, 'ข้าม', `${CONTACT.name} ${CONTACT.typed}`]))).toMatch(/G\d{4}-0001/);
  const whistleblower = new Chat(h, WHISTLEBLOWER);
  expect(visibleText(await fileComplaint(whistleblower, 'corruption', [ACCUSED, 'ต้นเดือนที่แล้ว', CORRUPTION_STORY, 'ข้าม']))).toMatch(/C\d{4}-0001/);
  const handler = new Chat(h, COMPLAINT_OFFICER.lineUserId);
  const cases = await handler.say('เรื่องร้องเรียน');
  await handler.tap(postbackOf(cases, 'รับผิดชอบเรื่องนี้'));
  await handler.tap(postbackOf(await handler.say('เรื่องร้องเรียน'), /บันทึกภายใน/));
  await handler.say(HANDLER_NOTE);
  await h.server.outbox.flush();
  expect(await ComplaintModel.countDocuments({ orgId: ORG })).toBe(2);
  expect(await ComplaintEventModel.countDocuments({ orgId: ORG, text: HANDLER_NOTE })).toBe(1);
  // The general case answered the next day and rated, with a comment naming the handler.
  const general = (await ComplaintModel.findOne({ orgId: ORG, kind: 'general' }).lean())!;
  await ComplaintModel.updateOne(
    { _id: general._id },
    { $set: { status: 'resolved', closedAt: new Date(general.submittedAt.getTime() + 86_400_000), feedback: { stars: 4, comment: FEEDBACK_COMMENT, fixed: true, at: new Date() } } },
  );
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('the public transparency page', () => {
  it('shows the plan figures, charts and project results, in Thai, without logging in', async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('เทศบาลตำบลทดสอบโปร่งใส');
    expect(html).toContain('ปีงบประมาณ 2568');
    expect(html).toContain('โครงการโรงเรียนคุณธรรม');
    expect(html).toContain(OUTCOME);
    // Each chart is an inline SVG drawn on the server: status ring, by family, by dimension, by month.
    expect(html.match(/<svg role="img"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toContain('<script');
    // Twelve months of the fiscal year, the month-by-month table included.
    expect(html).toContain('ต.ค. 67');
    expect(html).toContain('ก.ย. 68');
  });

  it("shows this fiscal year's complaint statistics: counts by channel, answered within 15 days, ratings", async () => {
    const html = await (await page()).text();
    expect(html).toContain(`เรื่องร้องเรียน ปีงบประมาณ ${fiscalYearOf(new Date())}`);
    expect(html).toContain('เรื่องทั่วไป 1 · แจ้งเบาะแสการทุจริต 1 · ดำเนินการแล้วเสร็จ 1');
    expect(html).toContain('1 จาก 1 เรื่องที่ตอบแล้ว');
    expect(html).toMatch(/<div class="figure-value">4\.00<\/div><div class="figure-note">จากคะแนนเต็ม 5 · 1 ความเห็น/);
    expect(html).toContain('จำนวนเรื่องร้องเรียนและร้อยละที่ตอบภายใน 15 วันรายเดือน');
  });

  it('carries no name, LINE id, phone number, complaint story, accused or handler note', async () => {
    const html = await (await page()).text();
    const secrets = [
      OFFICER.name, OFFICER.lineUserId, COMPLAINT_OFFICER.name, COMPLAINT_OFFICER.lineUserId, INTEGRITY_OFFICER.name, INTEGRITY_OFFICER.lineUserId,
      EXECUTIVE.name, EXECUTIVE.lineUserId, CITIZEN, WHISTLEBLOWER, CONTACT.name, CONTACT.phone, CONTACT.typed, ACCUSED, CORRUPTION_STORY, GENERAL_STORY, HANDLER_NOTE,
      FEEDBACK_COMMENT, 'วีระพงษ์',
    ];
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
    // Parts of names too: a surname or a phone's digits on their own would still point at a person.
    for (const part of ['ทองประเสริฐ', 'ศรีสวัสดิ์', 'ยุติธรรมวงศ์', 'มั่งมีทรัพย์', 'พึ่งบุญญา', 'ฉ้อฉลกิจ', '876-5432', '8765432', 'ผู้รับเหมา']) expect(html, part).not.toContain(part);
  });

  it('is the same page at /public/<code>; an unknown or malformed code is 404 and creates nothing', async () => {
    const named = await page(`/public/${ORG}`);
    expect(named.status).toBe(200);
    expect(await named.text()).toContain('เทศบาลตำบลทดสอบโปร่งใส');
    expect((await page('/public/no-such-org')).status).toBe(404);
    expect((await page('/public/%24where')).status).toBe(404);
    expect(await OrganisationModel.countDocuments({ _id: { $in: ['no-such-org', '$where'] } })).toBe(0);
  });

  it('is served from memory with an ETag and a public Cache-Control; a repeat with the ETag gets 304', async () => {
    const first = await page();
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    // fetch asks for gzip as browsers do, and unpacks it: the page went compressed.
    expect(first.headers.get('content-encoding')).toBe('gzip');
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    // A report made now is not on the page until the cached one expires: the same page, the same tag.
    const measure = (await MeasureModel.findOne({ orgId: ORG, code: 'EP-04' }).lean())!;
    await saveProgressReport(ORG, { report: { measureId: String(measure._id), status: 'completed', summary: 'แล้วเสร็จ', attachments: [] }, reporter: { lineUserId: OFFICER.lineUserId, displayName: OFFICER.name, roles: ['officer'], unit: null }, reportedAt: new Date('2025-08-01T03:00:00Z'), eventId: `public-page-${new Types.ObjectId()}` });
    const second = await page();
    expect(second.headers.get('etag')).toBe(etag);
    const again = await fetch(`${h.server.url}/public`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it("is linked from the executives' summary: a ดูแผนภูมิ button opening the organisation's page", async () => {
    const reply = await new Chat(h, EXECUTIVE.lineUserId).say('สรุป');
    const buttons = JSON.stringify(reply).match(/\{"type":"uri","label":"ดูแผนภูมิ","uri":"([^"]+)"\}/);
    expect(buttons?.[1]).toMatch(new RegExp(`^http://localhost:\\d+/public/${ORG}$`));
    const opened = await fetch(buttons![1]!.replace('localhost', '127.0.0.1'));
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('เทศบาลตำบลทดสอบโปร่งใส');
  });

  it('allows only its own stylesheet, font and inline SVG, and serves the Thai font', async () => {
    const res = await page();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("font-src 'self'");
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const css = await page('/public/assets/page.css');
    expect(css.status).toBe(200);
    const font = await page('/public/assets/fonts/sarabun-thai-400-normal.woff2');
    expect(font.status).toBe(200);
    expect(Buffer.from(await font.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('wOF2');
  });
});
