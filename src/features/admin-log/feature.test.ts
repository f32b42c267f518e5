import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../chat/features.js';
import { understand } from '../../chat/understand.js';
import type { StaffRole } from '../../domain/roles.js';
import type { StaffMember } from '../../domain/staff.js';
import type { Sender } from '../common/context.js';

const sender = (roles: StaffRole[]): Sender => ({
  userId: 'U1',
  userKey: 'k1',
  staff: roles.length ? ({ lineUserId: 'U1', displayName: 'สมชาย', roles, unit: null, position: null } as unknown as StaffMember) : null,
  roles,
});
const heard = (text: string, roles: StaffRole[]) => {
  const who = sender(roles);
  return understand(FEATURES, { kind: 'text', text }, false, (f) => !f.allowed || f.allowed(who))?.feature.name ?? null;
};

describe('the admin’s commands in people’s own words', () => {
  it('takes an admin’s questions about who changed what for the log, and asks for the admin’s home for the home card', () => {
    const admin: StaffRole[] = ['admin', 'executive'];
    expect(heard('บันทึกการจัดการ', admin)).toBe('adminLog');
    expect(heard('ใครเปลี่ยนการตั้งค่าคะ', admin)).toBe('adminLog');
    expect(heard('ขอดูประวัติการแก้ไขบทบาทหน่อย', admin)).toBe('adminLog');
    expect(heard('จัดการ', admin)).toBe('manage');
    expect(heard('ขอเมนูผู้ดูแลระบบหน่อยครับ', admin)).toBe('manage');
  });

  it('leaves a complaint about an admin a complaint, and a case’s or an item’s history theirs', () => {
    expect(heard('ร้องเรียนผู้ดูแลระบบของเทศบาลครับ', [])).toBe('complaint');
    expect(heard('ใครแก้รายงานโครงการนี้', ['admin', 'executive'])).not.toBe('adminLog');
    expect(heard('ใครเป็นผู้ดูแลระบบคะ', ['officer'])).not.toBe('manage');
  });
});
