import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setOrganisationSettings } from '../../src/db/organisation-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf } from '../support/chat.js';
import { addStaff, report } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * An officer's list of items and report dialog write the bot's own figures (counts, dates, amounts) in the
 * organisation's digit style, while the codes and everything the officer or the plan typed stay as typed.
 * Through signed webhooks against the real database.
 */
const ORG = 'test-org';
const FY = fiscalYearOf(new Date());
const yy = (y: number) => String(y).slice(2);
const PERIOD = `ต.ค. ${yy(FY - 1)} - ก.ย. ${yy(FY)}`;
const SUMMARY = 'ประชุมคณะทำงาน 2 ครั้ง เมื่อ 20 พ.ย. 69 และประกาศผลครบ 12 รายการ';
const OUTCOME = 'ผู้ค้า 15 ราย ยื่นซองผ่านระบบ e-GP';
const THAI_DIGIT = /[๐-๙]/;
/** "23 พ.ย. 2569 14:05 น." written in Thai digits. */
const THAI_DATE_TIME = /[๐-๙]{1,2} [ก-ฮ.]+ [๐-๙]{4} [๐-๙]{2}:[๐-๙]{2} น\./;

let h: Harness;
let officer: Chat;

/** Everything a person reads in these messages, digits as the bot sent them (not read back into Arabic). */
function shown(messages: any[]): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    for (const key of ['text', 'label', 'altText']) if (typeof node[key] === 'string') out.push(node[key]);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  return out.join('\n');
}

function planCsv(): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ'];
  rows.push(`EP-01,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส 2 ระยะ,2,กองคลัง,${PERIOD},${FY},"50,000"`);
  for (let i = 1; i <= 9; i++) rows.push(`K-0${i},ita_measure,${10 + i},งานกองคลังลำดับที่ ${i},,กองคลัง,ตลอดปีงบประมาณ,${FY},`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

/** From the list to the saved report on EP-01, each step's answer kept. */
async function reportOnEp01(amount: string) {
  const list = await officer.say('รายงาน');
  const askStatus = await officer.say('รายงาน EP-01');
  const askSummary = await officer.tap(postbackOf(askStatus, 'กำลังดำเนินการ'));
  const askOutcome = await officer.say(SUMMARY);
  await officer.say(OUTCOME);
  await officer.say('ข้าม');
  const askDisbursed = await officer.say('ข้าม');
  const confirm = await officer.say(amount);
  const saved = await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก'));
  return { list, askSummary, askOutcome, askDisbursed, confirm, saved };
}

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true, created: 10 });
  officer = new Chat(h, 'U5656565656565656565656565656efef');
  await addStaff(ORG, officer.userId, ['officer'], 'กองคลัง', 'สมศรี ใจดี');
  // One item reported on earlier, one completed: the list shows a date and a count of completed items.
  await report(ORG, 'K-01', 'in_progress', new Date(`${FY - 543 - 1}-11-20T03:00:00Z`));
  await report(ORG, 'K-09', 'completed', new Date(`${FY - 543 - 1}-11-20T03:00:00Z`));
});
afterAll(async () => {
  await setOrganisationSettings(ORG, { digits: null });
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe("an officer's list and report, in the organisation's digit style", () => {
  it('by default: no Thai digit anywhere in the list, the questions or the cards', async () => {
    const steps = await reportOnEp01('12500');
    const all = shown(Object.values(steps).flat());
    expect(all).not.toMatch(THAI_DIGIT);
    expect(shown(steps.list)).toContain('แสดง 1–9 จาก 9 รายการ');
    expect(shown(steps.list)).toContain('ดำเนินการแล้วเสร็จอีก 1 รายการ');
    expect(shown(steps.list)).toContain(`20 พ.ย. ${FY - 1}`);
    expect(shown(steps.confirm)).toContain('12,500.00 จากงบประมาณ 50,000.00');
    expect(shown(steps.confirm)).toContain(SUMMARY);
    expect(shown(steps.saved)).toContain('เบิกจ่าย 12,500.00 บาท');
  });

  it('an organisation that chose Thai digits gets them in the figures, while codes and typed words stay as typed', async () => {
    await setOrganisationSettings(ORG, { digits: 'thai' });
    await h.server.tenants.refresh();
    const steps = await reportOnEp01('20000');

    // The list: counts, the last report's date and the page in Thai digits; the codes and the plan's own period as typed.
    const list = shown(steps.list);
    expect(list).toContain('แสดง ๑–๙ จาก ๙ รายการ');
    expect(list).toContain('ดำเนินการแล้วเสร็จอีก ๑ รายการ');
    expect(list).toMatch(/๒๐ พ\.ย\. [๐-๙]{4}/);
    expect(list).not.toContain(`20 พ.ย.`);
    expect(steps.list[0].altText).toBe('รายการที่ต้องรายงาน ๙ รายการ (หน้า ๑/๑)');
    expect(list).toContain('EP-01');
    expect(list).toContain('K-01');
    expect(list).toContain(PERIOD);
    expect(list).toContain('โครงการจัดซื้อจัดจ้างโปร่งใส 2 ระยะ');

    // The questions: the last report's date in Thai digits before its summary as typed; the example and the amounts.
    expect(shown(steps.askSummary)).toMatch(new RegExp(`ครั้งก่อน \\([๐-๙]{1,2} [ก-ฮ.]+ [๐-๙]{4}\\): ${SUMMARY}`));
    expect(shown(steps.askOutcome)).toContain('ผู้เข้าร่วม ๔๐ คน');
    expect(shown(steps.askDisbursed)).toContain('เบิกจ่ายสะสมที่รายงานไว้ ๑๒,๕๐๐.๐๐ บาท จากงบประมาณ ๕๐,๐๐๐.๐๐ บาท');

    // The confirmation and the saved card: amounts and the time in Thai digits; what the officer typed, as typed.
    const confirm = shown(steps.confirm);
    expect(confirm).toContain('๒๐,๐๐๐.๐๐ จากงบประมาณ ๕๐,๐๐๐.๐๐');
    expect(confirm).toContain(SUMMARY);
    expect(confirm).toContain(OUTCOME);
    expect(confirm).toContain('EP-01');
    const saved = shown(steps.saved);
    expect(saved).toContain('เบิกจ่าย ๒๐,๐๐๐.๐๐ บาท');
    expect(saved).toMatch(THAI_DATE_TIME);
    expect(saved).toContain(SUMMARY);
    expect(saved).toContain(OUTCOME);
  });
});
