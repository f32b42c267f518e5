import { z } from 'zod';
import { STATUSES } from '../../domain/statuses.js';
import { REPORT_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const REPORT_ACTIONS = {
  ...REPORT_CARD_ACTIONS,
  reportStatus: postbackAction('rp.status', z.object({ s: z.enum(STATUSES) }), { inDialog: true }),
  reportConfirm: postbackAction('rp.confirm', z.object({ d: param.token }), { inDialog: true }),
} as const;
