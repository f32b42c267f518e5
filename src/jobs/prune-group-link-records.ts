import { subDays } from 'date-fns';
import { pruneGroupLinkCodes } from '../db/executive-group-store.js';
import { pruneGroupLinkFailures } from '../db/group-link-throttle-store.js';
import type { Schedule } from './scheduler.js';

/**
 * A group link code and its redemption are kept a week past the code's expiry, as long as a finished
 * event's done record (prune-event-records.ts): a redelivered or retried event that used a code still finds its own
 * redemption and finishes the link.
 */
const GROUP_LINK_CODE_RETENTION_DAYS = 7;

/**
 * Stands in for TTL indexes (FerretDB has none): expired link codes, used or not, would otherwise pile up,
 * one per "เชื่อมกลุ่ม", and so would the wrong-code records of groups and senders that never tried again.
 * Harmless on two instances at once, so it takes no lock.
 */
export const pruneGroupLinkRecords: Schedule = {
  name: 'prune-group-link-records',
  cron: '57 3 * * *',
  run: async (now) => ({
    codes: await pruneGroupLinkCodes(subDays(now, GROUP_LINK_CODE_RETENTION_DAYS)),
    wrongCodes: await pruneGroupLinkFailures(now),
  }),
};
