import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

/** What the settings dialog asks for: one setting, or one change to a list (days off, ปัจจัยสนับสนุน). */
export const ASKS = [
  'name',
  'district',
  'province',
  'thresholds',
  'roundReminderDays',
  'oitReminderDays',
  'jobTime',
  'dayOffAdd',
  'factorAdd',
  'factorRemove',
  'factorReplace',
  'itaScore',
  'itaLevel',
  'complaintCategories',
  'digits',
  'messageBudget',
  'digestTime',
] as const;
export type Ask = (typeof ASKS)[number];

export const SETTINGS_ACTIONS = {
  /** The card's "เปลี่ยน…" buttons: the question of one setting (`j`: the job, for a job's time). */
  settingsAsk: postbackAction('st.ask', z.object({ k: z.enum(ASKS), j: param.token.optional() })),
  /** A list with its own buttons: the days off, or the ปัจจัยสนับสนุน. */
  settingsList: postbackAction('st.list', z.object({ k: z.enum(['daysOff', 'factors']) })),
  /** Removing one of the listed days off (`d`: its date), confirmed first. */
  settingsDropDay: postbackAction('st.drop', z.object({ d: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })),
  /** "บันทึก" under a before → after: only the draft it was shown for (`d`), once. */
  settingsSave: postbackAction('st.save', z.object({ d: param.token }), { inDialog: true }),
} as const;
