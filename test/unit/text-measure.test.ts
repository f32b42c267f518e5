import { describe, expect, it } from 'vitest';
import { lineHeight, textWidth, words, wrapLines } from '../../src/reports/text-measure.js';

describe('text measured in the report font (TH Sarabun New)', () => {
  it('gives Thai vowel and tone marks no width of their own, and bold more than regular', () => {
    expect(textWidth('ดับ', { size: 14 })).toBeCloseTo(textWidth('ดบ', { size: 14 }), 5);
    expect(textWidth('ลำดับ', { size: 14, bold: true })).toBeGreaterThan(textWidth('ลำดับ', { size: 14 }));
    expect(textWidth('ลำดับ', { size: 28 })).toBeCloseTo(2 * textWidth('ลำดับ', { size: 14 }), 5);
    // The font's ascent and descent: a 14 pt line is about 27 pt tall, as LibreOffice sets it.
    expect(lineHeight({ size: 14 })).toBeCloseTo(27.19, 1);
  });

  it('finds Thai words, keeps punctuation with them, breaks after a slash, and never splits an address or an English word', () => {
    expect(words('มาตรการ/กิจกรรม')).toEqual(['มาตรการ/', 'กิจกรรม']);
    expect(words('ต.ค. 67 - ก.ย. 68')).toEqual(['ต.ค.', '67', '-', 'ก.ย.', '68']);
    expect(words('ดูที่ https://www.facebook.com/abc/posts ทุกวัน')).toContain('https://www.facebook.com/abc/posts');
    expect(words('ประชาสัมพันธ์ผ่าน Facebook')).toContain('Facebook');
    expect(words('ประชาชนมีส่วนร่วม')).toEqual(['ประชาชน', 'มี', 'ส่วน', 'ร่วม']);
  });

  it('wraps between words as a word processor does, cutting a word only when it is wider than the whole line', () => {
    const text = 'ประชาชนมีส่วนร่วมในการตรวจสอบการปฏิบัติงานของเจ้าหน้าที่ ปีงบประมาณ 2568';
    const width = textWidth('ปีงบประมาณ', { size: 14 }) + 1;
    const wrapped = wrapLines(text, width, { size: 14 });
    expect(wrapped.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of wrapped) expect(textWidth(line, { size: 14 })).toBeLessThanOrEqual(width);
    expect(wrapped).toContain('ปีงบประมาณ');
    // Each line ends at a word's end: no word of the text is split across two lines.
    const all = words(text);
    for (const line of wrapped) expect(words(line).every((w) => all.includes(w))).toBe(true);
    expect(wrapLines('ประชาสัมพันธ์', 20, { size: 14 }).length).toBeGreaterThan(1);
    expect(wrapLines('ก\nข', 200, { size: 14 })).toEqual(['ก', 'ข']);
  });
});
