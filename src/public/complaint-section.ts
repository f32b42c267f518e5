import { formatThaiMonthYear } from '../domain/thai.js';
import { complaintMonths } from './charts.js';

/**
 * Complaint statistics as the public page shows them: counts only. No field here can hold a story, a
 * name, a contact or which channel a person used beyond the two counts per channel.
 */
export interface PublicComplaintMonth {
  /** The month's first instant, Bangkok. */
  month: Date;
  received: number;
  /** Of those received in the month, answered (closed or given a result) within 15 days. */
  answeredInTime: number;
  /** answeredInTime ÷ received × 100; null for a month with nothing received. */
  answeredInTimePercent: number | null;
  ratings: number;
  /** Mean of the satisfaction ratings given in the month (1–5); null when none. */
  averageRating: number | null;
}

export interface PublicComplaintSection {
  fiscalYear: number;
  months: PublicComplaintMonth[];
  received: number;
  answeredInTime: number;
  answeredInTimePercent: number | null;
  ratings: number;
  averageRating: number | null;
}

const one = (n: number | null, digits: number) => (n === null ? '-' : n.toFixed(digits));

export function complaintSection(c: PublicComplaintSection): string {
  const months = c.months.map((m) => ({ label: formatThaiMonthYear(m.month), received: m.received, answeredInTimePercent: m.answeredInTimePercent }));
  const rows = c.months
    .map((m, i) => `<tr><th scope="row">${months[i]!.label}</th><td>${m.received}</td><td>${one(m.answeredInTimePercent, 1)}</td><td>${one(m.averageRating, 2)}${m.ratings > 0 ? ` (${m.ratings})` : ''}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-complaints" class="complaints"><h2 id="h-complaints">เรื่องร้องเรียน ปีงบประมาณ ${c.fiscalYear}</h2>
<div class="figures">
<div class="figure"><div class="figure-label">เรื่องที่รับทั้งปี</div><div class="figure-value">${c.received}</div></div>
<div class="figure"><div class="figure-label">ตอบภายใน 15 วัน</div><div class="figure-value">${one(c.answeredInTimePercent, 1)}${c.answeredInTimePercent === null ? '' : '%'}</div><div class="figure-note">${c.answeredInTime} จาก ${c.received} เรื่อง</div></div>
<div class="figure"><div class="figure-label">ความพึงพอใจเฉลี่ย</div><div class="figure-value">${one(c.averageRating, 2)}</div><div class="figure-note">จากคะแนนเต็ม 5 · ${c.ratings} ความเห็น</div></div>
</div>
<figure>${complaintMonths(months, 'จำนวนเรื่องร้องเรียนและร้อยละที่ตอบภายใน 15 วันรายเดือน')}</figure>
<table class="data"><thead><tr><th>เดือน</th><th>รับเรื่อง</th><th>ตอบใน 15 วัน (%)</th><th>ความพึงพอใจ</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">นับรวมทุกช่องทาง ไม่แสดงเนื้อหาของเรื่อง ชื่อ หรือข้อมูลติดต่อของผู้ร้องเรียน</p>
</section>`;
}
