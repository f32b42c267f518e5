import { pruneRegistrationFailures } from '../db/register-throttle-store.js';
import type { Schedule } from './scheduler.js';

/** Wrong-code records of accounts that never tried again; each account's own are dropped on its next try. */
export const pruneRegisterFailures: Schedule = {
  name: 'prune-register-failures',
  cron: '47 3 * * *',
  run: async (now) => pruneRegistrationFailures(now),
};
