import { describe, expect, it } from 'vitest';
import { chooseIndicatorItem, indicatorGroupOf, indicatorNumberOf, indicatorRowResult } from '../../src/domain/ita-indicators.js';
import { statusTicks } from '../../src/reports/indicator-text.js';

describe('which indicator an item raises', () => {
  it.each([
    ['2', 2],
    ['๑๐', 10],
    ['ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร', 7],
    ['O10', null],
    ['9.4', null],
    ['', null],
    ['11', null],
  ])('"%s" names indicator %s', (text, n) => {
    expect(indicatorNumberOf(text)).toBe(n);
  });

  it('groups items as seed 002 prints them: IIT 1–5, EIT 6–8, OIT 9–10 with the OIT items and sub-indicators', () => {
    expect(['1', '5', '6', '8', '9', '10', 'O24', '9.4', null].map(indicatorGroupOf)).toEqual(['IIT', 'IIT', 'EIT', 'EIT', 'OIT', 'OIT', 'OIT', 'OIT', 'other']);
  });
});

describe('which plan item a row of the indicator table fills', () => {
  const plan = [
    { code: 'IIT-2', family: 'ita_indicator', indicator: '2' },
    { code: 'IIT-002-2', family: 'ita_indicator', indicator: '2' },
    { code: 'EIT-002-7', family: 'ita_indicator', indicator: '7' },
    { code: 'EIT-003-7', family: 'ita_indicator', indicator: '๗' },
    { code: 'IIT-5', family: 'ita_measure', indicator: null },
  ];

  it('the only item of its indicator, the one coded as the import codes it, or the one its รหัส names', () => {
    expect(chooseIndicatorItem(plan, { number: 2, code: null })).toEqual({ code: 'IIT-2', isNew: false });
    expect(chooseIndicatorItem(plan, { number: 2, code: 'IIT-002-2' })).toEqual({ code: 'IIT-002-2', isNew: false });
    expect(chooseIndicatorItem(plan, { number: 8, code: null })).toEqual({ code: 'EIT-8', isNew: true });
  });

  it('asks when it cannot tell, unless the one-time move takes the first', () => {
    expect(chooseIndicatorItem(plan, { number: 7, code: null })).toHaveProperty('problem');
    expect(chooseIndicatorItem(plan, { number: 7, code: null }, true)).toEqual({ code: 'EIT-002-7', isNew: false });
    // The usual code is taken by an item of another family.
    expect(chooseIndicatorItem(plan, { number: 5, code: null })).toHaveProperty('problem');
    expect(chooseIndicatorItem(plan, { number: 5, code: 'IIT-5' })).toHaveProperty('problem');
  });
});

describe('status and progress', () => {
  it('progress written without a status is work under way; nothing written is no report', () => {
    expect(indicatorRowResult({ progress: 'ลดขั้นตอนแล้ว', status: null })).toMatchObject({ status: 'in_progress', summary: 'ลดขั้นตอนแล้ว' });
    expect(indicatorRowResult({ progress: '', status: 'completed' })).toMatchObject({ status: 'completed', summary: 'ดำเนินการแล้วเสร็จ' });
    expect(indicatorRowResult({ progress: ' ', status: null })).toBeNull();
  });

  it('ticks the item\'s status among seed 002\'s three boxes, in the seed\'s order', () => {
    expect(statusTicks('completed')).toEqual(['☑ ดำเนินการแล้วเสร็จ', '☐ ยังไม่ได้ดำเนินการ', '☐ อยู่ระหว่างดำเนินการ']);
    expect(statusTicks('not_started')).toEqual(['☐ ดำเนินการแล้วเสร็จ', '☑ ยังไม่ได้ดำเนินการ', '☐ อยู่ระหว่างดำเนินการ']);
    expect(statusTicks('cannot_proceed')).toEqual(['☐ ดำเนินการแล้วเสร็จ', '☐ ยังไม่ได้ดำเนินการ', '☐ อยู่ระหว่างดำเนินการ', '☑ ไม่สามารถดำเนินการได้']);
  });
});
