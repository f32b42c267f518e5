import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InviteModel } from '../../src/db/models/invite.js';
import { addOrganisation } from '../../src/db/organisation-store.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { FakeLine } from '../support/fake-line.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

const OFFICE = 'sto-angthong';
let db: Awaited<ReturnType<typeof connectTestDatabase>>;
let fake: FakeLine;
const dir = mkdtempSync(join(tmpdir(), 'prongsai-rollup-cli-'));
const cli = (...args: string[]) => runCliHere(cliEnv(db.dbName, OFFICE, fake), ...args);

beforeAll(async () => {
  db = await connectTestDatabase();
  fake = await new FakeLine().start();
  await addOrganisation('abt-bang-phlap', { profile: { name: 'องค์การบริหารส่วนตำบลบางพลับ', province: 'อ่างทอง', district: 'โพธิ์ทอง' }, channel: null, sealer: testSealer });
  await importPlan('abt-bang-phlap', 'examples/plan-2568.csv');
});
afterAll(async () => {
  await fake?.stop();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cli: supervisors and their roll-up', () => {
  it('issues a supervisor invite only with a readable scope, and no scope to any other role', async () => {
    const { stdout } = await cli('invite', '--role', 'supervisor', '--scope', 'province:จังหวัดอ่างทอง');
    expect(stdout).toContain('หน่วยงานกำกับดูแล · จังหวัดอ่างทอง');
    const code = stdout.match(/ลงทะเบียน (\S+)/)![1]!;
    expect(await InviteModel.findById(code).lean()).toMatchObject({ orgId: OFFICE, roles: ['supervisor'], scope: 'province:อ่างทอง' });

    await expect(cli('invite', '--role', 'supervisor')).rejects.toMatchObject({ stderr: expect.stringContaining('ต้องระบุ --scope') });
    await expect(cli('invite', '--role', 'officer', '--scope', 'national')).rejects.toMatchObject({ stderr: expect.stringContaining('ต้องระบุ --scope') });
    await expect(cli('invite', '--role', 'supervisor', '--scope', 'amphoe:x')).rejects.toMatchObject({ stderr: expect.stringContaining('province:อ่างทอง') });
    expect(await InviteModel.countDocuments()).toBe(1);
  }, 120_000);

  it('writes the roll-up XLSX of a scope for the operator', async () => {
    const out = join(dir, 'rollup.xlsx');
    await cli('report', 'rollup-xlsx', '--scope', 'district:อ่างทอง/โพธิ์ทอง', '--out', out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain('ภาพรวมการดำเนินงานด้านคุณธรรมและความโปร่งใส อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    expect(cells).toContain('องค์การบริหารส่วนตำบลบางพลับ');
    expect(cells).toContain('รวม 1 แห่ง');
    await expect(cli('report', 'rollup-xlsx')).rejects.toMatchObject({ stderr: expect.stringContaining('--scope') });
  }, 120_000);
});
