import JSZip from 'jszip';
import { Types } from 'mongoose';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { setSupportingFactors, updateOrganisation } from '../../src/db/organisation-store.js';
import type { Status } from '../../src/domain/statuses.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { createLinkSigner } from '../../src/security/signed-link.js';
import { arabicDigits } from '../../src/domain/thai.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { Chat, postbackOf, uriOf, visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { cellsOf } from '../support/xlsx.js';
import { startHarness, TEST_DATA_KEY, type Harness } from '../support/harness.js';

const ORG = 'test-org';
let h: Harness;
const bkk = (local: string) => new Date(`${local}+07:00`);

/**
 * A report with the fields the report dialog is being extended to ask for (outcome, suggestions), stored
 * as the progress store stores reports; the measure mirrors it as `saveProgressReport` would.
 */
async function fullReport(code: string, status: Status, reportedAt: Date, fields: { summary: string; outcome?: string; problems?: string; suggestions?: string; reason?: string }) {
  const measure = (await MeasureModel.findOne({ orgId: ORG, code }).lean())!;
  await ProgressReportModel.create({
    orgId: ORG,
    measureId: measure._id,
    measureCode: code,
    fiscalYear: measure.fiscalYear,
    reporterLineUserId: 'U-reporter',
    reportedAt,
    status,
    cannotProceedReason: fields.reason ?? null,
    summary: fields.summary,
    outcome: fields.outcome ?? null,
    problems: fields.problems ?? null,
    suggestions: fields.suggestions ?? null,
    sourceEventId: `test-${new Types.ObjectId()}`,
  });
  await MeasureModel.updateOne({ _id: measure._id }, { $set: { status, lastReportAt: reportedAt } });
}

/** Paragraph texts of a DOCX body. */
async function docxParagraphs(body: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** Rows of each table of a DOCX body, each row its cells' texts (a cell's paragraphs joined by line breaks). */
async function docxTables(body: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  const texts = (fragment: string) => [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => texts(p[0])).join('\n')),
    ),
  );
}

/** The counts and percentage of a printed สรุปผลการขับเคลื่อนแผนฯ, read back in Arabic digits. */
function printedSummary(lines: string[]): { counts: Record<string, number>; total: number; percent: number } {
  const plain = lines.map((l) => arabicDigits(l));
  const count = (label: string) => Number(plain.find((l) => l.startsWith(`- ${label} `))!.match(/ (\d+) โครงการ$/)![1]);
  return {
    counts: Object.fromEntries(['รอรายงาน', 'ยังไม่ได้ดำเนินการ', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้'].map((l) => [l, count(l)])),
    total: Number(plain.find((l) => l.startsWith('- แผนปฏิบัติการป้องกันการทุจริต มีโครงการ'))!.match(/จำนวน (\d+) โครงการ/)![1]),
    percent: Number(plain.find((l) => l.startsWith('- มีการนำแผนฯ ไปปฏิบัติ'))!.match(/ร้อยละ ([\d.]+)$/)![1]),
  };
}

/** What the printed counts give by the seed's rule: completed in full, in progress as half. */
const percentOf = (s: ReturnType<typeof printedSummary>) =>
  Math.round(((s.counts['ดำเนินการแล้วเสร็จ']! + 0.5 * s.counts['อยู่ระหว่างดำเนินการ']!) / s.total) * 10000) / 100;

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
  for (let i = 1; i <= 15; i++) await report(ORG, `EP-${String(i).padStart(2, '0')}`, i <= 10 ? 'completed' : 'in_progress', bkk('2025-09-20T10:00:00'));
  // Newer reports, with what the seed's หมายเหตุ, problems and suggestions hold; the figures stay 10 + 5.
  await fullReport('EP-04', 'completed', bkk('2025-09-25T10:00:00'), {
    summary: 'จัดทำคู่มือการปฏิบัติงานของแต่ละกองแล้ว',
    outcome: '๑. คู่มือสำหรับนักพัฒนาชุมชน ๒. คู่มือปฏิบัติงานเรื่อง ร้องเรียน ร้องทุกข์ (งานนิติการ)',
    problems: 'เจ้าหน้าที่ผู้รับผิดชอบจัดทำโครงการ/กิจกรรม มีการลาออก',
    suggestions: 'ควรมีการติดตามผลการดำเนินในทุก ๓ เดือน',
  });
  await fullReport('EP-13', 'in_progress', bkk('2025-09-22T09:00:00'), { summary: 'อยู่ระหว่างเปลี่ยนแบบรายงาน', problems: 'บางโครงการยังดำเนินการล่าช้า' });
  // An ITA measure's problem belongs to the ITA report, not the plan's.
  await fullReport('ITA-01', 'completed', bkk('2025-09-23T09:00:00'), { summary: 'จัดอบรมแล้ว', outcome: 'บุคลากรร้อยละ 95 ผ่านการอบรม', problems: 'ปัญหาของมาตรการ ITA' });
  await setSupportingFactors(ORG, 2568, ['ผู้บริหารให้ความสำคัญกับการป้องกันการทุจริต']);
  await addStaff(ORG, 'U-exec', ['executive'], null, 'ปลัด');
  await StaffModel.updateOne({ _id: staffId(ORG, 'U-exec') }, { $set: { displayName: 'นายนครินทร์ วงศ์พงษ์', position: 'ผ.ช.นิติกร' } });
});
afterAll(async () => {
  await h?.close();
});

