import { MAX_CATEGORIES, MAX_CATEGORY_LENGTH } from './closure.js';
import type { DigitStyle } from './figures.js';
import { DIGEST_OFF, type DigestChoice } from './notice-timing.js';
import { parseTimeOfDay, type TimeOfDay } from './organisation.js';
import type { Threshold } from './summary.js';
import { arabicDigits, THAI_MONTHS_SHORT, toBuddhistYear, toGregorianYear } from './thai.js';
import type { DayKey } from './working-days.js';

/**
 * An organisation's settings as its admin reads and types them (`ตั้งค่า` in LINE, `org update` and
 * `holiday … --org` in the terminal): their Thai names, the typed forms each accepts (Thai digits, spaces,
 * the ways people write them), and each value as readable Thai for the card and the management log. Pure;
 * db/settings-store.ts saves a change and logs it, whichever way it was made.
 */

/** What may be changed: one entry of the settings card each (a job's time is one per job). */
export const SETTING_KEYS = [
  'name',
  'district',
  'province',
  'thresholds',
  'roundReminderDays',
  'oitReminderDays',
  'jobTime',
  'daysOff',
  'supportingFactors',
  'itaScore',
  'itaLevel',
  'complaintCategories',
  'digits',
  'fiscalYear',
  'messageBudget',
  'digestTime',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Each setting's Thai name: the card's label and the management log's subject. */
export const SETTING_TH: Record<SettingKey, string> = {
  name: 'ชื่อองค์กร',
  district: 'อำเภอ',
  province: 'จังหวัด',
  thresholds: 'เกณฑ์ระดับการดำเนินการ',
  roundReminderDays: 'วันเตือนรอบรายงาน',
  oitReminderDays: 'วันเตือนตอบ OIT',
  jobTime: 'เวลาของงาน',
  daysOff: 'วันหยุดขององค์กร',
  supportingFactors: 'ปัจจัยสนับสนุน',
  itaScore: 'คะแนน ITA',
  itaLevel: 'ระดับผล ITA',
  complaintCategories: 'ประเภทเรื่องร้องเรียน',
  digits: 'รูปแบบตัวเลข',
  fiscalYear: 'ปีงบประมาณที่รายงาน',
  messageBudget: 'งบข้อความ LINE ต่อเดือน',
  digestTime: 'เวลาส่งการแจ้งเตือนรวมประจำวัน',
};

/** A change to one setting, already read and checked. Null: back to the deployment's value. */
export type SettingChange =
  | { key: 'name' | 'district' | 'province'; value: string }
  | { key: 'thresholds'; value: Threshold[] | null }
  | { key: 'roundReminderDays' | 'oitReminderDays'; value: number[] | null }
  | { key: 'jobTime'; job: string; jobTh: string; value: TimeOfDay | null }
  | { key: 'digits'; value: DigitStyle | null }
  | { key: 'digestTime'; value: DigestChoice | null }
  | { key: 'complaintCategories'; value: string[] | null }
  | { key: 'itaScore'; value: number | null }
  | { key: 'itaLevel'; value: string | null }
  | { key: 'fiscalYear'; value: number }
  | { key: 'messageBudget'; value: number | null }
  | { key: 'supportingFactors'; fiscalYear: number; edit: FactorEdit }
  | { key: 'dayOffAdd'; date: DayKey; name: string }
  | { key: 'dayOffRemove'; date: DayKey };

/** A change to a year's ปัจจัยสนับสนุน, applied to the list as it stands when saved. */
export type FactorEdit = { op: 'add'; line: string } | { op: 'remove'; index: number } | { op: 'replace'; lines: string[] };

export function applyFactorEdit(current: readonly string[], edit: FactorEdit): string[] {
  switch (edit.op) {
    case 'add':
      return [...current, edit.line];
    case 'remove':
      return current.filter((_, i) => i !== edit.index);
    case 'replace':
      return [...edit.lines];
  }
}

/** What a typed value reads as, or why it cannot be read (in Thai, saying what is expected). */
export type Parsed<T> = { value: T } | { error: string };
const fail = (error: string): { error: string } => ({ error });

/** The word that sends a setting back to the deployment's value (a button, or typed). */
export const DEFAULT_WORDS = ['ใช้ค่าของระบบ', 'ค่าของระบบ', 'ค่าเริ่มต้น', 'default'];
export const DEFAULT_LABEL = 'ใช้ค่าของระบบ';
export const isDefaultWord = (raw: string) => DEFAULT_WORDS.includes(raw.trim().replace(/\s+/g, '').toLowerCase());

/** Typed text evened out for reading numbers: Thai digits as Arabic, spaces collapsed. */
const plain = (raw: string) => arabicDigits(raw.normalize('NFC')).replace(/[\u200B\u00A0]/g, ' ').replace(/[ \t]+/g, ' ').trim();

const oneLine = (raw: string, what: string, max: number): Parsed<string> => {
  const value = raw.replace(/[\u0000-\u001F\u007F]/g, (c) => (c === '\n' || c === '\r' ? c : '')).trim().replace(/[ \t]+/g, ' ');
  if (value === '') return fail(`กรุณาพิมพ์${what}`);
  if (/[\r\n]/.test(value)) return fail(`กรุณาพิมพ์${what}ในบรรทัดเดียว`);
  if ([...value].length > max) return fail(`${what}ยาวเกิน ${max} ตัวอักษร กรุณาพิมพ์ให้สั้นลง`);
  return { value };
};

export const MAX_ORG_NAME = 200;
export const MAX_PLACE_NAME = 100;

/** The organisation's name as printed on its reports, e.g. "องค์การบริหารส่วนตำบลโพธิ์ทอง". */
export function parseOrganisationName(raw: string): Parsed<string> {
  return oneLine(raw, 'ชื่อองค์กร', MAX_ORG_NAME);
}

/** An อำเภอ or a จังหวัด, kept without its prefix ("อำเภอโพธิ์ทอง" → "โพธิ์ทอง"): reports and maps add it. */
export function parsePlace(kind: 'district' | 'province', raw: string): Parsed<string> {
  const prefix = kind === 'district' ? /^(?:อำเภอ|อ\.)\s*/ : /^(?:จังหวัด|จ\.)\s*/;
  const typed = oneLine(raw, `ชื่อ${SETTING_TH[kind]}`, MAX_PLACE_NAME);
  if ('error' in typed) return typed;
  const value = typed.value.replace(prefix, '');
  return value === '' ? fail(`กรุณาพิมพ์ชื่อ${SETTING_TH[kind]} เช่น ${kind === 'district' ? 'โพธิ์ทอง' : 'อ่างทอง'}`) : { value };
}

const THRESHOLDS_EXAMPLE = 'มาก 70 ปานกลาง 50 น้อย 0';
export const MAX_THRESHOLD_LABEL = 20;

/**
 * Level thresholds as people type them: "มาก 70 ปานกลาง 50 น้อย 0", "มาก:70, ปานกลาง:50, น้อย:0", one a
 * line, with "%", "≥" or "ตั้งแต่ … ขึ้นไป", in Thai digits. Each level once, each minimum once, 0–100,
 * one of them 0 (every percentage has a level); kept highest first.
 */
export function parseTypedThresholds(raw: string): Parsed<Threshold[]> {
  const text = plain(raw)
    .replace(/ร้อยละ|เปอร์เซ็นต์|ขึ้นไป|ตั้งแต่|คะแนน|[%≥>=:]/g, ' ')
    .replace(/[,;\n\r]+/g, ' ');
  const expected = `กรุณาพิมพ์ชื่อระดับตามด้วยร้อยละต่ำสุดของระดับนั้น เช่น ${THRESHOLDS_EXAMPLE} (ต้องมีระดับที่เริ่มที่ 0)`;
  const pairs = [...text.matchAll(/([^\d\s][^\d]*?)\s*(\d+(?:\.\d+)?)(?=\s|$)/g)];
  const rest = text.replace(/([^\d\s][^\d]*?)\s*(\d+(?:\.\d+)?)(?=\s|$)/g, '').trim();
  if (pairs.length === 0 || rest !== '') return fail(expected);
  const levels = pairs.map((m) => ({ label: m[1]!.trim(), min: Number(m[2]) }));
  if (levels.some((t) => [...t.label].length > MAX_THRESHOLD_LABEL)) return fail(`ชื่อระดับยาวได้ไม่เกิน ${MAX_THRESHOLD_LABEL} ตัวอักษร ${expected}`);
  if (levels.some((t) => t.min > 100)) return fail(`ร้อยละต้องอยู่ระหว่าง 0 ถึง 100 ${expected}`);
  if (new Set(levels.map((t) => t.label)).size !== levels.length) return fail(`มีชื่อระดับซ้ำกัน ${expected}`);
  if (new Set(levels.map((t) => t.min)).size !== levels.length) return fail(`มีร้อยละซ้ำกัน แต่ละระดับต้องเริ่มที่ร้อยละต่างกัน ${expected}`);
  if (!levels.some((t) => t.min === 0)) return fail(`ต้องมีระดับที่เริ่มที่ 0 เพื่อให้ทุกผลการดำเนินการมีระดับ เช่น น้อย 0`);
  if (levels.length < 2) return fail(`ต้องมีอย่างน้อย 2 ระดับ ${expected}`);
  return { value: levels.sort((a, b) => b.min - a.min) };
}

export const MAX_REMINDER_DAYS = 90;

/** Reminder days as typed: "7,1", "7 1", "7, 3 และ 1 วัน", in Thai digits; kept farthest first, each once. */
export function parseReminderDays(raw: string): Parsed<number[]> {
  const expected = `กรุณาพิมพ์จำนวนวันก่อนวันครบกำหนดที่จะให้เตือน คั่นด้วยจุลภาค เช่น 7,1 (ได้ 1–${MAX_REMINDER_DAYS} วัน ไม่เกิน 10 ค่า)`;
  const text = plain(raw).replace(/วัน|และ|ก่อน/g, ' ').trim();
  if (!/^\d+(?:\s*[,\s]\s*\d+)*$/.test(text)) return fail(expected);
  const days = text.split(/[,\s]+/).filter(Boolean).map(Number);
  if (days.some((d) => d < 1 || d > MAX_REMINDER_DAYS) || days.length > 10) return fail(expected);
  return { value: [...new Set(days)].sort((a, b) => b - a) };
}

/** A time of day as typed: "10:00", "10.00", "9.30 น.", "๑๐:๐๐"; Bangkok time, 24-hour clock. */
export function parseTypedTime(raw: string): Parsed<TimeOfDay> {
  const text = plain(raw).replace(/\s*(?:น\.|นาฬิกา|น)$/, '').replace('.', ':');
  const time = parseTimeOfDay(text);
  return time ? { value: time } : fail('กรุณาพิมพ์เวลาแบบ 24 ชั่วโมง ตามเวลาประเทศไทย เช่น 10:00 หรือ 16:30');
}

/**
 * Complaint categories as typed: separated by commas or one a line. Each is a quick-reply button, so at
 * most MAX_CATEGORIES names of MAX_CATEGORY_LENGTH characters each, none repeated.
 */
export function parseTypedCategories(raw: string): Parsed<string[]> {
  const names = raw
    .split(/[,\n\r]+/)
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const expected = `กรุณาพิมพ์ชื่อประเภทคั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่ เช่น ถนน, ไฟฟ้า, น้ำประปา, อื่น ๆ`;
  if (names.length === 0) return fail(expected);
  if (names.length > MAX_CATEGORIES) return fail(`ประเภทเรื่องมีได้ไม่เกิน ${MAX_CATEGORIES} ประเภท (ท่านพิมพ์มา ${names.length} ประเภท) ${expected}`);
  const long = names.find((n) => [...n].length > MAX_CATEGORY_LENGTH);
  if (long) return fail(`"${long}" ยาวเกิน ${MAX_CATEGORY_LENGTH} ตัวอักษร ชื่อประเภทต้องสั้นพอจะเป็นปุ่มได้`);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return fail(`"${repeated}" ซ้ำกัน แต่ละประเภทใส่ได้ครั้งเดียว`);
  return { value: names };
}

export const MAX_MESSAGE_BUDGET = 10_000_000;

/**
 * A monthly message budget as typed: a whole number of messages, 0 or more ("150", "๑๕๐", "1,500 ข้อความ").
 * 0 is allowed: only what a rule requires is then pushed.
 */
export function parseMessageBudget(raw: string): Parsed<number> {
  const text = plain(raw).replace(/ข้อความ|ต่อเดือน|เดือนละ/g, '').replace(/[,\s]/g, '');
  const expected = 'กรุณาพิมพ์จำนวนข้อความต่อเดือนเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป เช่น 150';
  if (!/^\d{1,8}$/.test(text)) return fail(expected);
  const amount = Number(text);
  return amount <= MAX_MESSAGE_BUDGET ? { value: amount } : fail(`งบข้อความสูงได้ไม่เกิน ${MAX_MESSAGE_BUDGET.toLocaleString('en-US')} ข้อความต่อเดือน ${expected}`);
}

/** The ITA result levels, best first. */
export const ITA_LEVELS = ['AA', 'A', 'B', 'C', 'D', 'E', 'F'] as const;

/** An ITA score as typed: 0–100, at most two decimals, "คะแนน" and Thai digits allowed. */
export function parseItaScore(raw: string): Parsed<number> {
  const text = plain(raw).replace(/คะแนน/g, '').replace(/\s/g, '');
  const expected = 'กรุณาพิมพ์คะแนน ITA เป็นตัวเลข 0 ถึง 100 ทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 92.35';
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(text)) return fail(expected);
  const score = Number(text);
  return score <= 100 ? { value: score } : fail(expected);
}

