import { DIMENSIONS_TH, FAMILY_TH, type Family } from '../domain/measures.js';
import type { PublicPlanFigures, PublicProject } from '../domain/public-figures.js';
import { STATUS_COLOUR, STATUS_TH, STATUSES } from '../domain/statuses.js';
import { formatBaht, formatThaiDate, formatThaiDateTime, formatThaiMonthYear } from '../domain/thai.js';
import { monthlyLines, percentBars, statusRing } from './charts.js';
import type { ComplaintYearStatistics } from '../domain/complaint-statistics.js';
import { complaintSection } from './complaint-section.js';
import { escapeHtml as esc } from './html.js';

/** Where the page's own stylesheet and font are served (see http/public-page.ts). */
export const PUBLIC_ASSETS = '/public/assets';

export interface PublicPageInput {
  plan: PublicPlanFigures;
  complaints: ComplaintYearStatistics | null;
  now: Date;
  /** How long the page is kept before it is drawn again, for the note at its foot. */
  cacheMinutes: number;
}

const FAMILY_SHORT_TH: Record<Family, string> = {
  ita_measure: 'มาตรการ ITA',
  ita_indicator: 'ตัวชี้วัด ITA',
  anticorruption_project: 'แผนป้องกันการทุจริต',
};

const pct = (n: number) => n.toFixed(2);

function overview(plan: PublicPlanFigures): string {
  const o = plan.overall;
  const money =
    o.budget > 0
      ? `<div class="figure"><div class="figure-label">ร้อยละการเบิกจ่ายงบประมาณ</div><div class="figure-value">${pct(o.disbursementPercent)}</div>` +
        `<div class="figure-note">เบิกจ่าย ${esc(formatBaht(o.disbursed))} จาก ${esc(formatBaht(o.budget))} บาท</div></div>`
      : '';
  return `<section class="figures" aria-label="ภาพรวม">
<div class="figure"><div class="figure-label">ร้อยละการนำแผนไปปฏิบัติ</div><div class="figure-value">${pct(o.implementationPercent)}</div>
<div class="figure-note">ระดับ ${esc(plan.level)} · แล้วเสร็จ ${o.completed} จาก ${o.total} รายการ</div></div>
${money}
</section>`;
}

function statusSection(plan: PublicPlanFigures): string {
  const o = plan.overall;
  const slices = STATUSES.map((s) => ({ status: s, name: STATUS_TH[s], value: o[s], colour: STATUS_COLOUR[s] }));
  const rows = slices.map((s) => `<tr><th scope="row"><span class="dot status-${s.status}"></span>${esc(s.name)}</th><td>${s.value}</td></tr>`).join('');
  return `<section aria-labelledby="h-status"><h2 id="h-status">สถานะของทุกรายการ</h2>
<figure>${statusRing(slices, `สถานะของทุกรายการ ${o.total} รายการ`)}</figure>
<table class="data"><tbody>${rows}<tr class="total"><th scope="row">รวม</th><td>${o.total}</td></tr></tbody></table></section>`;
}

