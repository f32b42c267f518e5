import { z } from 'zod';
import { SUMMARY_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const SUMMARY_ACTIONS = {
  ...SUMMARY_CARD_ACTIONS,
  /** A unit's card on the overdue cards: that unit's overdue measures (`u`: the group's key, or `rest`). */
  overdueUnit: postbackAction('sum.ou', z.object({ u: param.token })),
} as const;
