import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveDialog } from '../../src/db/conversation-store.js';
import { ConversationModel } from '../../src/db/models/conversation.js';
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
  expect(await removeStaleDialogs.run(now)).toEqual({ deleted: 1 });
  expect((await ConversationModel.find().lean()).map((c) => c.userKey).sort()).toEqual(['U-active', 'U-recently-expired']);
});
