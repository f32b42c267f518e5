import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOrganisationSettings } from '../../src/db/organisation-store.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { budgetListData } from '../../src/features/budget/buttons.js';
import { unitKey } from '../../src/features/budget/budget.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * `ดูงบประมาณ` end to end, through signed webhooks against the real database: an officer reports an amount
 * through the report dialog, then an executive sees the organisation's budget by family and unit and its
 * lists, the officer sees their own items, and a citizen is refused.
 */
const ORG = 'test-org';
const FY = fiscalYearOf(new Date());

let h: Harness;
let officer: Chat;
let executive: Chat;
let citizen: Chat;

function planCsv(): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ,งบประมาณ'];
  rows.push(`EP-01,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส,2,กองคลัง,ตลอดปีงบประมาณ,${FY},"50,000"`);
  rows.push(`EP-02,anticorruption_project,2,โครงการอบรมคุณธรรมจริยธรรม,1,สำนักปลัด,ตลอดปีงบประมาณ,${FY},"30,000"`);
  rows.push(`EP-03,anticorruption_project,3,โครงการเผยแพร่ข้อมูลข่าวสาร,2,ทุกส่วนราชการ,ตลอดปีงบประมาณ,${FY},"20,000"`);
  rows.push(`ITA-01,ita_measure,4,มาตรการเปิดเผยข้อมูล,,กองคลัง,ตลอดปีงบประมาณ,${FY},`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

/** Collects the data of every postback button in the messages. */
function buttonData(messages: any[]): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'postback') out.push(node.data);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  return out;
}

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true, created: 4 });
  officer = new Chat(h, 'U7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a');
  executive = new Chat(h, 'U7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b7b');
  citizen = new Chat(h, 'U7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c');
  await addStaff(ORG, officer.userId, ['officer'], 'กองคลัง', 'สมศรี ใจดี');
  await addStaff(ORG, executive.userId, ['executive'], null, 'นายกเทศมนตรี');
  // The officer reports 12,500 baht spent on EP-01 the way officers do: through the report dialog.
  await officer.say('รายงาน');
  const askStatus = await officer.say('รายงาน EP-01');
  await officer.tap(postbackOf(askStatus, 'กำลังดำเนินการ'));
  await officer.say('จัดซื้อผ่านระบบ e-GP แล้ว 1 รายการ');
  await officer.say('ข้าม');
  await officer.say('ข้าม');
  const askAmount = await officer.say('ข้าม');
  expect(visibleText(askAmount)).toContain('ยอดเบิกจ่ายสะสม');
  const confirm = await officer.say('12500');
  expect(visibleText(await officer.tap(postbackOf(confirm, 'ยืนยันบันทึก')))).toContain('12,500.00');
});
afterAll(async () => {
  await setOrganisationSettings(ORG, { digits: null });
  await h?.close();
});

