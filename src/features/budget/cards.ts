import type { messagingApi } from '@line/bot-sdk';
import type { Figures } from '../../domain/figures.js';
import { disbursementPercent } from '../../domain/summary.js';
import { truncate } from '../../domain/thai.js';
import { COLOURS, listText } from '../../flex/group-cards.js';
import { jsonBytes, LINE_LIMITS } from '../../line/limits.js';
import { quickText, text, type Message } from '../../line/messages.js';
import { budgetListData } from './buttons.js';
import type { Budget, BudgetFigures, BudgetGroup, BudgetItem } from './budget.js';
import { isOverBudget, isUnreported } from './budget.js';
import { BUDGET_TEXT as SAY } from './words.js';

/**
 * The budget as one carousel: an overview with each family and its list button, then the units, eight to a
 * card, each with its list button (executives); an officer gets the overview of their own items. The
 * alt text carries the key figures, for the notification and for LINE clients that show no flex.
 */

/** Whose figures: the whole organisation's, or the items an officer answers for. */
export type BudgetAudience = 'organisation' | 'own';

const UNITS_PER_CARD = 8;
/** LINE's carousel limit, less room for the message around it and the last card's note. */
const CAROUSEL_BYTES = LINE_LIMITS.carouselBytes - 1_000;
const ALT_TEXT_MAX = 400;
const GREY = '#6B7785';

const barWidth = (percent: number) => `${Math.max(0, Math.min(100, Math.round(percent)))}%`;
const barColour = (f: BudgetFigures) => (f.overBudget > 0 || f.disbursementPercent > 100 ? COLOURS.red : COLOURS.group);

function line(label: string, value: string, options: { bold?: boolean; colour?: string } = {}): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'baseline',
    contents: [
      { type: 'text', text: label, size: 'sm', flex: 5, wrap: true, color: options.colour ?? '#333333' },
      { type: 'text', text: value, size: 'sm', flex: 5, align: 'end', wrap: true, weight: options.bold ? 'bold' : 'regular', color: options.colour ?? '#111111' },
    ],
  };
}

function bar(f: BudgetFigures): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    backgroundColor: '#E6EAF0',
    height: '6px',
    cornerRadius: '3px',
    contents: [{ type: 'box', layout: 'vertical', backgroundColor: barColour(f), height: '6px', width: barWidth(f.disbursementPercent), contents: [] }],
  };
}

function detail(g: BudgetFigures, f: Figures): string {
  const parts = [`เบิกจ่าย ${f.baht(g.disbursed)} จาก ${f.baht(g.budget)} บาท`, `${f.count(g.items)} รายการ`];
  if (g.unreported > 0) parts.push(`${SAY.unreported} ${f.count(g.unreported)} โครงการ`);
  if (g.overBudget > 0) parts.push(`${SAY.overBudget} ${f.count(g.overBudget)} รายการ`);
  return parts.join(' · ');
}

/** One family or unit: its name and percentage, the bar, the amounts, and the button to its list. */
function groupRow(group: BudgetGroup, data: string, f: Figures): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    spacing: 'xs',
    contents: [
      {
        type: 'box',
        layout: 'baseline',
        contents: [
          { type: 'text', text: truncate(group.name, 80), size: 'sm', flex: 7, wrap: true },
          { type: 'text', text: `ร้อยละ ${f.percent(group.figures.disbursementPercent)}`, size: 'sm', weight: 'bold', align: 'end', flex: 4 },
        ],
      },
      bar(group.figures),
      { type: 'text', text: detail(group.figures, f), size: 'xxs', color: GREY, wrap: true },
      { type: 'button', style: 'link', height: 'sm', action: { type: 'postback', label: SAY.list, data, displayText: truncate(`${SAY.list} ${group.name}`, 100) } },
    ],
  };
}

function header(heading: string, note: string, colour: string): messagingApi.FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    backgroundColor: colour,
    paddingAll: 'md',
    contents: [
      { type: 'text', text: heading, weight: 'bold', size: 'md', color: '#FFFFFF', wrap: true },
      { type: 'text', text: note, size: 'xs', color: '#E6ECF3', wrap: true },
    ],
  };
}

