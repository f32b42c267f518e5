import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { ProgressReportModel } from '../../src/db/models/progress-report.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { describeCommands, watchCommands, withCommandMonitoring, type SentCommand } from '../support/command-count.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

const ORG = 'test-org';
let h: Harness;
let commands: ReturnType<typeof watchCommands>;
/** The app's clock: it stands still unless a test moves it, so that what the app keeps for a while is kept. */
let clock = new Date();

function planCsv(year: number, codes: string[]): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ'];
  codes.forEach((code, i) => rows.push(`${code},anticorruption_project,${i + 1},โครงการ ${code} ของกองคลัง,2,กองคลัง,ตลอดปีงบประมาณ,${year},"50,000"`));
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  // No background sweep: its reads of the inbox would be counted with whichever step they fell in.
  h = await startHarness({ mongoUri: withCommandMonitoring(inject('mongoUri')), manualSweeps: true, now: () => clock });
  commands = watchCommands();
  expect(await importPlan(ORG, planCsv(2569, ['EP-01', 'EP-02']))).toMatchObject({ ok: true, created: 2 });
  await addStaff(ORG, 'U-officer', ['officer'], 'กองคลัง', 'สมศรี');
  await addStaff(ORG, 'U-exec', ['executive'], null, 'ปลัด');
});
afterAll(async () => {
  commands?.stop();
  await h?.close();
});

/**
 * The database commands of one step, from the signed webhook to the answer: intake (the event into the
 * inbox), processing (claim, who wrote, the dialog, the feature's reads and writes, the stored replies, the
 * inbox entry marked done). Measured 5 December 2026 (docs/performance.md): "was" before issue 23, then
 * before the done record became the inbox entry (one write for two) and the receipt was dropped (one insert).
 */
const BUDGET = {
  list: 7, // was 11, then 9
  pick: 8, // was 14, then 10
  status: 9, // was 14, then 11
  summary: 9, // was 14, then 11
  'outcome skipped': 9, // was 14, then 11
  'problems skipped': 9, // was 14, then 11
  'suggestions skipped': 9, // was 14, then 11
  'disbursement skipped': 8, // was 14, then 10
  confirm: 11, // was 17, then 13
  'executive summary': 10, // was 14, then 12
  'complaint begun': 8, // was 12, then 10
  'complaint kind': 7, // was 11, then 9
  'complaint story': 7, // was 11, then 9
  track: 7, // was 10, then 9
} as const;

/** Reads of one document (who wrote, the dialog, the measure, its last report, the organisation) made twice in a step. */
function readTwice(sent: SentCommand[]): string[] {
  const reads = sent.filter((c) => c.name === 'find').map((c) => c.collection);
  return reads.filter((c, i) => reads.indexOf(c) !== i && c !== 'complaints');
}

