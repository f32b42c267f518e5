import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/admin-audit-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { StaffModel, staffId } from '../../src/db/models/staff.js';
import { updateOrganisation } from '../../src/db/organisation-store.js';
import { installedRichMenus } from '../../src/db/rich-menu-store.js';
import { changeStaffAccess, inviteStaff } from '../../src/db/staff-admin-store.js';
import { CLI_ACTOR } from '../../src/domain/admin-audit.js';
import { importPlan } from '../../src/plan-import/import-plan.js';
import { buttonOnBubbleOf, Chat, postbackOf, uriOf, visibleText } from '../support/chat.js';
import { CliFailed, cliEnv, runCliHere } from '../support/cli.js';
import { addStaff } from '../support/fixtures.js';
import { startHarness, testSealer, type Harness } from '../support/harness.js';

const ORG = 'test-org';
const ADMIN = 'U-staff-admin-0000000000000000000001';
let h: Harness;
let admin: Chat;

const cli = (...args: string[]) => runCliHere(cliEnv(mongoose.connection.name, ORG, h.line), ...args);
const record = (lineUserId: string) => StaffModel.findById(staffId(ORG, lineUserId)).lean();
const quickLabels = (messages: any[]): string[] => (messages.at(-1)?.quickReply?.items ?? []).map((i: any) => i.action.label);
const linesOf = async (action: string) => (await auditLog(ORG, { limit: 100 })).filter((l) => l.action === action);

beforeAll(async () => {
  h = await startHarness();
  await updateOrganisation(ORG, { name: 'องค์การบริหารส่วนตำบลโพธิ์ทอง' });
  expect(await importPlan(ORG, 'examples/plan-2568.csv')).toMatchObject({ ok: true });
  await addStaff(ORG, ADMIN, ['admin'], 'สำนักปลัด', 'สมชาย ผู้ดูแล');
  admin = new Chat(h, ADMIN);
  // The four menus installed, as the operator does once: every role change then relinks a menu.
  await cli('rich-menu');
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await ConversationModel.deleteMany({});
});

