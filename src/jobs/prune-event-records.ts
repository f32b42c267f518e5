import { subDays } from 'date-fns';
import { pruneEventRecords } from '../db/event-store.js';
import type { Schedule } from './scheduler.js';

/** LINE's redelivery window is undisclosed; redeliveries come within hours, so a week of done records is ample. */
const EVENT_RECORD_RETENTION_DAYS = 7;

/** Keeps the done records of finished events and the attempt records from growing without end. Harmless on two instances at once. */
export const pruneWebhookRecords: Schedule = {
  name: 'prune-webhook-records',
  cron: '37 3 * * *',
  run: async (now) => pruneEventRecords(subDays(now, EVENT_RECORD_RETENTION_DAYS)),
};
