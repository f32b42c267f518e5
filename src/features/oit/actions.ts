import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

export const OIT_ACTIONS = {
  oitPick: postbackAction('oit.pick', z.object({ i: param.id })),
  oitPage: postbackAction('oit.page', z.object({ p: param.count.optional() })),
  oitAvailable: postbackAction('oit.has', z.object({ v: param.flag }), { inDialog: true }),
  oitConfirm: postbackAction('oit.confirm', z.object({ d: param.token }), { inDialog: true }),
} as const;
