import { isItaIndicatorNumber, ITA_INDICATOR_TH, OIT_INDICATORS, parseOitCode, type ItaIndicator, type OitIndicator, type PlannedOitItem } from '../domain/oit.js';
import { parseStatus } from '../domain/statuses.js';
import { arabicDigits } from '../domain/thai.js';
import { moveYearsInText, type ImportWarning } from '../domain/carried-over-text.js';
import { countOitItems, itaIndicatorsOfYear, saveItaIndicator, saveOitItem } from '../db/oit-store.js';
import { findOrganisation } from '../db/organisation-store.js';
import { importingOrganisation, tableWarnings } from '../plan-import/carried-over-warnings.js';
import { readTable, type Table } from '../plan-import/read-table.js';
import type { RowProblem } from '../plan-import/validate-plan.js';

/**
 * The year's OIT list and the indicator table come in files of their own rather than as rows of the plan:
 * an OIT item is answered (มี/ไม่มี, address, explanation) and reviewed, not reported on with a status and
 * disbursement, and the list changes every year with the ITAS form. The files are read like plan files
 * (CSV or the first sheet of an .xlsx, Thai headers, Thai or Arabic digits) and checked the same way: every
 * problem by row and column, and nothing imported while one remains.
 */

type Columns<F extends string> = Record<F, string[]>;

export const OIT_COLUMNS: Columns<'code' | 'indicator' | 'title' | 'description' | 'units' | 'assignees' | 'fiscalYear'> = {
  code: ['ข้อ', 'รหัส', 'code'],
  indicator: ['ตัวชี้วัด', 'indicator'],
  title: ['ข้อมูล', 'หัวข้อ', 'title'],
  description: ['องค์ประกอบด้านข้อมูล', 'รายละเอียด', 'description'],
  units: ['หน่วยงานรับผิดชอบ', 'units'],
  assignees: ['ผู้รับผิดชอบ', 'assignees'],
  fiscalYear: ['ปีงบประมาณ', 'fiscal_year'],
};

export const INDICATOR_COLUMNS: Columns<'number' | 'score' | 'guideline' | 'responsible' | 'period' | 'progress' | 'status' | 'fiscalYear'> = {
  number: ['ตัวชี้วัด', 'indicator'],
  score: ['คะแนน', 'score'],
  guideline: ['แนวทางในการยกระดับการประเมิน', 'แนวทาง', 'guideline'],
  responsible: ['ผู้รับผิดชอบ', 'responsible'],
  period: ['ระยะเวลา', 'ระยะเวลาในการดำเนินการ', 'period'],
  progress: ['ความก้าวหน้าผลการดำเนินการ', 'ความก้าวหน้า', 'progress'],
  status: ['สถานะ', 'status'],
  fiscalYear: ['ปีงบประมาณ', 'fiscal_year'],
};

const LIST_SEPARATOR = /\s*[;\n]\s*/;
const list = (text: string) => text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);

function columnsOf<F extends string>(table: Table, columns: Columns<F>, required: NoInfer<F>[], problems: RowProblem[]): Record<F, string | undefined> {
  const found = {} as Record<F, string | undefined>;
  for (const field of Object.keys(columns) as F[]) {
    found[field] = table.headers.find((h) => columns[field].some((name) => name.toLowerCase() === h.toLowerCase()));
  }
  for (const field of required) if (!found[field]) problems.push({ row: 1, column: columns[field][0]!, message: 'ไม่มีคอลัมน์นี้ในแถวหัวตาราง' });
  return found;
}

function fiscalYearIn(text: string): number | null {
  const n = Number(arabicDigits(text));
  return Number.isInteger(n) && n >= 2500 && n <= 2700 ? n : null;
}

/** "9", "๙", "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" all name indicator 9. */
function indicatorIn(text: string): number | null {
  const m = arabicDigits(text).match(/(\d{1,2})/);
  return m ? Number(m[1]) : null;
}

