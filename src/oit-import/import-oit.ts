import { chooseIndicatorItem, splitResponsible, type IndicatorRow, type PlanItemKey } from '../domain/ita-indicators.js';
import { parsePeriod } from '../domain/fiscal-year.js';
import { isItaIndicatorNumber, ITA_INDICATOR_TH, OIT_INDICATORS, parseOitCode, type ItaIndicatorNumber, type OitIndicator, type PlannedOitItem } from '../domain/oit.js';
import { isStatus, parseStatus, type Status } from '../domain/statuses.js';
import { arabicDigits } from '../domain/thai.js';
import { moveYearsInText, type ImportWarning } from '../domain/carried-over-text.js';
import { indicatorRowChanges, planItemKeys, saveIndicatorRow } from '../db/indicator-store.js';
import { oitItemsOfYear, saveOitItem } from '../db/oit-store.js';
import type { AuditActor } from '../domain/admin-audit.js';
import { planFieldTh } from '../domain/measures.js';
import { recordImport } from '../plan-import/import-audit.js';
import { findOrganisation } from '../db/organisation-store.js';
import { importingOrganisation, tableWarnings } from '../plan-import/carried-over-warnings.js';
import { readTable, type Table, type TableSource } from '../plan-import/read-table.js';
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

export const INDICATOR_COLUMNS: Columns<'code' | 'number' | 'score' | 'guideline' | 'responsible' | 'period' | 'progress' | 'status' | 'fiscalYear'> = {
  code: ['รหัส', 'code'],
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

const STATUS_WORDS: Record<string, Status> = { ดำเนินการ: 'completed' };

/** Reads one row of the indicator table; its problems go to `fail`, and null comes back when it has any. */
function readIndicatorRow(get: (f: keyof typeof INDICATOR_COLUMNS) => string, fail: (f: keyof typeof INDICATOR_COLUMNS, message: string) => void): IndicatorRow | null {
  let ok = true;
  const problem = (f: keyof typeof INDICATOR_COLUMNS, message: string) => {
    ok = false;
    fail(f, message);
  };
  const number = indicatorIn(get('number'));
  if (!isItaIndicatorNumber(number)) problem('number', 'ต้องเป็นตัวชี้วัดที่ 1 ถึง 10');
  const fiscalYear = fiscalYearIn(get('fiscalYear'));
  if (fiscalYear === null) problem('fiscalYear', 'ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2568');
  const scoreText = arabicDigits(get('score')).replace(/คะแนน|\s/g, '');
  const score = scoreText === '' || scoreText === '-' ? null : Number(scoreText);
  if (score !== null && !(Number.isFinite(score) && score >= 0 && score <= 100)) problem('score', 'ต้องเป็นคะแนน 0 ถึง 100 เช่น 91.46 หรือ ๙๑.๔๖');
  const statusText = get('status');
  const status = statusText === '' ? null : (STATUS_WORDS[statusText] ?? parseStatus(statusText));
  if (statusText !== '' && !isStatus(status)) problem('status', 'ต้องเป็น ยังไม่ได้ดำเนินการ อยู่ระหว่างดำเนินการ ดำเนินการแล้วเสร็จ หรือ ไม่สามารถดำเนินการได้');
  const periodText = get('period');
  const range = periodText && fiscalYear !== null ? parsePeriod(periodText, fiscalYear) : null;
  if (periodText && fiscalYear !== null && !range) problem('period', `อ่านระยะเวลา "${periodText}" ไม่ได้ ใช้รูปแบบเช่น "ต.ค. 67 - ก.ย. 68" หรือ "ปีงบประมาณ 2568"`);
  if (!ok) return null;
  return {
    fiscalYear: fiscalYear!,
    number: number as ItaIndicatorNumber,
    code: get('code') || null,
    score,
    guideline: get('guideline'),
    ...splitResponsible(list(get('responsible'))),
    period: range ? { text: periodText, ...range } : null,
    progress: get('progress'),
    status: isStatus(status) ? status : null,
  };
}

/** A row read, with the file's row number for what the plan then says about it. */
export type NumberedIndicatorRow = IndicatorRow & { rowNumber: number };

export function validateIndicators(table: Table): { rows: NumberedIndicatorRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const col = columnsOf(table, INDICATOR_COLUMNS, ['number', 'fiscalYear'], problems);
  if (problems.length > 0) return { rows: [], problems };
  if (table.rows.length === 0) return { rows: [], problems: [{ row: 2, column: '-', message: 'ไฟล์ไม่มีข้อมูล' }] };
  const rows: NumberedIndicatorRow[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const get = (f: keyof typeof INDICATOR_COLUMNS) => (col[f] ? (cells[col[f]!] ?? '').trim() : '');
    const fail = (f: keyof typeof INDICATOR_COLUMNS, message: string) => problems.push({ row: rowNumber, column: col[f] ?? INDICATOR_COLUMNS[f][0]!, message });
    const row = readIndicatorRow(get, fail);
    if (!row) continue;
    const key = `${row.fiscalYear}:${row.code ?? row.number}`;
    if (seen.has(key)) fail(row.code ? 'code' : 'number', `${row.code ? 'รหัส' : 'ตัวชี้วัด'}ซ้ำกับแถว ${seen.get(key)}`);
    else seen.set(key, rowNumber);
    rows.push({ ...row, rowNumber });
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
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
      /** Codes of the items the file adds. */
      added: string[];
      /** What the file changes (or, in a dry run, would change) of the items that exist, field by field (`field` in Thai). */
      changes: ImportChange[];
      /** Codes the organisation has for the file's years and the file lacks: kept, and named so nobody is surprised. */
      notInFile: string[];
    }
  | { ok: false; problems: RowProblem[] };

/** One field of one item that an import changes, as an admin reads it. */
export interface ImportChange {
  code: string;
  /** The field's Thai name. */
  field: string;
  before: string;
  after: string;
}

/** The OIT item's fields a re-import may change, by their Thai names (the list file's headers). */
const OIT_FIELDS_TH = { title: 'ข้อมูล', description: 'องค์ประกอบด้านข้อมูล', indicator: 'ตัวชี้วัด', responsibleUnits: 'หน่วยงานรับผิดชอบ', assignees: 'ผู้รับผิดชอบ' } as const;

function oitChanges(before: PlannedOitItem, after: PlannedOitItem): ImportChange[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));
  return (Object.keys(OIT_FIELDS_TH) as (keyof typeof OIT_FIELDS_TH)[])
    .filter((f) => show(before[f]) !== show(after[f]))
    .map((f) => ({ code: after.code, field: OIT_FIELDS_TH[f], before: show(before[f]), after: show(after[f]) }));
}

