import { subDays } from 'date-fns';
import { deleteStaleDialogs } from '../db/conversation-store.js';
import { deleteStalePendingImports } from '../db/pending-import-store.js';
import type { Schedule } from './scheduler.js';

/**
 * Stands in for a TTL index (FerretDB has none): dialogs expired for a day are deleted. The user was already
 * told of the expiry on their next message; this only stops abandoned drafts piling up. Files sent for import
 * and never confirmed (src/file-import/) go the same way, a day after their own expiry. Running it on two
 * instances at once is harmless, so it takes no lock.
 */
export const removeStaleDialogs: Schedule = {
  name: 'remove-stale-dialogs',
  cron: '17 3 * * *',
  run: async (now) => ({ deleted: await deleteStaleDialogs(subDays(now, 1)), pendingImports: await deleteStalePendingImports(subDays(now, 1)) }),
};
