import { describe, expect, it } from 'vitest';
import { figures } from '../../domain/figures.js';
import { STAFF_ROLES } from '../../domain/roles.js';
import { limitViolations } from '../../line/limits.js';
import { byUnitAndName, rolesChooser, staffPage, type ListedPerson } from './cards.js';
import { maskOf, rolesOf } from './roles-mask.js';

const person = (i: number, over: Partial<ListedPerson> = {}): ListedPerson => ({
  key: `uk_${String(i).padStart(32, 'x')}`,
  name: `ว่าที่ร้อยตรีสมศักดิ์ศรี ประเสริฐวงศ์วัฒนากุล ${i}`,
  roles: [...STAFF_ROLES],
  unit: `กองส่งเสริมการเกษตรและสิ่งแวดล้อม ${i % 3}`,
  position: 'นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ รักษาราชการแทนหัวหน้าสำนักปลัด',
  scope: 'district:อ่างทอง/โพธิ์ทอง',
  ...over,
});

describe('the staff list', () => {
  it('pages 25 people with the longest names within LINE’s limits, by unit, the next page a button away', () => {
    const people = byUnitAndName(Array.from({ length: 25 }, (_, i) => person(i)));
    expect(people.map((p) => p.unit)).toEqual([...people.map((p) => p.unit)].sort((a, b) => a!.localeCompare(b!, 'th')));
    const first = staffPage(people, 0, figures());
    for (const m of first) expect(limitViolations(m)).toEqual([]);
    expect((first[0] as any).text).toBe('เจ้าหน้าที่ 25 คน (หน้า 1 จาก 3)');
    expect((first[1] as any).contents.contents).toHaveLength(10);
    expect((first[1] as any).quickReply.items[0].action.data).toBe('a=sf.pg&pg=1');
    const last = staffPage(people, 2, figures());
    expect((last[1] as any).contents.contents).toHaveLength(5);
    expect((last[1] as any).quickReply).toBeUndefined();
    // One page needs no page numbers, in either digit style.
    expect((staffPage(people.slice(0, 3), 0, figures('thai'))[0] as any).text).toBe('เจ้าหน้าที่ ๓ คน');
  });

  it('offers a supervisor’s role only to someone with a scope', () => {
    const labels = (p: ListedPerson) => (rolesChooser(p, ['officer'], ['officer']) as any).quickReply.items.map((i: any) => i.action.label);
    expect(labels(person(1, { scope: null }))).not.toContain('หน่วยกำกับดูแล');
    expect(labels(person(1))).toContain('หน่วยกำกับดูแล');
  });

  it('carries a set of roles on a button and reads it back', () => {
    expect(rolesOf(maskOf(['admin', 'officer']))).toEqual(['officer', 'admin']);
    expect(rolesOf(maskOf([]))).toEqual([]);
  });
});