/** Who imports, for the management log; an import without it (the demo's seed, tests) writes no log line. */
interface Audited {
  actor?: AuditActor;
}

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
export async function importOitItems(orgId: string, source: TableSource, options: { dryRun?: boolean; toFiscalYear?: number; now?: Date } & Audited = {}): Promise<OitImportResult> {
  const table = await readTable(source);
  const validated = validateOitItems(table);
  const problems = validated.problems;
  if (problems.length > 0) return { ok: false, problems };
  const shift = options.toFiscalYear === undefined ? 0 : options.toFiscalYear - Math.max(...validated.items.map((i) => i.fiscalYear));
  const items = shiftOitItems(validated.items, shift);
  const warnings = tableWarnings(table, importingOrganisation(await findOrganisation(orgId)), { ...OIT_PROSE, yearsMoved: shift });
  const fiscalYears = [...new Set(items.map((i) => i.fiscalYear))].sort();
  const stored = new Map<string, PlannedOitItem>();
  for (const fy of fiscalYears) for (const i of await oitItemsOfYear(orgId, fy)) stored.set(`${fy}:${i.code}`, i);
  const inFile = new Set(items.map((i) => `${i.fiscalYear}:${i.code}`));
  const added = items.filter((i) => !stored.has(`${i.fiscalYear}:${i.code}`)).map((i) => i.code);
  const changes = items.flatMap((i) => {
    const before = stored.get(`${i.fiscalYear}:${i.code}`);
    return before ? oitChanges(before, i) : [];
  });
  const notInFile = [...stored.entries()].filter(([key]) => !inFile.has(key)).map(([, i]) => i.code);
  const found = { fiscalYears, warnings, added, changes, notInFile };
  if (options.dryRun) return { ok: true, created: added.length, updated: items.length - added.length, dryRun: true, ...found };
  let created = 0;
  for (const item of items) if (await saveOitItem(orgId, item)) created++;
  const updated = items.length - created;
  if (options.actor) await recordImport(orgId, { action: 'import.oit', actor: options.actor, source, created, updated, at: options.now ?? new Date() });
  return { ok: true, created, updated, dryRun: false, ...found };
}

