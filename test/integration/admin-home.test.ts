import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, recordAudit } from '../../src/db/admin-audit-store.js';
import { auditPage, LOG_PAGE_LINES } from '../../src/features/admin-log/cards.js';
import { staffId } from '../../src/db/models/staff.js';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { CLI_ACTOR, ONBOARDING_ACTOR, type AuditEntryInput } from '../../src/domain/admin-audit.js';
import { fiscalYearOf } from '../../src/domain/fiscal-year.js';
import { figures } from '../../src/domain/figures.js';
import { limitViolations } from '../../src/line/limits.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { Chat, postbackOf, visibleText } from '../support/chat.js';
import { cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, type Harness } from '../support/harness.js';

/**
 * The admin's `จัดการ` and `บันทึกการจัดการ` end to end, through signed webhooks against the real database
 * and the fake LINE: the home card with the organisation's figures and a button for each admin command, the
 * log read a page at a time and paged back, both refused to everyone else; and the CLI's CSV export.
 */
const ORG = 'test-org';
const FY = fiscalYearOf(new Date());
const REFUSAL = 'คำสั่งนี้สำหรับผู้ดูแลระบบของหน่วยงานเท่านั้น';

let h: Harness;
let admin: Chat;
let officer: Chat;
let handler: Chat;
let citizen: Chat;

function planCsv(): string {
  const rows = ['รหัส,ประเภท,ลำดับ,มาตรการ/โครงการ,มิติ,หน่วยงานรับผิดชอบ,ระยะเวลา,ปีงบประมาณ'];
  rows.push(`EP-01,anticorruption_project,1,โครงการจัดซื้อจัดจ้างโปร่งใส,2,กองคลัง,ตลอดปีงบประมาณ,${FY}`);
  rows.push(`EP-02,anticorruption_project,2,โครงการอบรมคุณธรรมจริยธรรม,1,สำนักปลัด,ตลอดปีงบประมาณ,${FY}`);
  rows.push(`ITA-01,ita_measure,3,มาตรการเปิดเผยข้อมูล,,กองคลัง,ตลอดปีงบประมาณ,${FY}`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'plan.csv');
  writeFileSync(file, `\uFEFF${rows.join('\n')}\n`);
  return file;
}

/** Every message action's label and the text it sends, in order. */
function sentTexts(messages: any[]): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'message' && typeof node.text === 'string' && typeof node.label === 'string') out.push({ label: node.label, text: node.text });
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  return out;
}

const adminActor = () => ({ via: 'line' as const, staffId: staffId(ORG, admin.userId), name: 'นายสมชาย ใจดี' });

/** The log's lines as written, oldest first; the last three share one millisecond, as a bulk change may. */
function logLines(): { entry: AuditEntryInput; at: Date }[] {
  const base = Date.parse('2026-11-20T02:00:00Z');
  const lines: { entry: AuditEntryInput; at: Date }[] = [
    { entry: { action: 'organisation.add', actor: CLI_ACTOR, subject: 'องค์การบริหารส่วนตำบลบางรัก', before: '', after: 'เพิ่มหน่วยงานแล้ว' }, at: new Date(base) },
    { entry: { action: 'organisation.channel', actor: ONBOARDING_ACTOR, subject: 'ช่องทาง LINE', before: '', after: 'ตรวจสอบแล้ว' }, at: new Date(base + 60_000) },
  ];
  for (let i = 1; i <= 9; i++) {
    lines.push({ entry: { action: 'staff.invite', actor: adminActor(), subject: `เจ้าหน้าที่คนที่ ${i}`, before: '', after: 'เจ้าหน้าที่ผู้รายงาน · กองคลัง' }, at: new Date(base + (i + 1) * 3_600_000) });
  }
  const tie = new Date(base + 20 * 3_600_000);
  lines.push({ entry: { action: 'settings.change', actor: CLI_ACTOR, subject: 'เกณฑ์ระดับ', before: 'มาก 80', after: 'มาก 70' }, at: tie });
  lines.push({ entry: { action: 'staff.roles', actor: adminActor(), subject: 'นางสาวมาลี, ฝ่ายแผน', before: 'เจ้าหน้าที่ผู้รายงาน', after: 'เจ้าหน้าที่ผู้รายงาน, ผู้บริหาร' }, at: tie });
  lines.push({ entry: { action: 'staff.revoke', actor: adminActor(), subject: '=HYPERLINK("x")', before: 'ผู้บริหาร', after: '' }, at: tie });
  return lines;
}