function overview(budget: Budget, audience: BudgetAudience, f: Figures): messagingApi.FlexBubble {
  const o = budget.overall;
  const body: messagingApi.FlexComponent[] = [
    line(SAY.budget, `${f.baht(o.budget)} บาท`),
    line(SAY.disbursed, `${f.baht(o.disbursed)} บาท`),
    line('ร้อยละการเบิกจ่าย', f.percent(o.disbursementPercent), { bold: true }),
    bar(o),
    line(SAY.unreported, `${f.count(o.unreported)} โครงการ`, o.unreported > 0 ? { colour: COLOURS.red } : {}),
  ];
  if (o.overBudget > 0) body.push(line(SAY.overBudget, `${f.count(o.overBudget)} รายการ`, { colour: COLOURS.red }));
  body.push({ type: 'separator', margin: 'md' }, { type: 'text', text: SAY.byFamily, weight: 'bold', size: 'sm', margin: 'md' });
  for (const g of budget.byFamily) body.push(groupRow(g, budgetListData({ kind: 'family', family: g.family }), f));
  body.push({ type: 'text', text: audience === 'own' ? SAY.ownNote : `ร้อยละการเบิกจ่าย = เบิกจ่าย ÷ งบประมาณ × ${f.digits(100)}`, size: 'xxs', color: '#8C8C8C', wrap: true, margin: 'md' });
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    size: 'mega',
    header: header(audience === 'own' ? SAY.ownHeading : SAY.heading, `ปีงบประมาณ ${f.fiscalYear(budget.fiscalYear)} · ข้อมูล ณ ${f.date(budget.asOf)}`, COLOURS.overview),
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
  };
  // A red button to an empty list only alarms: it is there when some project has not reported.
  if (o.unreported > 0) {
    bubble.footer = {
      type: 'box',
      layout: 'vertical',
      contents: [{ type: 'button', style: 'primary', height: 'sm', color: COLOURS.red, action: { type: 'postback', label: SAY.unreportedButton, data: budgetListData({ kind: 'unreported' }), displayText: SAY.unreportedButton } }],
    };
  }
  return bubble;
}

/** The units' cards after the overview, as many as LINE's carousel takes (in bubbles and in bytes). */
function unitCards(budget: Budget, overview: messagingApi.FlexBubble, f: Figures): messagingApi.FlexBubble[] {
  const cards: messagingApi.FlexBubble[] = [];
  let bytes = jsonBytes(overview);
  let shown = 0;
  while (shown < budget.byUnit.length && cards.length < LINE_LIMITS.carouselBubbles - 1) {
    const units = budget.byUnit.slice(shown, shown + UNITS_PER_CARD);
    const card: messagingApi.FlexBubble = {
      type: 'bubble',
      size: 'mega',
      header: header(SAY.byUnit, SAY.sharedNote, COLOURS.group),
      body: { type: 'box', layout: 'vertical', spacing: 'md', contents: units.map((g) => groupRow(g, budgetListData({ kind: 'unit', key: g.key }), f)) },
    };
    const size = jsonBytes(card);
    if (bytes + size > CAROUSEL_BYTES) break;
    cards.push(card);
    bytes += size;
    shown += units.length;
  }
  // More units than a carousel holds: the last card says how many are left out.
  const last = cards[cards.length - 1];
  if (last && shown < budget.byUnit.length) {
    (last.body as messagingApi.FlexBox).contents.push({ type: 'text', text: `และอีก ${f.count(budget.byUnit.length - shown)} ส่วนราชการ`, size: 'xs', color: GREY, wrap: true });
  }
  return cards;
}

