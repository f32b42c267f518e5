import { describe, expect, it } from 'vitest';
import { USER_FEATURES } from '../../chat/features.js';
import { understand } from '../../chat/understand.js';
import type { StaffRole } from '../../domain/roles.js';
import type { Feature, Sender } from '../common/context.js';
import type { PendingImport } from '../../db/pending-import-store.js';
import * as standIn from '../../../test/support/stand-ins.js';
import { CHAT_TEXT } from '../common/texts.js';
import { FILE_IMPORT_ACTIONS } from './actions.js';
import { fileImport } from './feature.js';

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

  it('is no refusal for a citizen\'s story that says "นำเข้า"', () => {
    expect(reached({ kind: 'text', text: 'มีคนนำเข้าขยะมาทิ้งหน้าบ้านทุกคืน' }, [])).not.toBe('fileImport');
  });

  it('leaves other requests about files to their features', () => {
    expect(reached({ kind: 'text', text: 'ขอไฟล์รายงานการเบิกจ่าย' }, ['admin'])).toBe('exportReport');
    expect(reached({ kind: 'text', text: 'ส่งออกรายงาน' }, ['admin'])).toBe('exportReport');
  });
});

describe('นำเข้า on a file that waits: what is not imported', () => {
  const admin = standIn.sender('U-admin', ['admin']);
  const waiting = (over: Partial<PendingImport> = {}): PendingImport => ({
    id: 'AbCdEfGhIjKlMnOpQrStUv',
    userKey: admin.userKey,
    fileName: 'plan-2568.csv',
    kind: 'plan',
    content: Buffer.from('รหัส'),
    fingerprint: 'f1',
    state: 'pending',
    outcome: '',
    expiresAt: new Date('2025-06-03T03:00:00Z'),
    ...over,
  });
  // No importFile stand-in: a step that tried to import would fail the test.
  async function press(p: PendingImport, options: { claimedBy?: string | null; sender?: Sender; now?: Date } = {}) {
    const ctx = standIn.standInContext({
      input: standIn.pressed(FILE_IMPORT_ACTIONS.importConfirm.name, { p: p.id }),
      sender: options.sender ?? admin,
      now: options.now,
      stores: { pendingImports: { findPendingImport: async () => p, pendingImportClaimedBy: async () => options.claimedBy ?? null } },
    });
    return JSON.stringify(await fileImport.handle(ctx));
  }

  it('refuses a file past its wait, and asks for it again', async () => {
    expect(await press(waiting(), { now: new Date('2025-06-03T03:00:00Z') })).toContain('รอการยืนยันเกิน 24 ชั่วโมงแล้ว ระบบจึงไม่ได้นำเข้า');
  });

  it('answers another admin\'s button as an old one: a file is confirmed by whoever sent it', async () => {
    expect(await press(waiting(), { sender: standIn.sender('U-other-admin', ['admin']) })).toContain(CHAT_TEXT.oldButton);
  });

  it('imports nothing while another press is importing the same file', async () => {
    expect(await press(waiting(), { claimedBy: 'another-event' })).toContain('กำลังนำเข้าหรือนำเข้าไปแล้ว ระบบไม่ได้นำเข้าซ้ำ');
  });
});
