import { describe, expect, it } from 'vitest';
import { askHandlingText, continueHandling, type HandlingDraft } from './dialog.js';
import { MAX_FREE_TEXT } from '../../dialogs/free-text.js';

const draft: HandlingDraft = { complaintId: 'c1', trackingNo: 'G2569-0007', mode: 'status', status: 'resolved' };
const text = (o: { replies: { type: string }[] }) => o.replies.map((r) => (r as { text?: string }).text ?? '').join('\n');

describe('the case handling dialog', () => {
  it('asks for the message the complainant will read, with the new status, and waits for it', () => {
    const ask = askHandlingText(draft);
    expect(text(ask)).toContain('G2569-0007 → ดำเนินการแล้วเสร็จ');
    expect(text(ask)).toContain('ผู้ร้องจะเห็นข้อความนี้');
    expect(ask.state).toMatchObject({ dialog: 'complaint_handling', step: 'text', data: draft });
  });

  it('says who will read it for each kind of writing', () => {
    expect(text(askHandlingText({ ...draft, mode: 'note', status: undefined }))).toContain('ผู้ร้องเรียนไม่เห็น');
    expect(text(askHandlingText({ ...draft, mode: 'explain', status: undefined }))).toContain('เกินกำหนด 15 วัน');
  });

  it('turns the typed text into one effect and ends the dialog', () => {
    const state = askHandlingText(draft).state!;
    const done = continueHandling(state as Parameters<typeof continueHandling>[0], { kind: 'text', text: '  ซ่อมถนนเสร็จแล้วครับ ' });
    expect(done.state).toBeNull();
    expect(done.effects).toEqual([{ type: 'handleComplaint', draft, text: 'ซ่อมถนนเสร็จแล้วครับ' }]);
  });

  it('refuses a photo, an empty or an over-long text, and keeps waiting', () => {
    const state = askHandlingText(draft).state! as Parameters<typeof continueHandling>[0];
    for (const input of [
      { kind: 'media' as const, mediaKind: 'image' as const, messageId: 'm', fileName: null },
      { kind: 'text' as const, text: '   ' },
      { kind: 'text' as const, text: 'ก'.repeat(MAX_FREE_TEXT + 1) },
    ]) {
      const o = continueHandling(state, input);
      expect(o.state).toBeUndefined();
      expect(o.effects ?? []).toEqual([]);
      expect(text(o)).not.toBe('');
    }
  });
});