export function parseItaLevel(raw: string): Parsed<string> {
  const level = plain(raw).replace(/^ระดับ\s*/, '').replace(/\s/g, '').toUpperCase();
  return (ITA_LEVELS as readonly string[]).includes(level) ? { value: level } : fail(`กรุณาเลือกระดับผล ITA จากปุ่ม หรือพิมพ์ ${ITA_LEVELS.join(', ')}`);
}

/** The digit style as chosen from its buttons or typed. */
export const DIGIT_CHOICES: Record<DigitStyle, string> = { arabic: 'เลขอารบิก', thai: 'เลขไทย' };
export function parseDigitChoice(raw: string): Parsed<DigitStyle> {
  const t = raw.trim().replace(/\s+/g, '').toLowerCase();
  if (['เลขอารบิก', 'อารบิก', 'arabic', '123'].includes(t)) return { value: 'arabic' };
  if (['เลขไทย', 'ไทย', 'thai', '๑๒๓'].includes(t)) return { value: 'thai' };
  return fail('กรุณาเลือก "เลขอารบิก" หรือ "เลขไทย" จากปุ่มด้านล่าง');
}

/** The words for "no digest": notices go at once. */
export const DIGEST_OFF_LABEL = 'ส่งทันที';
const DIGEST_OFF_WORDS = ['ส่งทันที', 'ทันที', 'ไม่รวม', 'ปิด', 'off'];

