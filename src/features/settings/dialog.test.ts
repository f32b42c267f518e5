import { describe, expect, it } from 'vitest';
import type { DialogInput } from '../../dialogs/types.js';
import { figures } from '../../domain/figures.js';
import { askSetting, confirmDayRemoval, continueSettings, type SettingsDraft } from './dialog.js';

const say = (text: string): DialogInput => ({ kind: 'text', text });
const textOf = (replies: { type: string; text?: string }[]) => replies.map((r) => r.text ?? '').join('\n');
const labels = (replies: any[]) => (replies.at(-1)?.quickReply?.items ?? []).map((i: any) => i.action.label);
const facts = { today: '2026-12-05' };

const thresholds: SettingsDraft = { draftId: 'ev1', ask: 'thresholds', current: 'ค่าของระบบ (มากที่สุด 90, มาก 70, ปานกลาง 50, น้อย 30, น้อยที่สุด 0)' };

describe('changing a setting', () => {
  it('asks with what it is now, reads the typed value, and shows before → after with บันทึก and ยกเลิก', () => {
    const asked = askSetting(thresholds);
    expect(textOf(asked.replies)).toContain('ปัจจุบัน: ค่าของระบบ');
    expect(labels(asked.replies)).toEqual(['ใช้ค่าของระบบ', 'ยกเลิก']);
    const typed = continueSettings(asked.state as never, say('มาก ๗๐ ปานกลาง ๕๐ น้อย ๐'), facts);
    expect(textOf(typed.replies)).toBe('ตรวจสอบก่อนบันทึก\nเกณฑ์ระดับการดำเนินการ\nเดิม: ค่าของระบบ (มากที่สุด 90, มาก 70, ปานกลาง 50, น้อย 30, น้อยที่สุด 0)\nใหม่: มาก 70, ปานกลาง 50, น้อย 0');
    expect(labels(typed.replies)).toEqual(['บันทึก', 'ยกเลิก']);
    expect(typed.effects).toBeUndefined();

    const saved = continueSettings(typed.state as never, { kind: 'postback', action: 'st.save', params: { d: 'ev1' } }, facts);
    expect(saved.state).toBeNull();
    expect(saved.effects).toEqual([{ type: 'saveSetting', change: { key: 'thresholds', value: [{ label: 'มาก', min: 70 }, { label: 'ปานกลาง', min: 50 }, { label: 'น้อย', min: 0 }] }, shown: 'มาก 70, ปานกลาง 50, น้อย 0' }]);
  });

  it('keeps the question after a wrong value, saying what is expected, and saves nothing', () => {
    const wrong = continueSettings(askSetting(thresholds).state as never, say('มาก 70 ปานกลาง 50'), facts);
    expect(wrong.state).toBeUndefined();
    expect(wrong.effects).toBeUndefined();
    expect(textOf(wrong.replies)).toContain('ต้องมีระดับที่เริ่มที่ 0');
    expect(labels(wrong.replies)).toEqual(['ใช้ค่าของระบบ', 'ยกเลิก']);
  });

  it('goes back to the system value with its button', () => {
    const back = continueSettings(askSetting({ draftId: 'e', ask: 'jobTime', job: 'monthly-summary', jobTh: 'สรุปรายเดือนถึงผู้บริหาร', current: '10:00 น.' }).state as never, say('ใช้ค่าของระบบ'), facts);
    expect(textOf(back.replies)).toContain('เวลาของงาน สรุปรายเดือนถึงผู้บริหาร\nเดิม: 10:00 น.\nใหม่: ตามเวลาของระบบ');
    const saved = continueSettings(back.state as never, say('บันทึก'), facts);
    expect(saved.effects).toEqual([{ type: 'saveSetting', change: { key: 'jobTime', job: 'monthly-summary', jobTh: 'สรุปรายเดือนถึงผู้บริหาร', value: null }, shown: 'ตามเวลาของระบบ' }]);
  });

  it('writes its own figures in the organisation\'s digits, and what was typed as typed', () => {
    const thai = { ...facts, f: figures('thai') };
    const time = continueSettings(askSetting({ draftId: 'e', ask: 'jobTime', job: 'monthly-summary', jobTh: 'สรุปรายเดือนถึงผู้บริหาร', current: 'x' }).state as never, say('10:30'), thai);
    expect(textOf(time.replies)).toContain('ใหม่: ๑๐:๓๐ น.');
    const day = continueSettings(askSetting({ draftId: 'e', ask: 'dayOffAdd', current: '' }).state as never, say('14 ก.ย. 2570 งานวัด 3 วัน'), thai);
    expect(textOf(day.replies)).toContain('ใหม่: ๑๔ ก.ย. ๒๕๗๐ งานวัด 3 วัน');
  });

  it('says so when a day off added is off already, without refusing it', () => {
    const draft: SettingsDraft = { draftId: 'e', ask: 'dayOffAdd', current: '' };
    const alreadyOff = (date: string) => (date === '2027-09-18' ? 'วันเสาร์หรือวันอาทิตย์' : null);
    const weekend = continueSettings(askSetting(draft).state as never, say('18 ก.ย. 2570 งานวัด'), { ...facts, alreadyOff });
    expect(textOf(weekend.replies)).toContain('หมายเหตุ: วันนี้เป็นวันหยุดอยู่แล้ว (วันเสาร์หรือวันอาทิตย์)');
    expect(labels(weekend.replies)).toEqual(['บันทึก', 'ยกเลิก']);
    expect(textOf(continueSettings(askSetting(draft).state as never, say('14 ก.ย. 2570 งานวัด'), { ...facts, alreadyOff }).replies)).not.toContain('หมายเหตุ');
  });

  it('offers the choices as buttons where they are few', () => {
    expect(labels(askSetting({ draftId: 'e', ask: 'digits', current: 'x' }).replies)).toEqual(['เลขอารบิก', 'เลขไทย', 'ใช้ค่าของระบบ', 'ยกเลิก']);
    expect(labels(askSetting({ draftId: 'e', ask: 'itaLevel', current: 'x' }).replies)).toEqual(['AA', 'A', 'B', 'C', 'D', 'E', 'F', 'ยกเลิก']);
    expect(labels(askSetting({ draftId: 'e', ask: 'name', current: 'x' }).replies)).toEqual(['ยกเลิก']);
  });

  it('refuses the confirm button of another draft, and a typed value at the confirm step asks to confirm', () => {
    const confirm = continueSettings(askSetting(thresholds).state as never, say('มาก 70 น้อย 0'), facts);
    const stale = continueSettings(confirm.state as never, { kind: 'postback', action: 'st.save', params: { d: 'older' } }, facts);
    expect(stale.effects).toBeUndefined();
    expect(textOf(stale.replies)).toContain('ปุ่มนี้เป็นของรายการเก่า');
    const other = continueSettings(confirm.state as never, say('มาก 80 น้อย 0'), facts);
    expect(other.effects).toBeUndefined();
    expect(textOf(other.replies)).toContain('กด "บันทึก" เพื่อบันทึก');
  });

  it('shows the whole list before and after a change to the ปัจจัยสนับสนุน', () => {
    const draft: SettingsDraft = { draftId: 'e', ask: 'factorRemove', fiscalYear: 2568, factors: ['ผู้บริหารให้ความสำคัญ', 'บุคลากรมีส่วนร่วม'], current: '' };
    const asked = askSetting(draft);
    expect(labels(asked.replies)).toEqual(['1', '2', 'ยกเลิก']);
    const removed = continueSettings(asked.state as never, say('1'), facts);
    expect(textOf(removed.replies)).toContain('เดิม:\n1. ผู้บริหารให้ความสำคัญ\n2. บุคลากรมีส่วนร่วม\nใหม่:\n1. บุคลากรมีส่วนร่วม');
    expect(continueSettings(removed.state as never, say('ยืนยัน'), facts).effects).toEqual([
      { type: 'saveSetting', change: { key: 'supportingFactors', fiscalYear: 2568, edit: { op: 'remove', index: 0 } }, shown: '1. บุคลากรมีส่วนร่วม' },
    ]);
  });

  it('confirms removing a listed day off straight away', () => {
    const asked = confirmDayRemoval('e', { date: '2027-08-12', name: 'งานประเพณี' });
    expect(textOf(asked.replies)).toContain('วันหยุดขององค์กร 12 ส.ค. 2570\nเดิม: 12 ส.ค. 2570 งานประเพณี\nใหม่: ไม่เป็นวันหยุดขององค์กรแล้ว');
    expect(continueSettings(asked.state as never, { kind: 'postback', action: 'st.save', params: { d: 'e' } }, facts).effects).toEqual([
      { type: 'saveSetting', change: { key: 'dayOffRemove', date: '2027-08-12' }, shown: 'ไม่เป็นวันหยุดขององค์กรแล้ว' },
    ]);
  });
});
