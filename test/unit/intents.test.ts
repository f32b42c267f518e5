import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { trackingNumberIn } from '../../src/domain/complaints.js';

/** What the router makes of a typed text: the feature's name and the argument it found. */
function heard(text: string, dialogUnderway = false) {
  const u = understand(FEATURES, { kind: 'text', text }, dialogUnderway);
  return u && { feature: u.feature.name, argument: u.argument };
}
const matchIntent = (text: string) => heard(text);
const parseCommand = (text: string) => heard(text, true);

describe('people understood in their own words (no dialog waiting)', () => {
  it.each([
    ['ร้องทุกข์', 'complaint'],
    ['แจ้งทุจริต', 'complaint'],
    ['ร้องเรียน', 'complaint'],
    ['แจ้งเรื่องร้องเรียน', 'complaint'],
    ['อยากร้องเรียนเรื่องถนน', 'complaint'],
    ['ขอแจ้งเบาะแสการทุจริตครับ', 'complaint'],
    ['มีเรื่องจะร้องเรียนค่ะ', 'complaint'],
    ['แจ้งปัญหาไฟฟ้าดับ', 'complaint'],
    ['เรื่องของฉัน', 'myCases'],
    ['เรื่องที่ผมแจ้งไว้', 'myCases'],
    ['ขอดูเรื่องของผมหน่อยครับ', 'myCases'],
    ['สถิติเรื่องร้องเรียน', 'complaintStats'],
    ['ส่งออกรายงาน', 'exportReport'],
    ['ขอดาวน์โหลดรายงานหน่อย', 'exportReport'],
    ['ขอสรุปผลการดำเนินงาน', 'summary'],
    ['สรุปครับ', 'summary'],
    ['รายงานความก้าวหน้า', 'report'],
    ['จะรายงานผลครับ', 'report'],
    ['OIT', 'oit'],
    ['itas', 'oit'],
    ['ข้อมูลเปิดเผย', 'oit'],
    ['จะกรอกข้อมูล OIT ครับ', 'oit'],
    ['เปิดเผยข้อมูลสาธารณะ', 'oit'],
    ['รอตรวจ', 'oitReview'],
    ['ภาพรวมจังหวัด', 'rollup'],
    ['ขอดูภาพรวมของอปท.ในอำเภอครับ', 'rollup'],
    ['ขอดูรายการรอตรวจ', 'oitReview'],
    ['ตรวจข้อมูล OIT', 'oitReview'],
    ['ใช้งานยังไง', 'help'],
    ['บอททำอะไรได้บ้าง', 'help'],
    ['เชื่อมกลุ่ม', 'linkGroup'],
    ['ผูกกลุ่มผู้บริหาร', 'linkGroup'],
    ['link group', 'linkGroup'],
    ['ขอรหัสเชื่อมกลุ่มผู้บริหารหน่อยครับ', 'linkGroup'],
    ['อยากให้สรุปส่งเข้ากลุ่ม ต้องเชื่อมกลุ่มยังไง', 'linkGroup'],
    ['เลิกเชื่อมกลุ่ม', 'unlinkGroup'],
    ['ขอยกเลิกการเชื่อมกลุ่มครับ', 'unlinkGroup'],
    ['unlink group', 'unlinkGroup'],
  ])('%s → %s', (text, kind) => {
    expect(matchIntent(text)?.feature).toBe(kind);
  });

  it.each([
    ['ติดตามG2570-0001', 'G2570-0001'],
    ['ติดตาม g2570-1', 'G2570-0001'],
    ['ขอติดตามเรื่อง C2570-0012 ครับ', 'C2570-0012'],
    ['สถานะเรื่อง G๒๕๗๐-๐๐๐๓', 'G2570-0003'],
    ['G2570-0004', 'G2570-0004'],
  ])('%s → track %s', (text, no) => {
    expect(matchIntent(text)).toEqual({ feature: 'track', argument: no });
  });

  // Greetings are pleasantries (issue 26): the router answers them briefly before any command is looked for.
  it.each(['ขอบคุณครับ', 'โอเค', '555', 'ถนนหน้าบ้านเป็นหลุม', 'สวัสดีครับ', 'Hello', '', '   '])('"%s" asks for nothing', (text) => {
    expect(matchIntent(text)).toBeNull();
  });

  it('puts the narrower phrase first: a complaint statistic is not a complaint, an export is not a report', () => {
    expect(matchIntent('สถิติร้องเรียนปีนี้')?.feature).toBe('complaintStats');
    expect(matchIntent('ขอสถิติเรื่องร้องเรียนปีงบประมาณ ๒๕๖๘ หน่อย')).toEqual({ feature: 'complaintStats', argument: '2568' });
    expect(parseCommand('สถิติร้องเรียน 2569')).toEqual({ feature: 'complaintStats', argument: '2569' });
    expect(parseCommand('สถิติเรื่องร้องเรียนปีงบประมาณ ๒๕๖๙')).toEqual({ feature: 'complaintStats', argument: '2569' });
    expect(parseCommand('สถิติร้องเรียน')).toEqual({ feature: 'complaintStats', argument: '' });
    expect(matchIntent('ส่งออกรายงานรอบ 6 เดือน')?.feature).toBe('exportReport');
    expect(matchIntent('เรื่องที่ร้องเรียนไว้')?.feature).toBe('myCases');
  });
});