/** The digest's time as typed ("16:00", "16.00 น.", Thai digits), or "ส่งทันที" for none. */
export function parseTypedDigestTime(raw: string): Parsed<DigestChoice> {
  if (DIGEST_OFF_WORDS.includes(raw.trim().replace(/\s+/g, '').toLowerCase())) return { value: DIGEST_OFF };
  const time = parseTypedTime(raw);
  return 'error' in time ? fail(`${time.error} หรือกด "${DIGEST_OFF_LABEL}"`) : time;
}

/** A digest choice with what it costs, in plain Thai: the card, the confirmation and the management log. */
export function digestText(choice: DigestChoice): string {
  if (choice === DIGEST_OFF) return `${DIGEST_OFF_LABEL}: ข้อความแยกทีละเรื่อง ใช้โควตาข้อความของเดือนมากกว่า`;
  return `${choice} น. ทุกวัน: การแจ้งเตือนที่รอได้ส่งรวมเป็นข้อความเดียวต่อคน หรือส่งไปพร้อมคำตอบโดยไม่ใช้โควตาข้อความ หากผู้นั้นพิมพ์ถึงระบบก่อน`;
}

export const MAX_FACTOR_LENGTH = 500;
export const MAX_FACTORS = 20;

/** One ปัจจัยสนับสนุน, one line of the plan report. */
export function parseFactorLine(raw: string): Parsed<string> {
  return oneLine(stripBullet(raw.trim()), 'ปัจจัยสนับสนุน', MAX_FACTOR_LENGTH);
}

