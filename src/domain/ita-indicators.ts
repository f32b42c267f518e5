import { ITA_INDICATOR_TH, instrumentOf, isItaIndicatorNumber, type ItaIndicatorNumber } from './oit.js';
import type { PlannedResult } from './measures.js';
import { STATUS_TH, type Status } from './statuses.js';
import { arabicDigits } from './thai.js';

/**
 * An ITA indicator is one record: the plan's `ita_indicator` item (domain.md, "Which record holds what").
 * Its `indicator` field names what it raises: "1"…"10" (or "ตัวชี้วัดที่ ๒ …") for an IIT/EIT/OIT indicator,
 * "O10" for one item of the OIT form, nothing for a guideline of its own. The indicator table (seed 002)
 * adds the score and fills the guideline, responsibility, period and progress of the same item.
 */

/** The indicator number an item's `indicator` text names, if it names one of 1–10 (not an OIT item "O10"). */
export function indicatorNumberOf(indicator: string | null | undefined): ItaIndicatorNumber | null {
  if (!indicator) return null;
  const t = arabicDigits(indicator).trim();
  if (/^[oO]\s*\d/.test(t)) return null;
  // "9.4" is a sub-indicator (seed 000's ตัวชี้วัดที่ 9.4), not indicator 9 itself.
  const m = t.match(/^(?:ตัวชี้วัดที่\s*)?(\d{1,2})(?![\d.])/);
  const n = m ? Number(m[1]) : null;
  return isItaIndicatorNumber(n) ? n : null;
}

/** The OIT form's item an `indicator` text names ("O10", "o 10"), as its number; null otherwise. */
export function oitItemNumberOf(indicator: string | null | undefined): number | null {
  const m = indicator ? arabicDigits(indicator).trim().match(/^[oO]\s*(\d{1,3})$/) : null;
  return m ? Number(m[1]) : null;
}

export type IndicatorGroup = 'IIT' | 'EIT' | 'OIT' | 'other';

/** Which table of seed 002 an item goes in: IIT 1–5, EIT 6–8, OIT 9–10 and the OIT items, other guidelines last. */
export function indicatorGroupOf(indicator: string | null | undefined): IndicatorGroup {
  const n = indicatorNumberOf(indicator) ?? indicatorNumberOf(arabicDigits(indicator ?? '').trim().match(/^(\d{1,2})\.\d/)?.[1]);
  if (n !== null) return instrumentOf(n);
  return oitItemNumberOf(indicator) !== null ? 'OIT' : 'other';
}

const GROUP_ORDER: Record<IndicatorGroup, number> = { IIT: 0, EIT: 1, OIT: 2, other: 3 };

/** The order of seed 002's tables: by group, then indicator 1…10, then the OIT items O1…, then number and code. */
export function compareIndicatorItems(
  a: { indicator: string | null; number: number | null; code: string },
  b: { indicator: string | null; number: number | null; code: string },
): number {
  const key = (m: typeof a) => [GROUP_ORDER[indicatorGroupOf(m.indicator)], indicatorNumberOf(m.indicator) ?? 99, oitItemNumberOf(m.indicator) ?? 999, m.number ?? 9999] as const;
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return a.code.localeCompare(b.code);
}

/** The code an item gets when the indicator table names an indicator the plan has no item for (as the sample plan names them). */
export const indicatorItemCode = (n: ItaIndicatorNumber): string => `${instrumentOf(n)}-${n}`;

/** The title such an item gets: the indicator's own name. */
export const indicatorItemTitle = (n: ItaIndicatorNumber): string => ITA_INDICATOR_TH[n];

/** One row of an indicator table file (seed 002), as read: blank texts leave the item's own fields as they are. */
export interface IndicatorRow {
  fiscalYear: number;
  number: ItaIndicatorNumber;
  /** The plan item the row is about, when the file names it (column รหัส); otherwise found by its indicator. */
  code: string | null;
  score: number | null;
  guideline: string;
  /** Units (กอง…, สำนัก…, ทุกส่วนราชการ) and positions, as the responsible column lists them. */
  responsibleUnits: string[];
  assignees: string[];
  /** The period as written and read; null when the row leaves it blank. */
  period: { text: string; start: Date; end: Date } | null;
  progress: string;
  status: Status | null;
}

