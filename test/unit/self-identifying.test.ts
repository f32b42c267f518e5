import { describe, expect, it } from 'vitest';
import { findSelfIdentifying, removeFindings } from '../../src/domain/self-identifying.js';

const found = (text: string) => findSelfIdentifying(text).map((f) => [f.kind, f.text]);

describe('what in a corruption story may say who the reporter is', () => {
  it('finds the reporter introducing themselves, with a surname when one follows', () => {
    expect(found('ผมชื่อมานะ ใจดี เห็นปลัดรับเงินจากผู้รับเหมา')).toEqual([['name', 'ผมชื่อมานะ ใจดี']]);
    expect(found('ดิฉันชื่อนางสาวสมศรี มีสุข อยู่หมู่ 3')).toEqual([['name', 'ดิฉันชื่อนางสาวสมศรี มีสุข']]);
    expect(found('กระผมชื่อ มานะ นามสกุล ใจดี ขอแจ้งว่า')).toEqual([['name', 'กระผมชื่อ มานะ นามสกุล ใจดี']]);
    expect(found('ข้าพเจ้า นายมานะ ใจดี อายุ 40 ปี')).toEqual([['name', 'ข้าพเจ้า นายมานะ ใจดี']]);
  });

  it('stops at the story going on after a first name', () => {
    expect(found('ผมชื่อมานะ เห็นปลัดรับเงินจากผู้รับเหมาทุกเดือน')).toEqual([['name', 'ผมชื่อมานะ']]);
    expect(found('ผมชื่อมานะ อยู่หมู่ 3 ตำบลโพธิ์ทอง')).toEqual([['name', 'ผมชื่อมานะ']]);
  });

  it('flags any "ชื่อ … นามสกุล …", the accused\'s too: the reporter decides', () => {
    expect(found('ปลัดชื่อสมชาย นามสกุลทุจริตดี เรียกรับเงิน')).toEqual([['name', 'ชื่อสมชาย นามสกุลทุจริตดี']]);
  });

  it('finds Thai phone numbers in Arabic or Thai digits, with dashes, spaces or +66', () => {
    expect(found('ติดต่อผมได้ที่ 081-234-5678 ครับ')).toEqual([['phone', '081-234-5678']]);
    expect(found('โทร ๐๘๑ ๒๓๔ ๕๖๗๘ ได้ตลอด')).toEqual([['phone', '๐๘๑ ๒๓๔ ๕๖๗๘']]);
    expect(found('เบอร์0812345678')).toEqual([['phone', '0812345678']]);
    expect(found('หรือ +66 81 234 5678')).toEqual([['phone', '+66 81 234 5678']]);
    expect(found('บ้านเลขที่ 12 หมู่ 3 โทร 02-123-4567')).toEqual([['phone', '02-123-4567']]);
    expect(found('เบอร์ ๐๓๕-๖๑๒๓๔๕')).toEqual([['phone', '๐๓๕-๖๑๒๓๔๕']]);
  });

  it('flags the phone number of the accused\'s office as well', () => {
    expect(found('โทรไปที่กองคลัง 035-612345 ก็ไม่มีใครรับสาย')).toEqual([['phone', '035-612345']]);
  });

  it('finds LINE ids written after ไลน์ or line id, or as @name, as one span with a phone number used as an id', () => {
    expect(found('แอดไลน์ @mana99 มาได้')).toEqual([['line', 'ไลน์ @mana99']]);
    expect(found('line id: mana.99.')).toEqual([['line', 'line id: mana.99']]);
    expect(found('ไลน์ไอดี mana_99 ครับ')).toEqual([['line', 'ไลน์ไอดี mana_99']]);
    expect(found('ทักมาที่ @mana99')).toEqual([['line', '@mana99']]);
    expect(found('ไลน์ 0812345678')).toHaveLength(1);
  });

  it('leaves alone what identifies nobody: amounts, years, village numbers, dates, an e-mail, the word ไลน์ in a sentence', () => {
    for (const text of [
      'งบประมาณ 500,000 บาท ปี 2567 หมู่ 08',
      'เมื่อวันที่ 12/03/2567 เวลา 10.30 น.',
      'ผู้รับเหมาส่งทางไลน์ให้ปลัดทุกเดือน',
      'ผู้ถูกกล่าวหาชื่อสมชาย เป็นหัวหน้าพัสดุ',
      'เลขที่สัญญา 13/2567 วงเงิน 1,250,000.00 บาท',
      'ส่งอีเมลถึง contact@example.go.th แล้ว',
      'deadline คือ 30 ก.ย. 2567',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('removing what was found', () => {
  it('cuts exactly the spans and mends only the spacing they leave', () => {
    const text = 'ผมชื่อมานะ ใจดี เห็นปลัดรับเงิน  สองครั้ง ติดต่อ 081-234-5678 หรือไลน์ @mana99';
    expect(removeFindings(text, findSelfIdentifying(text))).toBe('เห็นปลัดรับเงิน  สองครั้ง ติดต่อ หรือ');
  });

  it('leaves a text with nothing found as typed', () => {
    const text = '  ปลัดรับเงิน ๕๐,๐๐๐ บาท\nเมื่อ 3 มี.ค.  ';
    expect(removeFindings(text, findSelfIdentifying(text))).toBe(text);
  });
});
