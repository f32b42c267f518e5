import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeasureModel } from '../../src/db/models/measure.js';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { oitItemsOfYear } from '../../src/db/oit-store.js';
import { importOitItems } from '../../src/oit-import/import-oit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { DEMO_ORGANISATION } from '../../src/simulator/demo.js';
import { withOperatorCli } from '../support/cli.js';

/**
 * Imports warn about text carried over from another organisation's document or another year, row by row and
 * column by column, and import all the same; the operator CLI prints the warnings.
 */
const ORG = 'carried-over-org';
const { cli } = withOperatorCli(ORG);
const dir = mkdtempSync(join(tmpdir(), 'prongsai-carried-over-'));
const file = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

describe('an import of text carried over from elsewhere', () => {
  it('imports a plan naming another organisation and an old year, and the CLI says where, row by row', async () => {
    await updateOrganisation(ORG, DEMO_ORGANISATION);
    const plan = file('plan.csv', [
      'รหัส,ประเภท,มาตรการ/โครงการ,มิติ,วิธีดำเนินการ,ระยะเวลา,ปีงบประมาณ,สถานะ,สรุปผล',
      'P-1,โครงการ,โครงการเผยแพร่ข้อมูลข่าวสาร,2,"ประชาสัมพันธ์ผ่านเว็บไซต์\nจัดทำประกาศองค์การบริหารส่วนตำบลเมืองไผ่",ตลอดปีงบประมาณ,2568,,',
      'P-2,โครงการ,โครงการอบรมคุณธรรม,1,จัดอบรมบุคลากรของเทศบาลตำบลโพธิ์ทอง,ต.ค. 67 - ก.ย. 68,2568,ดำเนินการแล้วเสร็จ,จัดอบรมแล้ว ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
    ]);
    const out = await cli('import', plan);
    expect(out).toContain('นำเข้าแล้ว: เพิ่มใหม่ 2 รายการ');
    expect(out).toContain('คำเตือน 2 รายการ');
    expect(out).toContain('แถว 2 คอลัมน์ "วิธีดำเนินการ": กล่าวถึง องค์การบริหารส่วนตำบลเมืองไผ่ ซึ่งไม่ใช่หน่วยงานนี้');
    expect(out).toContain('แถว 3 คอลัมน์ "สรุปผล": กล่าวถึง ปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งไม่ใช่ปีงบประมาณ 2568 ของแถวนี้');
    // A warning does not stop the import.
    expect(await MeasureModel.countDocuments({ orgId: ORG, fiscalYear: 2568 })).toBe(2);
  }, 120_000);

  it('imports an OIT list naming another province and a year two years back, and the CLI says where', async () => {
    await updateOrganisation(ORG, DEMO_ORGANISATION);
    const list = file('oit.csv', [
      'ข้อ,ตัวชี้วัด,ข้อมูล,องค์ประกอบด้านข้อมูล,หน่วยงานรับผิดชอบ,ปีงบประมาณ',
      'O1,9,โครงสร้าง,แผนผังโครงสร้างของหน่วยงาน จังหวัดบุรีรัมย์,สำนักปลัด,2567',
      // ITAS asks for last year's report: the year before is no warning, the one before that is.
      'O9,9,รายงานผลการดำเนินงานประจำปี,ผลการดำเนินงานของปี พ.ศ. 2566,สำนักปลัด,2567',
      'O17,9,รายงานสรุปผลการจัดซื้อจัดจ้าง,ผลการจัดซื้อจัดจ้างของปี พ.ศ. 2565,กองคลัง,2567',
    ]);
    const out = await cli('oit', 'import', list);
    expect(out).toContain('นำเข้าแล้ว: ข้อ OIT เพิ่มใหม่ 3 รายการ');
    expect(out).toContain('คำเตือน 2 รายการ');
    expect(out).toContain('แถว 2 คอลัมน์ "องค์ประกอบด้านข้อมูล": กล่าวถึง จังหวัดบุรีรัมย์ แต่หน่วยงานนี้อยู่จังหวัดอ่างทอง');
    expect(out).toContain('แถว 4 คอลัมน์ "องค์ประกอบด้านข้อมูล": กล่าวถึง ปี พ.ศ. 2565 ซึ่งไม่ใช่ปีงบประมาณ 2567 ของแถวนี้');
    expect(out).not.toContain('แถว 3');
    expect(await oitItemsOfYear(ORG, 2567)).toHaveLength(3);
  }, 120_000);

  it('finds nothing to warn about in the shipped sample plan and OIT list, imported by the demo organisation', async () => {
    await updateOrganisation(ORG, DEMO_ORGANISATION);
    expect(await importPlan(ORG, 'examples/plan-2568.csv', { dryRun: true })).toMatchObject({ ok: true, warnings: [] });
    expect(await importPlan(ORG, 'examples/plan-2568.csv', { dryRun: true, toFiscalYear: 2570 })).toMatchObject({ ok: true, warnings: [] });
    expect(await importOitItems(ORG, 'examples/oit-2567.csv', { dryRun: true })).toMatchObject({ ok: true, warnings: [] });
    expect(await importOitItems(ORG, 'examples/oit-2567.csv', { toFiscalYear: 2570 })).toMatchObject({ ok: true, warnings: [] });
    // Moved to the demo's year, the list's years move with it; the law it cites keeps its year.
    const o15 = (await oitItemsOfYear(ORG, 2570)).find((i) => i.code === 'O15')!;
    expect(o15.description).toBe('ประกาศเชิญชวน ประกาศผลการจัดซื้อจัดจ้าง ตาม พ.ร.บ. การจัดซื้อจัดจ้างฯ พ.ศ. 2560 ในปี พ.ศ. 2570');
  });
});
