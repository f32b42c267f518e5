import type { ComplaintFigures, ComplaintYearStatistics, MonthFigures } from '../../domain/complaint-statistics.js';
import { seesCorruptionCounts } from '../../domain/corruption-privacy.js';
import { figures, type Figures } from '../../domain/figures.js';
import { text, type Message } from '../../line/messages.js';
import { linkMessage } from '../../flex/link-message.js';

/**
 * OIT O24 in LINE, for executives: the year's key figures and this month's in a few lines; the months,
 * kinds and categories are in the spreadsheet the message links to. Counts only, never a case or a person.
 */

function keyLines(f: ComplaintFigures, { digits, count, percent }: Figures): string[] {
  const days = (n: number | null) => (n === null ? '-' : `${digits(Number.isInteger(n) ? n : n.toFixed(1))} วัน`);
  const stars = (n: number | null) => (n === null ? '-' : digits(n.toFixed(2)));
  const lines = [`รับ ${count(f.received)} เรื่อง · เสร็จแล้ว ${count(f.closed)} · อยู่ระหว่างดำเนินการ ${count(f.inProgress)}`];
  if (f.answered > 0) {
    lines.push(`ตอบภายใน ${digits(15)} วัน ร้อยละ ${percent(f.within15Percent)} (${count(f.answeredWithin15)} จาก ${count(f.answered)} เรื่อง) · ระยะเวลาดำเนินการ ค่ามัธยฐาน ${days(f.medianDays)}`);
  }
  const others = [
    f.overdue > 0 ? `เกินกำหนดยังไม่เสร็จ ${count(f.overdue)} เรื่อง` : '',
    f.reopened > 0 ? `เปิดเรื่องใหม่ ${count(f.reopened)} เรื่อง` : '',
    f.forwarded > 0 ? `ส่งต่อหน่วยงานอื่น ${count(f.forwarded)} เรื่อง` : '',
    f.withdrawn > 0 ? `ผู้ร้องถอนเรื่อง ${count(f.withdrawn)} เรื่อง` : '',
  ].filter(Boolean);
  if (others.length > 0) lines.push(others.join(' · '));
  if (f.ratings > 0) lines.push(`ความพึงพอใจเฉลี่ย ${stars(f.averageStars)} จาก ${digits(5)} ดาว (${count(f.ratings)} ความเห็น)`);
  return lines;
}

export function statisticsText(
  stats: ComplaintYearStatistics,
  thisMonth: MonthFigures | null,
  download: { minutes: number } | null,
  f: Figures = figures(),
): string {
  const t = stats.total;
  // OIT O24 names an indicator, not a figure: it keeps its digits.
  const lines = [`สถิติเรื่องร้องเรียน ปีงบประมาณ ${f.fiscalYear(stats.fiscalYear)} (OIT O24)`, `ข้อมูล ณ ${f.date(stats.asOf)}`, ''];
  if (t.received === 0) lines.push('ยังไม่มีเรื่องร้องเรียนในปีงบประมาณนี้');
  else {
    lines.push('ทั้งปี', ...keyLines(t, f));
    const c = stats.byKind.corruption;
    if (seesCorruptionCounts('executives')) lines.push(`ในจำนวนนี้ แจ้งเบาะแสการทุจริต ${f.count(c.received)} เรื่อง · เสร็จแล้ว ${f.count(c.closed)}`);
  }
  if (thisMonth) lines.push('', `เดือนนี้ (${f.digits(thisMonth.label)})`, ...(thisMonth.received === 0 ? ['ยังไม่มีเรื่องเข้ามา'] : keyLines(thisMonth, f)));
  if (download) lines.push('', 'รายเดือน แยกประเภทและหมวด (Excel): กดปุ่มด้านล่าง', `ปุ่มดาวน์โหลดใช้ได้ ${f.count(download.minutes)} นาที โปรดอย่าส่งต่อ`);
  return lines.join('\n');
}

/** The statistics, with the spreadsheet behind a button rather than a long signed address. */
export function statisticsMessage(
  stats: ComplaintYearStatistics,
  thisMonth: MonthFigures | null,
  download: { url: string; minutes: number } | null,
  f: Figures = figures(),
): Message {
  const body = statisticsText(stats, thisMonth, download, f);
  return download ? linkMessage(body, [{ label: 'ดาวน์โหลด Excel', uri: download.url }]) : text(body);
}