describe('เชิญเจ้าหน้าที่ from LINE', () => {
  it('asks roles, unit and position, then gives a code whose share button carries the registration message, and the code registers', async () => {
    let r = await admin.say('เชิญเจ้าหน้าที่');
    expect(visibleText(r)).toContain('เลือกบทบาทของผู้ที่จะเชิญ');
    r = await admin.tap(postbackOf(r, 'ผู้รายงานมาตรการ'));
    r = await admin.tap(postbackOf(r, 'ผู้บริหาร'));
    expect(visibleText(r)).toContain('เลือกแล้ว: เจ้าหน้าที่ผู้รับผิดชอบ, ผู้บริหาร');
    expect(quickLabels(r)).toContain('✓ ผู้บริหาร');
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    // The units of the staff and the year's plan, as buttons.
    expect(quickLabels(r)).toEqual(expect.arrayContaining(['สำนักปลัด', 'กองคลัง', 'ข้าม', 'ยกเลิก']));
    r = await admin.say('กองคลัง');
    expect(visibleText(r)).toContain('ตำแหน่งหรืองานที่รับผิดชอบ');
    r = await admin.say('นักวิชาการเงินและบัญชี');
    expect(visibleText(r)).toContain('ตรวจสอบก่อนออกรหัสเชิญ');
    expect(visibleText(r)).toContain('หน่วยงาน: กองคลัง');
    r = await admin.tap(postbackOf(r, 'ยืนยัน'));

    const share = new URL(uriOf(r, 'ส่งต่อคำเชิญ'));
    expect(`${share.origin}${share.pathname}`).toBe('https://line.me/R/share');
    const message = share.searchParams.get('text')!;
    expect(message).toContain('สมชาย ผู้ดูแล');
    expect(message).toContain('องค์การบริหารส่วนตำบลโพธิ์ทอง');
    expect(message).toContain('ใช้ได้ถึง');
    const code = /ลงทะเบียน ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(message)![1]!;
    expect(visibleText(r)).toContain(`รหัสเชิญ: ${code}`);
    expect(await ConversationModel.countDocuments({})).toBe(0);

    const newcomer = new Chat(h, 'U-staff-newcomer-000000000000000001');
    h.line.profiles.set(newcomer.userId, 'มาลี');
    expect(visibleText(await newcomer.say(`ลงทะเบียน ${code}`))).toContain('ลงทะเบียนเรียบร้อยแล้ว');
    expect(await record(newcomer.userId)).toMatchObject({ roles: ['officer', 'executive'], unit: 'กองคลัง', position: 'นักวิชาการเงินและบัญชี', active: true });

    const [line] = await linesOf('staff.invite');
    expect(line).toMatchObject({ subject: 'เจ้าหน้าที่ผู้รับผิดชอบ, ผู้บริหาร · กองคลัง', before: '', actor: { via: 'line', staffId: staffId(ORG, ADMIN), name: 'สมชาย ผู้ดูแล' } });
    expect(line!.after).toMatch(/^รหัสเชิญใช้ได้ถึง /);
    expect(JSON.stringify(await auditLog(ORG, { limit: 100 }))).not.toContain(code);
  }, 60_000);

  it('asks a supervisor’s scope as typed, refuses what it cannot read, and stores the scope', async () => {
    let r = await admin.say('เชิญเจ้าหน้าที่');
    r = await admin.tap(postbackOf(r, 'หน่วยกำกับดูแล'));
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    r = await admin.say('ข้าม');
    r = await admin.say('ข้าม');
    expect(visibleText(r)).toContain('ขอบเขต');
    r = await admin.say('ที่ไหนก็ได้');
    expect(visibleText(r)).toContain('อ่านขอบเขตไม่ได้');
    r = await admin.say('จังหวัดอ่างทอง/อำเภอโพธิ์ทอง');
    expect(visibleText(r)).toContain('ขอบเขต: อำเภอโพธิ์ทอง จังหวัดอ่างทอง');
    r = await admin.say('ยืนยัน');
    const code = /รหัสเชิญ: (\S+)/.exec(visibleText(r))![1]!;
    const office = new Chat(h, 'U-staff-supervisor-0000000000000001');
    await office.say(`ลงทะเบียน ${code}`);
    expect(await record(office.userId)).toMatchObject({ roles: ['supervisor'], scope: 'district:อ่างทอง/โพธิ์ทอง' });
  }, 60_000);

  it('comes back to its question after an answer to something else, and is cancelled with nothing made', async () => {
    let r = await admin.say('เชิญเจ้าหน้าที่');
    r = await admin.tap(postbackOf(r, 'ผู้บริหาร'));
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    r = await admin.say('ช่วยเหลือ');
    expect(visibleText(r)).toContain('"เชิญเจ้าหน้าที่"');
    expect(visibleText(r)).toContain('ผู้ที่จะเชิญสังกัดหน่วยงานใด');
    const before = (await linesOf('staff.invite')).length;
    await admin.say('ยกเลิก');
    expect(await ConversationModel.countDocuments({})).toBe(0);
    expect(await linesOf('staff.invite')).toHaveLength(before);
  }, 60_000);

  it('is not for anyone who is not an admin: no invitation starts, and a staff button is refused', async () => {
    await addStaff(ORG, 'U-staff-plain-officer', ['officer', 'executive'], 'กองช่าง');
    const officer = new Chat(h, 'U-staff-plain-officer');
    for (const asked of ['เชิญเจ้าหน้าที่', 'เจ้าหน้าที่']) {
      const r = visibleText(await officer.say(asked));
      expect(r).not.toContain('เลือกบทบาท');
      expect(r).not.toContain('สมชาย ผู้ดูแล');
    }
    expect(await ConversationModel.countDocuments({})).toBe(0);
    const r = await officer.tap(`a=sf.rx&p=${testSealer.userKey(ADMIN)}&b=16`);
    expect(visibleText(r)).toContain('สำหรับผู้ดูแลระบบเท่านั้น');
    expect((await record(ADMIN))!.active).toBe(true);
  });
});