const INDICATOR_PROSE = { text: [INDICATOR_COLUMNS.guideline, INDICATOR_COLUMNS.responsible, INDICATOR_COLUMNS.period, INDICATOR_COLUMNS.progress], fiscalYear: INDICATOR_COLUMNS.fiscalYear };

/**
 * Loads the indicator table onto the plan's `ita_indicator` items (one record per indicator): each row fills
 * the item its รหัส names, or the year's item of its indicator, or a new one (`chooseIndicatorItem`). Rows
 * whose item cannot be told apart are problems, and then nothing is written, as for any import.
 */
export async function importIndicators(orgId: string, source: TableSource, options: { dryRun?: boolean; now?: Date; by?: string } & Audited = {}): Promise<OitImportResult> {
  const table = await readTable(source);
  const { rows, problems } = validateIndicators(table);
  if (problems.length > 0) return { ok: false, problems };
  const warnings = tableWarnings(table, importingOrganisation(await findOrganisation(orgId)), INDICATOR_PROSE);
  const fiscalYears = [...new Set(rows.map((r) => r.fiscalYear))].sort();
  const planOf = new Map<number, PlanItemKey[]>();
  for (const fy of fiscalYears) planOf.set(fy, await planItemKeys(orgId, fy));
  const targets: { row: IndicatorRow; code: string; isNew: boolean }[] = [];
  const codeProblems: RowProblem[] = [];
  for (const { rowNumber, ...row } of rows) {
    const target = chooseIndicatorItem(planOf.get(row.fiscalYear)!, row);
    if ('problem' in target) codeProblems.push({ row: rowNumber, column: INDICATOR_COLUMNS.code[0]!, message: target.problem });
    else targets.push({ row, ...target });
  }
  if (codeProblems.length > 0) return { ok: false, problems: codeProblems };
  const created = targets.filter((t) => t.isNew).length;
  const added = targets.filter((t) => t.isNew).map((t) => t.code);
  const changes: ImportChange[] = [];
  for (const { row, code, isNew } of targets) {
    if (isNew) continue;
    for (const c of await indicatorRowChanges(orgId, { row, code })) changes.push({ ...c, field: c.field === 'score' ? 'คะแนน' : planFieldTh(c.field) });
  }
  const codes = new Set(targets.map((t) => `${t.row.fiscalYear}:${t.code}`));
  const notInFile = fiscalYears.flatMap((fy) => planOf.get(fy)!.filter((k) => k.family === 'ita_indicator' && !codes.has(`${fy}:${k.code}`)).map((k) => k.code));
  if (!options.dryRun) {
    const now = options.now ?? new Date();
    for (const { row, code } of targets) await saveIndicatorRow(orgId, { row, code, by: options.by ?? 'นำเข้าตารางตัวชี้วัด', now });
    if (options.actor) await recordImport(orgId, { action: 'import.indicators', actor: options.actor, source, created, updated: targets.length - created, at: now });
  }
  return { ok: true, created, updated: targets.length - created, fiscalYears, dryRun: !!options.dryRun, warnings, added, changes, notInFile };
}

export const indicatorName = (n: ItaIndicatorNumber) => `ตัวชี้วัดที่ ${n} ${ITA_INDICATOR_TH[n]}`;
