import { z } from 'zod';
import { FAMILIES } from '../../domain/measures.js';
import { noParams, postbackAction } from '../../line/postback-action.js';

/** The budget card's buttons: a family's list (`f`), a unit's (`u`: the card's key for it), the projects with no amount reported. */
export const BUDGET_ACTIONS = {
  budgetFamily: postbackAction('bg.f', z.object({ f: z.enum(FAMILIES) })),
  budgetUnit: postbackAction('bg.u', z.object({ u: z.string().regex(/^[A-Za-z0-9_-]{12}$/) })),
  budgetUnreported: postbackAction('bg.n', noParams),
} as const;