describe('เจ้าหน้าที่: the list, role changes and revocation', () => {
  it('lists the active staff by unit with their roles, and changes roles once, relinking the person’s menu', async () => {
    const menus = (await installedRichMenus(ORG))!;
    await addStaff(ORG, 'U-staff-bee', ['officer'], 'กองช่าง', 'นายบี');
    let r = await admin.say('เจ้าหน้าที่');
    const shown = visibleText(r);
    expect(shown).toMatch(/เจ้าหน้าที่ \d+ คน/);
    expect(shown).toContain('นายบี');
    expect(shown).toContain('กองช่าง');

    r = await admin.tap(buttonOnBubbleOf(r, 'นายบี', 'เปลี่ยนบทบาท'));
    expect(visibleText(r)).toContain('บทบาทปัจจุบัน: เจ้าหน้าที่ผู้รับผิดชอบ');
    r = await admin.tap(postbackOf(r, '✓ ผู้รายงานมาตรการ'));
    r = await admin.tap(postbackOf(r, 'ผู้บริหาร'));
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    expect(visibleText(r)).toContain('เดิม: เจ้าหน้าที่ผู้รับผิดชอบ\nใหม่: ผู้บริหาร');
    // Shown first, saved only on confirmation.
    expect((await record('U-staff-bee'))!.roles).toEqual(['officer']);
    const confirm = postbackOf(r, 'ยืนยัน');
    r = await admin.tap(confirm);
    expect(visibleText(r)).toContain('บันทึกแล้ว');
    expect((await record('U-staff-bee'))!.roles).toEqual(['executive']);
    expect(h.line.richMenuOf('U-staff-bee')).toBe(menus.executive);
    expect(h.line.accepted(`/v2/bot/user/U-staff-bee/richmenu/${menus.executive}`)).toHaveLength(1);

    // The same confirmation pressed again changes nothing a second time.
    expect(visibleText(await admin.tap(confirm))).toContain('เป็นแบบนี้อยู่แล้ว');
    const lines = (await linesOf('staff.roles')).filter((l) => l.subject === 'นายบี');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ before: 'เจ้าหน้าที่ผู้รับผิดชอบ', after: 'ผู้บริหาร', actor: { via: 'line', name: 'สมชาย ผู้ดูแล' } });
  }, 60_000);

  it('does not save a confirmation once someone else has changed that person', async () => {
    await addStaff(ORG, 'U-staff-eff', ['officer'], 'กองช่าง', 'นายเอฟ');
    let r = await admin.tap(buttonOnBubbleOf(await admin.say('เจ้าหน้าที่'), 'นายเอฟ', 'เปลี่ยนบทบาท'));
    r = await admin.tap(postbackOf(await admin.tap(postbackOf(r, 'นิติกร')), 'ถัดไป'));
    await cli('staff', 'roles', staffId(ORG, 'U-staff-eff'), '--role', 'reviewer');
    expect(visibleText(await admin.tap(postbackOf(r, 'ยืนยัน')))).toContain('เพิ่งถูกเปลี่ยนโดยผู้อื่น');
    expect((await record('U-staff-eff'))!.roles).toEqual(['reviewer']);
  }, 60_000);

  it('keeps the change when LINE fails the relink, and says so', async () => {
    await addStaff(ORG, 'U-staff-cee', ['officer'], 'กองช่าง', 'นางซี');
    let r = await admin.tap(buttonOnBubbleOf(await admin.say('เจ้าหน้าที่'), 'นางซี', 'เปลี่ยนบทบาท'));
    r = await admin.tap(postbackOf(r, 'รับเรื่องร้องเรียน'));
    r = await admin.tap(postbackOf(r, 'ถัดไป'));
    h.line.failNext(500, { pathPrefix: '/v2/bot/user/U-staff-cee/richmenu' });
    r = await admin.tap(postbackOf(r, 'ยืนยัน'));
    expect(visibleText(r)).toContain('เปลี่ยนเมนูลัดของผู้นี้ไม่สำเร็จ');
    expect((await record('U-staff-cee'))!.roles).toEqual(['officer', 'complaint_officer']);
  }, 60_000);

  it('revokes after a confirmation, gives the citizen menu back, and answers old buttons politely', async () => {
    await addStaff(ORG, 'U-staff-dee', ['officer'], 'กองคลัง', 'นายดี');
    const list = await admin.say('เจ้าหน้าที่');
    const rolesButton = buttonOnBubbleOf(list, 'นายดี', 'เปลี่ยนบทบาท');
    let r = await admin.tap(buttonOnBubbleOf(list, 'นายดี', 'เพิกถอนสิทธิ์'));
    expect(visibleText(r)).toContain('เพิกถอนสิทธิ์ของ นายดี');
    expect((await record('U-staff-dee'))!.active).toBe(true);
    const confirm = postbackOf(r, 'ยืนยันเพิกถอน');
    r = await admin.tap(confirm);
    expect(visibleText(r)).toContain('เพิกถอนสิทธิ์ของ นายดี แล้ว');
    expect((await record('U-staff-dee'))!.active).toBe(false);
    expect(h.line.accepted('/v2/bot/user/U-staff-dee/richmenu').map((q) => q.method)).toEqual(['DELETE']);
    expect(visibleText(await admin.tap(confirm))).toContain('ถูกเพิกถอนสิทธิ์ไปแล้ว');
    expect(visibleText(await admin.tap(rolesButton))).toContain('ถูกเพิกถอนสิทธิ์ไปแล้ว');
    expect(visibleText(await admin.say('เจ้าหน้าที่'))).not.toContain('นายดี');
    expect((await linesOf('staff.revoke')).filter((l) => l.subject === 'นายดี')).toHaveLength(1);
  }, 60_000);

  it('answers a button naming someone of another organisation as not found, and changes nothing', async () => {
    await addStaff('other-org', 'U-staff-elsewhere', ['officer'], null, 'คนนอก');
    const r = await admin.tap(`a=sf.rx&p=${testSealer.userKey('U-staff-elsewhere')}&b=1`);
    expect(visibleText(r)).toContain('ไม่พบเจ้าหน้าที่คนนี้ในองค์กรของท่าน');
    expect((await StaffModel.findById(staffId('other-org', 'U-staff-elsewhere')).lean())!.active).toBe(true);
  });
});

