import { z } from 'zod';
import { CASE_CLOSURE_CARD_ACTIONS } from '../../flex/actions.js';
import { param, postbackAction } from '../../line/postback-action.js';

export const CASE_CLOSURE_ACTIONS = {
  ...CASE_CLOSURE_CARD_ACTIONS,
  /** `k`: one of the organisation's categories (checked by the handler against its list). */
  caseSetCategory: postbackAction('cp.catset', z.object({ c: param.id, k: z.string().min(1).max(100) })),
} as const;
