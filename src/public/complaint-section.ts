import { monthKey } from '../domain/calendar.js';
import { PUBLIC_PAGE_NOTE_TH, seesCorruptionCounts } from '../domain/corruption-privacy.js';
import type { ComplaintYearStatistics } from '../domain/complaint-statistics.js';
import { complaintMonths } from './charts.js';
import { escapeHtml as esc } from './html.js';

/**
 * Complaint statistics as the public page shows them: counts, the share answered within 15 days and the
 * citizens' ratings, per month of the fiscal year so far. Built from the statistics' figures only, which
 * carry no story, name, contact or category of a corruption report (domain/complaint-statistics.ts).
 */
const fixed = (n: number | null, digits: number) => (n === null ? '-' : n.toFixed(digits));

export function complaintSection(stats: ComplaintYearStatistics, now: Date): string {
  // Months not yet begun would only be zeros.
  const months = stats.months.filter((m) => m.month <= monthKey(now));
  const t = stats.total;
  const rows = months
    .map((m) => `<tr><th scope="row">${esc(m.label)}</th><td>${m.received}</td><td>${m.closed}</td><td>${fixed(m.within15Percent, 1)}</td><td>${fixed(m.averageStars, 2)}${m.ratings > 0 ? ` (${m.ratings})` : ''}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-complaints" class="complaints"><h2 id="h-complaints">เรื่องร้องเรียน ปีงบประมาณ ${stats.fiscalYear}</h2>
<div class="figures">
<div class="figure"><div class="figure-label">เรื่องที่รับ</div><div class="figure-value">${t.received}</div><div class="figure-note">${seesCorruptionCounts('public') ? `เรื่องทั่วไป ${stats.byKind.general.received} · แจ้งเบาะแสการทุจริต ${stats.byKind.corruption.received} · ` : ''}ดำเนินการแล้วเสร็จ ${t.closed}${t.withdrawn > 0 ? ` · ผู้ร้องถอนเรื่อง ${t.withdrawn}` : ''}</div></div>
<div class="figure"><div class="figure-label">ตอบภายใน 15 วัน</div><div class="figure-value">${t.within15Percent === null ? '-' : `${t.within15Percent.toFixed(1)}%`}</div><div class="figure-note">${t.answeredWithin15} จาก ${t.answered} เรื่องที่ตอบแล้ว</div></div>
<div class="figure"><div class="figure-label">ความพึงพอใจเฉลี่ย</div><div class="figure-value">${fixed(t.averageStars, 2)}</div><div class="figure-note">จากคะแนนเต็ม 5 · ${t.ratings} ความเห็น</div></div>
</div>
<figure>${complaintMonths(
    months.map((m) => ({ label: m.label.replace(/ \d{2}(\d{2})$/, ' $1'), received: m.received, answeredInTimePercent: m.within15Percent })),
    'จำนวนเรื่องร้องเรียนและร้อยละที่ตอบภายใน 15 วันรายเดือน',
  )}</figure>
<table class="data"><thead><tr><th>เดือน</th><th>รับ</th><th>เสร็จ</th><th>ตอบใน 15 วัน (%)</th><th>พึงพอใจ</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">นับตามเดือนที่รับเรื่อง รวมทุกช่องทาง ${esc(PUBLIC_PAGE_NOTE_TH)}</p>
</section>`;
}
