import { TZDate } from '@date-fns/tz';
import type { DisplayStatus } from '../domain/statuses.js';
import { AWAITING_REPORT, STATUS_TH } from '../domain/statuses.js';
import { numberedSteps, unnumberedSteps } from '../domain/measures.js';
import type { Threshold } from '../domain/summary.js';
import { thaiDigits, toBuddhistYear } from '../domain/thai.js';
import { TIME_ZONE } from '../domain/time-zone.js';
import type { EplanLatestReport, EplanReportData, ReportOrganisation, Reporter } from './types.js';

/** The words and lines several report files share, so the DOCX, XLSX and CSV say the same thing. */

// The font whose metrics the layouts measure (text-measure.ts): what is measured is what prints.
export const REPORT_FONT = 'TH Sarabun New';
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

/**
 * Digits for the document's own words and figures: Thai (๐–๙) when asked, leaving addresses as they are.
 * Never for what people wrote (titles, periods, units, summaries, outcomes, names): those print as typed.
 */
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

export { numberedSteps };

/** Text cells may hold several lines; blank ones only add height. */
export const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trimEnd()).filter((l) => l.trim() !== '');

// ---- E-PlanNACC ----

/**
 * The table as seed 004 files it: one check column per E-PlanNACC status under a สถานะ heading. E-PlanNACC has
 * no "not started" box, so such a row is ticked nowhere and says so in หมายเหตุ; the summary counts it.
 */
