import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createInvite } from '../../src/db/invite-store.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { describeCommands, watchCommands, withCommandMonitoring, type SentCommand } from '../support/command-count.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org';
let h: Harness;
let commands: ReturnType<typeof watchCommands>;

function planCsv(year: number, codes: string[]): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ'];
  codes.forEach((code, i) => rows.push(`${code},anticorruption_project,${i + 1},โครงการ ${code} ของกองคลัง,2,กองคลัง,ตลอดปีงบประมาณ,${year},"50,000"`));
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

/** What one step costs: the commands from the webhook to the answer (intake, processing, the feature). */
async function costOf(step: () => Promise<any[]>): Promise<{ replies: any[]; sent: SentCommand[] }> {
  commands.take();
  const replies = await step();
  return { replies, sent: commands.take() };
}

beforeAll(async () => {
  h = await startHarness({ mongoUri: withCommandMonitoring(inject('mongoUri')), manualSweeps: true });
  commands = watchCommands();
  expect(await importPlan(ORG, planCsv(2569, ['EP-01', 'EP-02']))).toMatchObject({ ok: true, created: 2 });
});
afterAll(async () => {
  commands?.stop();
  await h?.close();
});

describe('what a step costs the database', () => {
  it('prints', async () => {
    const officer = new Chat(h, 'U3333333333333333333333333333cccc');
    const { code } = await createInvite({ orgId: ORG, roles: ['officer'], unit: 'กองคลัง', position: null, validHours: 24 });
    await officer.say(`ลงทะเบียน ${code}`);
    const table: [string, SentCommand[]][] = [];
    const step = async (name: string, act: () => Promise<any[]>) => {
      const { replies, sent } = await costOf(act);
      table.push([name, sent]);
      return replies;
    };
    const list = await step('list', () => officer.say('รายงาน'));
    const status = await step('pick', () => officer.tap(postbackOf(list, 'รายงานความก้าวหน้า')));
    await step('status', () => officer.tap(postbackOf(status, 'กำลังดำเนินการ')));
    await step('summary', () => officer.say('ประชุมคณะทำงานแล้ว'));
    await step('outcome skip', () => officer.say('ข้าม'));
    await step('problems skip', () => officer.say('ข้าม'));
    await step('suggestions skip', () => officer.say('ข้าม'));
    const confirm = await step('disbursed skip', () => officer.say('ข้าม'));
    const saved = await step('confirm', () => officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')));
    expect(visibleText(saved)).toContain('บันทึกความก้าวหน้าแล้ว');
    expect(await ProgressReportModel.countDocuments()).toBe(1);
    await addStaff(ORG, 'U-exec', ['executive'], null);
    const exec = new Chat(h, 'U-exec');
    await step('summary (executive)', () => exec.say('สรุป'));
    const citizen = new Chat(h, 'Ua0000000000000000000000000000009');
    const start = await step('complaint start', () => citizen.say('ร้องเรียน'));
    await step('complaint kind', () => citizen.tap(postbackOf(start, 'ร้องเรียนทั่วไป')));
    await step('complaint story', () => citizen.say('ถนนหมู่ 3 เป็นหลุมลึก รถล้มหลายครั้ง'));
    await step('track', () => citizen.say('ติดตาม G2569-0001'));
    for (const [name, sent] of table) console.log(`${name}: ${sent.length} — ${describeCommands(sent)}`);
  });
});