function familySection(plan: PublicPlanFigures): string {
  if (plan.byFamily.length === 0) return '';
  const rows = plan.byFamily.map(({ family, tally }) => ({ name: FAMILY_SHORT_TH[family], implementation: tally.implementationPercent, disbursement: tally.budget > 0 ? tally.disbursementPercent : null }));
  const table = plan.byFamily
    .map(({ family, tally, level }) => `<tr><th scope="row">${esc(FAMILY_TH[family])}</th><td>${pct(tally.implementationPercent)} (${esc(level)})</td><td>${tally.budget > 0 ? pct(tally.disbursementPercent) : '-'}</td><td>${tally.completed}/${tally.total}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-family"><h2 id="h-family">แยกตามประเภท</h2>
<figure>${percentBars(rows, 'ร้อยละการนำไปปฏิบัติแยกตามประเภท')}</figure>
<table class="data"><thead><tr><th>ประเภท</th><th>นำไปปฏิบัติ</th><th>เบิกจ่าย</th><th>แล้วเสร็จ</th></tr></thead><tbody>${table}</tbody></table></section>`;
}

function dimensionSection(plan: PublicPlanFigures): string {
  if (plan.byDimension.length === 0) return '';
  const rows = plan.byDimension.map(({ dimension, tally }) => ({ name: `มิติที่ ${dimension}`, implementation: tally.implementationPercent, disbursement: tally.budget > 0 ? tally.disbursementPercent : null }));
  const table = plan.byDimension
    .map(({ dimension, tally }) => `<tr><th scope="row">มิติที่ ${dimension} ${esc(DIMENSIONS_TH[dimension] ?? '')}</th><td>${pct(tally.implementationPercent)}</td><td>${tally.budget > 0 ? pct(tally.disbursementPercent) : '-'}</td><td>${tally.completed}/${tally.total}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-dimension"><h2 id="h-dimension">แยกตามมิติของแผนปฏิบัติการป้องกันการทุจริต</h2>
<figure>${percentBars(rows, 'ร้อยละการนำไปปฏิบัติและการเบิกจ่ายแยกตามมิติ')}</figure>
<table class="data"><thead><tr><th>มิติ</th><th>นำไปปฏิบัติ</th><th>เบิกจ่าย</th><th>แล้วเสร็จ</th></tr></thead><tbody>${table}</tbody></table></section>`;
}

function monthSection(plan: PublicPlanFigures): string {
  if (plan.months.length === 0) return '';
  const months = plan.months.map((m) => ({ label: formatThaiMonthYear(m.month), implementation: m.implementationPercent, disbursement: m.disbursementPercent }));
  const table = plan.months
    .map((m, i) => `<tr><th scope="row">${esc(months[i]!.label)}</th><td>${pct(m.implementationPercent)}</td><td>${plan.overall.budget > 0 ? pct(m.disbursementPercent) : '-'}</td><td>${m.completed}/${m.total}</td></tr>`)
    .join('');
  return `<section aria-labelledby="h-months"><h2 id="h-months">ความก้าวหน้ารายเดือน ปีงบประมาณ ${plan.fiscalYear}</h2>
<p class="note">ตัวเลขของแต่ละเดือนคิดจากรายงานที่ส่งถึงสิ้นเดือนนั้น เดือนปัจจุบันคิดถึงวันนี้</p>
<figure>${monthlyLines(months, plan.overall.budget > 0, 'ร้อยละการนำแผนไปปฏิบัติและการเบิกจ่ายรายเดือน')}</figure>
<table class="data"><thead><tr><th>เดือน</th><th>นำไปปฏิบัติ</th><th>เบิกจ่าย</th><th>แล้วเสร็จ</th></tr></thead><tbody>${table}</tbody></table></section>`;
}

function projectCard(p: PublicProject): string {
  const money = p.budget > 0 ? `<div class="money">งบประมาณ ${esc(formatBaht(p.budget))} บาท · เบิกจ่าย ${esc(formatBaht(p.disbursed))} บาท</div>` : '';
  const result = p.result ? `<p class="result"><span class="result-label">ผลการดำเนินงาน:</span> ${esc(p.result)}</p>` : '<p class="result none">ยังไม่มีรายงานผล</p>';
  const reason = p.reason ? `<p class="result"><span class="result-label">เหตุที่ดำเนินการไม่ได้:</span> ${esc(p.reason)}</p>` : '';
  const when = p.lastReportAt ? ` · รายงานล่าสุด ${esc(formatThaiDate(p.lastReportAt))}` : '';
  return `<li class="project" data-testid="project">
<div class="project-head"><span class="badge status-${p.status}">${esc(STATUS_TH[p.status])}</span><span class="code">${esc(p.code)}</span></div>
<h3>${esc(p.title)}</h3>
<div class="meta">${p.dimension ? `มิติที่ ${p.dimension} · ` : ''}${esc(p.periodText)}${when}</div>
${money}${result}${reason}</li>`;
}

function projectSection(plan: PublicPlanFigures): string {
  if (plan.projects.length === 0) return '';
  return `<section aria-labelledby="h-projects"><h2 id="h-projects">โครงการตามแผนปฏิบัติการป้องกันการทุจริต (${plan.projects.length} โครงการ)</h2>
<ul class="projects">${plan.projects.map(projectCard).join('\n')}</ul></section>`;
}

/** The whole page as one HTML string: no script, one stylesheet, one font, the charts inline. */
export function renderPublicPage(input: PublicPageInput): string {
  const { plan } = input;
  const org = plan.organisation;
  const place = [org.district && `อำเภอ${org.district}`, org.province && `จังหวัด${org.province}`].filter(Boolean).join(' ');
  const empty = plan.overall.total === 0 ? '<p class="note">ยังไม่มีแผนของปีงบประมาณนี้</p>' : '';
  const thresholds = plan.thresholds.map((t) => `${esc(t.label)} ตั้งแต่ร้อยละ ${t.min}`).join(', ');
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ผลการดำเนินงานด้านความโปร่งใส ${esc(org.name)}</title>
<link rel="preload" href="${PUBLIC_ASSETS}/fonts/sarabun-thai-400-normal.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="${PUBLIC_ASSETS}/page.css">
</head><body>
<header><div class="wrap">
<p class="kicker">ผลการดำเนินงานด้านคุณธรรมและความโปร่งใส</p>
<h1>${esc(org.name)}</h1>
${place ? `<p class="place">${esc(place)}</p>` : ''}
<p class="asof">ปีงบประมาณ ${plan.fiscalYear} · ข้อมูล ณ ${esc(formatThaiDateTime(plan.asOf))}</p>
</div></header>
<main class="wrap">
${empty}
${overview(plan)}
<div class="grid">
${statusSection(plan)}
${familySection(plan)}
${dimensionSection(plan)}
${monthSection(plan)}
</div>
${projectSection(plan)}
${input.complaints ? complaintSection(input.complaints, input.now) : ''}
</main>
<footer><div class="wrap">
<p>ร้อยละการนำแผนไปปฏิบัติ = (จำนวนที่แล้วเสร็จ + ครึ่งหนึ่งของจำนวนที่อยู่ระหว่างดำเนินการ) ÷ จำนวนทั้งหมด × 100 · ร้อยละการเบิกจ่าย = เงินที่เบิกจ่าย ÷ งบประมาณ × 100</p>
<p>เกณฑ์ระดับ: ${thresholds}</p>
<p>หน้านี้แสดงเฉพาะตัวเลขและผลการดำเนินงาน ไม่มีชื่อหรือข้อมูลติดต่อของบุคคล และไม่มีเนื้อหาของเรื่องร้องเรียน ปรับปรุงทุก ${input.cacheMinutes} นาที</p>
</div></footer>
</body></html>`;
}
