import { z } from 'zod';
import { STATUSES } from '../../domain/statuses.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const REPORT_ACTIONS = {
  reportPick: postbackAction('rp.pick', z.object({ m: param.id })),
  /** A page of the officer's list: the items still due, or (`v=done`) the completed ones. */
  reportPage: postbackAction('rp.page', z.object({ v: z.literal('done').optional(), p: param.count.optional() })),
  reportStatus: postbackAction('rp.status', z.object({ s: z.enum(STATUSES) }), { inDialog: true }),
  reportConfirm: postbackAction('rp.confirm', z.object({ d: param.token }), { inDialog: true }),
  reportBrief: postbackAction('rp.brief', z.object({ m: param.id })),
} as const;