describe('reports out of the data', () => {
  it('the E-PlanNACC 12-month table of the sample plan matches seed 004: 15 projects, 83.33 %, level มาก', async () => {
    const file = await produceReport(ORG, { kind: 'eplan-12-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS });
    const cells = (await cellsOf(file.body)).join('\n');
    expect(cells).toContain('โครงการโรงเรียนคุณธรรม');
    expect(cells).toContain('83.33');
    expect(cells).toContain('มาก');
    expect(cells).toContain('ดำเนินการแล้วเสร็จ');

    const csv = parse((await produceReport(ORG, { kind: 'eplan-12-csv', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body, { bom: true, relax_column_count: true }) as string[][];
    const rows = csv.filter((r) => /^EP-\d+$/.test(r[1] ?? ''));
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.slice(6, 10).join('|') === '||☑|')).toHaveLength(10);
    expect(rows.filter((r) => r.slice(6, 10).join('|') === '|☑||')).toHaveLength(5);
    expect(rows.find((r) => r[1] === 'EP-04')![10]).toBe('๑. คู่มือสำหรับนักพัฒนาชุมชน ๒. คู่มือปฏิบัติงานเรื่อง ร้องเรียน ร้องทุกข์ (งานนิติการ)');
  });

  it('fills problems and suggestions from the projects\' reports, and dates the data by the newest report', async () => {
    const cells = await cellsOf((await produceReport(ORG, { kind: 'eplan-12-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: bkk('2025-11-06T10:00:00') })).body);
    expect(cells).toContain('ข้อมูล ณ วันที่ 25 กันยายน 2568');
    const problems = cells.indexOf('ปัญหาอุปสรรค');
    const suggestions = cells.indexOf('ข้อเสนอแนะ');
    // A merged row reads back once per column.
    expect([...new Set(cells.slice(problems + 1, suggestions))].filter((c) => /^\d\./.test(c))).toEqual(['1. บางโครงการยังดำเนินการล่าช้า', '2. เจ้าหน้าที่ผู้รับผิดชอบจัดทำโครงการ/กิจกรรม มีการลาออก']);
    expect(cells.slice(suggestions).find((c) => c !== 'ข้อเสนอแนะ')).toBe('1. ควรมีการติดตามผลการดำเนินในทุก ๓ เดือน');
    expect(cells.join('\n')).not.toContain('ปัญหาของมาตรการ ITA');
  });

  it('the plan report in prose has every project with its sections, and the supporting factors set for the year', async () => {
    const file = await produceReport(ORG, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS });
    expect(file.fileName).toBe('anticorruption-plan-results-2568.docx');
    const p = await docxParagraphs(file.body);
    expect(p.filter((t) => t === 'ภารกิจตามมิติ')).toHaveLength(15);
    expect(p.filter((t) => t === 'การดำเนินงาน')).toHaveLength(15);
    expect(p.filter((t) => t === 'ผลการดำเนินการ')).toHaveLength(15);
    expect(p.filter((t) => t === 'สถานะ: ดำเนินการแล้วเสร็จ')).toHaveLength(10);
    const manual = p.findIndex((t) => t.endsWith('โครงการจัดทำคู่มือหรือมาตรฐานการปฏิบัติงานสำหรับเจ้าหน้าที่เทศบาลตำบลโพธิ์ทอง'));
    expect(p[manual]).toMatch(/^\(๔\) /);
    expect(p.slice(manual).findIndex((t) => t === 'ผลลัพธ์: ๑. คู่มือสำหรับนักพัฒนาชุมชน ๒. คู่มือปฏิบัติงานเรื่อง ร้องเรียน ร้องทุกข์ (งานนิติการ)')).toBeGreaterThan(0);
    const factors = p.indexOf('ปัจจัยสนับสนุน');
    expect(p[factors + 1]).toBe('๑. ผู้บริหารให้ความสำคัญกับการป้องกันการทุจริต');
    expect(p.slice(factors)).toContain('๑. บางโครงการยังดำเนินการล่าช้า');
  });

  it('the ITA report shows the outcome in its result column', async () => {
    const p = await docxParagraphs((await produceReport(ORG, { kind: 'ita-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body);
    expect(p).toContain('บุคลากรร้อยละ 95 ผ่านการอบรม');
    expect(p).not.toContain('ดำเนินการแล้วเสร็จ');
  });

  it('the 6-month round shows the same projects as awaiting report: nothing was reported between October and March', async () => {
    const csv = parse((await produceReport(ORG, { kind: 'eplan-6-csv', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: bkk('2025-11-06T10:00:00') })).body, { bom: true, relax_column_count: true }) as string[][];
    expect(csv[0]![6]).toBe('รอรายงาน');
    const rows = csv.filter((r) => /^EP-\d+$/.test(r[1] ?? ''));
    expect(rows.map((r) => r.slice(6, 10).join('|'))).toEqual(Array(15).fill('☑|||'));
    // Nothing at all before the round closed: the data is as of the round's last day, not the export's.
    expect(csv.find((r) => r[0] === 'ข้อมูล ณ วันที่')![1]).toBe('31 มีนาคม 2568');
  });
});

describe('seed 004 as one filed document', () => {
  const reporter = { name: 'นายนครินทร์ วงศ์พงษ์', position: 'ผ.ช.นิติกร' };

  it('ends the prose with the E-PlanNACC table, the summary whose counts give its percentage, the data date and the reporter, in Thai digits', async () => {
    const file = await produceReport(ORG, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS, reporter, now: bkk('2025-11-06T10:00:00') });
    const p = await docxParagraphs(file.body);
    const at = (text: string) => p.findIndex((t) => t.startsWith(text));
    // The seed's order: the prose (with its closing sections), then the table and what follows it.
    expect(at('ข้อเสนอแนะ')).toBeGreaterThan(at('ปัจจัยสนับสนุน'));
    expect(at('รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ')).toBeGreaterThan(at('ข้อเสนอแนะ'));

    const [table] = await docxTables(file.body);
    expect(table![0]).toEqual(['ลำดับ', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ\n(บาท)', 'เบิกจ่าย\n(บาท)', 'สถานะ', 'หมายเหตุ']);
    // The cells under a heading spanning both rows are its continuation, blank.
    expect(table![1]!.filter(Boolean).map((h) => h.replace(/\n/g, ''))).toEqual(['รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้']);
    const rows = table!.slice(2).filter((r) => /^[๐-๙]+$/.test(r[0]!));
    expect(rows).toHaveLength(15);
    expect(rows.filter((r) => r.slice(5, 9).join('|') === '||☑|')).toHaveLength(10);
    expect(rows.filter((r) => r.slice(5, 9).join('|') === '|☑||')).toHaveLength(5);
    expect(rows.every((r) => r[3] === '๐.๐๐' && r[4] === '๐.๐๐')).toBe(true);
    expect(rows.find((r) => r[1]!.startsWith('โครงการจัดทำคู่มือ'))![9]).toBe('๑. คู่มือสำหรับนักพัฒนาชุมชน ๒. คู่มือปฏิบัติงานเรื่อง ร้องเรียน ร้องทุกข์ (งานนิติการ)');

    const block = p.slice(at('สรุปผลการขับเคลื่อนแผนฯ'));
    const printed = printedSummary(block);
    expect(printed).toMatchObject({ total: 15, percent: 83.33 });
    expect(Object.values(printed.counts).reduce((a, b) => a + b, 0)).toBe(printed.total);
    expect(percentOf(printed)).toBe(printed.percent);
    expect(block).toContain('- ดำเนินการแล้วเสร็จ ๑๐ โครงการ');
    expect(block.find((l) => l.startsWith('คำนวณจาก'))).toContain('(ดำเนินการแล้วเสร็จ ๑๐ + อยู่ระหว่างดำเนินการ ๕ × ๐.๕) ÷ ทั้งหมด ๑๕ × ๑๐๐ = ๘๓.๓๓');
    expect(p).toContain('** ข้อมูล ณ วันที่ ๒๕ กันยายน ๒๕๖๘');
    expect(p[p.length - 1]).toBe('ชื่อ - สกุล ผู้รายงาน นายนครินทร์ วงศ์พงษ์ ตำแหน่ง ผ.ช.นิติกร');
    // One digit style: no Arabic digit in the document's own figures.
    expect(block.filter((l) => /[0-9]/.test(l))).toEqual([]);
    expect(p.filter((l) => l.includes('ข้อมูล ณ วันที่') && /[0-9]/.test(l))).toEqual([]);
  });

  it('ticks each project as its newest report says and writes หมายเหตุ from that same report, so the counts give the percentage', async () => {
    // The contradiction of the demo's 12-month file: five projects last reported in progress before April.
    const org = 'tick-org';
    expect(await importPlan(org, 'examples/plan-2568.csv', { withoutResults: true })).toMatchObject({ ok: true });
    for (let i = 1; i <= 15; i++) await report(org, `EP-${String(i).padStart(2, '0')}`, i <= 10 ? 'completed' : 'in_progress', i <= 10 ? bkk('2025-09-20T10:00:00') : bkk('2025-01-15T10:00:00'));
    const now = bkk('2025-11-06T10:00:00');

    const csv = parse((await produceReport(org, { kind: 'eplan-12-csv', thresholds: DEFAULT_LEVEL_THRESHOLDS, now })).body, { bom: true, relax_column_count: true }) as string[][];
    const rows = csv.filter((r) => /^EP-\d+$/.test(r[1] ?? ''));
    const late = rows.filter((r) => Number(r[1]!.slice(3)) > 10);
    expect(late.map((r) => r.slice(6, 10).join('|'))).toEqual(Array(5).fill('|☑||'));
    expect(late.map((r) => r[10])).toEqual(Array(5).fill('รายงานล่าสุดเมื่อ 15 มกราคม 2568'));
    // No tick in รอรายงาน beside a note that quotes a report.
    expect(rows.filter((r) => r[6] === '☑' && r[10] !== '')).toEqual([]);
    const summary = new Map(csv.map((r) => [r[0], r[1]]));
    expect(summary.get('รอรายงาน (โครงการ)')).toBe('0');
    expect(summary.get('อยู่ระหว่างดำเนินการ (โครงการ)')).toBe('5');
    expect(summary.get('มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ')).toBe('83.33');
    expect(summary.get('วิธีคิดร้อยละการนำแผนไปปฏิบัติ')).toContain('(ดำเนินการแล้วเสร็จ 10 + อยู่ระหว่างดำเนินการ 5 × 0.5) ÷ ทั้งหมด 15 × 100 = 83.33');

    // The filed document says the same: ticks, notes and the counts under them.
    const docx = await produceReport(org, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now });
    const [table] = await docxTables(docx.body);
    const docRows = table!.slice(2).filter((r) => /^[๐-๙]+$/.test(r[0]!));
    expect(docRows.filter((r) => r[5] === '☑')).toEqual([]);
    expect(docRows.filter((r) => r[6] === '☑').map((r) => r[9])).toEqual(Array(5).fill('รายงานล่าสุดเมื่อ ๑๕ มกราคม ๒๕๖๘'));
    const printed = printedSummary(await docxParagraphs(docx.body));
    expect(printed.counts).toMatchObject({ รอรายงาน: 0, อยู่ระหว่างดำเนินการ: 5, ดำเนินการแล้วเสร็จ: 10 });
    expect(percentOf(printed)).toBe(printed.percent);
    // The result line of the prose comes from the same report as the tick.
    expect((await docxParagraphs(docx.body)).filter((t) => t === 'สถานะ: อยู่ระหว่างดำเนินการ')).toHaveLength(5);
  });

  it('says in its heading that the round has not ended when made before 30 September, and not after', async () => {
    const early = await docxParagraphs((await produceReport(ORG, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: bkk('2025-09-26T10:00:00') })).body);
    expect(early.slice(0, 6)).toContain('รอบ ๑๒ เดือน ข้อมูล ณ วันที่ ๒๖ กันยายน ๒๕๖๘');
    expect(early.slice(0, 6)).toContain('รอบ ๑๒ เดือนยังไม่สิ้นสุด (สิ้นสุดวันที่ ๓๐ กันยายน ๒๕๖๘) ตัวเลขในรายงานนี้จึงอาจเปลี่ยนแปลงได้จนถึงวันสิ้นรอบ');
    // Nobody asked in LINE: a line to sign on, not a dash.
    expect(early[early.length - 1]).toMatch(/^ชื่อ - สกุล ผู้รายงาน \.+ ตำแหน่ง \.+$/);
    const xlsx = await cellsOf((await produceReport(ORG, { kind: 'eplan-12-xlsx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: bkk('2025-09-26T10:00:00') })).body);
    expect(xlsx).toContain('รอบ 12 เดือนยังไม่สิ้นสุด (สิ้นสุดวันที่ 30 กันยายน 2568) ตัวเลขในรายงานนี้จึงอาจเปลี่ยนแปลงได้จนถึงวันสิ้นรอบ');

    const after = await docxParagraphs((await produceReport(ORG, { kind: 'plan-narrative-docx', thresholds: DEFAULT_LEVEL_THRESHOLDS, now: bkk('2025-10-01T10:00:00') })).body);
    expect(after.filter((t) => t.includes('ยังไม่สิ้นสุด'))).toEqual([]);
    expect(after.slice(0, 6)).toContain('รอบ ๑๒ เดือน ข้อมูล ณ วันที่ ๒๕ กันยายน ๒๕๖๘');
  });
});

describe('reports from LINE', () => {
  it('gives executives a signed link that downloads the file, and refuses altered or expired links', async () => {
    const executive = new Chat(h, 'U-exec');
    const menu = await executive.say('ส่งออกรายงาน');
    const replies = await executive.tap(postbackOf(menu, 'E-Plan 12 ด. (Excel)'));
    // A button with a short label carries the signed address; the chat never shows the long token as text.
    const url = uriOf(replies, 'ดาวน์โหลดรายงาน');
    expect(visibleText(replies)).not.toContain('/reports/');
    expect(visibleText(replies)).toContain('30 นาที');
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('eplannacc-12-months-2568.xlsx');
    const cells = await cellsOf(Buffer.from(await download.arrayBuffer()));
    expect(cells.join('\n')).toContain('83.33');
    // Signed by the executive who asked, from their staff record.
    expect(cells).toContain('ชื่อ - สกุล ผู้รายงาน นายนครินทร์ วงศ์พงษ์ ตำแหน่ง ผ.ช.นิติกร');
    expect(cells).toContain('ข้อมูล ณ วันที่ 25 กันยายน 2568');
    expect(cells.filter((c) => c === '☑')).toHaveLength(15);
    // The link names them without their LINE id: the body is readable by anyone who holds the link.
    const payload = Buffer.from(url.split('/reports/')[1]!.split('.')[0]!, 'base64url').toString('utf8');
    expect(payload).not.toContain('U-exec');
    expect(JSON.parse(payload)).toMatchObject({ kind: 'eplan-12-xlsx', by: expect.stringMatching(/^v1\./) });

    const token = url.split('/reports/')[1]!;
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(`${h.server.url}/reports/${altered}`)).status).toBe(403);
    const expired = createLinkSigner(TEST_DATA_KEY).sign({ org: ORG, kind: 'ita-docx' }, new Date(Date.now() - 1000));
    expect((await fetch(`${h.server.url}/reports/${expired}`)).status).toBe(403);
    // The token is taken whole or not at all.
    for (const suffixed of [`${token}.x`, `${token}.${token.split('.')[1]}`, `${token}x`, `${token}=`, `${token}%20`]) {
      expect((await fetch(`${h.server.url}/reports/${suffixed}`)).status, suffixed).toBe(403);
    }
    // A validly signed link of another organisation (same key, e.g. one database for several) opens nothing here.
    const { by } = JSON.parse(payload) as { by: string };
    const otherOrg = createLinkSigner(TEST_DATA_KEY).sign({ org: 'other-org', kind: 'eplan-12-xlsx', by }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/reports/${otherOrg}`)).status).toBe(403);
    const sameOrg = createLinkSigner(TEST_DATA_KEY).sign({ org: ORG, kind: 'eplan-12-xlsx', by }, new Date(Date.now() + 60_000));
    expect((await fetch(`${h.server.url}/reports/${sameOrg}`)).status).toBe(200);
  });

  it('lists the plan report in prose and downloads it through a link', async () => {
    const executive = new Chat(h, 'U-exec');
    const download = await fetch(uriOf(await executive.tap(postbackOf(await executive.say('ส่งออกรายงาน'), 'ผลตามแผนฯ (Word)'))));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('anticorruption-plan-results-2568.docx');
  });

  it('asks before making a round\'s report while the round is still running; cancelling makes nothing and keeps the dialog under way', async () => {
    const before = (await OrganisationModel.findById(ORG).lean())!.fiscalYear;
    // This fiscal year's 12-month round always ends on a 30 September still to come. Set as `cli org update`
    // sets it, so that the bot, which keeps the active year in memory, hears of it.
    await updateOrganisation(ORG, { fiscalYear: fiscalYearOf(new Date()) });
    try {
      const executive = new Chat(h, 'U-exec');
      const complaint = visibleText(await executive.say('ร้องเรียน'));
      const asked = await executive.tap(postbackOf(await executive.say('ส่งออกรายงาน'), 'E-Plan 12 ด. (Excel)'));
      expect(visibleText(asked)).toContain('ยังไม่สิ้นสุด');
      expect(() => uriOf(asked, 'ดาวน์โหลดรายงาน')).toThrow();

      const cancelled = await executive.tap(postbackOf(asked, 'ยกเลิก'));
      expect(visibleText(cancelled)).toContain('ยกเลิกแล้ว ยังไม่ได้ออกรายงาน');
      expect(() => uriOf(cancelled, 'ดาวน์โหลดรายงาน')).toThrow();
      // The complaint begun before is still there, asked again where it stood.
      expect(complaint).toContain('เลือกประเภทเรื่องที่ต้องการแจ้ง');
      expect(visibleText(cancelled)).toContain('เลือกประเภทเรื่องที่ต้องการแจ้ง');

      const confirmed = await executive.tap(postbackOf(await executive.tap(postbackOf(await executive.say('ส่งออกรายงาน'), 'E-Plan 12 ด. (Excel)')), 'ออกรายงานเลย'));
      const download = await fetch(uriOf(confirmed, 'ดาวน์โหลดรายงาน'));
      expect(download.status).toBe(200);
      const cells = await cellsOf(Buffer.from(await download.arrayBuffer()));
      expect(cells.some((c) => c.startsWith('รอบ 12 เดือนยังไม่สิ้นสุด'))).toBe(true);

      // A report of no round (the ITA measures) is made without the question.
      const ita = await executive.tap(postbackOf(await executive.say('ส่งออกรายงาน'), 'ITA (Word)'));
      expect(uriOf(ita, 'ดาวน์โหลดรายงาน')).toContain('/reports/');
    } finally {
      await updateOrganisation(ORG, { fiscalYear: before });
    }
  });

  it('stops a link working once its executive is no longer staff', async () => {
    await addStaff(ORG, 'U-exec-2', ['executive'], null, 'รองปลัด');
    const executive = new Chat(h, 'U-exec-2');
    const url = uriOf(await executive.tap(postbackOf(await executive.say('ส่งออกรายงาน'), 'ITA (Word)')));
    await StaffModel.updateOne({ _id: staffId(ORG, 'U-exec-2') }, { $set: { active: false } });
    expect((await fetch(url)).status).toBe(403);
  });

  it('refuses the export command to people who are not executives or admins', async () => {
    expect(visibleText(await new Chat(h, 'U-someone').say('export'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
    expect(visibleText(await new Chat(h, 'U-someone').tap('a=rx&k=ita-docx'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
  });
});