const stripBullet = (line: string) => line.replace(/^(?:[-•*·]|\(?[0-9๐-๙]{1,2}[.)])\s*/, '');

/** A whole list, one a line; the numbers and bullets people start lines with are left out. */
export function parseFactorLines(raw: string): Parsed<string[]> {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => stripBullet(l.trim()).trim())
    .filter(Boolean);
  if (lines.length === 0) return fail('กรุณาพิมพ์ปัจจัยสนับสนุน บรรทัดละหนึ่งข้อ');
  if (lines.length > MAX_FACTORS) return fail(`ปัจจัยสนับสนุนมีได้ไม่เกิน ${MAX_FACTORS} ข้อ`);
  const long = lines.findIndex((l) => [...l].length > MAX_FACTOR_LENGTH);
  if (long >= 0) return fail(`ข้อที่ ${long + 1} ยาวเกิน ${MAX_FACTOR_LENGTH} ตัวอักษร กรุณาพิมพ์ให้สั้นลง`);
  return { value: lines };
}

/** Which line to remove, by its number in the list shown ("2", "ข้อ 2", "๒"); an index from 0. */
export function parseFactorNumber(raw: string, count: number): Parsed<number> {
  const text = plain(raw).replace(/^(?:ลบ)?\s*(?:ข้อ(?:ที่)?)?\s*/, '');
  const n = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= count ? { value: n - 1 } : fail(`กรุณาพิมพ์หมายเลขข้อที่จะลบ ตั้งแต่ 1 ถึง ${count}`);
}

