import { describe, expect, it } from 'vitest';
import { inThaiDigits } from '../../src/line/thai-digits.js';

describe('one digit style in every message', () => {
  it('writes the words in Thai digits and leaves addresses, postback data and layout alone', () => {
    const [t, flex] = inThaiDigits([
      { type: 'text', text: 'เรื่อง G2570-0001 ดาวน์โหลด: https://bot.example/reports/a1b2?x=3 ใช้ได้ 30 นาที', quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'ปี 2570', data: 'a=rx&k=eplan-6-xlsx', displayText: 'รอบ 6 เดือน' } }] } },
      {
        type: 'flex',
        altText: 'สรุป 83.33%',
        contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', paddingAll: '12px', contents: [{ type: 'text', text: '15 โครงการ', size: 'xs', color: '#1E9E4A', flex: 2 }, { type: 'button', action: { type: 'uri', label: '2 ไฟล์', uri: 'https://bot.example/evidence/9' } }] } },
      },
    ]) as any[];
    expect(t.text).toBe('เรื่อง G๒๕๗๐-๐๐๐๑ ดาวน์โหลด: https://bot.example/reports/a1b2?x=3 ใช้ได้ ๓๐ นาที');
    expect(t.quickReply.items[0].action).toEqual({ type: 'postback', label: 'ปี ๒๕๗๐', data: 'a=rx&k=eplan-6-xlsx', displayText: 'รอบ ๖ เดือน' });
    expect(flex.altText).toBe('สรุป ๘๓.๓๓%');
    const [line, button] = flex.contents.body.contents;
    expect(line).toEqual({ type: 'text', text: '๑๕ โครงการ', size: 'xs', color: '#1E9E4A', flex: 2 });
    expect(button.action).toEqual({ type: 'uri', label: '๒ ไฟล์', uri: 'https://bot.example/evidence/9' });
    expect(flex.contents.body.paddingAll).toBe('12px');
  });
});