describe('exact commands, which also work inside a dialog', () => {
  it('reads a tracking number written without a space, in either digit style', () => {
    expect(parseCommand('ติดตามG2570-0001')).toEqual({ feature: 'track', argument: 'G2570-0001' });
    expect(parseCommand('ติดตาม G๒๕๗๐-๐๐๐๑')).toEqual({ feature: 'track', argument: 'G2570-0001' });
    expect(parseCommand('ติดตาม')).toEqual({ feature: 'track', argument: '' });
  });

  it('names the channel when the request does: the bot\'s own names for the two kinds', () => {
    expect(matchIntent('แจ้งทุจริต')).toEqual({ feature: 'complaint', argument: 'corruption' });
    expect(matchIntent('ขอแจ้งเบาะแสครับ')).toEqual({ feature: 'complaint', argument: 'corruption' });
    expect(matchIntent('ร้องทุกข์')).toEqual({ feature: 'complaint', argument: 'general' });
    expect(matchIntent('อยากร้องเรียนเรื่องถนน')).toEqual({ feature: 'complaint', argument: '' });
  });

  it('knows Thai commands and English aliases, whole-message only', () => {
    expect(parseCommand('  รายงาน ')).toEqual({ feature: 'report', argument: '' });
    expect(parseCommand('REPORT')).toEqual({ feature: 'report', argument: '' });
    expect(parseCommand('ลงทะเบียน  abcd-2345')).toEqual({ feature: 'register', argument: 'abcd-2345' });
    expect(parseCommand('register')).toEqual({ feature: 'register', argument: '' });
    // Asking for help is heard at any question too (issue 26), in any wording that asks nothing else.
    expect(parseCommand('ช่วยเหลือด้วย')).toEqual({ feature: 'help', argument: '' });
    expect(parseCommand('ขอรายงานหน่อย')).toBeNull();
  });

  it('reads an invite code and an item code as people type them: lower case, Thai digits, with or without a space', () => {
    expect(parseCommand('ลงทะเบียนabcd-๒๓๔๕')).toEqual({ feature: 'register', argument: 'abcd-๒๓๔๕' });
    expect(parseCommand('register abcd 2345')).toEqual({ feature: 'register', argument: 'abcd 2345' });
    expect(parseCommand('ลงทะเบียนยังไงครับ')).toBeNull();
    expect(parseCommand('รายการ ep-๐๑')).toEqual({ feature: 'manageMeasure', argument: 'ep-๐๑' });
    expect(parseCommand('รายการEP-01')).toEqual({ feature: 'manageMeasure', argument: 'EP-01' });
  });

  it('reads a group link code after the command, in either digit style, and nothing else as one', () => {
    expect(parseCommand('เชื่อมกลุ่ม ABCD-2345')).toEqual({ feature: 'linkGroup', argument: 'ABCD-2345' });
    expect(parseCommand('เชื่อมกลุ่ม abcd-๒๓๔๕')).toEqual({ feature: 'linkGroup', argument: 'abcd-2345' });
    expect(parseCommand('เชื่อมกลุ่ม')).toEqual({ feature: 'linkGroup', argument: '' });
    expect(parseCommand('เลิกเชื่อมกลุ่ม')).toEqual({ feature: 'unlinkGroup', argument: '' });
    expect(parseCommand('เชื่อมกลุ่มยังไงครับ')).toBeNull();
  });

  it('does not take a sentence that starts with the word for a command', () => {
    expect(parseCommand('ติดตามผลการประชุมแล้ว')).toBeNull();
    expect(parseCommand('รายงานผลการประชุมคณะทำงาน')).toBeNull();
    expect(parseCommand('อยากร้องเรียนเรื่องถนน')).toBeNull();
  });

  it('finds a tracking number anywhere in a text, or says there is none', () => {
    expect(trackingNumberIn('เลขที่ c 2570 - 12 ค่ะ')).toBe('C2570-0012');
    expect(trackingNumberIn('ไม่มีเลขที่')).toBeNull();
  });
});