const MONTHS_FULL = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const squash = (s: string) => s.replace(/[.\s]/g, '');
const MONTH_WORDS: [string, number][] = [
  ...MONTHS_FULL.map((m, i): [string, number] => [m, i]),
  ...THAI_MONTHS_SHORT.map((m, i): [string, number] => [squash(m), i]),
].sort((a, b) => b[0].length - a[0].length);

const pad = (n: number) => String(n).padStart(2, '0');

function dayKeyOf(year: number, month: number, day: number): DayKey | null {
  const d = new Date(Date.UTC(year, month, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month + 1)}-${pad(day)}`;
}

/** A written year: B.E. (2570, or 70) as Thai people write it, or C.E. (2027). */
const gregorianOf = (year: string): number => {
  const n = Number(year);
  if (year.length <= 2) return toGregorianYear(2500 + n);
  return n > 2400 ? toGregorianYear(n) : n;
};

/**
 * A date at the start of a typed text and what follows it: "4 ม.ค. 2570 …", "4 มกราคม 70 …", "4/1/2570 …",
 * "2027-01-04 …". A date without a year is its next one from `today`.
 */
export function parseTypedDate(raw: string, today: DayKey): { date: DayKey; rest: string } | { error: string } | null {
  // Digits read as Arabic, one letter for one: what follows the date is kept as typed.
  const typed = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const text = arabicDigits(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+|$)/.exec(text);
  const slashed = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:\s+|$)/.exec(text);
  const worded = /^(?:วันที่\s*)?(\d{1,2})\s*([ก-๙.]+?)\s*(?:(?:พ\.ศ\.|พศ)\s*)?(\d{4}|\d{2})?(?=\s|$)/.exec(text);
  let found: { year: number | null; month: number; day: number; length: number } | null = null;
  if (iso) found = { year: Number(iso[1]), month: Number(iso[2]) - 1, day: Number(iso[3]), length: iso[0].length };
  else if (slashed) found = { year: gregorianOf(slashed[3]!), month: Number(slashed[2]) - 1, day: Number(slashed[1]), length: slashed[0].length };
  else if (worded) {
    const word = squash(worded[2]!);
    const month = MONTH_WORDS.find(([w]) => word === w)?.[1];
    if (month === undefined) return null;
    found = { year: worded[3] ? gregorianOf(worded[3]) : null, month, day: Number(worded[1]), length: worded[0].length };
  }
  if (!found) return null;
  const thisYear = Number(today.slice(0, 4));
  let date = dayKeyOf(found.year ?? thisYear, found.month, found.day);
  if (date && found.year === null && date < today) date = dayKeyOf(thisYear + 1, found.month, found.day);
  if (!date) return fail('ไม่มีวันที่นี้ในปฏิทิน กรุณาตรวจวันและเดือนอีกครั้ง');
  return { date, rest: typed.slice(found.length).trim() };
}

const DAY_OFF_EXAMPLE = '12 ส.ค. 2570 งานประเพณีแห่เทียนพรรษา';
export const MAX_DAY_OFF_NAME = 200;

/** One of the organisation's own days off: the date, then its name, in one message; today or later. */
export function parseDayOff(raw: string, today: DayKey): Parsed<{ date: DayKey; name: string }> {
  const expected = `กรุณาพิมพ์วันที่แล้วตามด้วยชื่อวันหยุด เช่น ${DAY_OFF_EXAMPLE}`;
  const read = parseTypedDate(raw.replace(/[\r\n]+/g, ' '), today);
  if (!read) return fail(expected);
  if ('error' in read) return read;
  if (read.date < today) return fail(`วันที่นี้ผ่านมาแล้ว เพิ่มได้เฉพาะวันนี้หรือวันข้างหน้า ${expected}`);
  if (read.date > `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`) return fail(`เพิ่มวันหยุดล่วงหน้าได้ไม่เกิน 2 ปี ${expected}`);
  const name = oneLine(read.rest, 'ชื่อวันหยุด', MAX_DAY_OFF_NAME);
  if ('error' in name) return fail(`${name.error} ต่อจากวันที่ เช่น ${DAY_OFF_EXAMPLE}`);
  return { value: { date: read.date, name: name.value } };
}

/** "4 ม.ค. 2570" of a day key (the calendar's day, not a moment). */
export function dayText(date: DayKey): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${THAI_MONTHS_SHORT[m - 1]} ${toBuddhistYear(y)}`;
}

