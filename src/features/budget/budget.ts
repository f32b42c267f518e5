import { groupKey, NO_UNIT_TH, SHARED_UNIT_TH } from '../../domain/executive-groups.js';
import { ALL_UNITS, asksForDisbursement, FAMILIES, FAMILY_TH, type Family } from '../../domain/measures.js';
import { disbursementPercent } from '../../domain/summary.js';

/**
 * The plan's money as executives and officers ask for it: (items, which items have a reported amount,
 * moment) → figures by family and by responsible unit. Disbursed is the item's current figure, as the
 * summary counts it (its newest reported amount, or the plan file's while none is reported), and the
 * percentage is the summary's own `disbursementPercent`.
 */
export interface BudgetItem {
  id: string;
  code: string;
  title: string;
  family: Family;
  responsibleUnits: readonly string[];
  budget: number;
  disbursed: number;
}

export interface BudgetFigures {
  /** Items with a budget, or money spent without one. */
  items: number;
  budget: number;
  disbursed: number;
  /** disbursed ÷ budget × 100, two decimals; above 100 when more was spent than budgeted. */
  disbursementPercent: number;
  /** Plan projects with a budget for which no amount has been reported yet. */
  unreported: number;
  /** Items whose reported amount is above their budget (a budget lowered after the spending, or a plan file's figures). */
  overBudget: number;
}

export interface BudgetGroup {
  /** What a drill-down button names: the family itself, or a short hash of the unit (its Thai name would not fit a postback). */
  key: string;
  name: string;
  figures: BudgetFigures;
  items: BudgetItem[];
}

export interface Budget {
  fiscalYear: number;
  asOf: Date;
  overall: BudgetFigures;
  byFamily: (BudgetGroup & { family: Family })[];
  /** Largest budget first; an item shared by several units counts in each of them, ทุกส่วนราชการ last. */
  byUnit: BudgetGroup[];
  unreported: BudgetItem[];
  overBudget: BudgetItem[];
}

/** Nothing reported about its money: a project asked for its disbursement that no report has given an amount for, nor the plan file. */
export function isUnreported(item: BudgetItem, amountReported: ReadonlySet<string>): boolean {
  return asksForDisbursement(item) && item.disbursed === 0 && !amountReported.has(item.id);
}

export const isOverBudget = (item: BudgetItem): boolean => item.disbursed > item.budget;

function figuresOf(items: BudgetItem[], amountReported: ReadonlySet<string>): BudgetFigures {
  let budget = 0;
  let disbursed = 0;
  let unreported = 0;
  let overBudget = 0;
  for (const item of items) {
    budget += item.budget;
    disbursed += item.disbursed;
    if (isUnreported(item, amountReported)) unreported++;
    if (isOverBudget(item)) overBudget++;
  }
  // Satang sums of many items drift in binary: the figures are of money, to the satang.
  budget = Math.round(budget * 100) / 100;
  disbursed = Math.round(disbursed * 100) / 100;
  return { items: items.length, budget, disbursed, disbursementPercent: disbursementPercent(disbursed, budget), unreported, overBudget };
}

export const unitKey = (unit: string): string => groupKey(`unit:${unit}`);

function unitsOf(item: BudgetItem): string[] {
  return item.responsibleUnits.length === 0 ? [NO_UNIT_TH] : [...new Set(item.responsibleUnits)];
}

export function budgetOf(fiscalYear: number, items: readonly BudgetItem[], amountReported: ReadonlySet<string>, asOf: Date): Budget {
  // An item of the plan without a budget has no money to follow, unless something was spent on it anyway.
  const money = items.filter((i) => i.budget > 0 || i.disbursed > 0);
  const byFamily = FAMILIES.map((family) => ({ family, items: money.filter((i) => i.family === family) }))
    .filter((g) => g.items.length > 0)
    .map(({ family, items }) => ({ family, key: family, name: FAMILY_TH[family], figures: figuresOf(items, amountReported), items }));
  const units = new Map<string, BudgetItem[]>();
  for (const item of money) {
    for (const unit of unitsOf(item)) {
      const list = units.get(unit);
      if (list) list.push(item);
      else units.set(unit, [item]);
    }
  }
  const shared = (g: BudgetGroup) => Number(g.name === SHARED_UNIT_TH);
  const byUnit = [...units]
    .map(([unit, list]) => ({ key: unitKey(unit), name: unit === ALL_UNITS ? SHARED_UNIT_TH : unit, figures: figuresOf(list, amountReported), items: list }))
    .sort((a, b) => shared(a) - shared(b) || b.figures.budget - a.figures.budget || a.name.localeCompare(b.name, 'th'));
  return {
    fiscalYear,
    asOf,
    overall: figuresOf(money, amountReported),
    byFamily,
    byUnit,
    unreported: money.filter((i) => isUnreported(i, amountReported)),
    overBudget: money.filter(isOverBudget),
  };
}