beforeAll(async () => {
  h = await startHarness();
  expect(await importPlan(ORG, planCsv())).toMatchObject({ ok: true, created: 3 });
  await updateOrganisation(ORG, { name: 'องค์การบริหารส่วนตำบลบางรัก' });
  admin = new Chat(h, 'U8a8a8a8a8a8a8a8a8a8a8a8a8a8a8a8a');
  officer = new Chat(h, 'U8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b8b');
  handler = new Chat(h, 'U8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c');
  citizen = new Chat(h, 'U8d8d8d8d8d8d8d8d8d8d8d8d8d8d8d8d');
  await addStaff(ORG, admin.userId, ['admin', 'executive'], 'สำนักปลัด', 'สมชาย');
  await addStaff(ORG, officer.userId, ['officer'], 'กองคลัง', 'สมศรี');
  await addStaff(ORG, handler.userId, ['complaint_officer', 'officer'], 'สำนักปลัด', 'มานะ');
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('จัดการ: the admin’s home card', () => {
  it('shows the organisation, its year, its staff by role and its plan, with a button sending each admin command', async () => {
    const replies = await admin.say('จัดการ');
    expect(replies).toHaveLength(1);
    expect(replies[0].type).toBe('flex');
    expect(limitViolations(replies[0])).toEqual([]);
    const seen = visibleText(replies);
    expect(seen).toContain('องค์การบริหารส่วนตำบลบางรัก');
    expect(seen).toMatch(new RegExp(`ปีงบประมาณที่รายงาน\\n${FY}`));
    expect(seen).toMatch(/รายการในแผนประจำปี\n3 รายการ/);
    expect(seen).toMatch(/เจ้าหน้าที่ที่ใช้งาน\n3 คน/);
    expect(seen).toMatch(/• เจ้าหน้าที่ผู้รับผิดชอบ\n2 คน/);
    expect(seen).toMatch(/• ผู้บริหาร\n1 คน/);
    expect(seen).toMatch(/• ผู้ดูแลระบบ\n1 คน/);
    expect(seen).not.toContain('หน่วยงานกำกับดูแล');
    expect(sentTexts(replies)).toEqual(['นำเข้าไฟล์', 'เชิญเจ้าหน้าที่', 'เจ้าหน้าที่', 'ตั้งค่า', 'บันทึกการจัดการ'].map((t) => ({ label: t, text: t })));
  });

  it('is found from a sentence too, and listed in the admin’s help with its button', async () => {
    expect(visibleText(await admin.say('ขอเมนูผู้ดูแลระบบหน่อย'))).toContain('จัดการหน่วยงาน');
    const help = await admin.say('ช่วยเหลือ');
    expect(visibleText(help)).toContain('"จัดการ" ภาพรวมของหน่วยงาน');
    expect(visibleText(help)).toContain('"บันทึกการจัดการ"');
    expect(help.at(-1).quickReply.items.map((i: any) => i.action.label)).toEqual(expect.arrayContaining(['จัดการ', 'บันทึกการจัดการ']));
  });

  it('is refused politely to an officer, a handler and a citizen, with none of the organisation’s figures', async () => {
    for (const chat of [officer, handler, citizen]) {
      const replies = await chat.say('จัดการ');
      expect(replies.map((m) => m.type)).toEqual(['text']);
      expect(replies[0].text).toContain(REFUSAL);
      expect(visibleText(replies)).not.toContain('รายการในแผน');
    }
    expect(visibleText(await officer.say('ช่วยเหลือ'))).not.toContain('จัดการ');
  });
});

describe('บันทึกการจัดการ: the management log in LINE', () => {
  beforeAll(async () => {
    for (const { entry, at } of logLines()) await recordAudit(ORG, entry, at);
    // Another organisation's line is never shown here.
    await recordAudit('other-org', { action: 'staff.revoke', actor: CLI_ACTOR, subject: 'คนของที่อื่น', before: 'ผู้บริหาร', after: '' });
  });

  it('shows the newest lines first, readable, and pages back to the oldest without losing or repeating a line', async () => {
    const first = await admin.say('บันทึกการจัดการ');
    expect(first).toHaveLength(1);
    expect(limitViolations(first[0])).toEqual([]);
    const page1 = first[0].text as string;
    const f = figures();
    expect(page1.startsWith('บันทึกการจัดการ\n\n')).toBe(true);
    // The newest: three lines of one millisecond, then the invitations, newest first.
    expect(page1).toContain(`${f.dateTime(new Date(Date.parse('2026-11-20T02:00:00Z') + 20 * 3_600_000))} โดย นายสมชาย ใจดี ทาง LINE\nเพิกถอนสิทธิ์เจ้าหน้าที่: =HYPERLINK("x")\nเดิม ผู้บริหาร`);
    expect(page1).toContain('เปลี่ยนบทบาทเจ้าหน้าที่: นางสาวมาลี, ฝ่ายแผน\nเจ้าหน้าที่ผู้รายงาน → เจ้าหน้าที่ผู้รายงาน, ผู้บริหาร');
    expect(page1).toContain('โดย ผู้ดูแลระบบ (คำสั่ง)\nเปลี่ยนการตั้งค่า: เกณฑ์ระดับ\nมาก 80 → มาก 70');
    expect(page1).toContain('เชิญเจ้าหน้าที่: เจ้าหน้าที่คนที่ 9\nเป็น เจ้าหน้าที่ผู้รายงาน · กองคลัง');
    expect(page1).not.toContain('คนของที่อื่น');
    const subjects = (text: string) => [...text.matchAll(/^(?:เพิกถอนสิทธิ์เจ้าหน้าที่|เปลี่ยนบทบาทเจ้าหน้าที่|เปลี่ยนการตั้งค่า|เชิญเจ้าหน้าที่|ตั้งค่าช่องทาง LINE ของหน่วยงาน|เพิ่มหน่วยงาน): (.+)$/gm)].map((m) => m[1]);
    expect(subjects(page1)).toEqual(['=HYPERLINK("x")', 'นางสาวมาลี, ฝ่ายแผน', 'เกณฑ์ระดับ', ...[9, 8, 7, 6, 5, 4, 3].map((i) => `เจ้าหน้าที่คนที่ ${i}`)]);

    const older = await admin.tap(postbackOf(first, 'ก่อนหน้านี้'));
    const page2 = older[0].text as string;
    expect(page2.startsWith('บันทึกการจัดการ (ก่อนหน้า)')).toBe(true);
    expect(subjects(page2)).toEqual(['เจ้าหน้าที่คนที่ 2', 'เจ้าหน้าที่คนที่ 1', 'ช่องทาง LINE', 'องค์การบริหารส่วนตำบลบางรัก']);
    expect(page2).toContain('โดย หน้าเริ่มต้นใช้งาน\nตั้งค่าช่องทาง LINE ของหน่วยงาน: ช่องทาง LINE');
    expect(page2.endsWith('ไม่มีบันทึกก่อนหน้านี้แล้ว')).toBe(true);
    expect(() => postbackOf(older, 'ก่อนหน้านี้')).toThrow();
  });

  it('ends a page where LINE’s text limit would, and the next page starts at the first line left out, even within one millisecond', async () => {
    const long = 'ค่าที่ยาวมาก '.repeat(300);
    // One bulk change: every line of the same moment, so only the line itself can say where a page ended.
    const at = new Date('2026-11-25T02:00:00Z');
    for (let i = 1; i <= 8; i++) await recordAudit('long-org', { action: 'settings.change', actor: CLI_ACTOR, subject: `ค่าที่ ${i}`, before: long, after: long }, at);
    // The pages the chat builds, from the store it reads, followed through their "ก่อนหน้านี้" buttons.
    const seen: string[] = [];
    let page = auditPage(await auditLog('long-org', { limit: LOG_PAGE_LINES + 1 }), false, figures());
    let pages = 0;
    for (let guard = 0; guard < 10; guard++) {
      pages++;
      expect(limitViolations(page)).toEqual([]);
      const text = (page as any).text as string;
      seen.push(...[...text.matchAll(/^เปลี่ยนการตั้งค่า: (ค่าที่ \d)$/gm)].map((m) => m[1]!));
      const more = (page as any).quickReply.items.find((q: any) => q.action.label === 'ก่อนหน้านี้');
      if (!more) break;
      const params = new URLSearchParams(more.action.data);
      page = auditPage(await auditLog('long-org', { limit: LOG_PAGE_LINES + 1, before: new Date(Number(params.get('t'))), beforeId: params.get('i')! }), true, figures());
    }
    expect(seen).toEqual([8, 7, 6, 5, 4, 3, 2, 1].map((i) => `ค่าที่ ${i}`));
    expect(pages).toBeGreaterThan(1);
  });

  it('is refused to an officer, a handler and a citizen, by typing or by a made-up button, and shows them nothing of it', async () => {
    const forged = `a=al.p&t=${Date.parse('2026-12-31T00:00:00Z')}&i=${'f'.repeat(24)}`;
    for (const chat of [officer, handler, citizen]) {
      for (const replies of [await chat.say('บันทึกการจัดการ'), await chat.tap(forged)]) {
        expect(replies.map((m) => m.type)).toEqual(['text']);
        expect(replies[0].text).toContain(REFUSAL);
        expect(visibleText(replies)).not.toMatch(/เกณฑ์ระดับ|นางสาวมาลี|เจ้าหน้าที่คนที่/);
      }
    }
  });
});

describe('npm run cli -- audit export', () => {
  it('writes the whole log, oldest first, as a CSV with a Thai header that Excel opens as UTF-8', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'audit-')), 'log.csv');
    const { stdout } = await runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), 'audit', 'export', '--out', out);
    expect(stdout).toContain(`เขียนบันทึกการจัดการ 14 รายการแล้ว: ${out}`);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n');
    expect(rows[0]).toBe('วันเวลา (เวลาประเทศไทย),ช่องทาง,ผู้ดำเนินการ,การดำเนินการ,รายการ,ค่าเดิม,ค่าใหม่');
    expect(rows[1]).toBe('2026-11-20 09:00:00,คำสั่งผู้ดูแลระบบ,ผู้ดูแลระบบ (คำสั่ง),เพิ่มหน่วยงาน,องค์การบริหารส่วนตำบลบางรัก,,เพิ่มหน่วยงานแล้ว');
    expect(rows[2]).toBe('2026-11-20 09:01:00,หน้าเริ่มต้นใช้งาน,หน้าเริ่มต้นใช้งาน,ตั้งค่าช่องทาง LINE ของหน่วยงาน,ช่องทาง LINE,,ตรวจสอบแล้ว');
    expect(rows).toContain('2026-11-21 05:00:00,คำสั่งผู้ดูแลระบบ,ผู้ดูแลระบบ (คำสั่ง),เปลี่ยนการตั้งค่า,เกณฑ์ระดับ,มาก 80,มาก 70');
    expect(rows).toContain('2026-11-21 05:00:00,LINE,นายสมชาย ใจดี,เปลี่ยนบทบาทเจ้าหน้าที่,"นางสาวมาลี, ฝ่ายแผน",เจ้าหน้าที่ผู้รายงาน,"เจ้าหน้าที่ผู้รายงาน, ผู้บริหาร"');
    // A subject typed like a formula is shown, not run, by a spreadsheet.
    expect(rows).toContain('2026-11-21 05:00:00,LINE,นายสมชาย ใจดี,เพิกถอนสิทธิ์เจ้าหน้าที่,"\'=HYPERLINK(""x"")",ผู้บริหาร,');
    expect(rows.filter((r) => r.includes('เชิญเจ้าหน้าที่,เจ้าหน้าที่คนที่'))).toHaveLength(9);
    expect(rows.join('\n')).not.toContain('คนของที่อื่น');
    expect(rows.at(-1)).toBe('');
    expect(rows).toHaveLength(1 + 14 + 1);
  });
});
