import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DisplayStatus, Status } from '../../src/domain/statuses.js';
import { DEFAULT_LEVEL_THRESHOLDS, disbursementPercent, implementationPercent, levelOf } from '../../src/domain/summary.js';
import { dueAt, KIND_TH } from '../../src/domain/complaints.js';
import { computeComplaintStatistics, type ComplaintStatRow } from '../../src/domain/complaint-statistics.js';
import { buildComplaintStatsXlsx } from '../../src/reports/complaint-stats-xlsx.js';
import { buildEplanCsv } from '../../src/reports/eplan-csv.js';
import { buildEplanXlsx } from '../../src/reports/eplan-xlsx.js';
import { isScopeReport, REPORT_KINDS, REPORT_SHORT_TH } from '../../src/reports/catalogue.js';
import { fitColumnWidths } from '../../src/reports/column-fit.js';
import { textWidth, words } from '../../src/reports/text-measure.js';
import { buildItaDocx, itaTableLayout } from '../../src/reports/ita-docx.js';
import { buildPlanNarrativeDocx } from '../../src/reports/plan-narrative-docx.js';
import { buildItaXlsx } from '../../src/reports/ita-xlsx.js';
import { digitsFor, eplanAsOf, eplanMarks, eplanNote, ITA_HEADERS, lines, numberedSteps } from '../../src/reports/report-text.js';
import type { EplanLatestReport, EplanReportData, ItaReportData, PlanNarrativeData, ReportOrganisation } from '../../src/reports/types.js';

// ---- fixtures: the sample plan built from the seed reports ----

const plan = parse(readFileSync('examples/plan-2568.csv'), { bom: true, columns: true }) as Record<string, string>[];
const col = (r: Record<string, string>, name: string) => r[name] ?? '';

const organisation: ReportOrganisation = {
  name: 'เทศบาลตำบลโพธิ์ทอง',
  district: 'โพธิ์ทอง',
  province: 'อ่างทอง',
  fiscalYear: 2568,
  itaScore: 92.85,
  itaLevel: 'A',
};

/** 23 Nov 2025 01:30 in Bangkok, still 22 Nov in UTC and in the test machine's zone. */
const generatedAt = new Date('2025-11-22T18:30:00Z');

const itaRows: ItaReportData['rows'] = plan
  .filter((r) => col(r, 'ประเภท') !== 'anticorruption_project')
  .map((r, i) => ({
    number: i + 1,
    code: col(r, 'รหัส'),
    title: col(r, 'มาตรการ/โครงการ'),
    methodSteps: col(r, 'วิธีดำเนินการ').split('\n'),
    period: col(r, 'ระยะเวลา'),
    responsible: [col(r, 'หน่วยงานรับผิดชอบ').split(';').join(', '), col(r, 'ผู้รับผิดชอบ')].filter(Boolean).join(' (') + (col(r, 'ผู้รับผิดชอบ') ? ')' : ''),
    summary: i % 3 === 0 ? 'รอรายงาน' : `จัดอบรมแล้ว 2 ครั้ง มีผู้เข้าร่วม ${40 + i} คน\nเผยแพร่ทางเว็บไซต์ www.tambonphothong.go.th`,
    outcome: i % 3 === 0 ? '' : 'บุคลากรร้อยละ 95 เข้าใจแนวทาง',
  }));
const longestItaTitles = [...itaRows].sort((a, b) => b.title.length - a.title.length).slice(0, 5).map((r) => r.title);

const itaData = (thaiDigits: boolean): ItaReportData => ({ organisation, generatedAt, thaiDigits, rows: itaRows });

/** The report a table row rests on, made inside the round unless said otherwise. */
function latestReport(status: Status, extra: { reason?: string; outcome?: string; at?: Date; beforeRound?: boolean } = {}): EplanLatestReport {
  return { reportedAt: extra.at ?? new Date('2023-09-20T03:00:00Z'), status, cannotProceedReason: extra.reason ?? null, outcome: extra.outcome ?? null, beforeRound: extra.beforeRound ?? false };
}

/** Seed 004's 12-month table: 15 projects, 5 in progress (its rows 1, 2, 7, 10, 13), the rest completed, no budget. */
const SEED_IN_PROGRESS = new Set(['EP-01', 'EP-02', 'EP-07', 'EP-10', 'EP-13']);
const seedRows: EplanReportData['rows'] = plan
  .filter((r) => col(r, 'ประเภท') === 'anticorruption_project')
  .map((r, i) => ({
    number: i + 1,
    code: col(r, 'รหัส'),
    title: col(r, 'มาตรการ/โครงการ'),
    dimension: Number(col(r, 'มิติ')),
    budget: 0,
    disbursed: 0,
    status: SEED_IN_PROGRESS.has(col(r, 'รหัส')) ? 'in_progress' : 'completed',
    latest: latestReport(SEED_IN_PROGRESS.has(col(r, 'รหัส')) ? 'in_progress' : 'completed', {
      outcome: col(r, 'รหัส') === 'EP-04' ? '๑. คู่มือสำหรับนักพัฒนาชุมชน ๒. คู่มือปฏิบัติงานเรื่อง ร้องเรียน ร้องทุกข์ (งานนิติการ)' : undefined,
    }),
  }));