describe('what a step costs the database', () => {
  it('a report dialog step issues at most its budget of commands, reads nothing twice and never the organisation', async () => {
    const officer = new Chat(h, 'U-officer');
    const spent: Record<string, SentCommand[]> = {};
    const step = async (name: keyof typeof BUDGET, act: () => Promise<any[]>) => {
      commands.take();
      const replies = await act();
      spent[name] = commands.take();
      return replies;
    };
    const list = await step('list', () => officer.say('รายงาน'));
    const status = await step('pick', () => officer.tap(postbackOf(list, 'รายงานความก้าวหน้า')));
    await step('status', () => officer.tap(postbackOf(status, 'กำลังดำเนินการ')));
    await step('summary', () => officer.say('ประชุมคณะทำงานแล้ว'));
    await step('outcome skipped', () => officer.say('ข้าม'));
    await step('problems skipped', () => officer.say('ข้าม'));
    const askDisbursed = await step('suggestions skipped', () => officer.say('ข้าม'));
    expect(visibleText(askDisbursed)).toContain('50,000.00');
    const confirm = await step('disbursement skipped', () => officer.say('ข้าม'));
    const saved = await step('confirm', () => officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')));
    expect(visibleText(saved)).toContain('บันทึกความก้าวหน้าแล้ว');
    expect(await ProgressReportModel.find({ measureCode: 'EP-01' }).lean()).toMatchObject([{ fiscalYear: 2569, status: 'in_progress', summary: 'ประชุมคณะทำงานแล้ว' }]);

    const executive = new Chat(h, 'U-exec');
    expect(visibleText(await step('executive summary', () => executive.say('สรุป')))).toContain('สรุปผลการดำเนินงานล่าสุด');
    const citizen = new Chat(h, 'Ua0000000000000000000000000000009');
    const start = await step('complaint begun', () => citizen.say('ร้องเรียน'));
    await step('complaint kind', () => citizen.tap(postbackOf(start, 'ร้องเรียนทั่วไป')));
    await step('complaint story', () => citizen.say('ถนนหมู่ 3 เป็นหลุมลึก รถล้มหลายครั้ง'));
    await step('track', () => citizen.say('ติดตาม G2569-0001'));

    const over = Object.entries(spent)
      .filter(([name, sent]) => sent.length > BUDGET[name as keyof typeof BUDGET])
      .map(([name, sent]) => `${name}: ${sent.length} > ${BUDGET[name as keyof typeof BUDGET]} (${describeCommands(sent)})`);
    expect(over).toEqual([]);
    for (const [name, sent] of Object.entries(spent)) {
      expect({ name, readTwice: readTwice(sent) }).toEqual({ name, readTwice: [] });
      expect({ name, organisation: sent.filter((c) => c.collection === 'organisations').map((c) => c.name) }).toEqual({ name, organisation: [] });
    }
  });
});

describe("a report saved while a round's reminders run", () => {
  it('costs one write more (what the officer was told), reads all their items once instead of the one, and reads nothing twice', async () => {
    const today = clock;
    clock = new Date('2026-03-25T10:00:00+07:00');
    try {
      const officer = new Chat(h, 'U-officer');
      const status = await officer.say('รายงาน EP-02');
      await officer.tap(postbackOf(status, 'กำลังดำเนินการ'));
      await officer.say('ประชุมคณะทำงานแล้ว');
      for (let i = 0; i < 3; i++) await officer.say('ข้าม');
      const confirm = await officer.say('ข้าม');
      commands.take();
      const saved = await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
      const sent = commands.take();
      expect(visibleText(saved)).toContain('รายงานผลรอบ 6 เดือน ครบกำหนดอีก 6 วัน (ข้อมูล ณ 31 มี.ค. 2569)');
      expect(sent.length, describeCommands(sent)).toBeLessThanOrEqual(BUDGET.confirm + 1);
      expect(readTwice(sent)).toEqual([]);
    } finally {
      clock = today;
    }
  });
});

describe('the active year, kept in memory', () => {
  it('is the imported one at once after an import, and another process\'s change is seen a few seconds later', async () => {
    const officer = new Chat(h, 'U-officer');
    expect(visibleText(await officer.say('รายงาน'))).toContain('EP-01');

    // The next year's plan, imported by this process (as `npm run cli -- import` in the bot's own process would).
    expect(await importPlan(ORG, planCsv(2570, ['NX-01']))).toMatchObject({ ok: true, fiscalYear: 2570 });
    const next = visibleText(await officer.say('รายงาน'));
    expect(next).toContain('NX-01');
    expect(next).not.toContain('EP-01');

    // Another process (the CLI beside the running bot) puts the year back: the bot reads it again within 5 s.
    await OrganisationModel.updateOne({ _id: ORG }, { $set: { fiscalYear: 2569 } });
    clock = new Date(clock.getTime() + 6_000);
    const back = visibleText(await officer.say('รายงาน'));
    expect(back).toContain('EP-01');
    expect(back).not.toContain('NX-01');
  });
});
