import { describe, expect, it } from 'vitest';
import { startOfNextBangkokMonth } from '../../src/domain/calendar.js';
import { figures } from '../../src/domain/figures.js';
import { budgetAllows, marksReached, resolveBudget } from '../../src/domain/message-budget.js';
import { messageUseText, monthUse } from '../../src/domain/message-use.js';
import { parseMessageBudget } from '../../src/domain/settings.js';

describe('a monthly message budget as an admin types it', () => {
  it.each([
    ['150', 150],
    ['๑๕๐', 150],
    ['1,500 ข้อความ', 1500],
    ['เดือนละ ๒๐๐ ข้อความ', 200],
    ['0', 0],
  ])('reads %s', (typed, amount) => {
    expect(parseMessageBudget(typed)).toEqual({ value: amount });
  });

  it.each(['ยี่สิบ', '-5', '12.5', '', '99999999'])('refuses %s, saying what is expected', (typed) => {
    expect(parseMessageBudget(typed)).toEqual({ error: expect.stringContaining('จำนวนเต็มตั้งแต่ 0 ขึ้นไป') });
  });
});

describe('the budget', () => {
  it('is the organisation\'s own, else LINE\'s quota, else none', () => {
    expect(resolveBudget(50, 200)).toEqual({ amount: 50, own: true });
    expect(resolveBudget(null, 200)).toEqual({ amount: 200, own: false });
    expect(resolveBudget(null, null)).toEqual({ amount: null, own: false });
  });

  it('lets through what a rule requires whatever it costs, and the rest only within it', () => {
    expect(budgetAllows('complaint-notice', 19, 1, 20)).toBe(true);
    expect(budgetAllows('complaint-notice', 19, 2, 20)).toBe(false);
    expect(budgetAllows('executive-group', 10, 12, 20)).toBe(false);
    expect(budgetAllows('deadline-reminder', 20, 1, 20)).toBe(true);
    expect(budgetAllows('corruption-notice', 500, 3, 0)).toBe(true);
    expect(budgetAllows('complaint-notice', 500, 1, null)).toBe(true);
    // The warning that the budget is nearly spent still reaches its reader when its digest comes after.
    expect(budgetAllows('budget-warning', 20, 5, 20)).toBe(true);
  });

  it('marks 75 % and 90 % of it as reached', () => {
    expect(marksReached(14, 20)).toEqual([]);
    expect(marksReached(15, 20)).toEqual([75]);
    expect(marksReached(18, 20)).toEqual([75, 90]);
    expect(marksReached(5, 0)).toEqual([]);
    expect(marksReached(5, null)).toEqual([]);
  });

  it('starts again with the Bangkok month', () => {
    // 31 Dec 2026, 23:30 in Bangkok is still December there.
    expect(startOfNextBangkokMonth(new Date('2026-12-31T16:30:00Z')).toISOString()).toBe('2026-12-31T17:00:00.000Z');
  });
});

describe('สถิติข้อความ', () => {
  it('shows the budget, its share used, and what waits and why', () => {
    const use = {
      ...monthUse('2026-12', [{ kind: 'complaint-notice' as const, sends: 18, recipients: 18 }], null),
      budget: { amount: 20, own: true },
      waiting: [
        { kind: 'complaint-notice' as const, reason: 'budget' as const, count: 2 },
        { kind: 'follow-up' as const, reason: 'quota' as const, count: 1 },
      ],
    };
    const shown = messageUseText(use, true, figures('thai'));
    expect(shown).toContain('งบข้อความต่อเดือน ๒๐ ข้อความ (ตามที่ผู้ดูแลระบบกำหนด) ใช้ไปแล้ว ๑๘ ข้อความ คิดเป็นร้อยละ ๙๐');
    expect(shown).toContain('ข้อความที่รอส่ง ๓ รายการ แยกตามประเภท');
    expect(shown).toContain('• แจ้งเจ้าหน้าที่เรื่องร้องเรียน ๒ รายการ รอเพราะเกินงบข้อความของเดือน');
    expect(shown).toContain('• ติดตามผลการดำเนินงาน ๑ รายการ รอเพราะครบโควตาของ LINE');
  });
});