export function validateOitItems(table: Table): { items: PlannedOitItem[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const col = columnsOf(table, OIT_COLUMNS, ['code', 'indicator', 'title', 'fiscalYear'], problems);
  if (problems.length > 0) return { items: [], problems };
  if (table.rows.length === 0) return { items: [], problems: [{ row: 2, column: '-', message: 'ไฟล์ไม่มีข้อมูล' }] };
  const items: PlannedOitItem[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const get = (f: keyof typeof OIT_COLUMNS) => (col[f] ? (cells[col[f]!] ?? '') : '');
    const fail = (f: keyof typeof OIT_COLUMNS, message: string) => problems.push({ row: rowNumber, column: col[f] ?? OIT_COLUMNS[f][0]!, message });
    const before = problems.length;
    const code = parseOitCode(get('code'));
    const fiscalYear = fiscalYearIn(get('fiscalYear'));
    if (!code) fail('code', 'ต้องเป็นข้อ OIT เช่น O1, O12 หรือ ๐๑');
    if (fiscalYear === null) fail('fiscalYear', 'ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2568');
    const key = `${fiscalYear}:${code?.code}`;
    if (code && fiscalYear !== null && seen.has(key)) fail('code', `ข้อซ้ำกับแถว ${seen.get(key)}`);
    else if (code) seen.set(key, rowNumber);
    const indicator = indicatorIn(get('indicator'));
    if (!(OIT_INDICATORS as readonly number[]).includes(indicator ?? 0)) fail('indicator', 'ต้องเป็น 9 (การเปิดเผยข้อมูล) หรือ 10 (การป้องกันการทุจริต)');
    const title = get('title');
    if (!title) fail('title', 'ต้องระบุหัวข้อ');
    else if (title.length > 500) fail('title', 'ยาวเกิน 500 ตัวอักษร');
    const description = get('description');
    if (description.length > 3_000) fail('description', 'ยาวเกิน 3,000 ตัวอักษร');
    const responsibleUnits = list(get('units'));
    const assignees = list(get('assignees'));
    if (responsibleUnits.length + assignees.length === 0) fail('units', 'ต้องระบุหน่วยงานรับผิดชอบ หรือผู้รับผิดชอบอย่างน้อยหนึ่งช่อง เพื่อให้มีผู้ตอบข้อนี้');
    if (problems.length > before) continue;
    items.push({ fiscalYear: fiscalYear!, code: code!.code, number: code!.number, title, description, indicator: indicator as OitIndicator, responsibleUnits, assignees });
  }
  return { items: problems.length > 0 ? [] : items, problems };
}

const STATUS_WORDS: Record<string, ItaIndicator['status']> = { ดำเนินการ: 'completed' };

export function validateIndicators(table: Table): { indicators: ItaIndicator[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const col = columnsOf(table, INDICATOR_COLUMNS, ['number', 'fiscalYear'], problems);
  if (problems.length > 0) return { indicators: [], problems };
  if (table.rows.length === 0) return { indicators: [], problems: [{ row: 2, column: '-', message: 'ไฟล์ไม่มีข้อมูล' }] };
  const indicators: ItaIndicator[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const get = (f: keyof typeof INDICATOR_COLUMNS) => (col[f] ? (cells[col[f]!] ?? '') : '');
    const fail = (f: keyof typeof INDICATOR_COLUMNS, message: string) => problems.push({ row: rowNumber, column: col[f] ?? INDICATOR_COLUMNS[f][0]!, message });
    const before = problems.length;
    const number = indicatorIn(get('number'));
    if (!isItaIndicatorNumber(number)) fail('number', 'ต้องเป็นตัวชี้วัดที่ 1 ถึง 10');
    const fiscalYear = fiscalYearIn(get('fiscalYear'));
    if (fiscalYear === null) fail('fiscalYear', 'ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2568');
    const key = `${fiscalYear}:${number}`;
    if (seen.has(key)) fail('number', `ตัวชี้วัดซ้ำกับแถว ${seen.get(key)}`);
    else seen.set(key, rowNumber);
    const scoreText = arabicDigits(get('score')).replace(/คะแนน|\s/g, '');
    const score = scoreText === '' || scoreText === '-' ? null : Number(scoreText);
    if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) fail('score', 'ต้องเป็นคะแนน 0 ถึง 100 เช่น 91.46 หรือ ๙๑.๔๖');
    const statusText = get('status');
    const status = statusText === '' ? 'not_started' : (STATUS_WORDS[statusText] ?? parseStatus(statusText));
    if (status !== 'not_started' && status !== 'in_progress' && status !== 'completed') fail('status', 'ต้องเป็น ยังไม่ได้ดำเนินการ อยู่ระหว่างดำเนินการ หรือ ดำเนินการแล้วเสร็จ');
    if (problems.length > before) continue;
    indicators.push({
      fiscalYear: fiscalYear!,
      number: number as ItaIndicator['number'],
      score,
      guideline: get('guideline'),
      responsible: get('responsible'),
      period: get('period'),
      progress: get('progress'),
      status: status as ItaIndicator['status'],
    });
  }
  return { indicators: problems.length > 0 ? [] : indicators, problems };
}

export type OitImportResult =
  | {
      ok: true;
      created: number;
      updated: number;
      fiscalYears: number[];
      dryRun: boolean;
      /** Text that names another organisation or an old year (domain/carried-over-text.ts); imported all the same. */
      warnings?: ImportWarning[];
    }
  | { ok: false; problems: RowProblem[] };

/**
 * Moves a list by `shift` years (the demo's sample list): the items' year and the years their wording names
 * ("ในปี พ.ศ. 2567", "ณ 31 มีนาคม 2567") move together; a law's year ("พ.ร.บ. … พ.ศ. 2560") stays.
 */
function shiftOitItems(items: PlannedOitItem[], shift: number): PlannedOitItem[] {
  if (shift === 0) return items;
  const moveYears = (text: string) => moveYearsInText(text, shift);
  return items.map((i) => ({ ...i, fiscalYear: i.fiscalYear + shift, title: moveYears(i.title), description: moveYears(i.description) }));
}

/** An OIT list names the year before on purpose: ITAS asks for last year's reports (O9, O12, O17 …). */
const OIT_PROSE = { text: [OIT_COLUMNS.title, OIT_COLUMNS.description, OIT_COLUMNS.units, OIT_COLUMNS.assignees], fiscalYear: OIT_COLUMNS.fiscalYear, yearsBefore: 1 };

/** Loads a year's OIT list; a re-import updates items by (fiscal year, code) and keeps their answers and reviews. */
export async function importOitItems(orgId: string, path: string, options: { dryRun?: boolean; toFiscalYear?: number } = {}): Promise<OitImportResult> {
  const table = await readTable(path);
  const validated = validateOitItems(table);
  const problems = validated.problems;
  if (problems.length > 0) return { ok: false, problems };
  const shift = options.toFiscalYear === undefined ? 0 : options.toFiscalYear - Math.max(...validated.items.map((i) => i.fiscalYear));
  const items = shiftOitItems(validated.items, shift);
  const warnings = tableWarnings(table, importingOrganisation(await findOrganisation(orgId)), { ...OIT_PROSE, yearsMoved: shift });
  const fiscalYears = [...new Set(items.map((i) => i.fiscalYear))].sort();
  if (options.dryRun) {
    let existing = 0;
    for (const fy of fiscalYears) existing += await countOitItems(orgId, fy, items.filter((i) => i.fiscalYear === fy).map((i) => i.code));
    return { ok: true, created: items.length - existing, updated: existing, fiscalYears, dryRun: true, warnings };
  }
  let created = 0;
  for (const item of items) if (await saveOitItem(orgId, item)) created++;
  return { ok: true, created, updated: items.length - created, fiscalYears, dryRun: false, warnings };
}

/** Loads indicator rows; a re-import replaces the rows it names and leaves the others. */
export async function importIndicators(orgId: string, path: string, options: { dryRun?: boolean } = {}): Promise<OitImportResult> {
  const { indicators, problems } = validateIndicators(await readTable(path));
  if (problems.length > 0) return { ok: false, problems };
  const fiscalYears = [...new Set(indicators.map((i) => i.fiscalYear))].sort();
  if (options.dryRun) {
    let existing = 0;
    for (const fy of fiscalYears) {
      const have = new Set((await itaIndicatorsOfYear(orgId, fy)).map((i) => i.number));
      existing += indicators.filter((i) => i.fiscalYear === fy && have.has(i.number)).length;
    }
    return { ok: true, created: indicators.length - existing, updated: existing, fiscalYears, dryRun: true };
  }
  let created = 0;
  for (const indicator of indicators) if (await saveItaIndicator(orgId, indicator)) created++;
  return { ok: true, created, updated: indicators.length - created, fiscalYears, dryRun: false };
}

export const indicatorName = (n: ItaIndicator['number']) => `ตัวชี้วัดที่ ${n} ${ITA_INDICATOR_TH[n]}`;
