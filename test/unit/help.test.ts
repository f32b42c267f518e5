import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../src/domain/roles.js';
import { helpQuickReplies, helpText } from '../../src/chat/features/help.js';

const labels = (roles: Parameters<typeof helpQuickReplies>[0]) => helpQuickReplies(roles).map((i) => i.action?.label);

describe('help', () => {
  it('is Thai only for every role: no English in brackets, no server commands', () => {
    for (const roles of [[], ...STAFF_ROLES.map((r) => [r])] as const) {
      const text = helpText(roles);
      expect(text, roles.join()).not.toMatch(/\([a-z][a-z ]*\)/i);
      expect(text, roles.join()).not.toContain('npm');
    }
  });

  it('tells an executive about exporting the official reports, and offers it as a button', () => {
    expect(helpText(['executive'])).toContain('"ส่งออกรายงาน"');
    expect(labels(['executive'])).toEqual(['สรุป', 'ดูงบประมาณ', 'ส่งออกรายงาน', 'สถิติร้องเรียน', 'ร้องเรียน', 'เรื่องของฉัน', 'ข้อมูลของฉัน']);
  });

  it('offers each role exactly its own commands as buttons', () => {
    expect(labels([])).toEqual(['ร้องเรียน', 'เรื่องของฉัน']);
    expect(labels(['officer'])).toEqual(['รายงาน', 'OIT', 'ดูงบประมาณ', 'ร้องเรียน', 'เรื่องของฉัน', 'ข้อมูลของฉัน']);
    expect(labels(['reviewer'])).toEqual(['รอตรวจ', 'ร้องเรียน', 'เรื่องของฉัน', 'ข้อมูลของฉัน']);
    expect(labels(['integrity_officer'])).toEqual(['เรื่องร้องเรียน', 'ร้องเรียน', 'เรื่องของฉัน', 'ข้อมูลของฉัน']);
    for (const roles of [[], ...STAFF_ROLES.map((r) => [r])] as const) expect(helpQuickReplies(roles).length).toBeLessThanOrEqual(13);
    expect(helpQuickReplies([...STAFF_ROLES]).length).toBeLessThanOrEqual(13);
  });

  it('tells every staff member, and no citizen, where their name and position for reports are kept', () => {
    for (const role of STAFF_ROLES) expect(helpText([role]), role).toContain('"ข้อมูลของฉัน"');
    expect(helpText([])).not.toContain('ข้อมูลของฉัน');
  });
});