function eplanData(rows: EplanReportData['rows'], overrides: Partial<EplanReportData> = {}): EplanReportData {
  const counts: Record<DisplayStatus, number> = { awaiting_report: 0, not_started: 0, in_progress: 0, completed: 0, cannot_proceed: 0 };
  for (const r of rows) counts[r.status]++;
  const budget = rows.reduce((n, r) => n + r.budget, 0);
  const disbursed = rows.reduce((n, r) => n + r.disbursed, 0);
  const implementation = implementationPercent(counts.completed, counts.in_progress, rows.length);
  return {
    organisation: { ...organisation, fiscalYear: 2566, itaScore: null, itaLevel: null },
    round: 'twelve_month',
    asOf: new Date('2023-09-30T05:00:00Z'),
    generatedAt,
    roundLastDay: new Date('2023-09-30T16:59:59Z'),
    roundEnded: true,
    rows,
    reporter: { name: 'นายนครินทร์ วงศ์พงษ์', position: 'ผ.ช.นิติกร' },
    problems: [
      'บางโครงการ/กิจกรรม ซึ่งมีความสำคัญและเป็นประโยชน์ในการดำเนินงานของเทศบาลตำบลโพธิ์ทอง ยังมีการดำเนินการที่ล่าช้า',
      'เจ้าหน้าที่ผู้รับผิดชอบจัดทำโครงการ/กิจกรรม มีการลาออก ส่งผลการดำเนินงานสะดุดหยุดลง และล่าช้า',
    ],
    suggestions: ['ควรมีการติดตามผลการดำเนินในทุก ๓ เดือน และเร่งทำความเข้าใจกับเจ้าหน้าที่ผู้ซึ่งเข้ามาดำเนินงานต่อ'],
    summary: {
      total: rows.length,
      counts,
      budget,
      disbursed,
      disbursementPercent: disbursementPercent(disbursed, budget),
      implementationPercent: implementation,
      level: levelOf(implementation, DEFAULT_LEVEL_THRESHOLDS),
      thresholds: DEFAULT_LEVEL_THRESHOLDS,
    },
    ...overrides,
  };
}

/** Projects with money and every status, including texts that need CSV quoting or could run as formulas. */
const moneyRows: EplanReportData['rows'] = [
  { number: 1, code: 'EP-21', title: 'โครงการอบรม "คุณธรรม จริยธรรม", ประจำปี', dimension: 1, budget: 150000, disbursed: 120000.5, status: 'completed', latest: latestReport('completed', { outcome: '=HYPERLINK("http://x.example","คลิก")' }) },
  { number: 2, code: 'EP-22', title: 'โครงการจัดเวทีประชาคม', dimension: 3, budget: 25000.25, disbursed: 0, status: 'awaiting_report', latest: null },
  { number: 3, code: 'EP-23', title: 'กิจกรรมติดตามประเมินผลการควบคุมภายใน', dimension: 4, budget: 1234567.89, disbursed: 1000000, status: 'cannot_proceed', latest: latestReport('cannot_proceed', { reason: 'ไม่ได้รับงบประมาณ\nรอปีถัดไป' }) },
  { number: null, code: 'EP-24', title: 'มาตรการ NO Gift Policy', dimension: null, budget: 0, disbursed: 0, status: 'not_started', latest: latestReport('not_started') },
];

// ---- readers ----

async function loadSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  expect(buffer.subarray(0, 2).toString()).toBe('PK');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

/** Every row as an array of cell values, index 0 = column A. */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(row.getCell(c).value);
    out.push(values);
  }
  return out;
}

const rowIndex = (rows: ExcelJS.CellValue[][], first: string) => rows.findIndex((r) => r[0] === first || r[1] === first);

