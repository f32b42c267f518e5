import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, recordAudit } from '../../src/db/admin-audit-store.js';
import { CLI_ACTOR } from '../../src/domain/admin-audit.js';
import { connectTestDatabase } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('the management log', () => {
  it('reads an organisation’s lines newest first, pages back, and never shows another organisation’s', async () => {
    const admin = { via: 'line' as const, staffId: 's1', name: 'นายสมชาย ใจดี' };
    await recordAudit('audit-a', { action: 'staff.roles', actor: admin, subject: 'นางสาวมาลี', before: 'เจ้าหน้าที่ผู้รายงาน', after: 'เจ้าหน้าที่ผู้รายงาน, ผู้บริหาร' }, new Date('2026-12-01T03:00:00Z'));
    await recordAudit('audit-a', { action: 'settings.change', actor: CLI_ACTOR, subject: 'เกณฑ์ระดับ', before: 'มาก 80', after: 'มาก 70' }, new Date('2026-12-02T03:00:00Z'));
    await recordAudit('audit-b', { action: 'staff.revoke', actor: admin, subject: 'นายอื่น', before: 'ผู้บริหาร', after: '' }, new Date('2026-12-03T03:00:00Z'));

    const lines = await auditLog('audit-a', { limit: 10 });
    expect(lines.map((l) => l.subject)).toEqual(['เกณฑ์ระดับ', 'นางสาวมาลี']);
    expect(lines[1]).toMatchObject({ action: 'staff.roles', actor: admin, before: 'เจ้าหน้าที่ผู้รายงาน', after: 'เจ้าหน้าที่ผู้รายงาน, ผู้บริหาร' });
    expect(lines[0]!.actor).toEqual(CLI_ACTOR);

    const older = await auditLog('audit-a', { limit: 10, before: lines[0]!.at });
    expect(older.map((l) => l.subject)).toEqual(['นางสาวมาลี']);
  });
});
