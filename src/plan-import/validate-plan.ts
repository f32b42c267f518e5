import { fiscalYearRange, overlaps, parsePeriod, parseThaiDate } from '../domain/fiscal-year.js';
import { FAMILIES, FAMILY_ALIASES, type Family, type PlannedMeasure, type PlannedResult } from '../domain/measures.js';
import { parseStatus, STATUS_TH } from '../domain/statuses.js';
import { arabicDigits, formatThaiDate, parseAmount, thaiDigits } from '../domain/thai.js';
import type { Table } from './read-table.js';

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

type Field =
  | 'code'
  | 'family'
  | 'number'
  | 'title'
  | 'indicator'
  | 'dimension'
  | 'method'
  | 'units'
  | 'assignees'
  | 'period'
  | 'fiscalYear'
  | 'budget'
  | 'disbursed'
  | 'guideline'
  | 'status'
  | 'summary'
  | 'outcome'
  | 'asOf';

/** Accepted headers per field: the Thai of the official forms first, then English aliases. */
export const COLUMNS: Record<Field, string[]> = {
  code: ['รหัส', 'code'],
  family: ['ประเภท', 'family'],
  number: ['ลำดับ', 'no', 'number'],
  title: ['มาตรการ/โครงการ', 'มาตรการ/กิจกรรม', 'โครงการ', 'มาตรการ', 'title'],
  indicator: ['ตัวชี้วัด', 'indicator'],
  dimension: ['มิติ', 'dimension'],
  method: ['วิธีดำเนินการ', 'method'],
  units: ['หน่วยงานรับผิดชอบ', 'responsible_units', 'units'],
  assignees: ['ผู้รับผิดชอบ', 'assignees'],
  period: ['ระยะเวลา', 'ระยะเวลาในการดำเนินการ', 'period'],
  fiscalYear: ['ปีงบประมาณ', 'fiscal_year'],
  budget: ['งบประมาณ', 'budget'],
  disbursed: ['เบิกจ่าย', 'disbursed'],
  guideline: ['แนวทาง', 'แนวทางในการยกระดับการประเมิน', 'guideline'],
  status: ['สถานะ', 'status'],
  summary: ['สรุปผล', 'สรุปผลการดำเนินการ', 'ผลการดำเนินการ', 'ความก้าวหน้าผลการดำเนินการ', 'summary'],
  outcome: ['ผลลัพธ์', 'ผลลัพธ์หรือความสำเร็จ', 'outcome'],
  asOf: ['ณ วันที่', 'ข้อมูล ณ วันที่', 'as_of'],
};
const REQUIRED: Field[] = ['code', 'family', 'title', 'fiscalYear'];

const LIST_SEPARATOR = /\s*[;\n]\s*/;
const list = (text: string) => text.split(LIST_SEPARATOR).map((s) => s.trim()).filter(Boolean);
/** Steps are one a line; leading numbering such as "1)", "(๒)" or "3." is dropped. */
const steps = (text: string) => text.split(/\r?\n/).map((s) => s.replace(/^\s*\(?[0-9๐-๙]+[.)]\s*/, '').trim()).filter(Boolean);
/** Quotes what a person typed, cut short, so an error shows exactly the text it could not read. */
const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
const rangeText = (r: { start: Date; end: Date }) => `${formatThaiDate(r.start)} – ${formatThaiDate(new Date(r.end.getTime() - 1))}`;
/** Officers' words for a status, and the words the seed reports tick. */
const STATUS_WORDS: Record<string, PlannedResult['status']> = {
  ดำเนินการเสร็จแล้ว: 'completed',
  เสร็จสิ้น: 'completed',
  ดำเนินการเสร็จสิ้น: 'completed',
  อยู่ระหว่างการดำเนินการ: 'in_progress',
  อยู่ระหว่างการดำเนินงาน: 'in_progress',
};
const readStatus = (text: string) => parseStatus(text) ?? STATUS_WORDS[text.replace(/\s+/g, '')] ?? null;

/**
 * Turns the rows of a plan file into measures, or into a list of every problem found, each with the row
 * number and column a person sees in the file. One bad row means nothing is imported.
 */
