import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../src/db/invite-store.js';
import { parseContact } from '../../src/features/complaint/dialog.js';
import { telUri } from '../../src/domain/complaints.js';
import { figures, parseDigitStyle } from '../../src/domain/figures.js';
import { complaintLine } from '../../src/flex/summary-message.js';
import { receiptMessage } from '../../src/flex/complaint-messages.js';
import { aComplaint } from '../support/complaint.js';

const at = new Date('2026-11-23T07:05:00Z');

describe('the bot writes its own figures in one digit style', () => {
  it('Arabic by default, Thai when the organisation chose them', () => {
    const arabic = figures();
    expect([arabic.count(12345), arabic.percent(83.333), arabic.percent(null), arabic.baht(1234.5), arabic.date(at), arabic.dateTime(at), arabic.fiscalYear(2570)]).toEqual([
      '12,345',
      '83.33',
      '-',
      '1,234.50',
      '23 พ.ย. 2569',
      '23 พ.ย. 2569 14:05 น.',
      '2570',
    ]);
    const thai = figures('thai');
    expect([thai.count(12345), thai.percent(83.333), thai.baht(1234.5), thai.date(at), thai.dateTime(at), thai.monthYear(at)]).toEqual([
      '๑๒,๓๔๕',
      '๘๓.๓๓',
      '๑,๒๓๔.๕๐',
      '๒๓ พ.ย. ๒๕๖๙',
      '๒๓ พ.ย. ๒๕๖๙ ๑๔:๐๕ น.',
      'พ.ย. ๖๙',
    ]);
    expect(['thai', ' Arabic ', 'roman'].map(parseDigitStyle)).toEqual(['thai', 'arabic', null]);
  });

  it('a receipt in Thai digits keeps its tracking number in ASCII, to be typed back', () => {
    const receipt = receiptMessage(aComplaint({ trackingNo: 'G2570-0012' }), figures('thai'));
    const shown = JSON.stringify(receipt);
    expect(shown).toContain('G2570-0012');
    expect(shown).toContain('ติดตาม G2570-0012');
    expect(shown).toContain('(๑๕ วัน)');
    expect(JSON.stringify(receiptMessage(aComplaint({ trackingNo: 'G2570-0012' })))).not.toMatch(/[๐-๙]/);
  });

  it('the summary and its complaints line follow the style given, with nothing left in the other', () => {
    const stats = { fiscalYear: 2570, all: { total: 12, completed: 4, inProgress: 8 }, overdue: 2, byKind: { corruption: { total: 1 } } } as unknown as Parameters<typeof complaintLine>[0];
    expect(complaintLine(stats, 'executives')).toBe('เรื่องร้องเรียนปีงบประมาณ 2570: ทั้งหมด 12 (แจ้งเบาะแสการทุจริต 1) · เสร็จ 4 · อยู่ระหว่างดำเนินการ 8 · เกินกำหนด 2');
    expect(complaintLine(stats, 'executives', figures('thai'))).toBe('เรื่องร้องเรียนปีงบประมาณ ๒๕๗๐: ทั้งหมด ๑๒ (แจ้งเบาะแสการทุจริต ๑) · เสร็จ ๔ · อยู่ระหว่างดำเนินการ ๘ · เกินกำหนด ๒');
  });
});

describe('what a person typed stays as typed', () => {
  it('a contact keeps its dashes, spaces and digits; the call button dials the digits', () => {
    expect(parseContact('สมชาย ใจดี 081-234-5678')).toEqual({ name: 'สมชาย ใจดี', phone: '081-234-5678' });
    expect(parseContact('๐๘๑ ๒๓๔ ๕๖๗๘ คุณสมหญิง')).toEqual({ name: 'คุณสมหญิง', phone: '๐๘๑ ๒๓๔ ๕๖๗๘' });
    expect(parseContact('+66 81 234 5678')).toEqual({ name: null, phone: '+66 81 234 5678' });
    expect(parseContact('สมชาย ใจดี')).toEqual({ name: 'สมชาย ใจดี', phone: null });
    expect(['081-234-5678', '๐๘๑ ๒๓๔ ๕๖๗๘', '+66 81 234 5678', '1234', null].map(telUri)).toEqual(['tel:0812345678', 'tel:0812345678', 'tel:+66812345678', null, null]);
  });

  it('invite and link codes are read in any case and digit style, with or without a dash', () => {
    expect(['abcd-๒๓๔๕', 'ABCD 2345', 'abcd2345'].map(normaliseCode)).toEqual(['ABCD-2345', 'ABCD-2345', 'ABCD-2345']);
  });
});
