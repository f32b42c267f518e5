import { z } from 'zod';
import { noParams, param, postbackAction } from '../../line/postback-action.js';

export const SUMMARY_ACTIONS = {
  overdueList: postbackAction('sum.overdue', noParams),
  /** A unit's card on the overdue cards: that unit's overdue measures (`u`: the group's key, or `rest`). */
  overdueUnit: postbackAction('sum.ou', z.object({ u: param.token })),
  /**
   * A handler's card on the overdue-complaint cards: that handler's late cases (`h`: the group's key, or `rest`;
   * `t`: the moment a pushed card was made, in digits; the handler takes one that is no real moment as now).
   */
  overdueComplaints: postbackAction('sum.oc', z.object({ h: param.token, t: z.string().regex(/^\d{1,40}$/).optional() })),
} as const;