export const EPLAN_STATUS_COLUMNS = ['awaiting_report', 'in_progress', 'completed', 'cannot_proceed'] as const satisfies readonly DisplayStatus[];
export const EPLAN_STATUS_GROUP = 'สถานะ';
export const EPLAN_MARK = '☑';
export const EPLAN_LEAD_HEADERS = ['ลำดับ', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ (บาท)', 'เบิกจ่าย (บาท)'] as const;
export const EPLAN_NOTE_HEADER = 'หมายเหตุ';

/** The four check cells of a row, in column order. */
export const eplanMarks = (status: DisplayStatus): string[] => EPLAN_STATUS_COLUMNS.map((c) => (c === status ? EPLAN_MARK : ''));

const clean = (text: string | null | undefined): string => text?.trim() ?? '';

/**
 * หมายเหตุ as seed 004 uses it, from the same report as the row's tick: why a project cannot proceed; for a
 * project reported on, what it produced (the seed lists the manuals a completed project delivered); for one
 * not started, that it is not (no column says so); nothing for one never reported (its tick is รอรายงาน).
 * A report from before the round began says when it was made, so the reader knows the tick is not this
 * round's news. `d` writes our own figures (the date) in the document's digits; typed text stays as typed.
 */
export function eplanNote(shown: DisplayStatus, report: EplanLatestReport | null, d: (t: string | number) => string = String): string {
  if (!report) return '';
  const said =
    shown === 'cannot_proceed' ? clean(report.cannotProceedReason) : shown === 'not_started' ? STATUS_TH.not_started : clean(report.outcome);
  if (!report.beforeRound) return said;
  const when = `รายงานล่าสุดเมื่อ ${d(formatThaiDateLong(report.reportedAt))}`;
  return said ? `${said} (${when})` : when;
}

/**
 * "ข้อมูล ณ วันที่": the day of the newest report the table includes. That is always true of the table, also
 * when it is exported after the round closed and later reports are left out (the export day would then claim
 * data the table does not show), and re-exporting the same data gives the same day; the export day is already
 * printed in the generated-by line. With no report at all, the export day, but not past the round's last day.
 */
export function eplanAsOf(newestIncluded: Date | null, now: Date, roundEnd: Date): Date {
  if (newestIncluded) return newestIncluded;
  return now < roundEnd ? now : new Date(roundEnd.getTime() - 1);
}

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

// Room to write by hand what the record lacks, rather than a dash that would be filed as the answer.
const TO_FILL = '..............................';

/** Seed 004's signature line; a blank name or position (or no reporter) leaves a dotted line to write on. */
export const reporterLine = (r: Reporter | null): string =>
  `ชื่อ - สกุล ผู้รายงาน ${r?.name.trim() || TO_FILL} ตำแหน่ง ${r?.position.trim() || TO_FILL}`;

/** "1,234,567.00": money as the seed prints it. */
export const moneyText = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "83.33" and "5": a percentage with two decimals, a count whole. */
export const percentText = (n: number): string => n.toFixed(2);

/**
 * The implementation percentage taken apart, so the reader can check it from the counts printed above:
 * completed in full, in progress as half, the rest as nothing.
 */
export function implementationFormulaLine(s: EplanReportData['summary']): string {
  const c = s.counts;
  const none = c.awaiting_report + c.not_started + c.cannot_proceed;
  return (
    `คำนวณจาก (${STATUS_TH.completed} ${c.completed} + ${STATUS_TH.in_progress} ${c.in_progress} × 0.5) ÷ ทั้งหมด ${s.total} × 100 ` +
    `= ${percentText(s.implementationPercent)} โดยนับโครงการที่อยู่ระหว่างดำเนินการเป็นครึ่งโครงการ และนับโครงการที่${STATUS_TH.awaiting_report} ` +
    `${STATUS_TH.not_started} หรือ${STATUS_TH.cannot_proceed} (รวม ${none} โครงการ) เป็นศูนย์`
  );
}

/** Said under "ข้อมูล ณ วันที่" when the report is made before its round's last day is over. */
export const roundNotEndedLine = (round: EplanReportData['round'], lastDay: Date): string =>
  `${roundTh(round)}ยังไม่สิ้นสุด (สิ้นสุดวันที่ ${formatThaiDateLong(lastDay)}) ตัวเลขในรายงานนี้จึงอาจเปลี่ยนแปลงได้จนถึงวันสิ้นรอบ`;

// ---- the plan report in prose (seed 004's first part) ----

export const NARRATIVE_TITLE = 'รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต';
export const NARRATIVE_HEADINGS = {
  mission: 'ภารกิจตามมิติ',
  method: 'การดำเนินงาน',
  result: 'ผลการดำเนินการ',
  factors: 'ปัจจัยสนับสนุน',
  problems: 'ปัญหาอุปสรรค',
  suggestions: 'ข้อเสนอแนะ',
} as const;

/** Seed 004's opening: what the report is and what it goes on to state. */
export function narrativeIntro(org: ReportOrganisation): string {
  return (
    `${org.name.trim()} ได้จัดทำแผนปฏิบัติการป้องกันการทุจริตเพื่อยกระดับคุณธรรมและความโปร่งใส ` +
    `และได้ดำเนินการตามแผนใน${fiscalYearLine(org.fiscalYear)} จึงขอรายงานผลการดำเนินงานของแต่ละโครงการ/กิจกรรม ` +
    `พร้อมทั้งระบุปัจจัยสนับสนุน ปัญหาอุปสรรค และข้อเสนอแนะในการปรับปรุงแผน ดังนี้`
  );
}

/** "มิติที่ 1 การสร้างวัฒนธรรมสุจริต"; projects without one are grouped last. */
export const dimensionHeading = (dimension: number | null, names: Record<number, string>): string =>
  dimension ? `มิติที่ ${dimension} ${names[dimension] ?? ''}`.trim() : 'โครงการ/กิจกรรมที่ไม่ได้ระบุมิติ';

/** Seed 004 numbers a project's steps "(๑) …": the plan's own numbering is replaced, as in the ITA table. */
export const bracketedSteps = (steps: string[], num: (n: number) => string = String): string[] => unnumberedSteps(steps).map((s, i) => `(${num(i + 1)}) ${s}`);

/** The result line: the status, why it cannot proceed, or that nothing was reported in the year. */
export function narrativeStatusLine(status: DisplayStatus, reason: string): string {
  if (status === AWAITING_REPORT) return 'ยังไม่มีรายงานผลการดำเนินการในปีงบประมาณนี้ (รอรายงาน)';
  return `สถานะ: ${STATUS_TH[status]}${status === 'cannot_proceed' && reason ? ` เนื่องจาก${reason}` : ''}`;
}
