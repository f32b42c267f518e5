import { describe, expect, it } from 'vitest';
import type { Feature, Sender } from '../common/context.js';
import { USER_FEATURES } from '../../chat/features.js';
import { helpQuickReplies, helpText } from '../help/menu.js';
import { understand } from '../../chat/understand.js';
import type { StaffRole } from '../../domain/roles.js';
import { budget, BUDGET_HELP, BUDGET_HELP_OFFICER, BUDGET_LABEL } from './feature.js';

const sender = (roles: StaffRole[]): Sender => ({
  userId: 'U1',
  userKey: 'k',
  roles,
  staff: roles.length === 0 ? null : { lineUserId: 'U1', displayName: 'สมศรี', roles, unit: 'กองคลัง', position: null },
});

/** What a message reaches for a person of these roles, as the router reads it. */
function reached(text: string, roles: StaffRole[]): string | undefined {
  const s = sender(roles);
  return understand(USER_FEATURES, { kind: 'text', text }, false, (f: Feature) => !f.allowed || f.allowed(s))?.feature.name;
}

describe('ดูงบประมาณ: who reaches it, and with which words', () => {
  it('is reached by its words and by sentences asking about the money, for executives, admins and officers', () => {
    for (const roles of [['executive'], ['admin'], ['officer']] as StaffRole[][]) {
      for (const text of ['ดูงบประมาณ', 'งบประมาณ', 'budget', 'Budget', 'ขอดูการเบิกจ่ายงบประมาณหน่อย', 'งบโครงการเบิกไปเท่าไหร่แล้วครับ', 'ยอดเบิกจ่ายตอนนี้เท่าไหร่คะ', 'ขอดูงบหน่อยครับ', 'งบประมานเหลือเท่าไหร่']) {
        expect({ roles, text, reached: reached(text, roles) }).toEqual({ roles, text, reached: 'budget' });
      }
    }
  });

  it('leaves other meanings where they were: the plan\'s percentage, an officer\'s report, a file, wrongdoing, other organisations', () => {
    expect(reached('เบิกจ่ายไปกี่เปอร์เซ็นต์แล้วครับ', ['executive'])).toBe('summary');
    expect(reached('สรุป', ['executive'])).toBe('summary');
    expect(reached('รายงานการเบิกจ่ายโครงการ EP-01', ['officer'])).toBe('report');
    expect(reached('ขอไฟล์รายงานการเบิกจ่าย', ['executive'])).toBe('exportReport');
    expect(reached('อยากแจ้งว่ามีการโกงงบสร้างถนน', [])).not.toBe('budget');
    expect(reached('เซ็นรับของไปแต่ของไม่เคยมาถึงหมู่บ้านเลย งบหายไปไหน', [])).not.toBe('budget');
    expect(reached('ขอดูงบประมาณของอปท.ในจังหวัด', ['supervisor'])).not.toBe('budget');
  });

  it('is for executives, admins and officers; anyone else reads a polite Thai refusal', () => {
    expect(['executive', 'admin', 'officer'].every((r) => budget.allowed!(sender([r as StaffRole])))).toBe(true);
    for (const r of ['complaint_officer', 'integrity_officer', 'reviewer', 'supervisor'] as StaffRole[]) expect(budget.allowed!(sender([r])), r).toBe(false);
    expect(budget.allowed!(sender([]))).toBe(false);
    // A citizen typing the command is told whose it is (the router then refuses), not sent elsewhere.
    expect(reached('ดูงบประมาณ', [])).toBe('budget');
    expect(budget.refusal).toBe('คำสั่งนี้สำหรับผู้บริหาร ผู้ดูแลระบบ และเจ้าหน้าที่ผู้รับผิดชอบมาตรการเท่านั้น');
  });

  it('is in the help and its buttons of those who may use it, once, and nobody else\'s', () => {
    expect(helpText(USER_FEATURES, ['executive'])).toContain(BUDGET_HELP);
    expect(helpText(USER_FEATURES, ['officer'])).toContain(BUDGET_HELP_OFFICER);
    expect(helpText(USER_FEATURES, ['officer', 'executive'])).not.toContain(BUDGET_HELP_OFFICER);
    for (const roles of [['executive'], ['admin'], ['officer'], ['officer', 'admin']] as StaffRole[][]) {
      expect(helpQuickReplies(USER_FEATURES, roles).filter((q) => q.action?.label === BUDGET_LABEL), roles.join()).toHaveLength(1);
    }
    for (const roles of [[], ['reviewer'], ['supervisor'], ['complaint_officer']] as StaffRole[][]) {
      expect(helpText(USER_FEATURES, roles)).not.toContain('ดูงบประมาณ');
      expect(helpQuickReplies(USER_FEATURES, roles).map((q) => q.action?.label)).not.toContain(BUDGET_LABEL);
    }
  });
});
