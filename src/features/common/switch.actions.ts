import { z } from 'zod';
import { noParams, param, postbackAction } from '../../line/postback-action.js';

/** The router's own question (asked by the router, and offered by cancel too), "throw away the dialog under way?", and its two answers. */
export const SWITCH_ACTIONS = {
  /** Start `to` (a feature's name) with its argument, dropping the dialog under way. */
  switchDialog: postbackAction('sw', z.object({ to: param.token, arg: z.string().max(250).optional() })),
  keepDialog: postbackAction('sw.keep', noParams),
} as const;
