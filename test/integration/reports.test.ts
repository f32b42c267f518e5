import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEVEL_THRESHOLDS } from '../../src/domain/summary.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { produceReport } from '../../src/reports/catalogue.js';
import { createLinkSigner } from '../../src/security/signed-link.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { startHarness, TEST_DATA_KEY, type Harness } from '../support/harness.js';

const ORG = 'test-org';
let h: Harness;
const bkk = (local: string) => new Date(`${local}+07:00`);

async function cellsOf(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
  return cells;
}

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, 'examples/plan-2568.csv')).toMatchObject({ ok: true });
  for (let i = 1; i <= 15; i++) await report(ORG, `EP-${String(i).padStart(2, '0')}`, i <= 10 ? 'completed' : 'in_progress', bkk('2025-09-20T10:00:00'));
  await addStaff(ORG, 'U-exec', ['executive'], null, 'ปลัด');
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
    expect(rows.filter((r) => r[6] === 'ดำเนินการแล้วเสร็จ')).toHaveLength(10);
    expect(rows.filter((r) => r[6] === 'อยู่ระหว่างดำเนินการ')).toHaveLength(5);
  });

  it('the 6-month round shows the same projects as awaiting report: nothing was reported between October and March', async () => {
    const csv = (await produceReport(ORG, { kind: 'eplan-6-csv', thresholds: DEFAULT_LEVEL_THRESHOLDS })).body.toString('utf8');
    expect((csv.match(/รอรายงาน/g) ?? []).length).toBeGreaterThanOrEqual(15);
  });
});

describe('reports from LINE', () => {
  it('gives executives a signed link that downloads the file, and refuses altered or expired links', async () => {
    const executive = new Chat(h, 'U-exec');
    const menu = await executive.say('ส่งออกรายงาน');
    const answer = visibleText(await executive.tap(postbackOf(menu, 'E-Plan 12 ด. (Excel)')));
    const url = answer.match(/https?:\/\/\S+/)![0];
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('eplannacc-12-months-2568.xlsx');
    expect((await cellsOf(Buffer.from(await download.arrayBuffer()))).join('\n')).toContain('83.33');

    const token = url.split('/reports/')[1]!;
    const altered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await fetch(`${h.server.url}/reports/${altered}`)).status).toBe(403);
    const expired = createLinkSigner(TEST_DATA_KEY).sign({ org: ORG, kind: 'ita-docx' }, new Date(Date.now() - 1000));
    expect((await fetch(`${h.server.url}/reports/${expired}`)).status).toBe(403);
  });

  it('refuses the export command to people who are not executives or admins', async () => {
    expect(visibleText(await new Chat(h, 'U-someone').say('export'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
    expect(visibleText(await new Chat(h, 'U-someone').tap('a=rx&k=ita-docx'))).toContain('สำหรับผู้บริหารและผู้ดูแลระบบเท่านั้น');
  });
});
