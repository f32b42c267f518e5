import type { ComplaintFigures, ComplaintYearStatistics, MonthFigures } from '../domain/complaint-statistics.js';
import { seesCorruptionCounts } from '../domain/corruption-privacy.js';
import { formatThaiDate } from '../domain/thai.js';
import { text, type Message } from '../line/messages.js';
import { linkMessage } from './link-message.js';

/**
 * OIT O24 in LINE, for executives: the year's key figures and this month's in a few lines; the months,
 * kinds and categories are in the spreadsheet the message links to. Counts only, never a case or a person.
 */

const fixed = (n: number | null, digits: number) => (n === null ? '-' : n.toFixed(digits));
const days = (n: number | null) => (n === null ? '-' : `${Number.isInteger(n) ? n : n.toFixed(1)} วัน`);

function keyLines(f: ComplaintFigures): string[] {
  const lines = [`รับ ${f.received} เรื่อง · เสร็จแล้ว ${f.closed} · อยู่ระหว่างดำเนินการ ${f.inProgress}`];
  if (f.answered > 0) {
    lines.push(`ตอบภายใน 15 วัน ร้อยละ ${fixed(f.within15Percent, 2)} (${f.answeredWithin15} จาก ${f.answered} เรื่อง) · ระยะเวลาดำเนินการ ค่ามัธยฐาน ${days(f.medianDays)}`);
  }
  const others = [
    f.overdue > 0 ? `เกินกำหนดยังไม่เสร็จ ${f.overdue} เรื่อง` : '',
    f.reopened > 0 ? `เปิดเรื่องใหม่ ${f.reopened} เรื่อง` : '',
    f.forwarded > 0 ? `ส่งต่อหน่วยงานอื่น ${f.forwarded} เรื่อง` : '',
    f.withdrawn > 0 ? `ผู้ร้องถอนเรื่อง ${f.withdrawn} เรื่อง` : '',
  ].filter(Boolean);
  if (others.length > 0) lines.push(others.join(' · '));
  if (f.ratings > 0) lines.push(`ความพึงพอใจเฉลี่ย ${fixed(f.averageStars, 2)} จาก 5 ดาว (${f.ratings} ความเห็น)`);
  return lines;
}

export function statisticsText(stats: ComplaintYearStatistics, thisMonth: MonthFigures | null, download: { minutes: number } | null): string {
  const t = stats.total;
  const lines = [`สถิติเรื่องร้องเรียน ปีงบประมาณ ${stats.fiscalYear} (OIT O24)`, `ข้อมูล ณ ${formatThaiDate(stats.asOf)}`, ''];
  if (t.received === 0) lines.push('ยังไม่มีเรื่องร้องเรียนในปีงบประมาณนี้');
  else {
    lines.push('ทั้งปี', ...keyLines(t));
    const c = stats.byKind.corruption;
    if (seesCorruptionCounts('executives')) lines.push(`ในจำนวนนี้ แจ้งเบาะแสการทุจริต ${c.received} เรื่อง · เสร็จแล้ว ${c.closed}`);
  }
  if (thisMonth) lines.push('', `เดือนนี้ (${thisMonth.label})`, ...(thisMonth.received === 0 ? ['ยังไม่มีเรื่องเข้ามา'] : keyLines(thisMonth)));
  if (download) lines.push('', 'รายเดือน แยกประเภทและหมวด (Excel): กดปุ่มด้านล่าง', `ปุ่มดาวน์โหลดใช้ได้ ${download.minutes} นาที โปรดอย่าส่งต่อ`);
  return lines.join('\n');
}

/** The statistics, with the spreadsheet behind a button rather than a long signed address. */
export function statisticsMessage(stats: ComplaintYearStatistics, thisMonth: MonthFigures | null, download: { url: string; minutes: number } | null): Message {
  const body = statisticsText(stats, thisMonth, download);
  return download ? linkMessage(body, [{ label: 'ดาวน์โหลด Excel', uri: download.url }]) : text(body);
}
