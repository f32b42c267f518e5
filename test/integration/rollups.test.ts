import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { ComplaintModel } from '../../src/db/models/complaint.js';
import { OitItemModel } from '../../src/db/models/oit-item.js';
import { staffId } from '../../src/db/models/staff.js';
import { addOrganisation, updateOrganisation } from '../../src/db/organisation-store.js';
import { loadRollup } from '../../src/db/rollup-store.js';
import { revokeStaff } from '../../src/db/staff-store.js';
import { loadSummary } from '../../src/db/summary-store.js';
import { dueAt } from '../../src/domain/complaints.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { sumTallies } from '../../src/domain/rollup.js';
import { jobSchedules } from '../../src/jobs/registry.js';
import { postbackData } from '../../src/line/postback.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { textWidth } from '../../src/reports/text-measure.js';
import { createLinkSigner } from '../../src/security/signed-link.js';
import { Chat, uriOf, visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { cellsOf } from '../support/xlsx.js';
import { startHarness, TEST_DATA_KEY, testSealer, type Harness, type TestChannel } from '../support/harness.js';
import { EXPORT_REPORT_ACTIONS } from '../../src/features/export-report/actions.js';

/**
 * Roll-ups (issue "Many organisations on one deployment", part 5): the default organisation of the harness is
 * the supervising office (สถ.จ. อ่างทอง); three organisations in อ่างทอง (two in อำเภอโพธิ์ทอง) and one in
 * สุพรรณบุรี carry plans, reports, complaints and OIT answers full of names that must never reach a supervisor.
 */
const OFFICE = 'test-org';
const BANG_PHLAP = 'ang-bang-phlap'; // อ่างทอง / โพธิ์ทอง: reported this round
const PA_NGIU = 'ang-pa-ngiu'; // อ่างทอง / เมืองอ่างทอง: last reported before the round
const YANG_CHAI = 'ang-yang-chai'; // อ่างทอง / โพธิ์ทอง (written with จังหวัด/อำเภอ): no plan at all
const U_THONG = 'sup-u-thong'; // สุพรรณบุรี: outside both scopes
const NAMES: Record<string, string> = {
  [BANG_PHLAP]: 'องค์การบริหารส่วนตำบลบางพลับ',
  [PA_NGIU]: 'เทศบาลตำบลป่างิ้ว',
  [YANG_CHAI]: 'องค์การบริหารส่วนตำบลยางช้าย',
  [U_THONG]: 'เทศบาลตำบลอู่ทอง',
};
const BANG_PHLAP_TOKEN = 'bang-phlap-access-token';
const BANG_PHLAP_CHANNEL: TestChannel = { destination: 'Ub1b1b1b1b1b1b1b1b1b1b1b1b1b1b1b1', secret: 'bang-phlap-secret' };

const PROVINCE_SUP = 'U5555555555555555555555555555eeee';
const DISTRICT_SUP = 'U6666666666666666666666666666ffff';
const OFFICER = 'U7777777777777777777777777777aaaa';
const EXECUTIVE = 'U8888888888888888888888888888bbbb';

/** Everything personal or confidential the fixtures hold: none of it may reach a supervisor. */
const SECRETS = {
  officerName: 'นางสาวมาลัย ศรีสุข',
  executiveName: 'นายประเสริฐ บุญมาก',
  contactName: 'นายสมชาย ใจกล้า',
  contactPhone: '0812345678',
  generalStory: 'ถนนหน้าบ้านเลขที่ 99 พังมาสามเดือน',
  accused: 'ปลัดสมปอง ทองคำ',
  corruptionStory: 'รับเงินใต้โต๊ะจากผู้รับเหมาโครงการถนน',
  oitAnswerer: 'นางสาวโอบอ้อม ตอบไว',
  reviewerName: 'นายตรวจตรา ละเอียด',
};

const now = new Date();
const FY = fiscalYearOf(now);
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
let h: Harness;
/** Every message a supervisor was sent, as they would read it. */
const toSupervisors: unknown[] = [];
/** A roll-up link the district supervisor was given, opened again once they are revoked. */
let districtLink = '';

let complaintSeq = 0;
async function complaint(orgId: string, fields: { kind?: 'general' | 'corruption'; status: string; submittedAt: Date; closedAt?: Date | null; description?: string; accused?: string | null; contactName?: string | null; contactPhone?: string | null }) {
  complaintSeq++;
  const kind = fields.kind ?? 'general';
  await ComplaintModel.create({
    orgId,
    trackingNo: `${kind === 'general' ? 'G' : 'C'}${FY}-${String(complaintSeq).padStart(4, '0')}`,
    kind,
    fiscalYear: FY,
    seq: complaintSeq,
    status: fields.status,
    description: fields.description ?? 'เรื่องทั่วไป',
    accused: fields.accused ?? null,
    contactName: fields.contactName ?? null,
    contactPhone: fields.contactPhone ?? null,
    reporterKey: `uk-${complaintSeq}`,
    reporterSealed: testSealer.seal(`Ureporter${complaintSeq}`),
    submittedAt: fields.submittedAt,
    dueAt: dueAt(fields.submittedAt),
    closedAt: fields.closedAt ?? null,
    sourceEventId: `rollup-test-${complaintSeq}`,
  });
}

async function oitItem(orgId: string, n: number, state: 'unanswered' | 'waiting' | 'approved') {
  const answer = state === 'unanswered' ? null : { version: `v${n}`, available: true, url: `https://example.go.th/o${n}`, explanation: null, attachments: [], answeredBy: OFFICER, answeredByName: SECRETS.oitAnswerer, answeredAt: daysAgo(3) };
  const review = state === 'approved' ? { version: `v${n}`, decision: 'approved', note: null, reviewedBy: EXECUTIVE, reviewerName: SECRETS.reviewerName, reviewedAt: daysAgo(2) } : null;
  await OitItemModel.create({ orgId, fiscalYear: FY, code: `O${n}`, number: n, title: `ข้อ O${n}`, indicator: 9, responsibleUnits: ['สำนักปลัด'], answer, review });
}

beforeAll(async () => {
  h = await startHarness();
  h.line.addChannel(BANG_PHLAP_TOKEN);
  await updateOrganisation(OFFICE, { name: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดอ่างทอง', province: 'อ่างทอง', district: 'เมืองอ่างทอง' });
  await addOrganisation(BANG_PHLAP, { profile: { name: NAMES[BANG_PHLAP]!, province: 'อ่างทอง', district: 'โพธิ์ทอง' }, channel: { botUserId: BANG_PHLAP_CHANNEL.destination, secret: BANG_PHLAP_CHANNEL.secret, accessToken: BANG_PHLAP_TOKEN }, sealer: testSealer });
  await addOrganisation(PA_NGIU, { profile: { name: NAMES[PA_NGIU]!, province: 'อ่างทอง', district: 'เมืองอ่างทอง' }, channel: null, sealer: testSealer });
  await addOrganisation(YANG_CHAI, { profile: { name: NAMES[YANG_CHAI]!, province: 'จังหวัดอ่างทอง', district: 'อำเภอโพธิ์ทอง' }, channel: null, sealer: testSealer });
  await addOrganisation(U_THONG, { profile: { name: NAMES[U_THONG]!, province: 'สุพรรณบุรี', district: 'อู่ทอง' }, channel: null, sealer: testSealer });
  await h.server.tenants.refresh();

  for (const org of [BANG_PHLAP, PA_NGIU, U_THONG]) await importPlan(org, 'examples/plan-2568.csv', { withoutResults: true, toFiscalYear: FY });
  await addStaff(BANG_PHLAP, OFFICER, ['officer'], 'สำนักปลัด', SECRETS.officerName);
  await addStaff(BANG_PHLAP, EXECUTIVE, ['executive'], null, SECRETS.executiveName);
  await report(BANG_PHLAP, 'EP-01', 'completed', daysAgo(1), OFFICER);
  await report(BANG_PHLAP, 'EP-02', 'in_progress', daysAgo(1), OFFICER);
  await report(BANG_PHLAP, 'ITA-01', 'completed', daysAgo(2), OFFICER);
  // Before the current round began (1 October or 1 April): this organisation has not reported in this round.
  const beforeRound = new Date(now.getMonth() >= 3 && now.getMonth() < 9 ? `${now.getFullYear()}-03-01T03:00:00Z` : `${now.getMonth() >= 9 ? now.getFullYear() : now.getFullYear() - 1}-09-01T03:00:00Z`);
  await report(PA_NGIU, 'EP-03', 'in_progress', beforeRound);
  await report(U_THONG, 'EP-01', 'completed', daysAgo(1));

  // Complaints: one answered in time, one open past its 15 days, a fresh corruption report, one closed late.
  await complaint(BANG_PHLAP, { status: 'resolved', submittedAt: daysAgo(20), closedAt: daysAgo(17), description: SECRETS.generalStory, contactName: SECRETS.contactName, contactPhone: SECRETS.contactPhone });
  await complaint(BANG_PHLAP, { status: 'received', submittedAt: daysAgo(20), description: SECRETS.generalStory, contactName: SECRETS.contactName, contactPhone: SECRETS.contactPhone });
  await complaint(BANG_PHLAP, { kind: 'corruption', status: 'received', submittedAt: daysAgo(2), description: SECRETS.corruptionStory, accused: SECRETS.accused });
  await complaint(PA_NGIU, { status: 'resolved', submittedAt: daysAgo(30), closedAt: daysAgo(5) });
  await complaint(U_THONG, { status: 'resolved', submittedAt: daysAgo(30), closedAt: daysAgo(29) });
  // OIT of ป่างิ้ว: 2 passed, 1 waiting for review, 1 unanswered.
  await oitItem(PA_NGIU, 1, 'approved');
  await oitItem(PA_NGIU, 2, 'approved');
  await oitItem(PA_NGIU, 3, 'waiting');
  await oitItem(PA_NGIU, 4, 'unanswered');

  // The supervisors register in the office's chat with invite codes carrying their scope.
  h.line.profiles.set(PROVINCE_SUP, 'ผู้กำกับจังหวัด');
  h.line.profiles.set(DISTRICT_SUP, 'ผู้กำกับอำเภอ');
  for (const [user, scope] of [[PROVINCE_SUP, 'province:อ่างทอง'], [DISTRICT_SUP, 'district:อ่างทอง/โพธิ์ทอง']] as const) {
    const invite = await createInvite({ orgId: OFFICE, roles: ['supervisor'], unit: null, position: null, scope, validHours: 24 });
    const registered = visibleText(await new Chat(h, user).say(`ลงทะเบียน ${invite.code}`));
    expect(registered).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(registered).toContain('หน่วยงานกำกับดูแล');
  }
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => h.line.reset());

async function ask(user: string, text: string): Promise<any[]> {
  const replies = await new Chat(h, user).say(text);
  toSupervisors.push(...replies);
  return replies;
}

describe('a province supervisor', () => {
  it('sees every organisation of the province, and the totals are the sums of their own summaries', async () => {
    const rollup = await loadRollup({ level: 'province', province: 'อ่างทอง' }, now, h.config.IMPLEMENTATION_LEVEL_THRESHOLDS);
    // The office itself and the organisation in สุพรรณบุรี are not in it.
    expect(rollup.rows.map((r) => r.orgId).sort()).toEqual([BANG_PHLAP, PA_NGIU, YANG_CHAI].sort());
    const own = await Promise.all([BANG_PHLAP, PA_NGIU].map((org) => loadSummary(org, now, h.config.IMPLEMENTATION_LEVEL_THRESHOLDS)));
    for (const [i, org] of [BANG_PHLAP, PA_NGIU].entries()) {
      const row = rollup.rows.find((r) => r.orgId === org)!;
      expect(row.tally).toEqual(own[i]!.overall);
      expect(row.level).toBe(own[i]!.level);
      expect(row.overdue).toBe(own[i]!.overdue.length);
    }
    expect(rollup.totals.tally).toEqual(sumTallies(own.map((s) => s.overall)));
    expect(rollup.totals.tally.completed).toBe(2);
    expect(rollup.totals.tally.in_progress).toBe(2);
    expect(rollup.totals.overdue).toBe(own[0]!.overdue.length + own[1]!.overdue.length);
    expect(rollup.totals.reported).toBe(1);
    expect(rollup.notReported.map((r) => r.orgId).sort()).toEqual([PA_NGIU, YANG_CHAI].sort());
    // One of bang phlap's in time, its open one and ป่างิ้ว's late; the fresh corruption report not yet due.
    expect(rollup.totals.complaints).toEqual({ onTime: 1, late: 2 });
    // Each sample plan also names 7 OIT items (seed 000), which its import puts on the OIT list: 4 + 2 × 7.
    expect(rollup.totals.oit).toEqual({ total: 18, answered: 3, approved: 2 });

    const replies = await ask(PROVINCE_SUP, 'ภาพรวมจังหวัด');
    const seen = visibleText(replies);
    expect(seen).toContain('ภาพรวมจังหวัดอ่างทอง');
    expect(seen).toContain('องค์กรปกครองส่วนท้องถิ่น 3 แห่ง · รายงานในรอบนี้แล้ว 1 แห่ง');
    expect(seen).toContain(rollup.totals.tally.implementationPercent.toFixed(2));
    expect(seen).toContain('33.33'); // complaints answered within 15 days
    expect(seen).toContain('16.67 / 11.11'); // OIT answered / passed
    expect(seen).toMatch(new RegExp(`ยังไม่รายงานในรอบนี้ \\(2 แห่ง\\): .*${NAMES[PA_NGIU]}`));
    expect(seen).toContain(NAMES[YANG_CHAI]);
    expect(seen).not.toContain(NAMES[U_THONG]);
  });

  it('downloads the table as XLSX through a signed link: one row per organisation, totals, the organisations that have not reported', async () => {
    const replies = await ask(PROVINCE_SUP, 'ขอดูภาพรวมของอปท.ในจังหวัดครับ');
    const url = uriOf(replies, 'ดาวน์โหลด Excel');
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/rollup-province-\d{4}-\d{2}\.xlsx/);
    const body = Buffer.from(await download.arrayBuffer());
    const cells = await cellsOf(body);
    toSupervisors.push(cells);
    for (const org of [BANG_PHLAP, PA_NGIU, YANG_CHAI]) expect(cells).toContain(NAMES[org]);
    expect(cells).not.toContain(NAMES[U_THONG]);
    expect(cells).toContain('รวม 3 แห่ง');
    expect(cells).toContain('รายงานแล้ว 1 แห่ง');
    expect(cells).toContain('ยังไม่รายงานในรอบนี้ 2 แห่ง');
    expect(cells).toContain(`${NAMES[YANG_CHAI]} อำเภอโพธิ์ทอง · ยังไม่มีแผนในระบบ`);
    expect(cells.filter((c) => c === 'ยังไม่รายงาน')).toHaveLength(2);

    // Printed, as a supervisor files it: names and never the internal codes, two tables of at most ten
    // columns, landscape A4 at 100 % so the 14 pt text is not shrunk, each table's header on every page.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(2);
    const everything: string[] = [];
    for (const sheet of workbook.worksheets) {
      expect(sheet.columnCount).toBeLessThanOrEqual(10);
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, scale: 100 });
      expect(sheet.pageSetup.fitToPage).toBeFalsy();
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      // Column widths count digits of the workbook's default font, the report font at 14 pt; A4 landscape less margins.
      const printable = (297 / 25.4 - sheet.pageSetup.margins!.left - sheet.pageSetup.margins!.right) * 72;
      expect(sheet.columns.reduce((sum, c) => sum + (c.width ?? 0), 0) * textWidth('0', { size: 14 })).toBeLessThanOrEqual(printable);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          everything.push(String(cell.text));
          expect(cell.font?.size ?? 0).toBeGreaterThanOrEqual(14);
        }),
      );
      const names = sheet.getColumn(2).values.map(String);
      for (const org of [BANG_PHLAP, PA_NGIU, YANG_CHAI]) expect(names).toContain(NAMES[org]);
    }
    for (const org of [BANG_PHLAP, PA_NGIU, YANG_CHAI]) expect(everything.join('\n')).not.toContain(org);
  });
});

