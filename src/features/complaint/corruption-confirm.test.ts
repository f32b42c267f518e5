import { describe, expect, it } from 'vitest';
import { continueComplaint, startComplaint } from './dialog.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import { CORRUPTION_PDPA_NOTICE_TH, SELF_IDENTIFYING_WARNING_TH } from '../../domain/corruption-privacy.js';
import type { Message } from '../../line/messages.js';
import { COMPLAINT_ACTIONS } from './actions.js';


/** The corruption dialog's confirm step when the story seems to say who the reporter is. */
type State = Parameters<typeof continueComplaint>[0];
const say = (t: string): DialogInput => ({ kind: 'text', text: t });

function toConfirm(story: string, kind: 'corruption' | 'general' = 'corruption'): Outcome<unknown> {
  let outcome: Outcome<unknown> = startComplaint('evt-1', kind);
  const answers = kind === 'corruption' ? ['นายสมมติ หัวหน้าพัสดุ', 'ต้นเดือนที่แล้ว', story, 'ข้าม', 'รับแจ้ง'] : [story, 'ข้าม', 'ไม่ประสงค์ออกนาม', 'รับแจ้ง'];
  for (const a of answers) outcome = continueComplaint(outcome.state as State, say(a));
  return outcome;
}
const next = (o: Outcome<unknown>, input: DialogInput) => continueComplaint(o.state as State, input);
const shown = (o: Outcome<unknown>) => o.replies.map((m: Message) => ('text' in m ? m.text : '')).join('\n');
const labels = (o: Outcome<unknown>) => o.replies.flatMap((m: any) => m.quickReply?.items.map((i: any) => i.action.label) ?? []);
const filed = (o: Outcome<unknown>) => (o.effects as any[] | undefined)?.find((e) => e.type === 'submitComplaint')?.complaint;

const STORY = 'ผมชื่อมานะ ใจดี เห็นหัวหน้าพัสดุรับเงินจากผู้รับเหมา ติดต่อผม 081-234-5678 หรือไลน์ @mana99';

describe('the corruption report\'s confirm step', () => {
  it('says what looks like the reporter\'s own name, phone and LINE id before filing, and offers to remove it', () => {
    const confirm = toConfirm(STORY);
    const text = shown(confirm);
    expect(text).toContain('อาจระบุตัวท่านได้');
    expect(text).toContain('• ชื่อ: ผมชื่อมานะ ใจดี');
    expect(text).toContain('• เบอร์โทรศัพท์: 081-234-5678');
    expect(text).toContain('• ไอดีไลน์: ไลน์ @mana99');
    expect(text).toContain(SELF_IDENTIFYING_WARNING_TH);
    expect(labels(confirm)).toEqual(['ลบข้อมูลนี้ออก', 'ส่งตามเดิม', 'ยกเลิก']);
    expect(filed(confirm)).toBeUndefined();
  });

  it('removes exactly what it found, shows the result, and files that', () => {
    const removed = next(toConfirm(STORY), say('ลบข้อมูลนี้ออก'));
    const cleaned = 'เห็นหัวหน้าพัสดุรับเงินจากผู้รับเหมา ติดต่อผม หรือ';
    expect(shown(removed)).toContain(`รายละเอียด: ${cleaned}`);
    expect(shown(removed)).not.toContain('อาจระบุตัวท่านได้');
    expect(labels(removed)).toEqual(['ยืนยันส่งเรื่อง', 'ยกเลิก']);
    const sent = next(removed, { kind: 'postback', action: COMPLAINT_ACTIONS.complaintSubmit.name, params: { d: 'evt-1' } });
    expect(filed(sent)).toMatchObject({ kind: 'corruption', description: cleaned, accused: 'นายสมมติ หัวหน้าพัสดุ' });
  });

  it('files the story as typed when the reporter sends it as it is', () => {
    const confirm = toConfirm(STORY);
    const asIs = (confirm.replies[0] as any).quickReply.items.find((i: any) => i.action.label === 'ส่งตามเดิม').action;
    const sent = next(confirm, { kind: 'postback', action: COMPLAINT_ACTIONS.complaintSubmit.name, params: Object.fromEntries(new URLSearchParams(asIs.data)) as Record<string, string> });
    expect(filed(sent)).toMatchObject({ description: STORY });
    expect(filed(next(toConfirm(STORY), say('ส่งตามเดิม')))).toMatchObject({ description: STORY });
  });

  it('asks nothing more of a story that says nothing of its reporter', () => {
    const confirm = toConfirm('หัวหน้าพัสดุรับเงินจากผู้รับเหมาโครงการถนนหมู่ 7 วงเงิน 500,000 บาท');
    expect(shown(confirm)).not.toContain('อาจระบุตัวท่านได้');
    expect(labels(confirm)).toEqual(['ยืนยันส่งเรื่อง', 'ยกเลิก']);
  });

  it('leaves general complaints alone: their contact is asked for on purpose', () => {
    expect(shown(toConfirm('ผมชื่อมานะ ใจดี ถนนหน้าบ้านเป็นหลุม โทร 081-234-5678', 'general'))).not.toContain('อาจระบุตัวท่านได้');
  });

  it('opens the corruption channel with a privacy notice that mentions no name or phone number it would keep', () => {
    const start = shown(startComplaint('evt-1', 'corruption'));
    expect(start).toContain(CORRUPTION_PDPA_NOTICE_TH);
    expect(start).not.toContain('ชื่อ/เบอร์ติดต่อ');
  });
});

describe('an answer that is neither choice at the confirm step', () => {
  it('names the two choices again when the story was pointed out', () => {
    const again = next(toConfirm(STORY), say('อะไรนะ'));
    expect(shown(again)).toContain('กด "ลบข้อมูลนี้ออก" หรือ "ส่งตามเดิม"');
    expect(labels(again)).toEqual(['ลบข้อมูลนี้ออก', 'ส่งตามเดิม', 'ยกเลิก']);
  });
});
