import type { z } from 'zod';
import { postbackData } from '../../line/postback.js';
import { BUDGET_ACTIONS } from './actions.js';

export type BudgetList =
  | { kind: 'family'; family: z.infer<typeof BUDGET_ACTIONS.budgetFamily.params>['f'] }
  | { kind: 'unit'; key: string }
  | { kind: 'unreported' };

export function budgetListData(list: BudgetList): string {
  if (list.kind === 'family') return postbackData(BUDGET_ACTIONS.budgetFamily, { f: list.family });
  if (list.kind === 'unit') return postbackData(BUDGET_ACTIONS.budgetUnit, { u: list.key });
  return postbackData(BUDGET_ACTIONS.budgetUnreported);
}

/** The list a pressed button asks for (the router has checked its params against the schemas), or null. */
export function readBudgetList(action: string, params: Record<string, string | undefined>): BudgetList | null {
  if (action === BUDGET_ACTIONS.budgetFamily.name) {
    const p = BUDGET_ACTIONS.budgetFamily.params.safeParse(params);
    return p.success ? { kind: 'family', family: p.data.f } : null;
  }
  if (action === BUDGET_ACTIONS.budgetUnit.name) {
    const p = BUDGET_ACTIONS.budgetUnit.params.safeParse(params);
    return p.success ? { kind: 'unit', key: p.data.u } : null;
  }
  return action === BUDGET_ACTIONS.budgetUnreported.name ? { kind: 'unreported' } : null;
}
