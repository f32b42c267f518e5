import { ANSWER_WITHIN_DAYS, COMPLAINT_STATUS_TH, CLOSED_STATUSES, KIND_TH, type ComplaintCounts } from '../domain/complaints.js';
import { asOfLine, fiscalYearLine, generatedLine, organisationLine } from './report-text.js';
import type { ComplaintStatsReportData } from './types.js';
import { addHeaderRow, addSpanningRow, BOLD_FONT, newSheet, styleBodyRow, toBuffer } from './xlsx-sheet.js';

export const COMPLAINT_STATS_HEADERS = ['ประเภทเรื่อง', 'จำนวนเรื่องทั้งหมด', 'ดำเนินการแล้วเสร็จ', 'อยู่ระหว่างดำเนินการ'] as const;
export const OVERDUE_LABEL = `เกินกำหนด ${ANSWER_WITHIN_DAYS} วันและยังไม่ปิดเรื่อง`;

/** OIT O24's published statistics: all complaints, then each channel, counts as real numbers. */
export async function buildComplaintStatsXlsx(data: ComplaintStatsReportData): Promise<Buffer> {
  const { stats } = data;
  const { workbook, sheet } = newSheet('O24', [44, 20, 20, 22]);

  addSpanningRow(sheet, `สถิติเรื่องร้องเรียน ${fiscalYearLine(stats.fiscalYear)}`, { title: true });
  addSpanningRow(sheet, organisationLine(data.organisation), { title: true });
  addSpanningRow(sheet, asOfLine(data.generatedAt), { title: true });

  addHeaderRow(sheet, COMPLAINT_STATS_HEADERS);
  const lines: [string, ComplaintCounts][] = [
    ['รวม', stats.all],
    [KIND_TH.general, stats.byKind.general],
    [KIND_TH.corruption, stats.byKind.corruption],
  ];
  for (const [label, c] of lines) {
    const row = sheet.addRow([label, c.total, c.completed, c.inProgress]);
    if (label === 'รวม') row.font = BOLD_FONT;
    styleBodyRow(row, COMPLAINT_STATS_HEADERS.length);
  }
  const overdue = sheet.addRow([OVERDUE_LABEL, stats.overdue]);
  styleBodyRow(overdue, 2);

  sheet.addRow([]);
  // Readers of the published table ask what "completed" means: every closed case, whatever the outcome.
  const closed = CLOSED_STATUSES.map((s) => COMPLAINT_STATUS_TH[s]);
  addSpanningRow(sheet, `หมายเหตุ: ดำเนินการแล้วเสร็จ นับรวมเรื่องที่${closed.slice(0, -1).join(' ')} และ${closed.at(-1)}`);
  addSpanningRow(sheet, generatedLine(data.generatedAt));
  return toBuffer(workbook);
}
