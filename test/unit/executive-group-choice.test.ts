import { describe, expect, it } from 'vitest';
import { groupChoiceOf, groupChoiceText, groupReceives } from '../../src/domain/executive-group-choice.js';
import { figures } from '../../src/domain/figures.js';

describe("what the executives' group receives", () => {
  it('grows with the choice: the summary, then the follow-up, then the daily overdue count', () => {
    expect(['summary', 'non-responders', 'overdue-general'].map((k) => groupReceives('summary', k as never))).toEqual([true, false, false]);
    expect(['summary', 'non-responders', 'overdue-general'].map((k) => groupReceives('follow-up', k as never))).toEqual([true, true, false]);
    expect(['summary', 'non-responders', 'overdue-general'].map((k) => groupReceives('overdue', k as never))).toEqual([true, true, true]);
  });

  it('keeps a group linked before the choice receiving everything', () => {
    expect(groupChoiceOf(undefined)).toBe('overdue');
    expect(groupChoiceOf('summary')).toBe('summary');
  });
});

describe("what the executives' group costs", () => {
  it('multiplies its members by the pushes each choice brings a month', () => {
    const text = groupChoiceText({ choice: 'summary', members: 6, overdueDays: 3, quota: 200 });
    expect(text).toContain('ตอนนี้กลุ่มผู้บริหารได้รับ: สรุปผลการดำเนินงานรายเดือนเท่านั้น');
    expect(text).toContain('กลุ่มมีสมาชิก 6 คน');
    expect(text).toContain('จึงใช้เพิ่มประมาณ 6 ข้อความต่อเดือน จากโควตา 200 ข้อความต่อเดือน');
    expect(text).toContain('1. สรุปผลการดำเนินงานรายเดือนเท่านั้น: เดือนละ 1 ครั้ง ใช้ 6 ข้อความต่อเดือน');
    expect(text).toContain('2. สรุปรายเดือน และรายชื่อผู้ที่ยังไม่รายงานจากการติดตามงาน: เดือนละ 2 ครั้ง ใช้ 12 ข้อความต่อเดือน');
    expect(text).toMatch(/\n3\. .*: ประมาณเดือนละ 5 ครั้ง ใช้ 30 ข้อความต่อเดือน/);
    expect(groupChoiceText({ choice: 'overdue', members: 6, overdueDays: 0, quota: null }, figures('thai'))).toContain('จึงใช้เพิ่มประมาณ ๑๒ ข้อความต่อเดือน\n');
  });

  it('still says how it is billed when LINE does not tell the member count', () => {
    expect(groupChoiceText({ choice: 'summary', members: null, overdueDays: 0, quota: 200 })).toContain('นับโควตาข้อความของ LINE ตามจำนวนสมาชิกในกลุ่ม');
  });
});
