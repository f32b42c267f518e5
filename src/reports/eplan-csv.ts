import { STATUS_TH } from '../domain/statuses.js';
import {
  EPLAN_NOTE_HEADER,
  EPLAN_STATUS_COLUMNS,
  eplanMarks,
  eplanNote,
  eplanSummaryItems,
  formatThaiDateLong,
  implementationFormulaLine,
  organisationLine,
  roundNotEndedLine,
  roundTh,
  THRESHOLDS_LABEL,
  thresholdsText,
} from './report-text.js';
import type { EplanReportData } from './types.js';

type Field = string | number;

// A text starting like a formula would run when the file is opened in a spreadsheet (CSV injection);
// a plain number such as "-1.50" is no formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

function field(value: Field): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const record = (fields: Field[]): string => fields.map(field).join(',');
const money = (n: number): string => n.toFixed(2);

/** The filed table's columns plus รหัส; a one-row header, so each status column is named by its status. */
export const EPLAN_CSV_HEADERS = ['ลำดับ', 'รหัส', 'โครงการ/กิจกรรม', 'มิติ', 'งบประมาณ', 'เบิกจ่าย', ...EPLAN_STATUS_COLUMNS.map((s) => STATUS_TH[s]), EPLAN_NOTE_HEADER] as const;

/**
 * The E-PlanNACC table for other systems: UTF-8 with a BOM (so Excel reads Thai), RFC 4180 quoting and
 * CRLF, plain numbers with two decimals; a blank line, then the summary as label,value pairs.
 */
export function buildEplanCsv(data: EplanReportData): string {
  const s = data.summary;
  const records: Field[][] = [[...EPLAN_CSV_HEADERS]];
  data.rows.forEach((r, index) => {
    records.push([r.number ?? index + 1, r.code, r.title, r.dimension ?? '', money(r.budget), money(r.disbursed), ...eplanMarks(r.status), eplanNote(r.status, r.latest)]);
  });

  const summary: Field[][] = [
    ['หน่วยงาน', organisationLine(data.organisation)],
    ['ปีงบประมาณ', data.organisation.fiscalYear],
    ['รอบการรายงาน', roundTh(data.round)],
    ['ข้อมูล ณ วันที่', formatThaiDateLong(data.asOf)],
    ...(data.roundEnded ? [] : [['รอบการรายงานยังไม่สิ้นสุด', roundNotEndedLine(data.round, data.roundLastDay)]]),
    ...eplanSummaryItems(s).map((item): Field[] => [
      item.unit ? `${item.label} (${item.unit})` : item.label,
      item.kind === 'count' ? item.value : money(item.value),
    ]),
    ['ระดับการนำแผนไปปฏิบัติ', s.level],
    ['วิธีคิดร้อยละการนำแผนไปปฏิบัติ', implementationFormulaLine(s)],
    [THRESHOLDS_LABEL, thresholdsText(s.thresholds)],
    ...(data.reporter ? [['ผู้รายงาน', data.reporter.name], ['ตำแหน่ง', data.reporter.position]] : []),
    ...data.problems.filter((p) => p.trim()).map((p) => ['ปัญหาอุปสรรค', p.trim()]),
    ...data.suggestions.filter((p) => p.trim()).map((p) => ['ข้อเสนอแนะ', p.trim()]),
  ];

  return `\uFEFF${[...records.map(record), '', ...summary.map(record)].join('\r\n')}\r\n`;
}
