import type ExcelJS from 'exceljs';
import { monthKey } from '../domain/calendar.js';
import { NO_CATEGORY_TH, type ComplaintFigures } from '../domain/complaint-statistics.js';
import { ANSWER_WITHIN_DAYS, KIND_TH } from '../domain/complaints.js';
import { asOfLine, fiscalYearLine, generatedLine, organisationLine } from './report-text.js';
import type { ComplaintStatsReportData } from './types.js';
import { addHeaderRow, addSheet, addSpanningRow, BOLD_FONT, fitSheetColumns, newSheet, PERCENT_FORMAT, styleBodyRow, toBuffer } from './xlsx-sheet.js';

/** The figure columns, after the row's label, in every table of the workbook. */
export const FIGURE_HEADERS = [
  'รับเรื่อง',
  'ดำเนินการแล้วเสร็จ',
  'อยู่ระหว่างดำเนินการ',
  `เกินกำหนด ${ANSWER_WITHIN_DAYS} วันและยังไม่เสร็จ`,
  'ระยะเวลาดำเนินการ ค่ามัธยฐาน (วัน)',
  `ตอบภายใน ${ANSWER_WITHIN_DAYS} วัน (เรื่อง)`,
  `ร้อยละที่ตอบภายใน ${ANSWER_WITHIN_DAYS} วัน`,
  'เปิดเรื่องใหม่',
  'จำนวนผู้ให้คะแนน',
  'คะแนนความพึงพอใจเฉลี่ย (เต็ม 5)',
  'ส่งต่อหน่วยงานอื่น',
  'ผู้ร้องถอนเรื่อง',
] as const;

/** Columns holding a figure with decimals; a figure that has no value ("no case answered") reads "-". */
const DECIMAL_COLUMNS = new Set([6, 8, 11]);

function figureCells(f: ComplaintFigures): (number | string)[] {
  const orDash = (n: number | null) => n ?? '-';
  return [f.received, f.closed, f.inProgress, f.overdue, orDash(f.medianDays), f.answeredWithin15, orDash(f.within15Percent), f.reopened, f.ratings, orDash(f.averageStars), f.forwarded, f.withdrawn];
}

/** A month still to come has no figures yet: its cells stay blank rather than print 0 as if none came. */
function addFigureRow(sheet: ExcelJS.Worksheet, label: string, f: ComplaintFigures | null, bold = false): void {
  const row = sheet.addRow([label, ...(f ? figureCells(f) : FIGURE_HEADERS.map(() => ''))]);
  for (const column of DECIMAL_COLUMNS) {
    const cell = row.getCell(column);
    if (typeof cell.value === 'number') cell.numFmt = column === 6 ? '0.0' : PERCENT_FORMAT;
    // "-" stands where the figures stand, not against the column's left rule beside the figure before it.
    else if (cell.value === '-') cell.alignment = { horizontal: 'right' };
  }
  if (bold) row.font = BOLD_FONT;
  styleBodyRow(row, FIGURE_HEADERS.length + 1);
}

/**
 * A table's column widths from its header and rows as they print (figures in their formats), measured in the
 * report font so that the thirteen columns print at 100 % across the landscape page instead of shrunk to fit.
 */
function tableWidths(labelHeader: string, rows: readonly { label: string; figures: ComplaintFigures | null }[]): number[] {
  const shown = (f: ComplaintFigures) => figureCells(f).map((v, i) => (typeof v === 'number' && DECIMAL_COLUMNS.has(i + 2) ? v.toFixed(i + 2 === 6 ? 1 : 2) : String(v)));
  // The totals row, printed bold, is the last; a month or a category reads on one line.
  return fitSheetColumns([[labelHeader, ...FIGURE_HEADERS], ...rows.map((r) => [r.label, ...(r.figures ? shown(r.figures) : FIGURE_HEADERS.map(() => ''))])], { boldRows: [rows.length], wholeLines: [0] });
}

