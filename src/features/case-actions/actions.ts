import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../../domain/complaints.js';
import { CASE_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

/** The case card's buttons (declared beside the card, which jobs send too) and the status chosen. */
export const CASE_ACTIONS = {
  ...CASE_CARD_ACTIONS,
  caseSetStatus: postbackAction('cp.set', z.object({ c: param.id, s: z.enum(COMPLAINT_STATUSES) })),
} as const;
