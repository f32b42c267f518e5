import ExcelJS from 'exceljs';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthKey } from '../../src/domain/calendar.js';
import { fiscalMonths } from '../../src/domain/complaint-statistics.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { Chat, uriOf, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { insertCase, SECRET_ACCUSED, SECRET_STORY, seedStatsScenario } from '../support/complaint-scenario.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org';
const EXECUTIVE = 'U-stats-executive';
const ADMIN = 'U-stats-admin';
const HANDLER = 'U-stats-handler';
const CITIZEN = 'Uc0000000000000000000000000000009';
const FY = fiscalYearOf(new Date());
/** Last fiscal year: every month of it is over, so the scenario's figures do not depend on today. */
const LAST_FY = FY - 1;
const THIS_MONTH = fiscalMonths(FY).find((m) => m.month === monthKey(new Date()))!;

let h: Harness;
const cli = async (...args: string[]) => (await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args)).stdout;

async function workbookAt(url: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return book;
}
const cellsOf = (sheet: ExcelJS.Worksheet, label: string) => {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === label) return Array.from({ length: 13 }, (_, i) => row.getCell(i + 1).value);
  }
  throw new Error(`no row ${label}`);
};

beforeAll(async () => {
  h = await startHarness();
  await addStaff(ORG, EXECUTIVE, ['executive'], null, 'นายกเทศมนตรี');
  await addStaff(ORG, ADMIN, ['admin'], null, 'ผู้ดูแลระบบ');
  await addStaff(ORG, HANDLER, ['complaint_officer', 'integrity_officer'], 'สำนักปลัด', 'เจ้าหน้าที่รับเรื่อง');
  await seedStatsScenario(ORG, LAST_FY);
  // This month: one general complaint answered within minutes and rated, one corruption report still open.
  const now = Date.now();
  await insertCase(ORG, 101, { kind: 'general', category: 'ขยะ', submittedAt: new Date(now - 120_000), status: 'resolved', closedAt: new Date(now - 60_000), feedback: { stars: 4, comment: null, fixed: true, at: new Date(now - 30_000) } });
  await insertCase(ORG, 102, { kind: 'corruption', submittedAt: new Date(now - 90_000), description: SECRET_STORY, accused: SECRET_ACCUSED });
});
afterAll(async () => {
  await h?.close();
});