export function budgetAltText(budget: Budget, audience: BudgetAudience, f: Figures): string {
  const o = budget.overall;
  const parts = [
    `${audience === 'own' ? SAY.ownHeading : SAY.heading} ปีงบประมาณ ${f.fiscalYear(budget.fiscalYear)}: เบิกจ่าย ${f.baht(o.disbursed)} จาก ${f.baht(o.budget)} บาท (ร้อยละ ${f.percent(o.disbursementPercent)})`,
    `${SAY.unreported} ${f.count(o.unreported)} โครงการ`,
    ...(o.overBudget > 0 ? [`${SAY.overBudget} ${f.count(o.overBudget)} รายการ`] : []),
    ...budget.byFamily.map((g) => `${g.name} ร้อยละ ${f.percent(g.figures.disbursementPercent)}`),
  ];
  return truncate(parts.join(' · '), ALT_TEXT_MAX);
}

/** The answer to "ดูงบประมาณ": the carousel, or a plain line when nothing in the plan carries a budget. */
export function budgetMessage(budget: Budget, audience: BudgetAudience, f: Figures, quickReplies: messagingApi.QuickReplyItem[] = []): Message {
  if (budget.overall.items === 0) {
    const year = f.fiscalYear(budget.fiscalYear);
    return text(audience === 'own' ? SAY.nothingBudgetedOwn(year) : SAY.nothingBudgeted(year), quickReplies);
  }
  const first = overview(budget, audience, f);
  const bubbles = [first, ...(audience === 'organisation' ? unitCards(budget, first, f) : [])];
  const message: messagingApi.FlexMessage = { type: 'flex', altText: budgetAltText(budget, audience, f), contents: { type: 'carousel', contents: bubbles } };
  if (quickReplies.length > 0) message.quickReply = { items: quickReplies };
  return message;
}

function entry(item: BudgetItem, amountReported: ReadonlySet<string>, f: Figures): string {
  const notes = [`งบประมาณ ${f.baht(item.budget)} บาท`, `เบิกจ่าย ${f.baht(item.disbursed)} บาท`];
  if (item.budget > 0) notes[1] += ` (ร้อยละ ${f.percent(disbursementPercent(item.disbursed, item.budget))})`;
  if (isUnreported(item, amountReported)) notes.push(SAY.unreported);
  if (isOverBudget(item)) notes.push(SAY.overBudget);
  return `• ${item.code} ${truncate(item.title, 120)}\n  ${notes.join(' · ')}`;
}

/** A family's or unit's list behind its button, as one text. */
export function groupListText(group: BudgetGroup, amountReported: ReadonlySet<string>, f: Figures): string {
  const g = group.figures;
  const heading = `${group.name}: งบประมาณ ${f.baht(g.budget)} บาท เบิกจ่ายแล้ว ${f.baht(g.disbursed)} บาท (ร้อยละ ${f.percent(g.disbursementPercent)})`;
  return listText(heading, group.items.map((i) => entry(i, amountReported, f)), f);
}

/**
 * The projects with no amount reported. An officer's come with one quick reply an item to report on it
 * (the report asks the amount); an executive's name each item's units, to know whom to ask.
 */
export function unreportedMessage(budget: Budget, audience: BudgetAudience, amountReported: ReadonlySet<string>, f: Figures): Message {
  if (budget.unreported.length === 0) return text(SAY.noUnreported);
  const entries = budget.unreported.map((i) => `${entry(i, amountReported, f)}${audience === 'organisation' ? `\n  ${i.responsibleUnits.join(', ') || 'ไม่ระบุหน่วยงาน'}` : ''}`);
  const heading = `${SAY.unreported} ${f.count(budget.unreported.length)} โครงการ (ข้อมูล ณ ${f.date(budget.asOf)})`;
  if (audience === 'organisation') return text(listText(heading, entries, f));
  const buttons = budget.unreported
    .map((i) => `รายงาน ${i.code}`)
    .filter((label) => label.length <= LINE_LIMITS.quickReplyLabel)
    .slice(0, LINE_LIMITS.quickReplyItems)
    .map((label) => quickText(label));
  return text(listText(`${heading}\n${SAY.reportHint}`, entries, f), buttons);
}