// A name of an organisation's part rather than of a position: "กองคลัง", "สำนักปลัด", "ทุกส่วนราชการ".
const UNIT_NAME = /^(กอง|สำนัก|ส่วน|ทุกส่วน|หน่วย|ศูนย์|งาน)/;

/** Splits the responsible column into units and positions, as the plan file has them in two columns. */
export function splitResponsible(names: string[]): { responsibleUnits: string[]; assignees: string[] } {
  return { responsibleUnits: names.filter((n) => UNIT_NAME.test(n)), assignees: names.filter((n) => !UNIT_NAME.test(n)) };
}

/**
 * What a row says was done, as an imported report. Progress written without a status describes work under
 * way, so it is not "not started"; a status without progress is a report too. Neither: no report.
 */
export function indicatorRowResult(row: Pick<IndicatorRow, 'progress' | 'status'>): PlannedResult | null {
  const summary = row.progress.trim();
  if (!summary && row.status === null) return null;
  const status: Status = row.status ?? 'in_progress';
  // As the plan import does: a report needs words, and the status's own are all a bare status says.
  return { status, summary: summary || STATUS_TH[status], outcome: null, asOf: null };
}

/** What the organisation's plan holds for a fiscal year, as matching a row needs it. */
export interface PlanItemKey {
  code: string;
  family: string;
  indicator: string | null;
}

export type IndicatorTarget = { code: string; isNew: boolean } | { problem: string };

/**
 * The plan item a row of the indicator table fills: the one its รหัส names, else the year's one
 * `ita_indicator` item of that indicator (the one coded like `IIT-2` when there are several), else a new
 * item coded like `IIT-2`. Several candidates and none coded so is a question only the operator can
 * answer, unless `pickFirst` (the one-time move of the old table) takes the first by code.
 */
export function chooseIndicatorItem(items: PlanItemKey[], row: Pick<IndicatorRow, 'number' | 'code'>, pickFirst = false): IndicatorTarget {
  if (row.code) {
    const named = items.find((i) => i.code === row.code);
    if (named && named.family !== 'ita_indicator') return { problem: `รหัส ${row.code} เป็นรายการประเภทอื่นในแผน ไม่ใช่ตัวชี้วัด` };
    return { code: row.code, isNew: !named };
  }
  const candidates = items.filter((i) => i.family === 'ita_indicator' && indicatorNumberOf(i.indicator) === row.number).sort((a, b) => a.code.localeCompare(b.code));
  const usual = indicatorItemCode(row.number);
  if (candidates.length === 1) return { code: candidates[0]!.code, isNew: false };
  if (candidates.length > 1) {
    const coded = candidates.find((i) => i.code === usual);
    if (coded || pickFirst) return { code: (coded ?? candidates[0]!).code, isNew: false };
    return { problem: `แผนมีหลายรายการของตัวชี้วัดที่ ${row.number} (${candidates.map((i) => i.code).join(', ')}) ใส่รหัสของรายการที่ต้องการในคอลัมน์ "รหัส"` };
  }
  if (items.some((i) => i.code === usual)) return { problem: `รหัส ${usual} มีอยู่แล้วในแผนแต่ไม่ใช่ตัวชี้วัดที่ ${row.number} ใส่รหัสของรายการที่ต้องการในคอลัมน์ "รหัส"` };
  return { code: usual, isNew: true };
}

/**
 * The OIT item a plan row is about, when it is one: an `ita_indicator` row whose ตัวชี้วัด is an OIT item code
 * ("O10"). Such a row fills the year's OIT item, the one record of that item, rather than making a plan item.
 * Other families keep their row even when their ตัวชี้วัด names an item: a project serving O10 is a project.
 */
export function oitItemOfPlanRow(row: { family: string; indicator: string | null }): { code: string; number: number } | null {
  if (row.family !== 'ita_indicator') return null;
  const n = oitItemNumberOf(row.indicator);
  return n !== null && n >= 1 ? { code: `O${n}`, number: n } : null;
}
