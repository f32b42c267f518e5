import { AlignmentType, Paragraph, TextRun } from 'docx';
import { DIMENSIONS_TH } from '../domain/measures.js';
import { BODY_SIZE, centred, reportDocx, TITLE_SIZE } from './docx-document.js';
import { eplanTableDocx } from './eplan-table-docx.js';
import {
  asOfLine,
  bracketedSteps,
  digitsFor,
  dimensionHeading,
  eplanSummaryItems,
  fiscalYearLine,
  implementationFormulaLine,
  lines,
  moneyText,
  NARRATIVE_HEADINGS,
  NARRATIVE_TITLE,
  narrativeIntro,
  narrativeStatusLine,
  organisationLine,
  percentText,
  reporterLine,
  roundNotEndedLine,
  roundTh,
  type SummaryItem,
  thresholdsLine,
} from './report-text.js';
import type { PlanNarrativeData } from './types.js';

// Twentieths of a point: body paragraphs start indented, as typed Thai reports do.
const FIRST_LINE = 720;
const STEP_INDENT = 360;

type Digits = (t: string | number) => string;

const heading = (text: string, before = 240): Paragraph =>
  new Paragraph({ spacing: { before, after: 60 }, keepNext: true, children: [new TextRun({ text, bold: true, size: BODY_SIZE })] });

const prose = (text: string, indent = FIRST_LINE): Paragraph =>
  new Paragraph({ indent: { firstLine: indent }, alignment: AlignmentType.THAI_DISTRIBUTE, children: [new TextRun(text)] });

const step = (text: string): Paragraph => new Paragraph({ indent: { left: STEP_INDENT }, children: [new TextRun(text)] });

/** A closing section: its items numbered, or "-" when there is nothing to say. */
function listSection(title: string, items: string[], d: Digits): Paragraph[] {
  const texts = items.map((t) => t.trim()).filter(Boolean);
  return [heading(title, 360), ...(texts.length === 0 ? [prose('-')] : texts.map((t, i) => prose(`${d(i + 1)}. ${t}`)))];
}

const summaryValue = (item: SummaryItem): string =>
  item.kind === 'money' ? moneyText(item.value) : item.kind === 'percent' ? percentText(item.value) : String(item.value);

/**
 * สรุปผลการขับเคลื่อนแผนฯ as the seed lists it, then how the percentage comes from the counts above it, so
 * a reader can check it with the page alone.
 */
function summaryBlock(data: PlanNarrativeData['table'], d: Digits): Paragraph[] {
  const items = eplanSummaryItems(data.summary).map((item) => step(d(`- ${item.label} ${summaryValue(item)}${item.unit ? ` ${item.unit}` : ''}`)));
  return [
    heading('สรุปผลการขับเคลื่อนแผนฯ', 360),
    ...items,
    prose(d(implementationFormulaLine(data.summary)), STEP_INDENT),
    prose(d(thresholdsLine(data.summary.thresholds)), STEP_INDENT),
  ];
}

/**
 * Seed 004 as one filed document. On portrait pages, each project under its มิติ with ภารกิจตามมิติ,
 * การดำเนินงาน and ผลการดำเนินการ (status, the newest report's summary and outcome), the year's ปัจจัยสนับสนุน,
 * ปัญหาอุปสรรค and ข้อเสนอแนะ; then on landscape ones the E-PlanNACC 12-month table, สรุปผลการขับเคลื่อนแผนฯ,
 * "ข้อมูล ณ วันที่" and who reports. One digit style throughout (Thai unless the organisation chose Arabic);
 * typed text as typed.
 */
export async function buildPlanNarrativeDocx(data: PlanNarrativeData): Promise<Buffer> {
  const d = digitsFor(data.thaiDigits);
  const org = data.organisation;
  const table = data.table;
  const asOf = d(`${roundTh(table.round)} ${asOfLine(table.asOf)}`);
  const early = table.roundEnded ? [] : [centred(d(roundNotEndedLine(table.round, table.roundLastDay)), BODY_SIZE, false)];
  const body: Paragraph[] = [
    centred(NARRATIVE_TITLE, TITLE_SIZE),
    centred(d(fiscalYearLine(org.fiscalYear))),
    centred(organisationLine(org)),
    centred(asOf, BODY_SIZE, false),
    ...early,
    new Paragraph({ spacing: { before: 240 }, indent: { firstLine: FIRST_LINE }, alignment: AlignmentType.THAI_DISTRIBUTE, children: [new TextRun(d(narrativeIntro(org)))] }),
  ];

  const byDimension = [...data.projects].sort((a, b) => (a.dimension ?? 99) - (b.dimension ?? 99));
  let shownDimension: number | null | undefined;
  byDimension.forEach((p, i) => {
    if (p.dimension !== shownDimension) {
      shownDimension = p.dimension;
      body.push(new Paragraph({ spacing: { before: 360, after: 120 }, keepNext: true, children: [new TextRun({ text: d(dimensionHeading(p.dimension, DIMENSIONS_TH)), bold: true, size: TITLE_SIZE })] }));
    }
    body.push(heading(`(${d(p.number ?? i + 1)}) ${p.title.trim()}`, 240));
    body.push(heading(NARRATIVE_HEADINGS.mission, 60), prose(p.mission || '-'));
    const steps = bracketedSteps(p.methodSteps, d);
    body.push(heading(NARRATIVE_HEADINGS.method, 60), ...(steps.length === 0 ? [prose('-')] : steps.map((s) => step(s))));
    // The status line is ours; a reason for not proceeding within it is the officer's and prints as typed.
    body.push(heading(NARRATIVE_HEADINGS.result, 60), prose(narrativeStatusLine(p.status, p.cannotProceedReason)));
    for (const line of lines(p.summary)) body.push(prose(line));
    const outcome = lines(p.outcome);
    outcome.forEach((line, k) => body.push(prose(k === 0 ? `ผลลัพธ์: ${line}` : line)));
  });

  body.push(
    ...listSection(NARRATIVE_HEADINGS.factors, data.supportingFactors, d),
    ...listSection(NARRATIVE_HEADINGS.problems, data.problems, d),
    ...listSection(NARRATIVE_HEADINGS.suggestions, data.suggestions, d),
  );

  // The table is too wide for a portrait page at a readable size: it follows the prose on landscape pages.
  const turned = [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: `รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ของ${org.name.trim()} ${d(`พ.ศ. ${org.fiscalYear} ${roundTh(table.round)}`)}`, bold: true, size: BODY_SIZE })] }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    eplanTableDocx(table, d),
    ...summaryBlock(table, d),
    // The date the data stands at goes with the reporter's name: a name alone on the last page signs nothing.
    new Paragraph({ spacing: { before: 240 }, keepNext: true, children: [new TextRun(`** ${d(asOfLine(table.asOf))}`)] }),
    ...(table.roundEnded ? [] : [new Paragraph({ keepNext: true, children: [new TextRun(d(roundNotEndedLine(table.round, table.roundLastDay)))] })]),
    new Paragraph({ spacing: { before: 120 }, children: [new TextRun(reporterLine(table.reporter))] }),
  ];

  return reportDocx({
    title: `${NARRATIVE_TITLE} ${d(fiscalYearLine(org.fiscalYear))}`,
    landscape: false,
    thaiDigits: data.thaiDigits,
    generatedAt: data.generatedAt,
    children: body,
    turned,
  });
}