describe('the last admin', () => {
  it('cannot be revoked or lose the admin role, from LINE or the CLI; with another admin, an admin may revoke themselves', async () => {
    const list = await admin.say('เจ้าหน้าที่');
    let r = await admin.tap(postbackOf(await admin.tap(buttonOnBubbleOf(list, 'สมชาย ผู้ดูแล', 'เพิกถอนสิทธิ์')), 'ยืนยันเพิกถอน'));
    expect(visibleText(r)).toContain('ผู้ดูแลระบบคนสุดท้าย');
    r = await admin.tap(buttonOnBubbleOf(list, 'สมชาย ผู้ดูแล', 'เปลี่ยนบทบาท'));
    r = await admin.tap(postbackOf(r, 'ผู้บริหาร'));
    r = await admin.tap(postbackOf(r, '✓ ผู้ดูแลระบบ'));
    r = await admin.tap(postbackOf(await admin.tap(postbackOf(r, 'ถัดไป')), 'ยืนยัน'));
    expect(visibleText(r)).toContain('ผู้ดูแลระบบคนสุดท้าย');
    expect(await record(ADMIN)).toMatchObject({ roles: ['admin'], active: true });

    for (const args of [['staff', 'revoke', staffId(ORG, ADMIN)], ['staff', 'roles', staffId(ORG, ADMIN), '--role', 'executive']]) {
      const failed = await cli(...args).then(() => null, (e: unknown) => e);
      expect(failed).toBeInstanceOf(CliFailed);
      expect((failed as CliFailed).stderr).toContain('ผู้ดูแลระบบคนสุดท้าย');
    }
    expect(await record(ADMIN)).toMatchObject({ roles: ['admin'], active: true });

    await addStaff(ORG, 'U-staff-second-admin', ['admin', 'executive'], 'สำนักปลัด', 'ผู้ดูแลคนที่สอง');
    const second = new Chat(h, 'U-staff-second-admin');
    const own = await second.say('เจ้าหน้าที่');
    r = await second.tap(postbackOf(await second.tap(buttonOnBubbleOf(own, 'ผู้ดูแลคนที่สอง', 'เพิกถอนสิทธิ์')), 'ยืนยันเพิกถอน'));
    expect(visibleText(r)).toContain('แล้ว');
    expect((await record('U-staff-second-admin'))!.active).toBe(false);
  }, 60_000);

  it('survives two admins removing each other at the same moment: one change is made, an admin remains', async () => {
    for (let round = 0; round < 8; round += 1) {
      const org = `race-org-${round}`;
      await addStaff(org, 'U-a', ['admin'], null, 'เอ');
      await addStaff(org, 'U-b', ['admin'], null, 'บี');
      const actor = (who: string) => ({ via: 'line' as const, staffId: staffId(org, who), name: who });
      const outcomes = await Promise.all([
        changeStaffAccess(org, { staffId: staffId(org, 'U-b'), change: 'revoke', actor: actor('U-a'), requestKey: `a${round}`, now: new Date() }),
        changeStaffAccess(org, { staffId: staffId(org, 'U-a'), change: { roles: ['executive'] }, actor: actor('U-b'), requestKey: `b${round}`, now: new Date() }),
      ]);
      expect(outcomes.filter((o) => o.result === 'changed')).toHaveLength(1);
      expect(await StaffModel.countDocuments({ orgId: org, roles: 'admin', active: true })).toBe(1);
    }
  }, 60_000);
});

