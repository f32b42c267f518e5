import { z } from 'zod';
import { param, postbackAction } from '../../line/postback-action.js';

const aCase = z.object({ c: param.id });

export const CASE_CLOSURE_ACTIONS = {
  caseAfterPhotos: postbackAction('cp.photo', aCase),
  caseCategory: postbackAction('cp.cat', aCase),
  /** `k`: one of the organisation's categories (checked by the handler against its list). */
  caseSetCategory: postbackAction('cp.catset', z.object({ c: param.id, k: z.string().min(1).max(100) })),
  caseForward: postbackAction('cp.fwd', aCase),
} as const;
