import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/chat/features.js';
import { understand } from '../../src/chat/understand.js';
import { parseTrackingNumber, trackingNumbersIn } from '../../src/domain/complaints.js';

const heard = (text: string, dialogUnderway = false) => {
  const u = understand(FEATURES, { kind: 'text', text }, dialogUnderway);
  return u && { feature: u.feature.name, argument: u.argument };
};

describe('tracking numbers in the forms people write them', () => {
  it.each([
    ['G2570/0014', ['G2570-0014']],
    ['G 2570-0010', ['G2570-0010']],
    ['g25700007', ['G2570-0007']],
    ['c 2570 - 12', ['C2570-0012']],
    ['G๒๕๗๐-๐๐๑๔', ['G2570-0014']],
    ['2570-0012', ['G2570-0012', 'C2570-0012']],
    ['๒๕๗๐/๐๐๑๒', ['G2570-0012', 'C2570-0012']],
    ['เลขที่ G 2570-0010 ดำเนินการไปถึงไหนแล้ว', ['G2570-0010']],
    ['ขอดูความคืบหน้า 2570-0012', ['G2570-0012', 'C2570-0012']],
    ['G2570-0014 และ 2570-0015', ['G2570-0014']],
  ])('%s → %s', (text, numbers) => {
    expect(trackingNumbersIn(text)).toEqual(numbers);
  });

  it.each(['โทร 081-234-5678', 'วันที่ 25/12/2569', 'ปี 2570 งบ 500 บาท', 'แผนปี 2566-2570', 'ราว 2567/12', 'ไม่มีเลขที่'])('"%s" names no case', (text) => {
    expect(trackingNumbersIn(text)).toEqual([]);
  });

  it('reads a whole number with a slash', () => {
    expect(parseTrackingNumber('G2570/0014')).toBe('G2570-0014');
  });
});

describe('a message asking after a case goes to tracking', () => {
  it.each([
    ['ติดตาม G2570/0014', 'G2570-0014'],
    ['สถานะ G25700007', 'G2570-0007'],
    ['เลขที่ G 2570-0010 ดำเนินการไปถึงไหนแล้ว', 'G2570-0010'],
    ['ขอดูความคืบหน้า 2570-0012', 'G2570-0012 C2570-0012'],
    ['G2570-0014', 'G2570-0014'],
    ['g25700007 ครับ', 'G2570-0007'],
    ['๒๕๗๐-๐๐๑๒ ค่ะ', 'G2570-0012 C2570-0012'],
    ['เรื่อง C2570-0003 ถึงไหนแล้วคะ', 'C2570-0003'],
  ])('%s → track %s', (text, argument) => {
    expect(heard(text)).toEqual({ feature: 'track', argument });
  });

  it('the typed command "ติดตาม" works inside a dialog in the new forms too', () => {
    expect(heard('ติดตาม G2570/0014', true)).toEqual({ feature: 'track', argument: 'G2570-0014' });
    expect(heard('ติดตาม 2570-0012', true)).toEqual({ feature: 'track', argument: 'G2570-0012 C2570-0012' });
  });

  it('inside a dialog, a number with its letter alone or a short status question is tracking; a story or a bare letterless number stays an answer', () => {
    expect(heard('สถานะ G25700007', true)).toEqual({ feature: 'track', argument: 'G2570-0007' });
    expect(heard('G2570-0007 ครับ', true)).toEqual({ feature: 'track', argument: 'G2570-0007' });
    expect(heard('ขอดูความคืบหน้า 2570-0012', true)).toEqual({ feature: 'track', argument: 'G2570-0012 C2570-0012' });
    expect(heard('2570-0012', true)).toBeNull();
    expect(heard('เรื่องเดิม G2570-0001 ที่แจ้งไว้ยังไม่มีใครมาแก้ไขเลยครับ ถนนยังเป็นหลุมอยู่', true)).toBeNull();
  });

  it('a story that happens to hold a year range is not tracking', () => {
    expect(heard('ถนนสร้างปี 2566-2570 พังแล้ว')?.feature).not.toBe('track');
  });
});