// Readable values: the card, the before → after of a confirmation, and the management log.

export const DEFAULT_TH = 'ค่าของระบบ';
export const thresholdsText = (t: readonly Threshold[]) => t.map((x) => `${x.label} ${x.min}`).join(', ');
export const daysText = (days: readonly number[]) => `${days.join(', ')} วันก่อนกำหนด`;
export const digitsText = (d: DigitStyle) => DIGIT_CHOICES[d];
export const categoriesText = (c: readonly string[]) => c.join(', ');
export const factorsText = (f: readonly string[]) => (f.length === 0 ? 'ยังไม่มี' : f.map((x, i) => `${i + 1}. ${x}`).join('\n'));
/** The budget as the settings card shows it: the organisation's own (null: none), and LINE's quota as last read. */
export interface MessageBudgetSetting {
  own: number | null;
  lineQuota: number | null;
}

/** A budget as the card, the confirmation and the management log show it; null: LINE's quota. */
export const LINE_QUOTA_TH = 'ตามโควตาของแพ็กเกจ LINE';
export const budgetText = (amount: number | null) => (amount === null ? LINE_QUOTA_TH : `${amount.toLocaleString('en-US')} ข้อความต่อเดือน`);
export const ownOr = <T>(value: T | null | undefined, show: (v: T) => string): string => (value === null || value === undefined ? DEFAULT_TH : show(value));

/** The management log's subject of a change. */
export function subjectOf(change: SettingChange): string {
  switch (change.key) {
    case 'jobTime':
      return `${SETTING_TH.jobTime} ${change.jobTh}`;
    case 'supportingFactors':
      return `${SETTING_TH.supportingFactors} ปีงบประมาณ ${change.fiscalYear}`;
    case 'dayOffAdd':
    case 'dayOffRemove':
      return `${SETTING_TH.daysOff} ${dayText(change.date)}`;
    default:
      return SETTING_TH[change.key];
  }
}
