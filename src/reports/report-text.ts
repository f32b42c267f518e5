import { TZDate } from '@date-fns/tz';
import type { DisplayStatus } from '../domain/statuses.js';
import { STATUS_TH } from '../domain/statuses.js';
import type { Threshold } from '../domain/summary.js';
import { thaiDigits, toBuddhistYear } from '../domain/thai.js';
import { TIME_ZONE } from '../domain/time-zone.js';
import type { EplanReportData, ReportOrganisation } from './types.js';

/** The words and lines several report files share, so the DOCX, XLSX and CSV say the same thing. */

export const REPORT_FONT = 'TH SarabunPSK';
export const PRODUCT_NAME_TH = 'ระบบโปร่งใส';

export const ITA_TITLE = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

export const ITA_HEADERS = [
  'ลำดับ',
  'มาตรการ/กิจกรรม',
  'วิธีดำเนินการ',
  'ระยะเวลาดำเนินการ',
  'ผู้รับผิดชอบ',
  'สรุปผลการดำเนินการ',
  'ผลลัพธ์หรือความสำเร็จ',
] as const;

/** E-PlanNACC's status columns run in this order (seed 004), with not_started added for our own items. */
export const EPLAN_STATUS_ORDER: readonly DisplayStatus[] = ['awaiting_report', 'not_started', 'in_progress', 'completed', 'cannot_proceed'];

const THAI_MONTHS_LONG = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

/** "6 พฤศจิกายน 2566" in Bangkok time: formal reports spell the month out (seed 004's "ข้อมูล ณ วันที่"). */
export function formatThaiDateLong(date: Date): string {
  const d = new TZDate(date, TIME_ZONE);
  return `${d.getDate()} ${THAI_MONTHS_LONG[d.getMonth()]} ${toBuddhistYear(d.getFullYear())}`;
}

// Web and mail addresses must stay typeable, so their digits are never converted.
const ADDRESS = /(https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+)/;

/** Digits for a formal document: Thai (๐–๙) when asked, leaving addresses as they are. */
export function digitsFor(useThai: boolean): (text: string | number) => string {
  if (!useThai) return (text) => String(text);
  return (text) =>
    String(text)
      .split(ADDRESS)
      .map((part, i) => (i % 2 === 1 ? part : thaiDigits(part)))
      .join('');
}

/** Districts and provinces are stored with or without their prefix; print each prefix once. */
function prefixed(prefix: string, name: string, alternatives: string[] = []): string {
  const n = name.trim();
  if (!n) return '';
  return [prefix, ...alternatives].some((p) => n.startsWith(p)) ? n : `${prefix}${n}`;
}

/** "องค์การบริหารส่วนตำบลโพธิ์ทอง อำเภอท่าศาลา จังหวัดนครศรีธรรมราช". */
export function organisationLine(org: ReportOrganisation): string {
  return [org.name.trim(), prefixed('อำเภอ', org.district, ['เขต']), prefixed('จังหวัด', org.province, ['กรุงเทพ'])]
    .filter(Boolean)
    .join(' ');
}