function textsOf(xml: string): string {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

/** Paragraph texts of the XML, one string per <w:p>. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textsOf(m[0]));
}

async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => {
    const file = zip.file(name);
    expect(file, name).not.toBeNull();
    return file!.async('string');
  };
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    footers: await Promise.all(footerNames.map(read)),
  };
}

// ---- tests ----

describe('report text helpers', () => {
  it('writes Thai digits everywhere except in web addresses', () => {
    expect(digitsFor(true)('ปี 2568 ดูที่ https://www.example.go.th/p/2568 หรือ www.a1.go.th ร้อยละ 83.33')).toBe(
      'ปี ๒๕๖๘ ดูที่ https://www.example.go.th/p/2568 หรือ www.a1.go.th ร้อยละ ๘๓.๓๓',
    );
    expect(digitsFor(false)('ปี 2568')).toBe('ปี 2568');
  });

  it('numbers method steps afresh, keeping years that start a step', () => {
    expect(numberedSteps(['(๑) จัดตั้งคณะทำงาน', '2. ประชุม', '', '2568 เป็นปีแรก', '๓) รายงานผล'])).toEqual([
      '1. จัดตั้งคณะทำงาน',
      '2. ประชุม',
      '3. 2568 เป็นปีแรก',
      '4. รายงานผล',
    ]);
  });
});

describe('ITA measures report as DOCX', () => {
  it('is an A4 landscape document in TH Sarabun New (the font its layout measures) with the title block, every measure and a repeated header row', async () => {
    const { document, styles, footers } = await openDocx(await buildItaDocx(itaData(true)));
    const text = textsOf(document);
    const paragraphs = paragraphsOf(document);

    expect(paragraphs[0]).toBe('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(paragraphs).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(paragraphs).toContain('เทศบาลตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    expect(paragraphs).toContain('ผลคะแนน ITA ๙๒.๘๕ คะแนน ระดับ A');
    for (const title of itaRows.map((r) => r.title)) expect(text).toContain(title);
    for (const title of longestItaTitles) expect(paragraphs).toContain(title);

    // Header: the seven columns, marked to repeat on each page.
    const headerRow = document.match(/<w:tr[ >][\s\S]*?<\/w:tr>/)![0];
    expect(headerRow).toContain('<w:tblHeader');
    expect(paragraphsOf(headerRow)).toEqual(['ลำดับ', 'มาตรการ/กิจกรรม', 'วิธีดำเนินการ', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ', 'สรุปผลการดำเนินการ', 'ผลลัพธ์หรือความสำเร็จ']);
    expect(document.match(/<w:tr[ >]/g)).toHaveLength(itaRows.length + 1);

    // Method steps are numbered lines, each a paragraph of its own.
    const firstSteps = numberedSteps(itaRows[0]!.methodSteps);
    expect(firstSteps.length).toBeGreaterThan(2);
    expect(paragraphs).toContain(numberedSteps(itaRows[0]!.methodSteps, digitsFor(true))[0]);
    expect(paragraphs).toContain(`๒. ${itaRows[0]!.methodSteps[1]!.trim()}`);

    // Thai digits in the report's own numbers and dates; what people wrote (periods from the plan, the
    // officers' summaries) prints as they typed it.
    expect(paragraphs).toContain('ต.ค. 67 - ก.ย. 68');
    expect(text).toContain('จัดอบรมแล้ว 2 ครั้ง มีผู้เข้าร่วม 41 คน');
    expect(text).toContain('www.tambonphothong.go.th');

    const footer = footers.map(textsOf).join('');
    expect(footer).toContain('จัดทำโดยระบบโปร่งใส เมื่อ ๒๓ พฤศจิกายน ๒๕๖๘');
    expect(footer).not.toMatch(/[0-9]/);

    expect(document).toMatch(/<w:pgSz[^>]*w:w="16838"[^>]*w:h="11906"[^>]*w:orient="landscape"/);
    expect(document).toContain('w:fmt="thaiNumbers"');
    expect(styles).toMatch(/<w:rFonts[^>]*w:ascii="TH Sarabun New"[^>]*w:cs="TH Sarabun New"/);
    expect(styles).toMatch(/<w:szCs w:val="32"\/>/);
  });

  it('keeps Arabic digits when Thai digits are not asked for', async () => {
    const { document, footers } = await openDocx(await buildItaDocx(itaData(false)));
    const paragraphs = paragraphsOf(document);
    expect(paragraphs).toContain('ประจำปีงบประมาณ พ.ศ. 2568');
    expect(paragraphs).toContain('ผลคะแนน ITA 92.85 คะแนน ระดับ A');
    expect(paragraphs).toContain('ต.ค. 67 - ก.ย. 68');
    expect(footers.map(textsOf).join('')).toContain('จัดทำโดยระบบโปร่งใส เมื่อ 23 พฤศจิกายน 2568');
    expect(textsOf(document)).not.toContain('๒๕๖๘');
  });

  it('leaves the score line out before the organisation has a score', async () => {
    const data = { ...itaData(false), organisation: { ...organisation, itaScore: null, itaLevel: null } };
    const text = textsOf((await openDocx(await buildItaDocx(data))).document);
    expect(text).not.toContain('ผลคะแนน ITA');
    expect(text).toContain('เทศบาลตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
  });
});

describe('ITA measures report as XLSX', () => {
  it('has the title rows, a bold frozen header and one row per measure with numbered steps', async () => {
    const sheet = await loadSheet(await buildItaXlsx(itaData(false)));
    const rows = rowsOf(sheet);
    expect(rows[0]![0]).toBe('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    // Titles span the table: A1 is merged through G1.
    expect(sheet.getCell('G1').isMerged).toBe(true);
    expect(sheet.getCell('G1').master.address).toBe('A1');
    expect(rows.map((r) => r[0])).toEqual(
      expect.arrayContaining(['ประจำปีงบประมาณ พ.ศ. 2568', 'เทศบาลตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง', 'ผลคะแนน ITA 92.85 คะแนน ระดับ A']),
    );

    const h = rowIndex(rows, 'ลำดับ');
    expect(rows[h]).toEqual(['ลำดับ', 'มาตรการ/กิจกรรม', 'วิธีดำเนินการ', 'ระยะเวลาดำเนินการ', 'ผู้รับผิดชอบ', 'สรุปผลการดำเนินการ', 'ผลลัพธ์หรือความสำเร็จ']);
    const headerRow = sheet.getRow(h + 1);
    expect(headerRow.getCell(2).font?.bold).toBe(true);
    expect(headerRow.getCell(2).font?.name).toBe('TH Sarabun New');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 1 });
    expect(sheet.pageSetup.orientation).toBe('landscape');

    // A long measure spans several sheet rows of whole paragraphs (a spreadsheet row never breaks across
    // pages): its number and title on the first.
    const body = rows.slice(h + 1, rowIndex(rows, 'จัดทำโดยระบบโปร่งใส เมื่อ 23 พฤศจิกายน 2568'));
    const starts = body.flatMap((r, i) => (r[0] ? [i] : []));
    expect(starts.map((i) => body[i]![0])).toEqual(itaRows.map((_, i) => String(i + 1)));
    // Its title and steps read on across those rows, nothing lost or added.
    const unspaced = (texts: string[]) => texts.join('').replace(/\s+/g, '');
    const records = starts.map((start, i) => body.slice(start, starts[i + 1] ?? body.length));
    expect(records.map((rows) => unspaced(rows.map((r) => String(r[1] ?? ''))))).toEqual(itaRows.map((r) => unspaced([r.title])));
    const firstMeasure = records[0]!;
    expect(unspaced(firstMeasure.map((r) => String(r[2] ?? '')))).toBe(unspaced(numberedSteps(itaRows[0]!.methodSteps)));
    expect(sheet.getRow(h + 2).getCell(3).alignment?.wrapText).toBe(true);
    // Each row is made tall enough for its lines.
    expect(sheet.getRow(h + 2).height).toBeGreaterThanOrEqual(2 * 27);
    // ลำดับ is sized for its numbers and header, not a share of the page.
    expect(sheet.getColumn(1).width).toBeLessThan(8);
  });

  it('writes Thai digits into its own words when asked, ลำดับ too (one digit style beside the steps), and what people typed as typed', async () => {
    const rows = rowsOf(await loadSheet(await buildItaXlsx(itaData(true))));
    expect(rows.map((r) => r[0])).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    const h = rowIndex(rows, 'ลำดับ');
    expect(rows[h + 1]![0]).toBe('๑');
    expect(rows[h + 1]![2]).toMatch(/^๑\. /);
    expect(rows[h + 1]![3]).toBe('ต.ค. 67 - ก.ย. 68');
  });
});

describe('E-PlanNACC report as XLSX (seed 004)', () => {
  it('reproduces the seed table and its summary: 15 projects, 10 completed, 5 in progress, 0.00 disbursed, ระดับ มาก ร้อยละ 83.33', async () => {
    const data = eplanData(seedRows);
    expect(data.summary.implementationPercent).toBe(83.33);
    const sheet = await loadSheet(await buildEplanXlsx(data));
    const rows = rowsOf(sheet);

    expect(rows[0]![0]).toBe('รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต รอบ 12 เดือน');
    expect(rows[1]![0]).toBe('เทศบาลตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง ประจำปีงบประมาณ พ.ศ. 2566');
    expect(rows[2]![0]).toBe('ข้อมูล ณ วันที่ 30 กันยายน 2566');
    expect(sheet.getCell('J1').master.address).toBe('A1');
    expect(sheet.getCell('J3').master.address).toBe('A3');

    // As filed: สถานะ over four check columns; the other headings span both header rows.
    const h = rowIndex(rows, 'ลำดับ');
    expect(rows[h]).toEqual(['ลำดับ', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ (บาท)', 'เบิกจ่าย (บาท)', 'สถานะ', 'สถานะ', 'สถานะ', 'สถานะ', 'หมายเหตุ']);
    expect(rows[h + 1]).toEqual(['ลำดับ', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ (บาท)', 'เบิกจ่าย (บาท)', 'รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้', 'หมายเหตุ']);
    expect(sheet.getCell(`F${h + 1}`).master.address).toBe(`F${h + 1}`);
    expect(sheet.getCell(`I${h + 1}`).master.address).toBe(`F${h + 1}`);
    expect(sheet.getCell(`B${h + 2}`).master.address).toBe(`B${h + 1}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 2 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${h + 1}:${h + 2}`);
    const body = rows.slice(h + 2, h + 17);
    expect(body.map((r) => r[1])).toEqual(seedRows.map((r) => r.title));
    const marks = body.map((r) => r.slice(5, 9).join('|'));
    expect(marks.filter((m) => m === '||☑|')).toHaveLength(10);
    expect(marks.filter((m) => m === '|☑||')).toHaveLength(5);
    expect(body.map((r) => r[2])).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4]);
    expect(body[3]![9]).toContain('คู่มือสำหรับนักพัฒนาชุมชน');
    expect(body.every((r) => r[3] === 0 && r[4] === 0)).toBe(true);
    expect(sheet.getRow(h + 3).getCell(4).numFmt).toBe('#,##0.00');
    expect(rows[h + 17]![1]).toBe('รวม');

    const summary = (label: string) => {
      const i = rows.findIndex((r) => r[1] === `- ${label}`);
      expect(i, label).toBeGreaterThan(h);
      return rows[i]!;
    };
    expect(rows.some((r) => r[0] === 'สรุปผลการขับเคลื่อนแผนฯ')).toBe(true);
    expect(summary('แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน').slice(3, 5)).toEqual([15, 'โครงการ']);
    expect(summary('รอรายงาน')[3]).toBe(0);
    expect(summary('ยังไม่ได้ดำเนินการ')[3]).toBe(0);
    expect(summary('อยู่ระหว่างดำเนินการ')[3]).toBe(5);
    expect(summary('ดำเนินการแล้วเสร็จ')[3]).toBe(10);
    expect(summary('ไม่สามารถดำเนินการได้')[3]).toBe(0);
    expect(summary('งบประมาณรวม').slice(3, 5)).toEqual([0, 'บาท']);
    expect(summary('เบิกจ่ายงบประมาณ').slice(3, 5)).toEqual([0, 'บาท']);
    expect(summary('ร้อยละการเบิกจ่าย')[3]).toBe(0);
    expect(summary('มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ')[3]).toBe(83.33);
    const implRow = rows.findIndex((r) => r[1] === '- มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ');
    expect(sheet.getRow(implRow + 1).getCell(4).numFmt).toBe('0.00');

    const texts = rows.map((r) => r[0]).filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('เกณฑ์ระดับร้อยละการนำแผนไปปฏิบัติที่ใช้: มากที่สุด ตั้งแต่ร้อยละ 90, มาก ตั้งแต่ร้อยละ 70, ปานกลาง ตั้งแต่ร้อยละ 50, น้อย ตั้งแต่ร้อยละ 30, น้อยที่สุด ตั้งแต่ร้อยละ 0');
    const problems = texts.indexOf('ปัญหาอุปสรรค');
    const suggestions = texts.indexOf('ข้อเสนอแนะ');
    expect(problems).toBeGreaterThan(0);
    expect(texts.slice(problems + 1, suggestions)).toEqual(data.problems.map((p, i) => `${i + 1}. ${p}`));
    expect(texts[suggestions + 1]).toBe(`1. ${data.suggestions[0]}`);
    expect(texts).toContain('ชื่อ - สกุล ผู้รายงาน นายนครินทร์ วงศ์พงษ์ ตำแหน่ง ผ.ช.นิติกร');
  });

  it('stores money as numbers with #,##0.00, totals by formula with the computed result, and names every status', async () => {
    const data = eplanData(moneyRows, { round: 'six_month', asOf: new Date('2025-03-31T10:00:00Z'), reporter: null, problems: [], suggestions: [] });
    const sheet = await loadSheet(await buildEplanXlsx(data));
    const rows = rowsOf(sheet);
    expect(rows[0]![0]).toBe('รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต รอบ 6 เดือน');
    expect(rows[2]![0]).toBe('ข้อมูล ณ วันที่ 31 มีนาคม 2568');

    const h = rowIndex(rows, 'ลำดับ') + 1;
    const body = rows.slice(h + 1, h + 1 + moneyRows.length);
    expect(body.map((r) => [r[3], r[4]])).toEqual(moneyRows.map((r) => [r.budget, r.disbursed]));
    // Completed, awaiting, cannot proceed; not started has no E-PlanNACC column.
    expect(body.map((r) => r.slice(5, 9).join('|'))).toEqual(['||☑|', '☑|||', '|||☑', '|||']);
    expect(body[3]![0]).toBe(4);
    expect(body[3]![2]).toBe('');
    expect(sheet.getRow(h + 4).getCell(5).numFmt).toBe('#,##0.00');

    const total = rows[h + 1 + moneyRows.length]!;
    expect(total[1]).toBe('รวม');
    const sum = (v: ExcelJS.CellValue) => v as ExcelJS.CellFormulaValue;
    expect(sum(total[3]).formula).toBe(`SUM(D${h + 2}:D${h + 5})`);
    expect(sum(total[3]).result).toBeCloseTo(1409568.14, 2);
    expect(sum(total[4]).formula).toBe(`SUM(E${h + 2}:E${h + 5})`);
    expect(sum(total[4]).result).toBe(1120000.5);

    const value = (label: string) => rows.find((r) => r[1] === `- ${label}`)![3];
    expect(value('งบประมาณรวม')).toBeCloseTo(1409568.14, 2);
    expect(value('ร้อยละการเบิกจ่าย')).toBe(79.46);
    expect(value('รอรายงาน')).toBe(1);
    expect(value('มีการนำแผนฯ ไปปฏิบัติ ระดับ น้อยที่สุด ร้อยละ')).toBe(25);
    // Nobody named: a line to sign on rather than a dash.
    expect(rows.find((r) => String(r[0]).startsWith('ชื่อ - สกุล ผู้รายงาน'))![0]).toMatch(/^ชื่อ - สกุล ผู้รายงาน \.+ ตำแหน่ง \.+$/);
    const texts = rows.map((r) => r[0]);
    expect(texts[texts.indexOf('ปัญหาอุปสรรค') + 1]).toBe('-');
  });
});

describe('E-PlanNACC report as CSV', () => {
  const split = (csv: string) => {
    const [table, summary] = csv.slice(1).split('\r\n\r\n');
    return {
      table: parse(table!, { relax_quotes: false }) as string[][],
      summary: parse(summary!, {}) as string[][],
    };
  };

  it('is UTF-8 with a BOM, CRLF, a header row, one row per project and the seed summary as label,value pairs', () => {
    const csv = buildEplanCsv(eplanData(seedRows));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(csv.endsWith('\r\n')).toBe(true);

    const { table, summary } = split(csv);
    expect(table[0]).toEqual(['ลำดับ', 'รหัส', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ', 'เบิกจ่าย', 'รอรายงาน', 'อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ไม่สามารถดำเนินการได้', 'หมายเหตุ']);
    expect(table).toHaveLength(16);
    expect(table[1]).toEqual(['1', 'EP-01', 'โครงการโรงเรียนคุณธรรม', '1', '0.00', '0.00', '', '☑', '', '', '']);
    expect(table.slice(1).filter((r) => r[8] === '☑')).toHaveLength(10);

    const map = new Map(summary.map((r) => [r[0], r[1]]));
    expect(summary.every((r) => r.length === 2)).toBe(true);
    expect(map.get('แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน (โครงการ)')).toBe('15');
    expect(map.get('รอรายงาน (โครงการ)')).toBe('0');
    expect(map.get('อยู่ระหว่างดำเนินการ (โครงการ)')).toBe('5');
    expect(map.get('ดำเนินการแล้วเสร็จ (โครงการ)')).toBe('10');
    expect(map.get('งบประมาณรวม (บาท)')).toBe('0.00');
    expect(map.get('เบิกจ่ายงบประมาณ (บาท)')).toBe('0.00');
    expect(map.get('ร้อยละการเบิกจ่าย')).toBe('0.00');
    expect(map.get('มีการนำแผนฯ ไปปฏิบัติ ระดับ มาก ร้อยละ')).toBe('83.33');
    expect(map.get('ระดับการนำแผนไปปฏิบัติ')).toBe('มาก');
    expect(map.get('ข้อมูล ณ วันที่')).toBe('30 กันยายน 2566');
    expect(map.get('รอบการรายงาน')).toBe('รอบ 12 เดือน');
    expect(map.get('ผู้รายงาน')).toBe('นายนครินทร์ วงศ์พงษ์');
    expect(map.get('เกณฑ์ระดับร้อยละการนำแผนไปปฏิบัติที่ใช้')).toContain('มาก ตั้งแต่ร้อยละ 70');
    expect(summary.filter((r) => r[0] === 'ปัญหาอุปสรรค')).toHaveLength(2);
  });

  it('quotes commas, quotes and line breaks, writes 2-decimal money and defuses formulas', () => {
    const csv = buildEplanCsv(eplanData(moneyRows));
    expect(csv).toContain('"โครงการอบรม ""คุณธรรม จริยธรรม"", ประจำปี"');
    const { table, summary } = split(csv);
    expect(table.slice(1).map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['1', '1', '150000.00', '120000.50'],
      ['2', '3', '25000.25', '0.00'],
      ['3', '4', '1234567.89', '1000000.00'],
      ['4', '', '0.00', '0.00'],
    ]);
    expect(table[1]![2]).toBe('โครงการอบรม "คุณธรรม จริยธรรม", ประจำปี');
    expect(table[1]![10]).toBe('\'=HYPERLINK("http://x.example","คลิก")');
    expect(table[3]![10]).toBe('ไม่ได้รับงบประมาณ\nรอปีถัดไป');
    expect(table[2]![6]).toBe('☑');
    const map = new Map(summary.map((r) => [r[0], r[1]]));
    expect(map.get('งบประมาณรวม (บาท)')).toBe('1409568.14');
    expect(map.get('ร้อยละการเบิกจ่าย')).toBe('79.46');
  });
});

describe('complaint statistics (OIT O24) as XLSX', () => {
  const filed = new Date('2024-10-02T03:00:00Z');
  const days = (n: number) => new Date(filed.getTime() + n * 86_400_000);
  const row = (fields: Partial<ComplaintStatRow>): ComplaintStatRow => ({ kind: 'general', category: 'ถนน', status: 'resolved', submittedAt: filed, dueAt: dueAt(filed), closedAt: days(3), reopenCount: 0, stars: null, ...fields });
  const rows = [
    row({ stars: 5 }),
    row({ closedAt: days(20), reopenCount: 1, stars: 2 }),
    row({ category: null, status: 'withdrawn', closedAt: days(1) }),
    row({ kind: 'corruption', category: 'จัดซื้อ', status: 'in_progress', closedAt: null, submittedAt: days(40), dueAt: dueAt(days(40)) }),
  ];
  const workbook = async () => {
    const buffer = await buildComplaintStatsXlsx({ organisation, generatedAt, stats: computeComplaintStatistics(rows, 2568, generatedAt) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    return book;
  };

  it('has a sheet of the twelve months with the year total, numbers kept numeric and "-" where nothing was answered', async () => {
    const book = await workbook();
    expect(book.worksheets.map((w) => w.name)).toEqual(['รายเดือน', 'ประเภทเรื่อง', 'หมวดเรื่อง']);
    const rows = rowsOf(book.getWorksheet('รายเดือน')!);
    expect(rows[0]![0]).toBe('สถิติเรื่องร้องเรียนรายเดือน ประจำปีงบประมาณ พ.ศ. 2568');
    expect(rows[1]![0]).toBe('เทศบาลตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    const h = rowIndex(rows, 'เดือน');
    expect(rows[h]!.slice(0, 8)).toEqual(['เดือน', 'รับเรื่อง', 'ดำเนินการแล้วเสร็จ', 'อยู่ระหว่างดำเนินการ', 'เกินกำหนด 15 วันและยังไม่เสร็จ', 'ระยะเวลาดำเนินการ ค่ามัธยฐาน (วัน)', 'ตอบภายใน 15 วัน (เรื่อง)', 'ร้อยละที่ตอบภายใน 15 วัน']);
    const months = rows.slice(h + 1, h + 13);
    expect(months.map((r) => r[0])).toEqual(['ต.ค. 2567', 'พ.ย. 2567', 'ธ.ค. 2567', 'ม.ค. 2568', 'ก.พ. 2568', 'มี.ค. 2568', 'เม.ย. 2568', 'พ.ค. 2568', 'มิ.ย. 2568', 'ก.ค. 2568', 'ส.ค. 2568', 'ก.ย. 2568']);
    // October: 3 received, 2 done and 1 withdrawn, median of 3 and 20 days, 1 of 2 in time, 1 reopened, 2 ratings averaging 3.5.
    expect(months[0]).toEqual(['ต.ค. 2567', 3, 2, 0, 0, 11.5, 1, 50, 1, 2, 3.5, 0, 1]);
    expect(months[1]).toEqual(['พ.ย. 2567', 1, 0, 1, 1, '-', 0, '-', 0, 0, '-', 0, 0]);
    expect(months[2]).toEqual(['ธ.ค. 2567', 0, 0, 0, 0, '-', 0, '-', 0, 0, '-', 0, 0]);
    expect(rows[h + 13]).toEqual(['รวมทั้งปี', 4, 2, 1, 1, 11.5, 1, 50, 1, 2, 3.5, 0, 1]);
    expect(rows.some((r) => String(r[0]).includes('เรื่องที่ถูกเปิดใหม่นับจากกำหนดเดิม'))).toBe(true);
  });

  it('breaks the year down by kind, and general complaints by category without the corruption report', async () => {
    const book = await workbook();
    const kinds = rowsOf(book.getWorksheet('ประเภทเรื่อง')!);
    const k = rowIndex(kinds, 'ประเภทเรื่อง');
    expect(kinds.slice(k + 1, k + 4).map((r) => r.slice(0, 4))).toEqual([
      ['รวม', 4, 2, 1],
      [KIND_TH.general, 3, 2, 0],
      [KIND_TH.corruption, 1, 0, 1],
    ]);
    const categories = rowsOf(book.getWorksheet('หมวดเรื่อง')!);
    const c = rowIndex(categories, 'หมวดเรื่อง');
    expect(categories.slice(c + 1).map((r) => r.slice(0, 3))).toEqual([
      ['ถนน', 2, 2],
      ['ยังไม่ระบุหมวด', 1, 0],
      ['รวม', 3, 2],
    ]);
    expect(JSON.stringify(categories)).not.toContain('จัดซื้อ');
  });
});

describe('E-PlanNACC as filed: marks, notes and the as-of day', () => {
  const at = new Date('2025-03-10T03:00:00Z');
  const report = (status: Status, extra: { reason?: string; outcome?: string; beforeRound?: boolean } = {}) => latestReport(status, { ...extra, at });

  it('ticks one of the four status columns, none for a project not started', () => {
    expect(eplanMarks('awaiting_report')).toEqual(['☑', '', '', '']);
    expect(eplanMarks('in_progress')).toEqual(['', '☑', '', '']);
    expect(eplanMarks('completed')).toEqual(['', '', '☑', '']);
    expect(eplanMarks('cannot_proceed')).toEqual(['', '', '', '☑']);
    expect(eplanMarks('not_started')).toEqual(['', '', '', '']);
  });

  it('writes the reason, the outcome, or that it has not started, from the report the tick comes from; an earlier round\'s report is dated', () => {
    expect(eplanNote('cannot_proceed', report('cannot_proceed', { reason: 'ไม่ได้รับงบประมาณ', outcome: 'x' }))).toBe('ไม่ได้รับงบประมาณ');
    expect(eplanNote('completed', report('completed', { outcome: ' คู่มือ 2 เล่ม ' }))).toBe('คู่มือ 2 เล่ม');
    expect(eplanNote('in_progress', report('in_progress'))).toBe('');
    expect(eplanNote('not_started', report('not_started'))).toBe('ยังไม่ได้ดำเนินการ');
    expect(eplanNote('in_progress', report('in_progress', { beforeRound: true }))).toBe('รายงานล่าสุดเมื่อ 10 มีนาคม 2568');
    expect(eplanNote('in_progress', report('in_progress', { beforeRound: true }), digitsFor(true))).toBe('รายงานล่าสุดเมื่อ ๑๐ มีนาคม ๒๕๖๘');
    expect(eplanNote('cannot_proceed', report('cannot_proceed', { reason: 'บุคลากร 2 คนลาออก', beforeRound: true }), digitsFor(true))).toBe('บุคลากร 2 คนลาออก (รายงานล่าสุดเมื่อ ๑๐ มีนาคม ๒๕๖๘)');
    expect(eplanNote('awaiting_report', null)).toBe('');
  });

  it('dates the data by its newest report, else by the export, never past the round', () => {
    const roundEnd = new Date('2025-09-30T17:00:00Z');
    expect(eplanAsOf(at, new Date('2025-11-06T03:00:00Z'), roundEnd)).toBe(at);
    expect(eplanAsOf(null, new Date('2025-08-01T03:00:00Z'), roundEnd)).toEqual(new Date('2025-08-01T03:00:00Z'));
    expect(eplanAsOf(null, new Date('2025-11-06T03:00:00Z'), roundEnd)).toEqual(new Date(roundEnd.getTime() - 1));
  });
});

describe('ITA DOCX columns sized by their content', () => {
  const TABLE = 16838 - 2 * 1134;
  const fit = { total: 10000, unitsPerPoint: 20, size: 14, padding: 160, oneLineHeader: [0] };
  it('makes every column as wide as its widest word, an empty one no wider, and gives the room to the long ones', () => {
    const rows = [
      ['ลำดับ', 'มาตรการ', 'วิธีดำเนินการ', 'ผลลัพธ์'],
      ['1', 'สั้น', 'ขั้นตอนที่ยาวมาก '.repeat(20), ''],
      ['2', 'ประชาสัมพันธ์', 'ขั้นตอนที่ยาวมาก '.repeat(12), ''],
    ];
    const widths = fitColumnWidths(rows, fit);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10000);
    const word = (w: string, bold = false) => textWidth(w, { size: 14, bold }) * 20 + 160;
    // ลำดับ on one line, as the seeds print it; ประชาสัมพันธ์ unbroken.
    expect(widths[0]).toBeGreaterThanOrEqual(word('ลำดับ', true));
    expect(widths[1]).toBeGreaterThanOrEqual(word('ประชาสัมพันธ์'));
    // The empty result column keeps just its header word.
    expect(widths[3]).toBeLessThan(word('ผลลัพธ์', true) + 60);
    expect(widths[2]).toBeGreaterThan(widths[1]! * 2);
  });

  it('puts the outcome, not the status word, in the result column, and breaks no word where fixed shares broke several', async () => {
    const { document } = await openDocx(await buildItaDocx(itaData(true)));
    const text = textsOf(document);
    expect(text).toContain('บุคลากรร้อยละ 95 เข้าใจแนวทาง');
    const grid = [...document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(7);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TABLE);
    // ลำดับ is as wide as its header word, the rest goes to the text.
    expect(grid[0]).toBeLessThan(1000);

    // Before: shares fixed whatever the columns held (the method column at 21 %) broke words; now none is wider
    // than its column.
    const fixed = [6, 17, 21, 11, 11, 20, 14].map((s) => Math.floor((TABLE * s) / 100));
    const d = digitsFor(true);
    const texts = [[...ITA_HEADERS], ...itaRows.map((r, i) => [d(i + 1), r.title, numberedSteps(r.methodSteps, d).join('\n'), r.period, r.responsible, lines(r.summary).join('\n'), r.outcome])];
    const broken = (widths: number[]) =>
      texts.flatMap((row, i) => row.flatMap((text, c) => words(text).filter((w) => textWidth(w, { size: 14, bold: i === 0 }) * 20 > widths[c]! - 160)));
    expect(broken(fixed)).not.toEqual([]);
    expect(broken(grid)).toEqual([]);
    expect(itaTableLayout(itaData(true)).widths).toEqual(grid);
  });
});

describe('the plan report in prose (seed 004, DOCX)', () => {
  const narrative = (overrides: Partial<PlanNarrativeData> = {}): PlanNarrativeData => ({
    organisation: { ...organisation, itaScore: null, itaLevel: null },
    generatedAt,
    thaiDigits: true,
    projects: [
      { number: 3, title: 'มาตรการ NO Gift Policy', dimension: 2, mission: 'การเปิดเผยข้อมูลสาธารณะ', methodSteps: ['(1) จัดประชุม', 'ประกาศใช้ 2568'], status: 'completed', summary: 'ประกาศใช้แล้ว', outcome: 'บุคลากร 45 คนรับทราบ', cannotProceedReason: '' },
      { number: 1, title: 'โครงการโรงเรียนคุณธรรม', dimension: 1, mission: 'การสร้างวัฒนธรรมสุจริต', methodSteps: ['จัดค่าย'], status: 'cannot_proceed', summary: 'ยังไม่ได้จัด', outcome: '', cannotProceedReason: 'ไม่ได้รับงบประมาณ' },
      { number: 2, title: 'โครงการป้องกันผลประโยชน์ทับซ้อน', dimension: 1, mission: 'การสร้างวัฒนธรรมสุจริต', methodSteps: [], status: 'awaiting_report', summary: '', outcome: '', cannotProceedReason: '' },
    ],
    supportingFactors: ['ผู้บริหารให้ความสำคัญ'],
    problems: ['เจ้าหน้าที่ลาออก'],
    suggestions: [],
    table: eplanData(seedRows),
    ...overrides,
  });

  it('has each project under its มิติ with mission, steps and results, then factors, problems and suggestions', async () => {
    const { document } = await openDocx(await buildPlanNarrativeDocx(narrative()));
    const p = paragraphsOf(document).filter(Boolean);
    expect(p[0]).toBe('รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต');
    expect(p).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    const at = (text: string) => {
      const i = p.indexOf(text);
      expect(i, text).toBeGreaterThanOrEqual(0);
      return i;
    };
    // มิติ 1 first, its projects in their order, then มิติ 2.
    expect(at('มิติที่ ๑ การสร้างวัฒนธรรมสุจริต')).toBeLessThan(at('(๑) โครงการโรงเรียนคุณธรรม'));
    expect(at('(๑) โครงการโรงเรียนคุณธรรม')).toBeLessThan(at('(๒) โครงการป้องกันผลประโยชน์ทับซ้อน'));
    expect(at('(๒) โครงการป้องกันผลประโยชน์ทับซ้อน')).toBeLessThan(at('มิติที่ ๒ การบริหารราชการด้วยความโปร่งใส'));
    const gift = at('(๓) มาตรการ NO Gift Policy');
    expect(p.slice(gift + 1, gift + 10)).toEqual([
      'ภารกิจตามมิติ',
      'การเปิดเผยข้อมูลสาธารณะ',
      'การดำเนินงาน',
      '(๑) จัดประชุม',
      '(๒) ประกาศใช้ 2568',
      'ผลการดำเนินการ',
      'สถานะ: ดำเนินการแล้วเสร็จ',
      'ประกาศใช้แล้ว',
      'ผลลัพธ์: บุคลากร 45 คนรับทราบ',
    ]);
    expect(p).toContain('สถานะ: ไม่สามารถดำเนินการได้ เนื่องจากไม่ได้รับงบประมาณ');
    expect(p).toContain('ยังไม่มีรายงานผลการดำเนินการในปีงบประมาณนี้ (รอรายงาน)');
    const closing = p.slice(at('ปัจจัยสนับสนุน'), p.findIndex((t) => t.startsWith('รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ')));
    expect(closing).toEqual(['ปัจจัยสนับสนุน', '๑. ผู้บริหารให้ความสำคัญ', 'ปัญหาอุปสรรค', '๑. เจ้าหน้าที่ลาออก', 'ข้อเสนอแนะ', '-']);
    // Arabic digits only where people typed them.
    expect(p.filter((t) => /[0-9]/.test(t))).toEqual(['(๒) ประกาศใช้ 2568', 'ผลลัพธ์: บุคลากร 45 คนรับทราบ']);
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  });
});

describe('the report list in LINE', () => {
  it('fits a quick reply: at most 13 items with ยกเลิก, labels of at most 20 characters', () => {
    // The supervisors' roll-up is not on an organisation's list.
    expect(REPORT_KINDS.filter((k) => !isScopeReport(k)).length + 1).toBeLessThanOrEqual(13);
    for (const kind of REPORT_KINDS) expect(REPORT_SHORT_TH[kind].length, kind).toBeLessThanOrEqual(20);
  });
});