describe('the CLI takes the same path', () => {
  it('`staff roles` changes roles, relinks the menu and logs the change; `invite` logs too', async () => {
    const menus = (await installedRichMenus(ORG))!;
    await addStaff(ORG, 'U-staff-cli', ['executive'], 'กองคลัง', 'นางสาวซีแอลไอ');
    const { stdout } = await cli('staff', 'roles', staffId(ORG, 'U-staff-cli'), '--role', 'officer', 'complaint_officer');
    expect(stdout).toContain('เดิม: ผู้บริหาร');
    expect(stdout).toContain('ใหม่: เจ้าหน้าที่ผู้รับผิดชอบ, เจ้าหน้าที่รับเรื่องร้องเรียน');
    expect((await record('U-staff-cli'))!.roles).toEqual(['officer', 'complaint_officer']);
    expect(h.line.richMenuOf('U-staff-cli')).toBe(menus.handler);
    const [roles] = (await linesOf('staff.roles')).filter((l) => l.subject === 'นางสาวซีแอลไอ');
    expect(roles).toMatchObject({ actor: CLI_ACTOR, before: 'ผู้บริหาร', after: 'เจ้าหน้าที่ผู้รับผิดชอบ, เจ้าหน้าที่รับเรื่องร้องเรียน' });

    const invited = await cli('invite', '--role', 'reviewer', '--unit', 'กองช่าง');
    expect(invited.stdout).toContain('รหัสเชิญ:');
    expect((await linesOf('staff.invite')).find((l) => l.actor.via === 'cli')).toMatchObject({ subject: 'ผู้ตรวจสอบข้อมูลเปิดเผยต่อสาธารณะ · กองช่าง', actor: CLI_ACTOR });

    expect((await cli('staff', 'list')).stdout).toContain(`${staffId(ORG, 'U-staff-cli')} · นางสาวซีแอลไอ · เจ้าหน้าที่ผู้รับผิดชอบ, เจ้าหน้าที่รับเรื่องร้องเรียน · กองคลัง`);
    await cli('staff', 'revoke', staffId(ORG, 'U-staff-cli'));
    // Revoked with no roles left: a new invite gives only its own.
    expect((await cli('staff', 'list')).stdout).toContain(`${staffId(ORG, 'U-staff-cli')} · นางสาวซีแอลไอ · - · กองคลัง · (เพิกถอนแล้ว)`);
    expect((await linesOf('staff.revoke')).find((l) => l.subject === 'นางสาวซีแอลไอ')).toMatchObject({ actor: CLI_ACTOR, before: 'เจ้าหน้าที่ผู้รับผิดชอบ, เจ้าหน้าที่รับเรื่องร้องเรียน' });
  }, 60_000);
});

describe('a retried request', () => {
  it('gets the same invite code and the same change, with one log line each', async () => {
    const actor = { via: 'line' as const, staffId: staffId(ORG, ADMIN), name: 'สมชาย ผู้ดูแล' };
    const invite = { roles: ['officer' as const], unit: 'กองสาธารณสุขและสิ่งแวดล้อม', position: null, scope: null, validHours: 72, actor, now: new Date(), requestKey: 'event-retried-1' };
    const first = await inviteStaff(ORG, invite);
    expect(await inviteStaff(ORG, invite)).toEqual(first);
    expect((await linesOf('staff.invite')).filter((l) => l.subject.endsWith('กองสาธารณสุขและสิ่งแวดล้อม'))).toHaveLength(1);

    await addStaff(ORG, 'U-staff-gee', ['officer'], null, 'นายจี');
    const change = { staffId: staffId(ORG, 'U-staff-gee'), change: { roles: ['executive' as const] }, expectBefore: ['officer' as const], actor, requestKey: 'event-retried-2', now: new Date() };
    expect(await changeStaffAccess(ORG, change)).toMatchObject({ result: 'changed', before: ['officer'], after: ['executive'] });
    expect(await changeStaffAccess(ORG, change)).toMatchObject({ result: 'changed', before: ['officer'], after: ['executive'] });
    expect((await linesOf('staff.roles')).filter((l) => l.subject === 'นายจี')).toHaveLength(1);
  });
});