export function validatePlan(table: Table): { measures: PlannedMeasure[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const columnOf = {} as Record<Field, string | undefined>;
  for (const field of Object.keys(COLUMNS) as Field[]) {
    columnOf[field] = table.headers.find((h) => COLUMNS[field].some((name) => name.toLowerCase() === h.toLowerCase()));
  }
  for (const field of REQUIRED) {
    if (!columnOf[field]) problems.push({ row: 1, column: COLUMNS[field][0]!, message: 'ไม่มีคอลัมน์นี้ในแถวหัวตาราง' });
  }
  if (problems.length > 0) return { measures: [], problems };
  if (table.rows.length === 0) return { measures: [], problems: [{ row: 2, column: '-', message: 'ไฟล์ไม่มีข้อมูล' }] };

  const measures: PlannedMeasure[] = [];
  const seen = new Map<string, number>();
  for (const { rowNumber, cells } of table.rows) {
    const get = (field: Field) => (columnOf[field] ? (cells[columnOf[field]!] ?? '') : '');
    const fail = (field: Field, message: string) => problems.push({ row: rowNumber, column: columnOf[field] ?? COLUMNS[field][0]!, message });
    const before = problems.length;

    const code = get('code');
    if (!code) fail('code', 'ต้องระบุรหัส');
    else if (!/^[\p{L}\p{N}._-]{1,40}$/u.test(code)) fail('code', 'รหัสใช้ได้เฉพาะตัวอักษร ตัวเลข . _ - ไม่เกิน 40 ตัว');
    else if (seen.has(code)) fail('code', `รหัสซ้ำกับแถว ${seen.get(code)}`);
    else seen.set(code, rowNumber);

    const familyText = get('family').toLowerCase();
    const family = (FAMILIES as readonly string[]).includes(familyText) ? (familyText as Family) : FAMILY_ALIASES[familyText];
    if (!family) fail('family', `อ่านประเภท ${quoted(get('family'))} ไม่ได้ ต้องเป็น ${FAMILIES.join(', ')} หรือ มาตรการ/ตัวชี้วัด/โครงการ`);

    const title = get('title');
    if (!title) fail('title', 'ต้องระบุชื่อมาตรการ/โครงการ');
    else if (title.length > 1_000) fail('title', 'ยาวเกิน 1,000 ตัวอักษร');

    const numberText = arabicDigits(get('number'));
    const number = numberText === '' ? null : Number(numberText);
    if (number !== null && (!Number.isInteger(number) || number < 0)) fail('number', `อ่านลำดับ ${quoted(get('number'))} ไม่ได้ ต้องเป็นจำนวนเต็ม`);

    const fiscalYear = Number(arabicDigits(get('fiscalYear')));
    const fiscalYearOk = Number.isInteger(fiscalYear) && fiscalYear >= 2500 && fiscalYear <= 2700;
    if (!fiscalYearOk) fail('fiscalYear', `อ่านปีงบประมาณ ${quoted(get('fiscalYear'))} ไม่ได้ ต้องเป็นปีพุทธศักราช 4 หลัก เช่น 2568 หรือ ๒๕๖๘`);

    const dimensionText = arabicDigits(get('dimension'));
    const dimension = dimensionText === '' ? null : Number(dimensionText);
    if (dimension !== null && !(Number.isInteger(dimension) && dimension >= 1 && dimension <= 4)) fail('dimension', `อ่านมิติ ${quoted(get('dimension'))} ไม่ได้ ต้องเป็น 1 ถึง 4`);
    if (family === 'anticorruption_project' && dimension === null) fail('dimension', 'โครงการตามแผนป้องกันการทุจริตต้องระบุมิติ 1 ถึง 4');

    const money = (field: 'budget' | 'disbursed') => {
      const raw = get(field);
      if (raw === '' || raw === '-') return 0;
      const value = parseAmount(raw);
      if (value === null) fail(field, `อ่านจำนวนเงิน ${quoted(raw)} ไม่ได้ ต้องเป็นจำนวนบาท เช่น 15000 หรือ ๑๕,๐๐๐.๐๐`);
      return value ?? 0;
    };
    const budget = money('budget');
    const disbursed = money('disbursed');
    if (disbursed > budget && budget > 0) fail('disbursed', 'เบิกจ่ายมากกว่างบประมาณ');

    const periodText = get('period');
    const period = fiscalYearOk ? parsePeriod(periodText, fiscalYear) : null;
    if (fiscalYearOk && !period) {
      fail('period', `อ่านระยะเวลา ${quoted(periodText)} ไม่ได้ ใช้รูปแบบเช่น "ต.ค. 67 - ก.ย. 68", "มี.ค. 68", "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘", "๑ - ๓๑ กรกฎาคม ๒๕๖๘" หรือ "ตลอดปีงบประมาณ"`);
    } else if (period && !overlaps(period, fiscalYearRange(fiscalYear))) {
      fail('period', `ระยะเวลา ${quoted(periodText)} (${rangeText(period)}) อยู่นอกปีงบประมาณ ${fiscalYear} (${rangeText(fiscalYearRange(fiscalYear))}) ตรวจสอบปี พ.ศ. อีกครั้ง`);
    }

    const result = readResult(get, fail);
    if (problems.length > before || !family || !period) continue;
    measures.push({
      code,
      family,
      number,
      title,
      indicator: get('indicator') || null,
      dimension,
      methodSteps: steps(get('method')),
      responsibleUnits: list(get('units')),
      assignees: list(get('assignees')),
      periodText,
      periodStart: period.start,
      periodEnd: period.end,
      fiscalYear,
      budget,
      disbursed,
      guideline: get('guideline') || null,
      result,
    });
  }
  return { measures: problems.length > 0 ? [] : measures, problems };
}

/**
 * The result a row already reports (seed reports come with one): status, summary, outcome and the date it
 * stands at. Null when the row reports none; a summary or outcome without a status is a mistake, because
 * the import would otherwise have to guess one.
 */
function readResult(get: (field: Field) => string, fail: (field: Field, message: string) => void): PlannedResult | null {
  const [statusText, summary, outcome, asOfText] = [get('status'), get('summary'), get('outcome'), get('asOf')];
  if (!statusText && !summary && !outcome && !asOfText) return null;
  const status = statusText ? readStatus(statusText) : null;
  if (!statusText) fail('status', 'มีผลการดำเนินการแต่ไม่ได้ระบุสถานะ');
  else if (!status) fail('status', `อ่านสถานะ ${quoted(statusText)} ไม่ได้ ใช้ ${Object.values(STATUS_TH).slice(0, 4).join(', ')}`);
  const asOf = asOfText ? parseThaiDate(asOfText) : null;
  if (asOfText && !asOf) fail('asOf', `อ่านวันที่ ${quoted(asOfText)} ไม่ได้ ใช้รูปแบบเช่น "6 พฤศจิกายน 2566" หรือ "${thaiDigits('6')} พ.ย. ${thaiDigits('66')}"`);
  if (!status || (asOfText && !asOf)) return null;
  return { status, summary: summary || STATUS_TH[status], outcome: outcome || null, asOf };
}
