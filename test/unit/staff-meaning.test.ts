/**
 * Issue 26, staff side: a staff member's request read by its cue words, whatever the particles, dialect,
 * slips or English around it, and taken for what it means to the person writing (their role). The
 * sentences are written for this test, not taken from the labelled phrase set that measures the bot.
 */
import { describe, expect, it } from 'vitest';
import type { Sender } from '../../src/features/common/context.js';
import { FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import type { StaffRole } from '../../src/domain/roles.js';

function senderOf(role: StaffRole | 'citizen'): Sender {
  if (role === 'citizen') return { userId: 'U1', userKey: 'k', staff: null, roles: [] };
  const staff = { lineUserId: 'U1', displayName: 'ทดสอบ', roles: [role], unit: 'สำนักปลัด', position: null, scope: role === 'supervisor' ? 'province:อ่างทอง' : null };
  return { userId: 'U1', userKey: 'k', staff: staff as unknown as Sender['staff'], roles: [role] };
}

/** What the bot takes a first message for, from this person: the feature and the argument it found. */
function heard(role: StaffRole | 'citizen', text: string) {
  const sender = senderOf(role);
  const u = understand(FEATURES, { kind: 'text', text }, false, (f) => !f.allowed || f.allowed(sender));
  return u && { feature: u.feature.name, argument: u.argument, theirs: !u.feature.allowed || u.feature.allowed(sender) };
}
const feature = (role: StaffRole | 'citizen', text: string) => {
  const h = heard(role, text);
  return h && (h.theirs ? h.feature : `refused:${h.feature}`);
};

describe('an officer reporting progress, in their own words', () => {
  it.each([
    'ส่งงานครับ', 'ขอส่งงานหน่อยนะคะ', 'อัปเดตความคืบหน้าค่ะ', 'อัพเดทงานครับ', 'update ครับ', 'บันทึกผลการดำเนินงานค่ะ',
    'ลงผลการดำเนินงานให้หน่อย', 'รายานผลค่ะ', 'สิส่งรายงานเด้อ', 'มาส่งผลงานเจ้า', 'ความก้าวหน้าโครงการค่ะ', 'submit progress',
    'มีงานค้างส่งไหมครับ', 'งานที่ฉันรับผิดชอบ', 'ทำงานเสร็จแล้วครับ', 'ผลการดำเนินงานค่ะ', 'รายงนความคืบหนาค่ะ', 'รายงานการดำเนินงานตามมาตรการป้องกันการทุจริตค่ะ',
  ])('"%s" is a progress report', (text) => {
    expect(feature('officer', text)).toBe('report');
  });

  it('reads what the sentence names: an item\'s code or title words, not when or how often', () => {
    expect(heard('officer', 'ส่งงาน EP-๐๓ ค่ะ')?.argument).toBe('EP-03');
    expect(heard('officer', 'อัปเดตความคืบหน้าโครงการจัดเวทีประชาคมค่ะ')?.argument).toBe('โครงการจัดเวทีประชาคม');
    expect(heard('officer', 'ส่งรายงานประจำเดือนค่ะ')?.argument).toBe('');
    expect(heard('officer', 'งานที่ต้องรายงานเดือนนี้')?.argument).toBe('');
    expect(heard('officer', 'ขออัปเดตสถานะโครงการครับ')?.argument).toBe('');
  });

  it('leaves OIT, the profile and a bribe report to their own features', () => {
    expect(feature('officer', 'อัปเดตข้อมูลเปิดเผยต่อสาธารณะค่ะ')).toBe('oit');
    expect(feature('officer', 'ตอบ ITA ข้อ o10 ครับ')).toBe('oit');
    expect(feature('officer', 'โอไอทีค่ะ')).toBe('oit');
    expect(feature('officer', 'เปลี่ยนชื่อที่ใช้ในรายงานค่ะ')).toBe('profileEdit');
    expect(feature('officer', 'ขอแจ้งเบาะแสการทุจริตครับ')).toBe('complaint');
  });
});

describe('an executive: the summary, the report files and the complaint statistics', () => {
  it.each([
    'ขอดูภาพรวมหน่อยค่ะ', 'สรุปให้หน่อยจ้า', 'ตอนนี้ทำไปกี่โครงการแล้ว', 'ดำเนินการไปแล้วกี่เปอร์เซ็นต์ครับ', 'มีอะไรล่าช้าบ้างคะ',
    'งานคืบหน้าแค่ไหนแล้ว', 'ขอรายงานความก้าวหน้าหน่อยครับ', 'dashboard please', 'ผลงานเป็นจั่งใด๋แล้วเด้อ', 'แผนป้องกันการทุจริตไปถึงไหนแล้ว',
    'ขออัปเดตหน่อยครับ', 'ตัวชี้วัดตอนนี้เป็นยังไง', 'ขอดูความคืบหน้าหน่อยค่ะ', 'งานเป็นไงบ้าง', 'ข้อมูลล่าสุดครับ', 'เช็คงานหน่อย',
    'ช่วงนี้เป็นไงบ้าง', 'ทำอะไรไปแล้วบ้างคะ', 'เป็นไปตามแผนไหม', 'โครงการไหนช้า', 'งานเป็นจะใดพ่องเจ้า', 'status please', 'สรุบผลค่ะ', 'งานไปฮอดไสแล้ว', 'progress update please',
    // Comparison with last month, the plan as of a month's end, a percentage typed as a sign.
    'เทียบกับเดือนก่อนเป็นยังไงบ้าง', 'ทำได้กี่ % แล้วครับ', 'สถานะแผน ณ สิ้นเดือนนี้', 'ขออัพเดทแผนหน่อย',
  ])('"%s" is the summary', (text) => {
    expect(feature('executive', text)).toBe('summary');
  });

  it.each([
    'ขอเอกสารรายงานผลการดำเนินงานตามแผนป้องกันการทุจริตครับ', 'ขอรายงานหน่อยครับ', 'ขอไฟล์ word ค่ะ', 'ปริ้นรายงานให้หน่อย',
    'ขอรายงานรอบ 6 เดือนค่ะ', 'เอารายงานไปเสนอนายกครับ', 'ขอไฟล์รายงานความก้าวหน้า',
  ])('"%s" is a report file', (text) => {
    expect(feature('executive', text)).toBe('exportReport');
  });

  it.each([
    'มีเรื่องร้องเรียนค้างกี่เรื่องคะ', 'ยอดร้องทุกข์เดือนนี้', 'สรุปเรื่องร้องเรียนให้หน่อย', 'จำนวนคนร้องเรียนปีนี้ครับ', 'รายงานเรื่องร้องเรียนค่ะ',
    'เดือนนี้มีคนแจ้งเรื่องเข้ามากี่เรื่อง', 'how many complaints', 'ภาพรวมเรื่องร้องเรียนค่ะ', 'เรื่องร้องเรียนเดือนนี้',
  ])(
    '"%s" is the complaint statistics',
    (text) => {
      expect(feature('executive', text)).toBe('complaintStats');
    },
  );

  it('still files their own complaint or bribe report', () => {
    expect(feature('executive', 'ขอรายงานการทุจริตครับ')).toBe('complaint');
    expect(feature('executive', 'อยากร้องเรียนเรื่องถนนหน้าบ้าน')).toBe('complaint');
  });

  it('reads the officers\' "รายงาน" as the report files rather than refusing', () => {
    expect(feature('executive', 'report')).toBe('exportReport');
    expect(feature('executive', 'รายงาน')).toBe('exportReport');
  });

  it('refuses a citizen the executives\' command rather than reading it as something else', () => {
    expect(feature('citizen', 'สถิติร้องเรียน')).toBe('refused:complaintStats');
    expect(feature('officer', 'สรุป')).toBe('refused:summary');
    expect(feature('citizen', 'เป็นไงบ้างจ๊ะ')).toBeNull();
  });
});

describe('a supervising office: the roll-up', () => {
  it.each(['ภาพรวมค่ะ', 'สรุปให้หน่อยครับ', 'ผลงานของเทศบาลในอำเภอ', 'แห่งไหนยังไม่ส่งบ้าง', 'ภาพร่วมจังหวัด', 'ขอไฟล์ excel ทุกแห่งครับ'])('"%s" is the roll-up', (text) => {
    expect(feature('supervisor', text)).toBe('rollup');
  });

  it('an executive\'s overview of other organisations is refused with the way to their own', () => {
    expect(feature('executive', 'ภาพรวมทั้งจังหวัดครับ')).toBe('refused:rollup');
  });
});

describe('a staff member\'s own details', () => {
  it.each(['ดูโปรไฟล์หน่อย', 'ข้อมูลผมครับ', 'บัญชีของฉันค่ะ', 'my account', 'บทบาทของผมในระบบ', 'ตำแหน่งของฉันคืออะไร'])('"%s" is the profile', (text) => {
    expect(feature('officer', text)).toBe('profile');
  });

  it('keeps a name typed with a similar word an answer, not a request', () => {
    expect(heard('officer', 'แก้วตา ชื่นใจ')).toBeNull();
  });
});

describe('a new staff member sending an invite code', () => {
  it.each([
    ['ABCD-2345 ครับ', 'ABCD-2345'],
    ['abcd2345', 'abcd2345'],
    ['ABCD-๒๓๔๕ ค่ะ', 'ABCD-๒๓๔๕'],
    ['รหัสเชิญคือ ABCD-2345 นะคะ', 'ABCD-2345'],
    ['ได้รหัสมาว่า abcd 2345 ครับ', 'abcd 2345'],
    ['ลงทะเบียนเด้อ ABCD-2345', 'ABCD-2345'],
    ['ลงทะเบียนครับ รหัส ABCD-2345', 'ABCD-2345'],
    ['invite code: ABCD-2345', 'ABCD-2345'],
  ])('"%s" registers with %s', (text, code) => {
    expect(heard('citizen', text)).toMatchObject({ feature: 'register', argument: code });
  });

  it('takes the code out of the politeness after the command, even inside a dialog', () => {
    expect(understand(FEATURES, { kind: 'text', text: 'ลงทะเบียน ABCD-2345 ครับ' }, true)).toMatchObject({ argument: 'ABCD-2345' });
  });

  it('takes no case number or English word for a code', () => {
    expect(heard('citizen', 'รหัส 2570-0012')?.feature).not.toBe('register');
    expect(heard('citizen', 'feedback')).toBeNull();
  });
});

describe('words that belong to more than one role', () => {
  it('reads the plan\'s own name as the plan, never as a corruption report', () => {
    expect(feature('executive', 'ขอเอกสารรายงานแผนป้องกันการทุจริตค่ะ')).toBe('exportReport');
    expect(feature('executive', 'เช็คสถานะแผนป้องกันทุจริตหน่อย')).not.toBe('complaint');
    expect(feature('citizen', 'แผนป้องกันการทุจริตของเทศบาลดูได้ที่ไหน')).not.toBe('complaint');
    expect(heard('citizen', 'มีการทุจริตในโครงการป้องกันน้ำท่วม')).toMatchObject({ feature: 'complaint', argument: 'corruption' });
  });

  it('gives a citizen asking how far their own cases went the list of them, not an executive\'s summary', () => {
    expect(feature('citizen', 'ความคืบหน้าเรื่องที่ผมแจ้งไว้ไปถึงไหนแล้วครับ')).toBe('myCases');
  });
});

describe('an executive asking to be shown the results', () => {
  it.each(['รายงานผลให้ดูหน่อย', 'งานเป็นยังไงบ้าง'])('"%s" is the summary, not help', (text) => {
    expect(feature('executive', text)).toBe('summary');
  });
});
