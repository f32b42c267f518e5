import { describe, expect, it } from 'vitest';
import { fitReply } from '../../src/chat/fit-reply.js';
import { quickText, text } from '../../src/line/messages.js';

const image = { type: 'image' as const, originalContentUrl: 'https://x/a.jpg', previewImageUrl: 'https://x/a.jpg' };

describe('fitting an answer into one reply', () => {
  it('leaves an answer of five messages or fewer as it is', () => {
    const answer = [text('ก'), text('ข'), image];
    expect(fitReply(answer)).toEqual(answer);
  });

  it('joins neighbouring texts, in order, keeping the last quick replies, until five messages remain', () => {
    const answer = [text('หนึ่ง'), text('สอง'), text('สาม'), image, text('สี่'), text('ห้า', [quickText('ยกเลิก')])];
    const fitted = fitReply(answer);
    expect(fitted).toHaveLength(5);
    expect(fitted[0]).toEqual(text('หนึ่ง\n\nสอง'));
    expect(fitted.slice(1)).toEqual([text('สาม'), image, text('สี่'), text('ห้า', [quickText('ยกเลิก')])]);
  });

  it('keeps every message when nothing can be joined, for the sender to push in parts', () => {
    const answer = [text('แจ้ง'), image, image, image, image, text('ปิด')];
    expect(fitReply(answer)).toEqual(answer);
  });

  it('does not join texts that together pass LINE\'s 5,000 characters', () => {
    const answer = [text('ก'.repeat(3_000)), text('ข'.repeat(3_000)), image, image, image, image];
    expect(fitReply(answer)).toHaveLength(6);
  });
});
