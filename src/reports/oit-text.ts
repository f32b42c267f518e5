import { formatThaiDate } from '../domain/thai.js';
import type { OitReportData, OitReportRow } from './load-oit-data.js';
import { fiscalYearLine } from './report-text.js';

/** The words the OIT report's XLSX (for keying into ITAS) and DOCX (seed 003's table, to file) share. */

export const OIT_TITLE = 'ผลการตรวจสอบการเปิดเผยข้อมูลสาธารณะ (OIT)';

/** Seed 003's columns, with ITAS's มี/ไม่มี, URL and คำอธิบาย, and who checked; each header prints on one line ("ผลการตรวจสอบ", not "ผลการ|ตรวจ|สอบ"). */
export const OIT_HEADERS = ['ข้อ', 'ข้อมูล', 'องค์ประกอบด้านข้อมูล', 'มี', 'ไม่มี', 'URL', 'คำอธิบาย', 'ผลการตรวจสอบ', 'ผู้ตรวจสอบ'] as const;
/** Columns printed centred: the code and the two tick boxes. */
export const OIT_CENTRED_COLUMNS = [0, 3, 4];
/** The address: wrapped where the line ends if it must be, so a long one prints whole without widening its column to the page. */
export const OIT_URL_COLUMN = 5;

export const OIT_TICKED = '☑';
export const OIT_UNTICKED = '☐';

export const OIT_NO_ITEMS = 'ยังไม่มีรายการข้อ OIT ของปีงบประมาณนี้';

export const oitSubtitle = (data: OitReportData): string => fiscalYearLine(data.organisation.fiscalYear);

/**
 * A row's cells as printed, one text per column. `d` turns the report's own figures into its digits; what
 * people typed (explanation, address, names) and the form's wording print as they are.
 */
export function oitCells(r: OitReportRow, d: (text: string | number) => string, code: (r: OitReportRow) => string): string[] {
  const box = (on: boolean) => (r.available === null ? OIT_UNTICKED : on ? OIT_TICKED : OIT_UNTICKED);
  return [
    code(r),
    r.title,
    r.description,
    box(r.available === true),
    box(r.available === false),
    r.url,
    r.explanation,
    r.result,
    [r.reviewer, r.reviewedAt ? d(formatThaiDate(r.reviewedAt)) : ''].filter(Boolean).join('\n'),
  ];
}
