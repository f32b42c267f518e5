import { describe, expect, it } from 'vitest';
import { figures } from '../../domain/figures.js';
import type { OrganisationOverview } from '../../domain/organisation-overview.js';
import { limitViolations } from '../../line/limits.js';
import { homeCard } from './cards.js';

const overview = (over: Partial<OrganisationOverview> = {}): OrganisationOverview => ({
  name: 'องค์การบริหารส่วนตำบลบางรัก',
  fiscalYear: 2569,
  people: 12,
  byRole: { officer: 9, complaint_officer: 2, integrity_officer: 1, executive: 2, admin: 1, reviewer: 1, supervisor: 0 },
  planItems: 1234,
  ...over,
});

const texts = (node: any): string[] => (!node || typeof node !== 'object' ? [] : [...(typeof node.text === 'string' ? [node.text] : []), ...Object.values(node).flatMap(texts)]);

describe('the admin’s home card', () => {
  it('writes its figures in the organisation’s digits, and fits LINE with the longest name', () => {
    const card = homeCard(overview({ name: 'ก'.repeat(400) }), figures('thai'));
    expect(limitViolations(card)).toEqual([]);
    const shown = texts(card);
    expect(shown).toContain('๒๕๖๙');
    expect(shown).toContain('๑,๒๓๔ รายการ');
    expect(shown).toContain('๑๒ คน');
    // The buttons send the commands whole, as typed.
    expect(shown).toEqual(expect.arrayContaining(['นำเข้าไฟล์', 'เชิญเจ้าหน้าที่', 'เจ้าหน้าที่', 'ตั้งค่า', 'บันทึกการจัดการ']));
  });

  it('says what is missing in a new organisation rather than showing zeros', () => {
    const shown = texts(homeCard(overview({ name: '', people: 0, planItems: 0, byRole: { officer: 0, complaint_officer: 0, integrity_officer: 0, executive: 0, admin: 0, reviewer: 0, supervisor: 0 } }), figures()));
    expect(shown).toEqual(expect.arrayContaining(['ยังไม่ได้ตั้งชื่อหน่วยงาน', 'ยังไม่ได้นำเข้า', 'ยังไม่มีเจ้าหน้าที่ลงทะเบียน']));
    expect(shown.join('\n')).not.toMatch(/\b0 (คน|รายการ)/);
  });
});
