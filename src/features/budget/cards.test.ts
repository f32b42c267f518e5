import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { postbackDataIn } from '../../../test/support/chat.js';
import { figures } from '../../domain/figures.js';
import { FAMILIES } from '../../domain/measures.js';
import { limitViolations } from '../../line/limits.js';
import { parsePostbackData } from '../../line/postback.js';
import { readBudgetList } from './buttons.js';
import { budgetOf, type BudgetItem } from './budget.js';
import { budgetMessage, groupListText, unreportedMessage } from './cards.js';

const AS_OF = new Date('2026-03-31T03:00:00Z');
const THAI_DIGIT = /[๐-๙]/;

/** The longest real titles and unit names: the sample plan, every item given the largest budget the dialog takes. */
const plan = parse(readFileSync('examples/plan-2568.csv'), { bom: true, columns: true }) as Record<string, string>[];
const longest: BudgetItem[] = plan.map((row, i) => ({
  id: `m${i}`,
  code: row['รหัส']!,
  title: row['มาตรการ/โครงการ']!,
  family: FAMILIES[i % 3]!,
  responsibleUnits: (row['หน่วยงานรับผิดชอบ'] ?? '').split(/[;\n]/).filter(Boolean),
  budget: 9_999_999.99,
  disbursed: i % 3 === 0 ? 0 : 9_999_999.99,
}));

/** Everything a person reads in a message: texts, labels and alt text. */
function shown(message: any): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    for (const key of ['text', 'label', 'altText', 'displayText']) if (typeof node[key] === 'string') out.push(node[key]);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(message);
  return out.join('\n');
}

