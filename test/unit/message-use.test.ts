import { describe, expect, it } from 'vitest';
import { figures } from '../../src/domain/figures.js';
import { messageUseText, monthUse } from '../../src/domain/message-use.js';

const readAt = new Date('2026-12-05T02:00:00Z');
const kinds = [
  { kind: 'monthly-summary' as const, sends: 1, recipients: 5 },
  { kind: 'deadline-reminder' as const, sends: 3, recipients: 3 },
  { kind: 'executive-group' as const, sends: 2, recipients: 12 },
];

describe('สถิติข้อความ as text', () => {
  it('lists the kinds by what they cost, marks what a rule requires, and sets the total against the quota', () => {
    const text = messageUseText(monthUse('2026-12', kinds, { quota: 200, used: 20, month: '2026-12', readAt }), true);
    const lines = text.split('\n');
    expect(lines[0]).toBe('การใช้ข้อความ LINE เดือน ธ.ค. 2569');
    expect(text).toContain('ระบบส่งไป 20 ข้อความ แยกตามประเภท');
    expect(lines.filter((l) => l.startsWith('• '))).toEqual([
      '• ข้อความถึงกลุ่มผู้บริหาร 12 ข้อความ (ส่ง 2 ครั้ง)',
      '• สรุปรายเดือนถึงผู้บริหาร 5 ข้อความ (ส่ง 1 ครั้ง)',
      '• เตือนใกล้ครบกำหนด 15 วัน 3 ข้อความ (ส่ง 3 ครั้ง) *',
    ]);
    expect(text).toContain('โควตาของแพ็กเกจ 200 ข้อความต่อเดือน ใช้ไปแล้วร้อยละ 10 เหลือ 180 ข้อความ');
    expect(text).toContain('LINE นับว่าเดือนนี้ใช้ไป 20 ข้อความ (อ่านเมื่อ 5 ธ.ค. 2569 09:00 น.)');
    expect(text).not.toContain('ช่องทางอื่น');
  });

  it('writes its own figures in Thai digits for an organisation that chose them', () => {
    const text = messageUseText(monthUse('2026-12', kinds, { quota: 1500, used: 1234, month: '2026-12', readAt }), true, figures('thai'));
    expect(text).toContain('เดือน ธ.ค. ๒๕๖๙');
    expect(text).toContain('• ข้อความถึงกลุ่มผู้บริหาร ๑๒ ข้อความ (ส่ง ๒ ครั้ง)');
    expect(text).toContain('โควตาของแพ็กเกจ ๑,๕๐๐ ข้อความต่อเดือน ใช้ไปแล้วร้อยละ ๘๒ เหลือ ๒๖๖ ข้อความ');
    // LINE counted more than the bot sent: the account sent from elsewhere too.
    expect(text).toContain('ยอดของ LINE รวมข้อความที่ส่งจากช่องทางอื่นของบัญชีนี้ด้วย');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('says when LINE sets no limit, when it has not been read, and that it only knows the current month', () => {
    expect(messageUseText(monthUse('2026-12', [], { quota: null, used: 0, month: '2026-12', readAt }), true)).toContain('แพ็กเกจของบัญชีนี้ไม่จำกัดจำนวนข้อความต่อเดือน');
    expect(messageUseText(monthUse('2026-12', [], null), true)).toContain('ยังไม่ได้อ่านโควตาและยอดใช้จาก LINE');
    // A reading of another month is not this month's.
    expect(messageUseText(monthUse('2026-12', kinds, { quota: 200, used: 90, month: '2026-11', readAt }), true)).toContain('ยังไม่ได้อ่านโควตาและยอดใช้จาก LINE');
    const past = messageUseText(monthUse('2026-01', [], null), false);
    expect(past).toContain('เดือนนั้นระบบไม่ได้ส่งข้อความที่นับโควตา');
    expect(past).toContain('ยอดจาก LINE มีเฉพาะเดือนปัจจุบัน');
  });
});
