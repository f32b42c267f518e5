import { describe, expect, it } from 'vitest';
import { SHARED_UNIT_TH } from '../../domain/executive-groups.js';
import { FAMILY_TH } from '../../domain/measures.js';
import { budgetOf, unitKey, type BudgetItem } from './budget.js';

const AS_OF = new Date('2026-03-31T03:00:00Z');

function item(code: string, fields: Partial<BudgetItem> = {}): BudgetItem {
  return { id: `id-${code}`, code, title: `โครงการ ${code}`, family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 0, disbursed: 0, ...fields };
}

describe('the budget of the plan, by family and by unit', () => {
  const items = [
    item('EP-01', { budget: 50_000, disbursed: 12_500, responsibleUnits: ['กองคลัง'] }),
    item('EP-02', { budget: 30_000, disbursed: 0, responsibleUnits: ['สำนักปลัด', 'กองคลัง'] }),
    item('EP-03', { budget: 20_000, disbursed: 0, responsibleUnits: ['ทุกส่วนราชการ'] }),
    item('ITA-01', { family: 'ita_measure', budget: 10_000, disbursed: 10_000, responsibleUnits: ['สำนักปลัด'] }),
    // No budget and nothing spent: no money to follow.
    item('ITA-02', { family: 'ita_measure', responsibleUnits: ['กองช่าง'] }),
    item('IIT-1', { family: 'ita_indicator', responsibleUnits: ['สำนักปลัด'] }),
  ];
  // EP-02's officer reported an amount of 0: reported, though nothing is spent yet.
  const b = budgetOf(2569, items, new Set(['id-EP-02']), AS_OF);

  it('adds up the budgeted items: budget, disbursed and the summary\'s percentage', () => {
    expect(b.overall).toEqual({ items: 4, budget: 110_000, disbursed: 22_500, disbursementPercent: 20.45, unreported: 1, overBudget: 0 });
    expect(b.fiscalYear).toBe(2569);
    expect(b.asOf).toBe(AS_OF);
  });

  it('gives each family with money its own figures, in the plan\'s family order, under its Thai name', () => {
    expect(b.byFamily.map((g) => [g.name, g.figures.budget, g.figures.disbursed, g.figures.disbursementPercent, g.items.map((i) => i.code)])).toEqual([
      [FAMILY_TH.ita_measure, 10_000, 10_000, 100, ['ITA-01']],
      [FAMILY_TH.anticorruption_project, 100_000, 12_500, 12.5, ['EP-01', 'EP-02', 'EP-03']],
    ]);
    expect(b.byFamily.map((g) => g.key)).toEqual(['ita_measure', 'anticorruption_project']);
  });

  it('counts a shared item in each of its units, largest budget first and ทุกส่วนราชการ last, each with a short key', () => {
    expect(b.byUnit.map((g) => [g.name, g.figures.budget, g.figures.disbursed, g.figures.unreported])).toEqual([
      ['กองคลัง', 80_000, 12_500, 0],
      ['สำนักปลัด', 40_000, 10_000, 0],
      [SHARED_UNIT_TH, 20_000, 0, 1],
    ]);
    expect(b.byUnit[0]!.key).toBe(unitKey('กองคลัง'));
    expect(b.byUnit.every((g) => /^[A-Za-z0-9_-]{12}$/.test(g.key))).toBe(true);
  });

  it('lists the projects with a budget that nobody has reported an amount for', () => {
    expect(b.unreported.map((i) => i.code)).toEqual(['EP-03']);
    // Before any report, every budgeted project with nothing from the plan file is waiting; ITA measures are never asked.
    const fresh = budgetOf(2569, items, new Set(), AS_OF);
    expect(fresh.unreported.map((i) => i.code)).toEqual(['EP-02', 'EP-03']);
    expect(fresh.byUnit.find((g) => g.name === 'กองคลัง')!.figures.unreported).toBe(1);
    // An amount the plan file carried counts as known.
    expect(budgetOf(2569, [item('EP-09', { budget: 5_000, disbursed: 1_000 })], new Set(), AS_OF).unreported).toEqual([]);
  });

  it('shows spending above the budget as it is: over 100 %, and named', () => {
    const over = budgetOf(2569, [item('EP-01', { budget: 10_000, disbursed: 12_000 }), item('EP-02', { budget: 0, disbursed: 500 })], new Set(['id-EP-01', 'id-EP-02']), AS_OF);
    expect(over.overall).toMatchObject({ items: 2, budget: 10_000, disbursed: 12_500, disbursementPercent: 125, overBudget: 2 });
    expect(over.overBudget.map((i) => i.code)).toEqual(['EP-01', 'EP-02']);
  });

  it('keeps money to the satang however many items are added', () => {
    const many = Array.from({ length: 10 }, (_, i) => item(`EP-${i}`, { budget: 0.1, disbursed: 0.1 }));
    expect(budgetOf(2569, many, new Set(), AS_OF).overall).toMatchObject({ budget: 1, disbursed: 1, disbursementPercent: 100 });
  });

  it('has nothing to show for a plan without budgets', () => {
    const none = budgetOf(2569, [item('ITA-01', { family: 'ita_measure' })], new Set(), AS_OF);
    expect(none.overall.items).toBe(0);
    expect(none.byFamily).toEqual([]);
    expect(none.byUnit).toEqual([]);
  });
});