describe('ดูงบประมาณ', () => {
  it('shows an executive the whole plan: totals, each family and unit, and the projects nobody has reported an amount for', async () => {
    const answer = await executive.say('ดูงบประมาณ');
    expect(answer).toHaveLength(1);
    expect(answer[0].type).toBe('flex');
    const shown = visibleText(answer);
    expect(answer[0].altText).toBe(
      `งบประมาณและการเบิกจ่าย ปีงบประมาณ ${FY}: เบิกจ่าย 12,500.00 จาก 100,000.00 บาท (ร้อยละ 12.50) · ยังไม่รายงานการเบิกจ่าย 2 โครงการ · แผนปฏิบัติการป้องกันการทุจริต ร้อยละ 12.50`,
    );
    for (const unit of ['กองคลัง', 'สำนักปลัด', 'ทุกส่วนราชการ (ร่วมกัน)']) expect(shown).toContain(unit);
    // ITA-01 has no budget: no family of its own on the card.
    expect(shown).not.toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใส');

    // A unit's list, behind its own button.
    const unitButton = budgetListData({ kind: 'unit', key: unitKey('สำนักปลัด') });
    expect(buttonData(answer)).toContain(unitButton);
    const unitList = visibleText(await executive.tap(unitButton));
    expect(unitList).toContain('สำนักปลัด: งบประมาณ 30,000.00 บาท เบิกจ่ายแล้ว 0.00 บาท (ร้อยละ 0.00)');
    expect(unitList).toContain('EP-02 โครงการอบรมคุณธรรมจริยธรรม');
    expect(unitList).not.toContain('EP-01');

    // The projects without an amount, with the units to ask.
    const unreported = visibleText(await executive.tap(postbackOf(answer, 'รายการที่ยังไม่รายงาน')));
    expect(unreported).toContain('ยังไม่รายงานการเบิกจ่าย 2 โครงการ');
    expect(unreported).toContain('EP-02');
    expect(unreported).toContain('EP-03');
    expect(unreported).not.toContain('EP-01');

    // The family's list.
    const family = visibleText(await executive.tap(budgetListData({ kind: 'family', family: 'anticorruption_project' })));
    expect(family).toContain('• EP-01 โครงการจัดซื้อจัดจ้างโปร่งใส\n  งบประมาณ 50,000.00 บาท · เบิกจ่าย 12,500.00 บาท (ร้อยละ 25.00)');
  });

  it('shows an officer, asking in a sentence, only the items they answer for, and a button to report each unreported one', async () => {
    const answer = await officer.say('ขอดูการเบิกจ่ายงบประมาณหน่อยครับ');
    const shown = visibleText(answer);
    expect(shown).toContain('งบประมาณของรายการที่ท่านรับผิดชอบ');
    // EP-01 (กองคลัง) and EP-03 (every unit); not สำนักปลัด's EP-02.
    expect(answer[0].altText).toContain('เบิกจ่าย 12,500.00 จาก 70,000.00 บาท (ร้อยละ 17.86)');
    expect(shown).not.toContain('สำนักปลัด');
    const unreported = await officer.tap(postbackOf(answer, 'รายการที่ยังไม่รายงาน'));
    expect(visibleText(unreported)).toContain('EP-03');
    expect(visibleText(unreported)).not.toContain('EP-02');
    expect(unreported[0].quickReply.items.map((i: any) => i.action.text)).toEqual(['รายงาน EP-03']);
    // The button goes straight to the report on that item.
    expect(visibleText(await officer.say('รายงาน EP-03'))).toContain('EP-03');
    await officer.say('ยกเลิก');
  });

  it('is offered under the summary card, whose one disbursement figure it breaks down', async () => {
    const summary = await executive.say('สรุป');
    expect(summary.at(-1).quickReply.items.map((i: any) => i.action.text)).toContain('ดูงบประมาณ');
  });

  it('refuses a citizen politely, in Thai', async () => {
    const answer = await citizen.say('ดูงบประมาณ');
    expect(visibleText(answer)).toContain('คำสั่งนี้สำหรับผู้บริหาร ผู้ดูแลระบบ และเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น');
    expect(JSON.stringify(answer)).not.toContain('100,000');
    // A tapped budget button from someone else's chat gives nothing away either.
    expect(JSON.stringify(await citizen.tap(budgetListData({ kind: 'unreported' })))).not.toContain('EP-0');
  });

  it('writes the figures in Thai digits for an organisation that chose them', async () => {
    await setOrganisationSettings(ORG, { digits: 'thai' });
    await h.server.tenants.refresh();
    const answer = await executive.say('งบประมาณ');
    expect(answer[0].altText).toContain('เบิกจ่าย ๑๒,๕๐๐.๐๐ จาก ๑๐๐,๐๐๐.๐๐ บาท (ร้อยละ ๑๒.๕๐)');
    await setOrganisationSettings(ORG, { digits: null });
    await h.server.tenants.refresh();
  });
});