describe('a district supervisor', () => {
  it('sees only the organisations of its district', async () => {
    const replies = await ask(DISTRICT_SUP, 'rollup');
    const seen = visibleText(replies);
    expect(seen).toContain('ภาพรวมอำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    expect(seen).toContain('องค์กรปกครองส่วนท้องถิ่น 2 แห่ง · รายงานในรอบนี้แล้ว 1 แห่ง');
    expect(seen).toContain(NAMES[YANG_CHAI]);
    expect(seen).not.toContain(NAMES[PA_NGIU]);
    const url = uriOf(replies);
    districtLink = url;
    const cells = await cellsOf(Buffer.from(await (await fetch(url)).arrayBuffer()));
    toSupervisors.push(cells);
    expect(cells).toContain(NAMES[BANG_PHLAP]);
    expect(cells).not.toContain(NAMES[PA_NGIU]);
    expect(cells).toContain('รวม 2 แห่ง');
  });
});

describe('who may see a roll-up', () => {
  it("refuses an ordinary organisation's officer and executive, in LINE and through a download link", async () => {
    for (const user of [OFFICER, EXECUTIVE]) {
      const seen = visibleText(await new Chat(h, user, BANG_PHLAP_CHANNEL).say('ภาพรวมจังหวัด'));
      expect(seen).toContain('ใช้ได้เฉพาะหน่วยงานกำกับดูแล');
      expect(seen).not.toContain(NAMES[PA_NGIU]);
    }
    // The executive's export list has no roll-up, and a crafted button for it gives the list again, no link.
    const menu = visibleText(await new Chat(h, EXECUTIVE, BANG_PHLAP_CHANNEL).say('ส่งออกรายงาน'));
    expect(menu).not.toContain('ภาพรวม');
    const crafted = JSON.stringify(await new Chat(h, EXECUTIVE, BANG_PHLAP_CHANNEL).tap(postbackData(EXPORT_REPORT_ACTIONS.exportReport, { k: 'rollup-xlsx' })));
    expect(crafted).not.toMatch(/https?:\/\//);
    // A validly signed roll-up link naming the executive opens nothing: the role is checked at download.
    const signer = createLinkSigner(TEST_DATA_KEY);
    const forged = signer.sign({ org: BANG_PHLAP, kind: 'rollup-xlsx', by: testSealer.seal(staffId(BANG_PHLAP, EXECUTIVE)) }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/reports/${forged}`)).status).toBe(403);
    // Nor does a supervisor get an organisation's own reports.
    const theirs = signer.sign({ org: OFFICE, kind: 'eplan-12-xlsx', by: testSealer.seal(staffId(OFFICE, PROVINCE_SUP)) }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/reports/${theirs}`)).status).toBe(403);
  });
});

