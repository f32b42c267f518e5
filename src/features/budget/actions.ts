import { z } from 'zod';
import { FAMILIES } from '../../domain/measures.js';
import { ACTION, postbackData } from '../../line/postback.js';

/**
 * The budget card's buttons and what each carries. A button comes back from LINE as the person's own
 * input, so its parameters are read through these schemas; anything else is an old or forged button.
 */
export const BUDGET_ACTIONS = {
  family: { action: ACTION.budgetFamily, params: z.object({ f: z.enum(FAMILIES) }) },
  unit: { action: ACTION.budgetUnit, params: z.object({ u: z.string().regex(/^[A-Za-z0-9_-]{12}$/) }) },
  unreported: { action: ACTION.budgetUnreported, params: z.object({}) },
} as const;

export type BudgetList = { kind: 'family'; family: z.infer<typeof BUDGET_ACTIONS.family.params>['f'] } | { kind: 'unit'; key: string } | { kind: 'unreported' };

export function budgetListData(list: BudgetList): string {
  if (list.kind === 'family') return postbackData(ACTION.budgetFamily, { f: list.family });
  if (list.kind === 'unit') return postbackData(ACTION.budgetUnit, { u: list.key });
  return postbackData(ACTION.budgetUnreported);
}

/** The list a button asks for, or null for a button these schemas do not know. */
export function readBudgetList(action: string, params: Record<string, string>): BudgetList | null {
  if (action === BUDGET_ACTIONS.family.action) {
    const p = BUDGET_ACTIONS.family.params.safeParse(params);
    return p.success ? { kind: 'family', family: p.data.f } : null;
  }
  if (action === BUDGET_ACTIONS.unit.action) {
    const p = BUDGET_ACTIONS.unit.params.safeParse(params);
    return p.success ? { kind: 'unit', key: p.data.u } : null;
  }
  return action === BUDGET_ACTIONS.unreported.action ? { kind: 'unreported' } : null;
}