export const fiscalYearLine = (fiscalYear: number): string => `ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;

/** "ผลคะแนน ITA 92.85 คะแนน ระดับ A", or null before the organisation has a score. */
export function itaScoreLine(org: ReportOrganisation): string | null {
  if (org.itaScore === null) return null;
  const level = org.itaLevel?.trim() ? ` ระดับ ${org.itaLevel.trim()}` : '';
  return `ผลคะแนน ITA ${org.itaScore.toFixed(2)} คะแนน${level}`;
}

/** The seeds' lead-in sentence before the table. */
export function itaIntro(org: ReportOrganisation): string {
  return (
    `${org.name.trim()} ได้รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ` +
    `${fiscalYearLine(org.fiscalYear)} โดยแสดงมาตรการ/กิจกรรมที่ดำเนินการ การสรุปผลการดำเนินการ ` +
    `และผลลัพธ์ของการดำเนินการ พร้อมผู้รับผิดชอบ ดังนี้`
  );
}

export const generatedLine = (at: Date): string => `จัดทำโดย${PRODUCT_NAME_TH} เมื่อ ${formatThaiDateLong(at)}`;

// A step typed as "1. …", "(๑) …" or "๒) …" keeps its words but gets our numbering; four-digit years are not numbers.
const STEP_NUMBER = /^\s*\(?[0-9๐-๙]{1,2}[.)]\s*/;

/** Method steps as "1. …" lines, numbered afresh whatever numbering the plan carried. */
export function numberedSteps(steps: string[]): string[] {
  return steps
    .map((s) => s.replace(STEP_NUMBER, '').trim())
    .filter(Boolean)
    .map((s, i) => `${i + 1}. ${s}`);
}

// Thai vowel and tone marks sit above or below their consonant and take no width of their own.
const NO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** Lines a text needs in a column holding `perLine` characters: an estimate, as no font is measured here. */
export function estimateLines(text: string, perLine: number): number {
  const n = Math.max(1, Math.floor(perLine));
  return text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(l.replace(NO_WIDTH, '').length / n)), 0);
}

/** Text cells may hold several lines; blank ones only add height. */
export const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');

// ---- E-PlanNACC ----

export const EPLAN_HEADERS = ['ลำดับ', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ (บาท)', 'เบิกจ่าย (บาท)', 'สถานะ', 'หมายเหตุ'] as const;

export const roundTh = (round: EplanReportData['round']): string => (round === 'six_month' ? 'รอบ 6 เดือน' : 'รอบ 12 เดือน');

export const eplanTitle = (round: EplanReportData['round']): string =>
  `รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ${roundTh(round)}`;

export const asOfLine = (asOf: Date): string => `ข้อมูล ณ วันที่ ${formatThaiDateLong(asOf)}`;

export interface SummaryItem {
  label: string;
  value: number;
  unit: 'โครงการ' | 'บาท' | '';
  kind: 'count' | 'money' | 'percent';
}

/** Seed 004's "สรุปผลการขับเคลื่อนแผนฯ", one figure per line, in its order and wording. */
export function eplanSummaryItems(s: EplanReportData['summary']): SummaryItem[] {
  return [
    { label: 'แผนปฏิบัติการป้องกันการทุจริต มีโครงการ/กิจกรรม/มาตรการ จำนวน', value: s.total, unit: 'โครงการ', kind: 'count' },
    ...EPLAN_STATUS_ORDER.map((st): SummaryItem => ({ label: STATUS_TH[st], value: s.counts[st], unit: 'โครงการ', kind: 'count' })),
    { label: 'งบประมาณรวม', value: s.budget, unit: 'บาท', kind: 'money' },
    { label: 'เบิกจ่ายงบประมาณ', value: s.disbursed, unit: 'บาท', kind: 'money' },
    { label: 'ร้อยละการเบิกจ่าย', value: s.disbursementPercent, unit: '', kind: 'percent' },
    { label: `มีการนำแผนฯ ไปปฏิบัติ ระดับ ${s.level} ร้อยละ`, value: s.implementationPercent, unit: '', kind: 'percent' },
  ];
}

/** The cut-offs are ours, not the NACC's, so the report says which were used. */
export const THRESHOLDS_LABEL = 'เกณฑ์ระดับร้อยละการนำแผนไปปฏิบัติที่ใช้';

export const thresholdsText = (thresholds: Threshold[]): string =>
  [...thresholds].sort((a, b) => b.min - a.min).map((t) => `${t.label} ตั้งแต่ร้อยละ ${t.min}`).join(', ');

export const thresholdsLine = (thresholds: Threshold[]): string => `${THRESHOLDS_LABEL}: ${thresholdsText(thresholds)}`;

export const reporterLine = (r: NonNullable<EplanReportData['reporter']>): string => `ชื่อ - สกุล ผู้รายงาน ${r.name} ตำแหน่ง ${r.position}`;
