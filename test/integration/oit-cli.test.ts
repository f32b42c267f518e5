import { describe, expect, it } from 'vitest';
import { withOperatorCli } from '../support/cli.js';

const ORG = 'oit-cli-org';
const { cli } = withOperatorCli(ORG);

describe('the oit and indicators operator commands', () => {
  it('imports the shipped OIT list and shows every item waiting for an answer', async () => {
    expect(await cli('oit', 'import', 'examples/oit-2567.csv', '--dry-run')).toContain('ตรวจสอบผ่าน');
    expect(await cli('oit', 'import', 'examples/oit-2567.csv')).toContain('เพิ่มใหม่ 35 รายการ');
    const status = (await cli('oit', 'status')).trim().split('\n');
    expect(status.filter((line) => /^O\d+/.test(line))).toHaveLength(35);
    // A second import updates, it does not duplicate.
    expect(await cli('oit', 'import', 'examples/oit-2567.csv')).toContain('ปรับปรุง 35 รายการ');
  }, 120_000);

  it('says how many rows of a plan went to the OIT list', async () => {
    const said = await cli('import', 'examples/plan-2568.csv', '--dry-run');
    expect(said).toContain('เพิ่มใหม่ 55 รายการ');
    expect(said).toContain('แถวที่เป็นข้อ OIT 7 แถว จะบันทึกแนวทางไว้ที่รายการ OIT');
  }, 120_000);

  it('imports the indicator table, edits one score and lists it', async () => {
    expect(await cli('indicators', 'import', 'examples/ita-indicators-2566.csv')).toContain('นำเข้าแล้ว');
    await cli('indicators', 'set', '--fiscal-year', '2566', '--number', '7', '--score', '71.5', '--guideline', 'ตอบคำถามผ่านเว็บไซต์ภายใน 3 วัน');
    const list = await cli('indicators', 'list', '--fiscal-year', '2566');
    expect(list).toContain('71.50');
    expect(list).toContain('ตอบคำถามผ่านเว็บไซต์ภายใน 3 วัน');
    await expect(cli('indicators', 'set', '--fiscal-year', '2566', '--number', '12', '--score', '50')).rejects.toThrow(/1 ถึง 10/);
  }, 120_000);
});

describe('the import commands and the management log', () => {
  it('log one line per import, naming the terminal and the file, as a file sent in LINE does; a dry run logs nothing', async () => {
    const { auditLog } = await import('../../src/db/admin-audit-store.js');
    const before = (await auditLog(ORG, { limit: 100 })).length;
    await cli('import', 'examples/plan-2568.csv', '--dry-run');
    expect(await auditLog(ORG, { limit: 100 })).toHaveLength(before);
    await cli('oit', 'import', 'examples/oit-2567.csv');
    await cli('import', 'examples/plan-2568.csv');
    await cli('indicators', 'import', 'examples/ita-indicators-2566.csv');
    const lines = (await auditLog(ORG, { limit: 100 })).slice(0, 3);
    expect(lines.map((l) => [l.action, l.subject, l.actor.via, l.actor.name])).toEqual([
      ['import.indicators', 'ita-indicators-2566.csv', 'cli', 'ผู้ดูแลระบบ (คำสั่ง)'],
      ['import.plan', 'plan-2568.csv', 'cli', 'ผู้ดูแลระบบ (คำสั่ง)'],
      ['import.oit', 'oit-2567.csv', 'cli', 'ผู้ดูแลระบบ (คำสั่ง)'],
    ]);
    expect(lines[1]!.after).toMatch(/^เพิ่ม \d+ ปรับปรุง \d+$/);
  }, 120_000);
});
