import { z } from 'zod';
import { OIT_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const OIT_ACTIONS = {
  ...OIT_CARD_ACTIONS,
  oitAvailable: postbackAction('oit.has', z.object({ v: param.flag }), { inDialog: true }),
  oitConfirm: postbackAction('oit.confirm', z.object({ d: param.token }), { inDialog: true }),
} as const;