function addTitles(sheet: ExcelJS.Worksheet, data: ComplaintStatsReportData, title: string): void {
  addSpanningRow(sheet, `${title} ${fiscalYearLine(data.stats.fiscalYear)}`, { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addSpanningRow(sheet, asOfLine(data.generatedAt), { title: true });
}

/** How each figure is counted: readers of a published table ask, and the answers are choices (docs/domain.md). */
export const DEFINITIONS_TH = [
  'ทุกตัวเลขนับเรื่องที่รับในเดือนหรือปีงบประมาณนั้น (ตามวันที่รับเรื่อง เวลาประเทศไทย) และสถานะ ณ วันที่ออกรายงาน',
  'ดำเนินการแล้วเสร็จ: ดำเนินการแล้วเสร็จ ไม่รับพิจารณา หรือส่งต่อหน่วยงานอื่น เรื่องที่ผู้ร้องถอนนับแยกในช่องผู้ร้องถอนเรื่อง (รับเรื่อง = ดำเนินการแล้วเสร็จ + อยู่ระหว่างดำเนินการ + ผู้ร้องถอนเรื่อง)',
  `ระยะเวลาดำเนินการและการตอบภายใน ${ANSWER_WITHIN_DAYS} วัน นับเฉพาะเรื่องที่หน่วยงานปิดเอง (ดำเนินการแล้วเสร็จ ไม่รับพิจารณา ส่งต่อ) ไม่นับเรื่องที่ผู้ร้องถอน`,
  'ระยะเวลาดำเนินการ: จำนวนวันจากวันที่รับเรื่องถึงวันที่ปิดเรื่อง ค่ามัธยฐาน คือค่ากลางเมื่อเรียงจากน้อยไปมาก (จำนวนคู่ใช้ค่าเฉลี่ยของสองค่ากลาง)',
  `ตอบภายใน ${ANSWER_WITHIN_DAYS} วัน: ปิดเรื่องไม่เกินสิ้นวันที่ ${ANSWER_WITHIN_DAYS} นับจากวันที่รับเรื่อง เรื่องที่ถูกเปิดใหม่นับจากกำหนดเดิม ไม่ใช่กำหนดใหม่หลังเปิดเรื่อง`,
  'เปิดเรื่องใหม่: เรื่องที่ผู้ร้องแจ้งว่ายังไม่ได้แก้ไขอย่างน้อยหนึ่งครั้ง ไม่ว่าสถานะปัจจุบันเป็นอย่างไร',
  'คะแนนความพึงพอใจ: ค่าเฉลี่ยของคะแนนล่าสุดที่ผู้ร้องให้ (1–5 ดาว) ต่อเรื่อง',
  'เรื่องแจ้งเบาะแสการทุจริตแสดงเป็นจำนวนเท่านั้น และไม่แยกตามหมวด',
];

/**
 * OIT O24's published statistics, three sheets: the months of the fiscal year with the year's total, the
 * two kinds, and general complaints by category. Numbers stay numbers; a missing average reads "-".
 */
export async function buildComplaintStatsXlsx(data: ComplaintStatsReportData): Promise<Buffer> {
  const { stats } = data;
  const thisMonth = monthKey(data.generatedAt);
  const monthRows = [...stats.months.map((m) => ({ label: m.label, figures: m.month > thisMonth ? null : m })), { label: 'รวมทั้งปี', figures: stats.total }];
  const { workbook, sheet: months } = newSheet('รายเดือน', tableWidths('เดือน', monthRows), { fullSize: true });
  addTitles(months, data, 'สถิติเรื่องร้องเรียนรายเดือน');
  addHeaderRow(months, ['เดือน', ...FIGURE_HEADERS]);
  monthRows.forEach((r, i) => addFigureRow(months, r.label, r.figures, i === monthRows.length - 1));
  months.addRow([]);
  addSpanningRow(months, 'หมายเหตุ', { bold: true });
  for (const line of DEFINITIONS_TH) addSpanningRow(months, `• ${line}`);
  addSpanningRow(months, generatedLine(data.generatedAt));

  const kindRows = [
    { label: KIND_TH.general, figures: stats.byKind.general },
    { label: KIND_TH.corruption, figures: stats.byKind.corruption },
    { label: 'รวม', figures: stats.total },
  ];
  const kinds = addSheet(workbook, 'ประเภทเรื่อง', tableWidths('ประเภทเรื่อง', kindRows), { fullSize: true });
  addTitles(kinds, data, 'สถิติเรื่องร้องเรียนแยกตามประเภท');
  addHeaderRow(kinds, ['ประเภทเรื่อง', ...FIGURE_HEADERS]);
  addFigureRow(kinds, 'รวม', stats.total, true);
  addFigureRow(kinds, KIND_TH.general, stats.byKind.general);
  addFigureRow(kinds, KIND_TH.corruption, stats.byKind.corruption);

  const categoryRows = [...stats.byCategory.map((c) => ({ label: c.category ?? NO_CATEGORY_TH, figures: c as ComplaintFigures })), { label: 'รวม', figures: stats.byKind.general }];
  const categories = addSheet(workbook, 'หมวดเรื่อง', tableWidths('หมวดเรื่อง', categoryRows), { fullSize: true });
  // "สถิติเรื่อง" + the kind's own name, which already begins with ร้องเรียน.
  addTitles(categories, data, `สถิติเรื่อง${KIND_TH.general} แยกตามหมวด`);
  addHeaderRow(categories, ['หมวดเรื่อง', ...FIGURE_HEADERS]);
  for (const c of stats.byCategory) addFigureRow(categories, c.category ?? NO_CATEGORY_TH, c);
  addFigureRow(categories, 'รวม', stats.byKind.general, true);
  return toBuffer(workbook);
}
