import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveDialog } from '../../src/db/conversation-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
import { PendingImportModel } from '../../src/db/models/pending-import.js';
import { claimPendingImport, savePendingImport } from '../../src/db/pending-import-store.js';
import { removeStaleDialogs } from '../../src/jobs/remove-stale-dialogs.js';
import { connectTestDatabase, testSealer } from '../support/harness.js';

let db: Awaited<ReturnType<typeof connectTestDatabase>>;
beforeAll(async () => {
  db = await connectTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

it('deletes dialogs expired for more than a day and keeps the others (instead of a TTL index)', async () => {
  const now = new Date('2026-11-23T20:17:00Z');
  const state = { dialog: 'officer_report', step: 'summary', data: { measureId: 'm', attachments: [] } };
  await saveDialog('org', 'U-old', { state, now: new Date('2026-11-20T00:00:00Z'), timeoutMinutes: 30, sealer: testSealer });
  await saveDialog('org', 'U-recently-expired', { state, now: new Date('2026-11-23T10:00:00Z'), timeoutMinutes: 30, sealer: testSealer });
  await saveDialog('org', 'U-active', { state, now: new Date('2026-11-23T20:10:00Z'), timeoutMinutes: 30, sealer: testSealer });
  expect(await removeStaleDialogs.run(now)).toEqual({ deleted: 1, pendingImports: 0 });
  expect((await ConversationModel.find().lean()).map((c) => c.userKey).sort()).toEqual(['U-active', 'U-recently-expired']);
});

it('deletes files sent for import and never confirmed, a day after they expired, with their claims', async () => {
  const now = new Date('2026-11-23T20:17:00Z');
  const file = { userKey: 'U-admin', fileName: 'plan.csv', kind: 'plan' as const, content: Buffer.from('รหัส'), fingerprint: 'f' };
  await savePendingImport('org', { ...file, id: 'pending-old-0000000001', now: new Date('2026-11-21T00:00:00Z'), expiresAt: new Date('2026-11-22T00:00:00Z') });
  await claimPendingImport('org', 'pending-old-0000000001', 'event-1', new Date('2026-11-21T00:01:00Z'));
  await savePendingImport('org', { ...file, id: 'pending-new-0000000002', now: new Date('2026-11-23T10:00:00Z'), expiresAt: new Date('2026-11-24T10:00:00Z') });
  expect(await removeStaleDialogs.run(now)).toMatchObject({ pendingImports: 1 });
  expect((await PendingImportModel.find().lean()).map((p) => p._id)).toEqual(['pending-new-0000000002']);
  // The claim went with its file: nothing is left that names it.
  expect(await claimPendingImport('org', 'pending-old-0000000001', 'event-2', now)).toBe(true);
});
