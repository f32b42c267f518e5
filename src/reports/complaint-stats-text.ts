import { NO_CATEGORY_TH, type ComplaintFigures, type ComplaintYearStatistics } from '../domain/complaint-statistics.js';
import { KIND_TH } from '../domain/complaints.js';
import { formatThaiDate } from '../domain/thai.js';

/** OIT O24 as a plain-text table for the operator's terminal (`complaint-stats`): months, kinds, categories. */

const HEADERS = ['รับ', 'เสร็จ', 'กำลังดำเนินการ', 'เกินกำหนด', 'มัธยฐาน(วัน)', 'ใน 15 วัน', 'ร้อยละ', 'เปิดใหม่', 'ให้คะแนน', 'คะแนนเฉลี่ย', 'ส่งต่อ', 'ถอนเรื่อง'];

// Thai vowels and tone marks above and below a consonant take no column of their own in a terminal.
const COMBINING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
const widthOf = (text: string) => text.replace(COMBINING, '').length;
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - widthOf(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - widthOf(text))) + text;

function cells(f: ComplaintFigures): string[] {
  const dash = (n: number | null, digits: number) => (n === null ? '-' : n.toFixed(digits));
  return [
    String(f.received),
    String(f.closed),
    String(f.inProgress),
    String(f.overdue),
    dash(f.medianDays, 1),
    `${f.answeredWithin15}/${f.answered}`,
    dash(f.within15Percent, 2),
    String(f.reopened),
    String(f.ratings),
    dash(f.averageStars, 2),
    String(f.forwarded),
    String(f.withdrawn),
  ];
}

function table(title: string, rows: [string, ComplaintFigures][]): string[] {
  const body = rows.map(([label, f]) => [label, ...cells(f)]);
  const all = [[title, ...HEADERS], ...body];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => widthOf(r[i]!))));
  return all.map((r) => r.map((cell, i) => (i === 0 ? padEnd(cell, widths[i]!) : padStart(cell, widths[i]!))).join('  ').trimEnd());
}

export function complaintStatisticsTable(stats: ComplaintYearStatistics): string {
  return [
    `สถิติเรื่องร้องเรียน ปีงบประมาณ ${stats.fiscalYear} (OIT O24) · ข้อมูล ณ ${formatThaiDate(stats.asOf)}`,
    '',
    ...table('เดือน', [...stats.months.map((m): [string, ComplaintFigures] => [m.label, m]), ['รวมทั้งปี', stats.total]]),
    '',
    ...table('ประเภทเรื่อง', [
      [KIND_TH.general, stats.byKind.general],
      [KIND_TH.corruption, stats.byKind.corruption],
    ]),
    '',
    ...(stats.byCategory.length === 0
      ? ['ยังไม่มีเรื่องร้องเรียนทั่วไปในปีนี้']
      : table('หมวด (ร้องเรียนทั่วไป)', stats.byCategory.map((c): [string, ComplaintFigures] => [c.category ?? NO_CATEGORY_TH, c]))),
    '',
    'ใน 15 วัน = ปิดภายในกำหนดเดิม/ปิดโดยหน่วยงานทั้งหมด (ไม่นับเรื่องที่ผู้ร้องถอน) · มัธยฐาน = ค่ากลางของจำนวนวันจากรับถึงปิดเรื่อง',
    'รายละเอียดเป็น Excel: npm run cli -- report complaints-xlsx --fiscal-year ' + stats.fiscalYear,
  ].join('\n');
}
