import { describe, expect, it } from 'vitest';
import { continueComplaint, offerAnswer, offerStory, startComplaint } from './dialog.js';
import { figures } from '../../domain/figures.js';
import type { DialogInput, Outcome } from '../../dialogs/types.js';
import type { Message } from '../../line/messages.js';
import { COMPLAINT_ACTIONS } from './actions.js';


/** Walks the pure dialog through inputs, returning every outcome. */
function walk(...inputs: DialogInput[]): Outcome<unknown>[] {
  const outcomes: Outcome<unknown>[] = [startComplaint('evt-1')];
  for (const input of inputs) {
    const state = outcomes[outcomes.length - 1]!.state as Parameters<typeof continueComplaint>[0];
    outcomes.push(continueComplaint(state, input));
  }
  return outcomes;
}
const say = (t: string): DialogInput => ({ kind: 'text', text: t });
const kind = (k: string): DialogInput => ({ kind: 'postback', action: COMPLAINT_ACTIONS.complaintKind.name, params: { k } });
const shown = (o: Outcome<unknown>) => o.replies.map((m: Message) => ('text' in m ? m.text : '')).join('\n');

describe('the complaint dialog', () => {
  it('counts the corruption report\'s five questions truthfully, 1/5 to 5/5', () => {
    const steps = walk(kind('corruption'), say('นาย ก.'), say('เดือนที่แล้ว'), say('เรียกรับเงิน'), say('ข้าม')).slice(1);
    expect(steps.map((o) => shown(o).match(/(\d)\/(\d) /)?.[0].trim())).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('counts the general complaint\'s four questions, 1/4 to 4/4', () => {
    const steps = walk(kind('general'), say('ถนนเป็นหลุม'), say('ข้าม'), say('ไม่ประสงค์ออกนาม')).slice(1);
    expect(steps.map((o) => shown(o).match(/(\d)\/(\d) /)?.[0].trim())).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it("counts its questions in the organisation's Thai digits when it chose them", () => {
    const thai = figures('thai');
    const first = startComplaint('evt-1', 'general', thai);
    expect(shown(first)).toContain('๑/๔ ');
    const next = continueComplaint(first.state as Parameters<typeof continueComplaint>[0], say('ถนนหน้าบ้านเลขที่ 12 เป็นหลุม'), thai);
    expect(shown(next)).toContain('๒/๔ ');
    expect(shown(next)).not.toMatch(/[0-9]/);
  });

  it('takes a place typed in words where a location is asked, and shows it before sending', () => {
    const [, , , afterPlace, , confirm] = walk(kind('general'), say('ไฟทางดับ'), say('สำนักงานเทศบาล ชั้น 2 ห้องกองช่าง'), say('ไม่ประสงค์ออกนาม'), say('รับแจ้ง'));
    expect(afterPlace!.state?.data).toMatchObject({ location: { title: 'สำนักงานเทศบาล ชั้น 2 ห้องกองช่าง', latitude: null, longitude: null } });
    expect(shown(confirm!)).toContain('สถานที่: สำนักงานเทศบาล ชั้น 2 ห้องกองช่าง');
  });

  it('still asks again when the place is not text (a sticker)', () => {
    const [, , , again] = walk(kind('general'), say('ไฟทางดับ'), { kind: 'other', what: 'sticker' });
    expect(shown(again!)).toContain('พิมพ์ชื่อสถานที่');
    expect(again!.state).toMatchObject({ step: 'where' });
  });
});

describe('a story offered for filing (issue 26)', () => {
  const offered = (story: string, likely: 'general' | 'corruption' = 'general') => offerStory('evt-2', story, likely);
  const from = (o: Outcome<unknown>, input: DialogInput) => continueComplaint(o.state as Parameters<typeof continueComplaint>[0], input);

  it('counts only the questions left: the story is not asked again', () => {
    const general = from(offered('ไฟดับทั้งซอยครับ'), kind('general'));
    expect(shown(general)).toContain('1/3 เกิดที่ไหน');
    const corruption = from(from(from(offered('ปลัดรับสินบน', 'corruption'), kind('corruption')), say('ปลัด')), say('เมื่อวาน'));
    expect(shown(corruption)).toContain('3/4 เกิดที่ไหน');
  });

  it('takes typed answers with particles, and drops everything on "ไม่ใช่"', () => {
    expect(offerAnswer(say('ใช่ครับ'))).toBe('general');
    expect(offerAnswer(say('แจ้งเบาะแสทุจริต'))).toBe('corruption');
    expect(offerAnswer(say('ไม่ใช่ค่ะ'))).toBe('none');
    expect(offerAnswer(say('ติดตาม G2569-0001'))).toBeNull();
    expect(from(offered('ไฟดับทั้งซอยครับ'), say('ไม่ใช่ค่ะ')).state).toBeNull();
  });

  it('keeps the story exactly as typed', () => {
    const story = 'ไฟทางบ่ติดมาหลายมื้อแล้วเด้อ มาเบิ่งแน่ 555';
    const state = from(offered(story), kind('general')).state as { data: { description: string } };
    expect(state.data.description).toBe(story);
  });
});