describe('an officer going to an item', () => {
  const officerMay = () => true;
  const citizenMay = (f: { name: string }) => !['report', 'summary', 'oit', 'oitReview', 'followUpResult'].includes(f.name);

  it('reads a code after "รายงาน" in any form, also while a dialog waits', () => {
    for (const dialog of [false, true]) {
      expect(heard('รายงาน EP-10', dialog)).toEqual({ feature: 'report', argument: 'EP-10' });
      expect(heard('รายงาน ep10', dialog)).toEqual({ feature: 'report', argument: 'ep10' });
      expect(heard('รายงานEP-๑๐', dialog)).toEqual({ feature: 'report', argument: 'EP-10' });
      expect(heard('report EP 10', dialog)).toEqual({ feature: 'report', argument: 'EP 10' });
      expect(heard('ขอรายงาน ITA-002-6', dialog)).toEqual({ feature: 'report', argument: 'ITA-002-6' });
    }
  });

  it('reads the words of a title after the verb, when no dialog waits', () => {
    expect(matchIntent('ขอรายงานโครงการจัดเวทีประชาคม')).toEqual({ feature: 'report', argument: 'โครงการจัดเวทีประชาคม' });
    expect(matchIntent('อยากรายงานเรื่องจัดเวทีประชาคม')).toEqual({ feature: 'report', argument: 'จัดเวทีประชาคม' });
    expect(matchIntent('ขอรายงาน EP-10 ครับ')).toEqual({ feature: 'report', argument: 'EP-10' });
    expect(matchIntent('ขอรายงาน EP-๑๐ หน่อยค่ะ')).toEqual({ feature: 'report', argument: 'EP-10' });
    // Nothing named: the list.
    expect(matchIntent('ขอรายงานหน่อยครับ')).toEqual({ feature: 'report', argument: '' });
    expect(matchIntent('จะรายงานผลครับ')).toEqual({ feature: 'report', argument: '' });
    expect(parseCommand('ขอรายงานโครงการจัดเวทีประชาคม')).toBeNull();
  });

  it('gives a sentence to the feature the sender may use: an officer\'s item, a citizen\'s complaint', () => {
    const sentence = 'รายงานมาตรการบริหารจัดการความเสี่ยงการทุจริต';
    expect(understand(FEATURES, { kind: 'text', text: sentence }, false, officerMay)?.feature.name).toBe('report');
    expect(understand(FEATURES, { kind: 'text', text: sentence }, false, citizenMay)?.feature.name).toBe('complaint');
    expect(understand(FEATURES, { kind: 'text', text: 'ขอแจ้งเบาะแสการทุจริตครับ' }, false, officerMay)?.feature.name).toBe('complaint');
    // Nothing the citizen may use fits: the feature that does answers, with its refusal.
    expect(understand(FEATURES, { kind: 'text', text: 'ขอรายงานความก้าวหน้า' }, false, citizenMay)?.feature.name).toBe('report');
  });
});

describe('a staff member\'s own name and position', () => {
  it.each([
    ['ข้อมูลของฉัน', 'profile', ''],
    ['profile', 'profile', ''],
    ['ข้อมูลส่วนตัว', 'profile', ''],
    ['แก้ไขชื่อ', 'profileEdit', 'name'],
    ['แก้ไขชื่อ-นามสกุล', 'profileEdit', 'name'],
    ['ขอเปลี่ยนชื่อหน่อยครับ', 'profileEdit', 'name'],
    ['แก้ไขตำแหน่ง', 'profileEdit', 'position'],
    ['แก้ตำแหน่งค่ะ', 'profileEdit', 'position'],
    ['edit position', 'profileEdit', 'position'],
  ])('%s → %s %s, inside a dialog too', (text, feature, argument) => {
    expect(parseCommand(text)).toEqual({ feature, argument });
  });

  it('reads a sentence asking for the profile when no dialog waits', () => {
    expect(matchIntent('ขอดูข้อมูลของผมหน่อยครับ')).toEqual({ feature: 'profile', argument: '' });
    expect(parseCommand('ขอดูข้อมูลของผมหน่อยครับ')).toBeNull();
  });

  it('keeps "เรื่องของฉัน" and OIT\'s "ข้อมูลเปิดเผย" for their own features, and a name typed as an answer an answer', () => {
    expect(matchIntent('เรื่องของฉัน')?.feature).toBe('myCases');
    expect(matchIntent('ข้อมูลเปิดเผยต่อสาธารณะ')?.feature).toBe('oit');
    expect(parseCommand('นางสาวสมศรี ใจดี')).toBeNull();
    expect(parseCommand('เจ้าพนักงานธุรการชำนาญงาน')).toBeNull();
  });
});