describe('สถิติร้องเรียน in LINE', () => {
  it("gives an executive this year's and this month's key figures in one short message, with the spreadsheet behind a link", async () => {
    const replies = await new Chat(h, EXECUTIVE).say('สถิติร้องเรียน');
    expect(replies).toHaveLength(1);
    const answer = visibleText(replies);
    expect(answer).toContain(`สถิติเรื่องร้องเรียน ปีงบประมาณ ${FY} (OIT O24)`);
    expect(answer).toContain('ทั้งปี\nรับ 2 เรื่อง · เสร็จแล้ว 1 · อยู่ระหว่างดำเนินการ 1');
    expect(answer).toContain('ตอบภายใน 15 วัน ร้อยละ 100.00 (1 จาก 1 เรื่อง)');
    expect(answer).toContain('ความพึงพอใจเฉลี่ย 4.00 จาก 5 ดาว (1 ความเห็น)');
    expect(answer).toContain('ในจำนวนนี้ แจ้งเบาะแสการทุจริต 1 เรื่อง · เสร็จแล้ว 0');
    expect(answer).toContain(`เดือนนี้ (${THIS_MONTH.label})\nรับ 2 เรื่อง`);
    expect(answer).not.toContain(SECRET_STORY);
    expect(answer).not.toContain(SECRET_ACCUSED);
    // Short to read: the message's text (its notification text repeats it), the address not among it.
    expect(replies[0].contents.body.contents[0].text.length).toBeLessThan(1_000);

    // The spreadsheet is behind a button, its signed address never shown as text.
    expect(answer).not.toContain('/reports/');
    const book = await workbookAt(uriOf(replies, 'ดาวน์โหลด Excel'));
    const months = book.getWorksheet('รายเดือน')!;
    expect(cellsOf(months, THIS_MONTH.label).slice(0, 4)).toEqual([THIS_MONTH.label, 2, 1, 1]);
    expect(cellsOf(months, 'รวมทั้งปี').slice(0, 4)).toEqual(['รวมทั้งปี', 2, 1, 1]);
  });

  it('gives last fiscal year when asked for it, figure by figure as the scenario was built, and its spreadsheet', async () => {
    const replies = await new Chat(h, ADMIN).say(`สถิติเรื่องร้องเรียนปีงบประมาณ ${String(LAST_FY).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!)}`);
    const answer = visibleText(replies);
    expect(answer).toContain(`ปีงบประมาณ ${LAST_FY} (OIT O24)`);
    // The withdrawn case is counted as withdrawn, not as done: 5 + 2 + 1 = 8.
    expect(answer).toContain('รับ 8 เรื่อง · เสร็จแล้ว 5 · อยู่ระหว่างดำเนินการ 2');
    expect(answer).toContain('ตอบภายใน 15 วัน ร้อยละ 80.00 (4 จาก 5 เรื่อง) · ระยะเวลาดำเนินการ ค่ามัธยฐาน 6 วัน');
    expect(answer).toContain('เกินกำหนดยังไม่เสร็จ 2 เรื่อง · เปิดเรื่องใหม่ 2 เรื่อง · ส่งต่อหน่วยงานอื่น 1 เรื่อง · ผู้ร้องถอนเรื่อง 1 เรื่อง');
    expect(answer).toContain('ความพึงพอใจเฉลี่ย 2.67 จาก 5 ดาว (3 ความเห็น)');
    expect(answer).toContain('แจ้งเบาะแสการทุจริต 2 เรื่อง · เสร็จแล้ว 1');
    // A past year has no "this month".
    expect(answer).not.toContain('เดือนนี้');

    const book = await workbookAt(uriOf(replies));
    const [october, november] = fiscalMonths(LAST_FY);
    const months = book.getWorksheet('รายเดือน')!;
    expect(cellsOf(months, october!.label)).toEqual([october!.label, 5, 3, 1, 1, 4, 2, 66.67, 1, 2, 3.5, 1, 1]);
    expect(cellsOf(months, november!.label)).toEqual([november!.label, 3, 2, 1, 1, 7, 2, 100, 1, 1, 1, 0, 0]);
    expect(cellsOf(months, 'รวมทั้งปี')).toEqual(['รวมทั้งปี', 8, 5, 2, 2, 6, 4, 80, 2, 3, 2.67, 1, 1]);
    const kinds = book.getWorksheet('ประเภทเรื่อง')!;
    expect(cellsOf(kinds, 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ').slice(0, 5)).toEqual(['แจ้งเบาะแสการทุจริตและประพฤติมิชอบ', 2, 1, 1, 1]);
    const categories = book.getWorksheet('หมวดเรื่อง')!;
    expect(cellsOf(categories, 'ถนน').slice(0, 9)).toEqual(['ถนน', 3, 3, 0, 0, 6, 2, 66.67, 1]);
    expect(cellsOf(categories, 'ไฟฟ้า').slice(0, 4)).toEqual(['ไฟฟ้า', 2, 1, 1]);
    const everything = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    for (const secret of [SECRET_STORY, SECRET_ACCUSED, 'จัดซื้อจัดจ้าง', 'การไฟฟ้าส่วนภูมิภาค']) expect(everything).not.toContain(secret);
  });

  it('prints months still to come blank, not 0, and titles each sheet once', async () => {
    const book = async (fiscalYear: number) => {
      const file = await produceReport(ORG, { kind: 'complaints-xlsx', fiscalYear, thresholds: DEFAULT_LEVEL_THRESHOLDS });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
      return workbook;
    };
    // Next fiscal year has not begun: none of its months has a figure yet.
    const next = (await book(FY + 1)).getWorksheet('รายเดือน')!;
    for (const m of fiscalMonths(FY + 1)) expect(cellsOf(next, m.label).slice(1).map((v) => v ?? '')).toEqual(Array(12).fill(''));
    // This fiscal year: this month counts, and a month after it (if the year has one left) is blank.
    const current = await book(FY);
    const months = current.getWorksheet('รายเดือน')!;
    expect(cellsOf(months, THIS_MONTH.label).slice(0, 4)).toEqual([THIS_MONTH.label, 2, 1, 1]);
    const later = fiscalMonths(FY).filter((m) => m.month > THIS_MONTH.month);
    for (const m of later) expect(cellsOf(months, m.label).slice(1).map((v) => v ?? '')).toEqual(Array(12).fill(''));

    const titles = current.worksheets.map((w) => String(w.getCell(1, 1).value));
    expect(titles).toEqual([
      `สถิติเรื่องร้องเรียนรายเดือน ประจำปีงบประมาณ พ.ศ. ${FY}`,
      `สถิติเรื่องร้องเรียนแยกตามประเภท ประจำปีงบประมาณ พ.ศ. ${FY}`,
      `สถิติเรื่องร้องเรียน/ร้องทุกข์ทั่วไป แยกตามหมวด ประจำปีงบประมาณ พ.ศ. ${FY}`,
    ]);
  });

  it('says a fiscal year not yet begun has no figures, and shows the current one', async () => {
    const answer = visibleText(await new Chat(h, EXECUTIVE).say(`สถิติร้องเรียน ${FY + 1}`));
    expect(answer).toContain(`ปีงบประมาณ ${FY + 1} ยังไม่เริ่ม จึงแสดงปีงบประมาณปัจจุบัน`);
    expect(answer).toContain(`สถิติเรื่องร้องเรียน ปีงบประมาณ ${FY} (OIT O24)`);
  });

  it('stays for executives and admins: a handler and a citizen are refused', async () => {
    expect(visibleText(await new Chat(h, HANDLER).say('สถิติร้องเรียน'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
    expect(visibleText(await new Chat(h, CITIZEN).say(`สถิติร้องเรียน ${LAST_FY}`))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
  });
});

describe('npm run cli -- complaint-stats', () => {
  const columns = (out: string, label: string) => out.split('\n').find((l) => l.startsWith(label))!.slice(label.length).trim().split(/\s+/);

  it('prints the months, kinds and categories of the year asked for', async () => {
    const out = await cli('complaint-stats', '--year', String(LAST_FY));
    expect(out).toContain(`สถิติเรื่องร้องเรียน ปีงบประมาณ ${LAST_FY} (OIT O24)`);
    const [october, november, december] = fiscalMonths(LAST_FY);
    // received, closed, open, overdue, median days, in time/answered, %, reopened, ratings, average stars, forwarded, withdrawn
    expect(columns(out, october!.label)).toEqual(['5', '3', '1', '1', '4.0', '2/3', '66.67', '1', '2', '3.50', '1', '1']);
    expect(columns(out, november!.label)).toEqual(['3', '2', '1', '1', '7.0', '2/2', '100.00', '1', '1', '1.00', '0', '0']);
    expect(columns(out, december!.label)).toEqual(['0', '0', '0', '0', '-', '0/0', '-', '0', '0', '-', '0', '0']);
    expect(columns(out, 'รวมทั้งปี')).toEqual(['8', '5', '2', '2', '6.0', '4/5', '80.00', '2', '3', '2.67', '1', '1']);
    expect(columns(out, 'แจ้งเบาะแสการทุจริตและประพฤติมิชอบ')).toEqual(['2', '1', '1', '1', '8.0', '1/1', '100.00', '0', '0', '-', '0', '0']);
    expect(columns(out, 'ยังไม่ระบุหมวด').slice(0, 3)).toEqual(['1', '0', '0']);
    expect(out).not.toContain('จัดซื้อจัดจ้าง');
    expect(out).not.toContain(SECRET_STORY);
  }, 120_000);

  it('shows the current fiscal year without --year, and refuses a year that is not B.E.', async () => {
    const out = await cli('complaint-stats');
    expect(out).toContain(`ปีงบประมาณ ${FY} (OIT O24)`);
    expect(columns(out, THIS_MONTH.label).slice(0, 3)).toEqual(['2', '1', '1']);
    await expect(cli('complaint-stats', '--year', '2026')).rejects.toThrow(/ปี พ.ศ./);
  }, 120_000);
});