describe('the monthly roll-up', () => {
  it('reaches each supervisor once, names the organisations that have not reported, and nobody else', async () => {
    const schedule = jobSchedules(h.config, h.server.jobDeps, () => h.server.tenants.orgIds()).find((s) => s.name === 'rollup-summary')!;
    // 09:00 on Tuesday 1 December 2026, the first working day of the month.
    const firstWorkingDay = new Date('2026-12-01T02:00:00Z');
    const results = (await schedule.run(firstWorkingDay)) as Record<string, { status: string; recipients?: number }>;
    expect(results[OFFICE]).toMatchObject({ status: 'done' });
    expect(results[BANG_PHLAP]).toMatchObject({ status: 'done' });
    expect(await schedule.run(firstWorkingDay)).toMatchObject({ [OFFICE]: { status: 'already' }, [BANG_PHLAP]: { status: 'already' } });
    await h.server.outbox.flush();
    const province = h.line.deliveriesTo(PROVINCE_SUP);
    const district = h.line.deliveriesTo(DISTRICT_SUP);
    expect(province).toHaveLength(1);
    expect(district).toHaveLength(1);
    toSupervisors.push(...province.map((r) => r.body), ...district.map((r) => r.body));
    const provinceText = visibleText(province.map((r) => r.body));
    expect(provinceText).toContain('ภาพรวมจังหวัดอ่างทอง ประจำเดือน ธ.ค. 2569');
    expect(provinceText).toMatch(new RegExp(`ยังไม่รายงานในรอบนี้ \\(2 แห่ง\\): .*${NAMES[PA_NGIU]}`));
    expect(visibleText(district.map((r) => r.body))).toContain('ภาพรวมอำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    // The organisations' own executives and officers get no roll-up.
    for (const user of [EXECUTIVE, OFFICER]) expect(visibleText(h.line.deliveriesTo(user).map((r) => r.body))).not.toContain('ภาพรวม');
  });
});

describe('a national supervisor', () => {
  it('covers every active organisation of every province, but not the supervising offices', async () => {
    const rollup = await loadRollup({ level: 'national' }, now, h.config.IMPLEMENTATION_LEVEL_THRESHOLDS);
    expect(rollup.rows.map((r) => r.orgId).sort()).toEqual([BANG_PHLAP, PA_NGIU, U_THONG, YANG_CHAI].sort());
    expect(rollup.totals.reported).toBe(2);
    expect(rollup.totals.complaints).toEqual({ onTime: 2, late: 2 });
    // Read in one pass, the country agrees row for row with the province read organisation by organisation.
    const province = await loadRollup({ level: 'province', province: 'อ่างทอง' }, now, h.config.IMPLEMENTATION_LEVEL_THRESHOLDS);
    for (const row of province.rows) expect(rollup.rows.find((r) => r.orgId === row.orgId)).toEqual(row);
  });
});

describe('what a supervisor never sees', () => {
  it('no staff name, complainant, phone number, corruption report or OIT answerer in any message or file they got', () => {
    expect(toSupervisors.length).toBeGreaterThan(4);
    const everything = arabicDigits(JSON.stringify(toSupervisors));
    for (const [what, secret] of Object.entries(SECRETS)) expect(everything, what).not.toContain(secret);
    // Nor a complaint's tracking number or a LINE id of the organisations' people.
    expect(everything).not.toMatch(/[GC]\d{4}-\d{4}/);
    for (const id of [OFFICER, EXECUTIVE]) expect(everything).not.toContain(id);
  });
});

describe('a revoked supervisor', () => {
  it('can no longer open a roll-up link given before, nor ask for a roll-up', async () => {
    expect((await fetch(districtLink)).status).toBe(200);
    await revokeStaff(OFFICE, staffId(OFFICE, DISTRICT_SUP));
    expect((await fetch(districtLink)).status).toBe(403);
    expect(visibleText(await new Chat(h, DISTRICT_SUP).say('ภาพรวม'))).toContain('ใช้ได้เฉพาะหน่วยงานกำกับดูแล');
  });
});
