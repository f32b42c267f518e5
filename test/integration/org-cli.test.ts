import { describe, expect, it } from 'vitest';
import { OrganisationModel } from '../../src/db/models/organisation.js';
import { activeChannels, organisationSettings } from '../../src/db/organisation-store.js';
import { withOperatorCli } from '../support/cli.js';
import { newDataKey } from '../../src/security/crypto.js';
import { testSealer } from '../support/harness.js';
import { auditLog } from '../../src/db/admin-audit-store.js';

const ORG = 'default-org';
const BOT = 'U0123456789abcdef0123456789abcdef';
const { cli, cliWith } = withOperatorCli(ORG);

describe('cli org: the organisations of a deployment', () => {
  it('adds an organisation with its channel sealed, lists it without secrets, disables and enables it', async () => {
    const added = await cli('org', 'add', 'abt-bang-rak', '--name', 'องค์การบริหารส่วนตำบลบางรัก', '--province', 'ลพบุรี', '--bot-user-id', BOT, '--channel-secret', 'the-secret-b', '--access-token', 'the-token-b');
    expect(added).toContain('เพิ่มองค์กรและช่อง LINE แล้ว');
    // Sealed at rest: the stored document holds neither value in the clear; the app opens them with the key.
    const stored = JSON.stringify(await OrganisationModel.findById('abt-bang-rak').lean());
    expect(stored).not.toContain('the-secret-b');
    expect(stored).not.toContain('the-token-b');
    expect(await activeChannels(testSealer)).toEqual([{ orgId: 'abt-bang-rak', botUserId: BOT, channelId: '', secret: 'the-secret-b', accessToken: 'the-token-b' }]);

    const list = await cli('org', 'list');
    expect(list).toContain('abt-bang-rak · องค์การบริหารส่วนตำบลบางรัก · จังหวัดลพบุรี');
    expect(list).toContain(BOT);
    expect(list).not.toContain('the-secret-b');
    expect(list).not.toContain('the-token-b');

    expect(await cli('org', 'disable', 'abt-bang-rak')).toContain('ปิดใช้งานแล้ว');
    expect(await cli('org', 'list')).toContain('○ ปิดใช้งาน abt-bang-rak');
    expect(await activeChannels(testSealer)).toEqual([]);
    await cli('org', 'enable', 'abt-bang-rak');
    expect(await activeChannels(testSealer)).toHaveLength(1);
  }, 120_000);

  it('refuses to seal a channel with another data key than the database has, naming DATA_ENCRYPTION_KEY', async () => {
    const other = { DATA_ENCRYPTION_KEY: newDataKey() };
    await expect(cliWith(other, 'org', 'add', 'abt-other-key', '--name', 'อื่น', '--bot-user-id', BOT.replace('0', 'f'), '--channel-secret', 's', '--access-token', 't')).rejects.toThrow(
      /DATA_ENCRYPTION_KEY is not the key this database was encrypted with: nothing was saved/,
    );
    expect(await OrganisationModel.findById('abt-other-key').lean()).toBeNull();
    // The bot's start reads every channel: all of them still open with the database's key.
    expect(await activeChannels(testSealer)).toHaveLength(1);
  }, 120_000);

  it('refuses a taken code, a half-given channel and a malformed bot user id; `org --name` still edits the default organisation', async () => {
    await expect(cli('org', 'add', 'abt-bang-rak', '--name', 'ซ้ำ')).rejects.toThrow(/มีองค์กรรหัส abt-bang-rak อยู่แล้ว/);
    await expect(cli('org', 'add', 'new-org', '--name', 'ใหม่', '--bot-user-id', BOT)).rejects.toThrow(/ครบทั้งสามค่า/);
    await expect(cli('org', 'add', 'new-org', '--name', 'ใหม่', '--bot-user-id', 'not-an-id', '--channel-secret', 's', '--access-token', 't')).rejects.toThrow(/Bot user ID/);
    expect(await cli('org', '--name', 'เทศบาลตำบลหลัก')).toContain('เทศบาลตำบลหลัก (default-org)');
    expect(await cli('org', 'update', 'abt-bang-rak', '--district', 'เมือง')).toContain('อำเภอเมือง');
    // Its own thresholds and reminder days; `default` goes back to the deployment's.
    const own = await cli('org', 'update', 'abt-bang-rak', '--thresholds', 'ดี:60,พอใช้:0', '--round-reminder-days', '14,3');
    expect(own).toContain('เกณฑ์ระดับ: ดี 60, พอใช้ 0 · เตือนรอบรายงาน: 14, 3 · เตือน OIT: ค่าของระบบ');
    expect((await organisationSettings())('abt-bang-rak')).toMatchObject({ thresholds: [{ label: 'ดี', min: 60 }, { label: 'พอใช้', min: 0 }], roundReminderDaysBefore: [14, 3] });
    expect(await cli('org', 'update', 'abt-bang-rak', '--thresholds', 'default')).toContain('เกณฑ์ระดับ: ค่าของระบบ · เตือนรอบรายงาน: 14, 3');
    await expect(cli('org', 'update', 'abt-bang-rak', '--thresholds', 'ดี:60')).rejects.toThrow(/ระดับที่เริ่มที่ 0/);
  }, 120_000);

  it("sets a job's own time of day, lists it, goes back with default, and refuses an unknown job or a time that is not one", async () => {
    const set = await cli('org', 'update', 'abt-bang-rak', '--time', 'oit-url-check=0:00', '--time', 'monthly-summary=10:00');
    expect(set).toContain('เวลาของงาน: monthly-summary 10:00, oit-url-check 00:00');
    // Midnight has always passed: the operator is told it counts from tomorrow, and how to run today's by hand.
    expect(set).toMatch(/เวลาของ oit-url-check.* ผ่านไปแล้วสำหรับวันนี้ .*ORG_CODE=abt-bang-rak npm run cli -- jobs run/);
    expect((await organisationSettings())('abt-bang-rak').jobTimes).toEqual({ 'monthly-summary': '10:00', 'oit-url-check': '00:00' });
    expect(await cli('org', 'list')).toMatch(/abt-bang-rak · .* · เวลาของงาน: monthly-summary 10:00, oit-url-check 00:00/);
    // Another job's time and other settings leave the times already set alone.
    expect(await cli('org', 'update', 'abt-bang-rak', '--time', 'oit-url-check=default', '--round-reminder-days', '5')).toContain('เวลาของงาน: monthly-summary 10:00\n');

    await expect(cli('org', 'update', 'abt-bang-rak', '--time', 'monthly-report=09:00')).rejects.toThrow(/ไม่รู้จักงาน "monthly-report" \(มี follow-up, monthly-summary/);
    for (const wrong of ['24:00', '10:60', '9.30', 'ten']) {
      await expect(cli('org', 'update', 'abt-bang-rak', '--time', `monthly-summary=${wrong}`)).rejects.toThrow(new RegExp(`"${wrong.replace('.', '\\.')}" ไม่ใช่เวลา`));
    }
    await expect(cli('org', 'update', 'abt-bang-rak', '--time', '10:00')).rejects.toThrow(/ต้องเป็น <งาน>=<เวลา>/);
    expect((await organisationSettings())('abt-bang-rak').jobTimes).toEqual({ 'monthly-summary': '10:00' });

    expect(await cli('org', 'update', 'abt-bang-rak', '--time', 'monthly-summary=default')).toContain('เวลาของงาน: ตามเวลาของระบบทุกงาน');
    expect(await cli('org', 'list')).not.toContain('เวลาของงาน');
    const stored = await OrganisationModel.findById('abt-bang-rak').lean();
    expect(stored?.ownTimesOfDay).toBeUndefined();
    expect(stored?.settings?.jobTimes).toBeUndefined();
  }, 120_000);

  it('sets the digit style of the bot\'s own figures, lists it, goes back with default, and refuses any other', async () => {
    expect(await cli('org', 'update', 'abt-bang-rak', '--digits', 'thai')).toContain('ตัวเลข: เลขไทย ทั้งในแชตและเอกสารรายงาน');
    expect((await organisationSettings())('abt-bang-rak').digits).toBe('thai');
    expect(await cli('org', 'list')).toMatch(/abt-bang-rak · .* · เลขไทย/);
    await expect(cli('org', 'update', 'abt-bang-rak', '--digits', 'roman')).rejects.toThrow(/ต้องเป็น arabic หรือ thai หรือ default/);
    expect(await cli('org', 'update', 'abt-bang-rak', '--digits', 'default')).toContain('ตัวเลข: เลขอารบิกในแชต เอกสารรายงานตามแบบฟอร์ม (ค่าของระบบ)');
    expect((await organisationSettings())('abt-bang-rak').digits).toBeNull();
  }, 120_000);

  it('sets the time of the daily digest of notices or off, through the settings path (logged), and goes back with default', async () => {
    expect(await cli('org', 'update', 'abt-bang-rak', '--digest-time', '08:30')).toContain('การแจ้งเตือนรวมประจำวัน: 08:30 น. ทุกวัน');
    expect((await organisationSettings())('abt-bang-rak').digestTime).toBe('08:30');
    expect(await cli('org', 'update', 'abt-bang-rak', '--digest-time', 'off')).toContain('ส่งทันที: ข้อความแยกทีละเรื่อง');
    expect((await auditLog('abt-bang-rak', { limit: 5 })).map((e) => e.subject)).toContain('เวลาส่งการแจ้งเตือนรวมประจำวัน');
    await expect(cli('org', 'update', 'abt-bang-rak', '--digest-time', 'บ่าย')).rejects.toThrow(/off เพื่อส่งทันที/);
    expect(await cli('org', 'update', 'abt-bang-rak', '--digest-time', 'default')).toContain('การแจ้งเตือนรวมประจำวัน: ค่าของระบบ');
    expect((await organisationSettings())('abt-bang-rak').digestTime).toBeNull();
  }, 120_000);

  it('writes one management-log line for an organisation added and for its channel changed, naming the bot and never the secret or token; refuses a bot another organisation has', async () => {
    await cli('org', 'add', 'abt-logged', '--name', 'องค์การบริหารส่วนตำบลบันทึก', '--province', 'ลพบุรี');
    const other = BOT.replace('0123', '4567');
    expect(await cli('org', 'update', 'abt-logged', '--bot-user-id', other, '--channel-secret', 'the-secret-l', '--access-token', 'the-token-l')).toContain('บันทึกช่อง LINE แล้ว');
    const log = await auditLog('abt-logged', { limit: 10 });
    expect(log.map((l) => ({ action: l.action, via: l.actor.via, subject: l.subject, before: l.before, after: l.after }))).toEqual([
      { action: 'organisation.channel', via: 'cli', subject: 'ช่อง LINE', before: 'ยังไม่มีช่อง LINE', after: `ช่อง LINE (${other})` },
      { action: 'organisation.add', via: 'cli', subject: 'องค์การบริหารส่วนตำบลบันทึก', before: '', after: 'องค์การบริหารส่วนตำบลบันทึก (รหัส abt-logged) จังหวัดลพบุรี · ยังไม่มีช่อง LINE' },
    ]);
    expect(JSON.stringify(log)).not.toMatch(/the-secret-l|the-token-l/);
    // abt-bang-rak's bot: its webhooks could not be told apart.
    await expect(cli('org', 'update', 'abt-logged', '--bot-user-id', BOT, '--channel-secret', 's', '--access-token', 't')).rejects.toThrow(/เป็นขององค์กรอื่นอยู่แล้ว/);
    expect(await auditLog('abt-logged', { limit: 10 })).toHaveLength(2);
  }, 120_000);
});
