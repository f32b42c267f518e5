import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

/** `v`: the answer's version the reviewer looked at (a newer answer makes the button stale). */
const anAnswer = z.object({ i: param.id, v: param.token });

export const OIT_REVIEW_ACTIONS = {
  oitReviewList: postbackAction('oit.rv', z.object({ p: param.count.optional() })),
  oitApprove: postbackAction('oit.ok', anAnswer),
  oitReturn: postbackAction('oit.back', anAnswer),
} as const;