describe('the budget card', () => {
  it('stays within LINE\'s limits with the longest real data and forty units, and every button is one the feature reads back', () => {
    const manyUnits = Array.from({ length: 40 }, (_, k) => longest.map((m) => ({ ...m, id: `${m.id}-${k}`, responsibleUnits: [`ส่วนราชการที่มีชื่อยาวมากเป็นพิเศษลำดับที่ ${k}`, ...m.responsibleUnits] }))).flat();
    for (const items of [longest, manyUnits]) {
      const budget = budgetOf(2569, items, new Set(), AS_OF);
      for (const audience of ['organisation', 'own'] as const) {
        const message = budgetMessage(budget, audience, figures('thai'));
        expect(limitViolations(message), audience).toEqual([]);
        for (const data of postbackDataIn(message)) {
          const { action, params } = parsePostbackData(data);
          expect(readBudgetList(action, params), data).not.toBeNull();
        }
        expect(limitViolations(unreportedMessage(budget, audience, new Set(), figures('thai')))).toEqual([]);
      }
      for (const group of [...budget.byFamily, ...budget.byUnit]) expect(limitViolations({ type: 'text', text: groupListText(group, new Set(), figures()) })).toEqual([]);
    }
  });

  it('shows the executive the whole organisation: totals, each family with a list button, then each unit with one', () => {
    const items: BudgetItem[] = [
      { id: 'a', code: 'EP-01', title: 'โครงการจัดซื้อจัดจ้างโปร่งใส', family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 50_000, disbursed: 12_500 },
      { id: 'b', code: 'EP-02', title: 'โครงการอบรมคุณธรรม', family: 'anticorruption_project', responsibleUnits: ['สำนักปลัด'], budget: 30_000, disbursed: 0 },
    ];
    const message: any = budgetMessage(budgetOf(2569, items, new Set(), AS_OF), 'organisation', figures());
    const text = shown(message);
    expect(text).toContain('งบประมาณและการเบิกจ่าย');
    expect(text).toContain('ปีงบประมาณ 2569');
    expect(text).toContain('80,000.00 บาท');
    expect(text).toContain('12,500.00 บาท');
    expect(text).toContain('15.63');
    expect(text).toContain('แผนปฏิบัติการป้องกันการทุจริต');
    expect(text).toContain('กองคลัง');
    expect(text).toContain('สำนักปลัด');
    expect(message.altText).toBe('งบประมาณและการเบิกจ่าย ปีงบประมาณ 2569: เบิกจ่าย 12,500.00 จาก 80,000.00 บาท (ร้อยละ 15.63) · ยังไม่รายงานการเบิกจ่าย 1 โครงการ · แผนปฏิบัติการป้องกันการทุจริต ร้อยละ 15.63');
    // The overview, then the units' card; the family's button, two units' buttons and the unreported list.
    expect(message.contents.contents).toHaveLength(2);
    expect(postbackDataIn(message).map((d) => parsePostbackData(d).action).sort()).toEqual(['bg.f', 'bg.n', 'bg.u', 'bg.u']);
    expect(text).not.toMatch(THAI_DIGIT);
  });

  it('writes every figure in Thai digits for an organisation that chose them, while codes and titles stay as typed', () => {
    const items: BudgetItem[] = [{ id: 'a', code: 'EP-01', title: 'โครงการ 2 ระยะ', family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 50_000, disbursed: 12_500 }];
    const budget = budgetOf(2569, items, new Set(['a']), AS_OF);
    const card = shown(budgetMessage(budget, 'organisation', figures('thai')));
    expect(card).toContain('๕๐,๐๐๐.๐๐ บาท');
    expect(card).toContain('๒๕.๐๐');
    expect(card).toContain('ปีงบประมาณ ๒๕๖๙');
    expect(card).not.toMatch(/[0-9]/);
    const list = groupListText(budget.byFamily[0]!, new Set(['a']), figures('thai'));
    expect(list).toContain('• EP-01 โครงการ 2 ระยะ');
    expect(list).toContain('เบิกจ่าย ๑๒,๕๐๐.๐๐ บาท (ร้อยละ ๒๕.๐๐)');
  });

  it('shows an officer their own items, without the units, and their unreported projects with a button to report each', () => {
    const items: BudgetItem[] = [
      { id: 'a', code: 'EP-01', title: 'โครงการจัดซื้อจัดจ้างโปร่งใส', family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 50_000, disbursed: 0 },
      { id: 'b', code: 'EP-02', title: 'โครงการอบรมคุณธรรม', family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 20_000, disbursed: 5_000 },
    ];
    const budget = budgetOf(2569, items, new Set(['b']), AS_OF);
    const message: any = budgetMessage(budget, 'own', figures());
    expect(message.contents.contents).toHaveLength(1);
    expect(shown(message)).toContain('งบประมาณของรายการที่ท่านรับผิดชอบ');
    const unreported: any = unreportedMessage(budget, 'own', new Set(['b']), figures());
    expect(unreported.text).toContain('• EP-01 โครงการจัดซื้อจัดจ้างโปร่งใส');
    expect(unreported.text).not.toContain('EP-02');
    expect(unreported.quickReply.items.map((i: any) => i.action.text)).toEqual(['รายงาน EP-01']);
  });

  it('marks spending above the budget in the card and the list', () => {
    const items: BudgetItem[] = [{ id: 'a', code: 'EP-01', title: 'โครงการ', family: 'anticorruption_project', responsibleUnits: ['กองคลัง'], budget: 10_000, disbursed: 12_000 }];
    const budget = budgetOf(2569, items, new Set(['a']), AS_OF);
    expect(shown(budgetMessage(budget, 'organisation', figures()))).toContain('เบิกจ่ายเกินงบประมาณ');
    expect(groupListText(budget.byUnit[0]!, new Set(['a']), figures())).toContain('เบิกจ่าย 12,000.00 บาท (ร้อยละ 120.00) · เบิกจ่ายเกินงบประมาณ');
  });

  it('answers in one plain line when the plan carries no budget', () => {
    const message: any = budgetMessage(budgetOf(2569, [], new Set(), AS_OF), 'organisation', figures());
    expect(message).toEqual({ type: 'text', text: 'แผนปีงบประมาณ 2569 ยังไม่มีรายการที่ตั้งงบประมาณไว้' });
  });
});
