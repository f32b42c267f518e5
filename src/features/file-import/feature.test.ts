import { describe, expect, it } from 'vitest';
import { USER_FEATURES } from '../../chat/features.js';
import { understand } from '../../chat/understand.js';
import type { StaffRole } from '../../domain/roles.js';
import type { Feature, Sender } from '../common/context.js';

const sender = (roles: StaffRole[]): Sender => ({
  userId: 'U1',
  userKey: 'k',
  roles,
  staff: roles.length === 0 ? null : { lineUserId: 'U1', displayName: 'สมศักดิ์', roles, unit: 'สำนักปลัด', position: null },
});

function reached(input: Parameters<typeof understand>[1], roles: StaffRole[], dialogUnderway = false): string | undefined {
  const s = sender(roles);
  return understand(USER_FEATURES, input, dialogUnderway, (f: Feature) => !f.allowed || f.allowed(s))?.feature.name;
}

const file = (fileName: string) => ({ kind: 'media' as const, mediaKind: 'file' as const, messageId: 'm1', fileName, fileSize: 1_000 });

describe('นำเข้าไฟล์: what reaches it', () => {
  it('is reached by its words and by sentences asking how to import, for an admin', () => {
    for (const text of ['นำเข้าไฟล์', 'นำเข้าข้อมูล', 'import', 'จะนำเข้าแผนยังไงครับ', 'อัปโหลดไฟล์แผนยังไงคะ']) {
      expect({ text, reached: reached({ kind: 'text', text }, ['admin']) }).toEqual({ text, reached: 'fileImport' });
    }
  });

  it('takes a CSV or Excel file sent outside a dialog, from anyone (the router then refuses whoever is not an admin)', () => {
    for (const name of ['plan-2568.csv', 'แผน.XLSX', 'เก่า.xls']) {
      expect(reached(file(name), ['admin'])).toBe('fileImport');
      expect(reached(file(name), [])).toBe('fileImport');
    }
  });

  it('leaves other files, photos, and any file sent while a dialog is under way where they went before', () => {
    expect(reached(file('รายงานการประชุม.pdf'), ['admin'])).toBeUndefined();
    expect(reached({ kind: 'media', mediaKind: 'image', messageId: 'm2', fileName: null }, ['admin'])).toBeUndefined();
    expect(reached(file('plan-2568.csv'), ['admin'], true)).toBeUndefined();
  });

  it('leaves other requests about files to their features', () => {
    expect(reached({ kind: 'text', text: 'ขอไฟล์รายงานการเบิกจ่าย' }, ['admin'])).toBe('exportReport');
    expect(reached({ kind: 'text', text: 'ส่งออกรายงาน' }, ['admin'])).toBe('exportReport');
  });
});
