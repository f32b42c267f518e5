import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from './html.js';

/**
 * The page's charts, drawn by Apache ECharts on the server as SVG: the page needs no script, and a phone
 * on a slow line gets finished pictures. Charts are drawn at a phone's width and scale up with the page.
 */
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

/**
 * Without a canvas ECharts guesses text widths, and counts Thai vowel and tone marks, which take no room,
 * as letters: labels come out about half again too wide, and grids and legends are squeezed. This estimate
 * of Sarabun's widths (marks nothing, Thai letters and digits about 0.6 em, Latin 0.55 em) lays them out.
 */
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += THAI_MARK.test(ch) ? 0 : ch === ' ' ? 0.26 : /[\u0E00-\u0E7F]/.test(ch) ? 0.6 : /[.,:%]/.test(ch) ? 0.3 : 0.55;
  return em * fontPx;
}
echarts.setPlatformAPI({ measureText: (text: string, font?: string) => ({ width: textWidth(text, Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12)) }) });

export const CHART_WIDTH = 360;
// No quotes: ECharts writes it into a style attribute.
const FONT = 'Sarabun, Tahoma, sans-serif';
export const COLOURS = { implementation: '#1F6FB2', disbursement: '#E08A00', complaints: '#6A4C93', answered: '#1E9E4A', late: '#D93025' } as const;

/**
 * One chart as an SVG string. Hover styles ECharts adds for the interactive version are dropped: there is
 * no script to hover with, and the page's policy admits no inline <style> element.
 */
export function renderChart(option: EChartsCoreOption, height: number, label: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  try {
    chart.setOption({ animation: false, silent: true, textStyle: { fontFamily: FONT, fontSize: 13 }, ...option });
    const svg = chart.renderToSVGString().replace(/<style\b[\s\S]*?<\/style>/g, '');
    // Labelled for screen readers; the same figures are in the table under each chart.
    return svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(label)}" class="chart" `);
  } finally {
    chart.dispose();
  }
}

const percentAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } } as const;
const percentLabel = { show: true, position: 'right', formatter: (p: { value: number | null }) => (typeof p.value === 'number' ? p.value.toFixed(2) : ''), fontSize: 12 } as const;
/** Legend on its own rows under the chart: ECharts cannot measure Thai text without a canvas, so it gets room to spare. */
const legend = (rows: number) => ({ bottom: 0, left: 'center', orient: 'vertical', selectedMode: false, itemHeight: 10, itemGap: 6, height: rows * 22 });

/** Implementation (and, where there is a budget, disbursement) per group, as horizontal bars out of 100. */
export function percentBars(rows: { name: string; implementation: number; disbursement: number | null }[], label: string): string {
  const withMoney = rows.some((r) => r.disbursement !== null);
  const names = rows.map((r) => r.name);
  const series = [
    { name: 'ร้อยละการนำไปปฏิบัติ', type: 'bar', data: rows.map((r) => r.implementation), itemStyle: { color: COLOURS.implementation }, label: percentLabel, barMaxWidth: 18 },
    ...(withMoney
      ? [{ name: 'ร้อยละการเบิกจ่าย', type: 'bar', data: rows.map((r) => r.disbursement), itemStyle: { color: COLOURS.disbursement }, label: percentLabel, barMaxWidth: 18 }]
      : []),
  ];
  const legendRows = series.length;
  const height = 40 + legendRows * 22 + rows.length * (withMoney ? 56 : 38);
  return renderChart(
    {
      legend: legend(legendRows),
      grid: { left: 8, right: 52, top: 8, bottom: 30 + legendRows * 22 },
      xAxis: percentAxis,
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { overflow: 'none' } },
      series,
    },
    height,
    label,
  );
}

/** The fiscal year month by month: implementation and disbursement at each month's end. */
export function monthlyLines(months: { label: string; implementation: number; disbursement: number }[], showDisbursement: boolean, label: string): string {
  const line = (name: string, data: number[], color: string) => ({
    name,
    type: 'line',
    data,
    itemStyle: { color },
    lineStyle: { color, width: 2 },
    symbolSize: 6,
    label: { show: months.length <= 6, position: 'top', fontSize: 10, formatter: (p: { value: number }) => p.value.toFixed(1) },
  });
  return renderChart(
    {
      legend: legend(showDisbursement ? 2 : 1),
      grid: { left: 8, right: 24, top: 20, bottom: 34 + (showDisbursement ? 2 : 1) * 22 },
      xAxis: { type: 'category', data: months.map((m) => m.label), boundaryGap: false },
      yAxis: percentAxis,
      series: [
        line('ร้อยละการนำไปปฏิบัติ', months.map((m) => m.implementation), COLOURS.implementation),
        ...(showDisbursement ? [line('ร้อยละการเบิกจ่าย', months.map((m) => m.disbursement), COLOURS.disbursement)] : []),
      ],
    },
    260,
    label,
  );
}

/** Counts per status as a ring. */
export function statusRing(slices: { name: string; value: number; colour: string }[], label: string): string {
  return renderChart(
    {
      legend: { ...legend(2), orient: 'horizontal', width: CHART_WIDTH - 40 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '42%'],
          data: slices.filter((s) => s.value > 0).map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.colour } })),
          label: { formatter: '{c}', fontSize: 12 },
        },
      ],
    },
    260,
    label,
  );
}

/** Complaints per month: received as bars, the share answered within 15 days as a line on its own axis. */
export function complaintMonths(months: { label: string; received: number; answeredInTimePercent: number | null }[], label: string): string {
  return renderChart(
    {
      legend: legend(2),
      grid: { left: 8, right: 8, top: 28, bottom: 34 + 44 },
      xAxis: { type: 'category', data: months.map((m) => m.label) },
      yAxis: [
        { type: 'value', minInterval: 1, name: 'เรื่อง', nameTextStyle: { fontSize: 11 } },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { name: 'เรื่องที่รับ', type: 'bar', data: months.map((m) => m.received), itemStyle: { color: COLOURS.complaints }, barMaxWidth: 22, label: { show: true, position: 'top', fontSize: 10 } },
        {
          name: 'ตอบภายใน 15 วัน (ร้อยละ)',
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          data: months.map((m) => m.answeredInTimePercent),
          itemStyle: { color: COLOURS.answered },
          lineStyle: { color: COLOURS.answered, width: 2 },
          symbolSize: 6,
        },
      ],
    },
    280,
    label,
  );
}
