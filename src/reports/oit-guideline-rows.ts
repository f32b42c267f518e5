import { oitItemStatus, type OitItem } from '../domain/oit.js';
import type { IndicatorReportData } from './types.js';

type IndicatorRow = IndicatorReportData['rows'][number];

/**
 * The indicator table's OIT rows (seed 002): the year's OIT items the plan gave a guideline, read from the OIT
 * list, the one record of an item. What was done is the answer as its owner typed it, its explanation and
 * address; the tick is the answer as signed off (`oitItemStatus`). Sorted by the `key` the plan's items use.
 */
export function oitGuidelineRows(items: OitItem[]): { key: { indicator: string; number: number; code: string }; row: IndicatorRow }[] {
  return items
    .filter((i) => i.guideline !== null)
    .map((i) => ({
      key: { indicator: i.code, number: i.number, code: i.code },
      row: {
        instrument: 'OIT',
        code: i.code,
        name: `${i.code} ${i.title}`,
        score: null,
        guideline: i.guideline ?? '',
        responsible: [...i.responsibleUnits, ...i.assignees].join('\n'),
        period: i.guidelinePeriod ?? '',
        progress: [i.answer?.explanation?.trim() ?? '', i.answer?.url ?? ''].filter(Boolean).join('\n'),
        status: oitItemStatus(i),
      },
    }));
}
