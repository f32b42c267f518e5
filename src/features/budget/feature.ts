import { figures } from '../../domain/figures.js';
import { hasRole, isExecutiveOrAdmin } from '../../domain/roles.js';
import { text, type Message } from '../../line/messages.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature } from '../common/context.js';
import { BUDGET_ACTIONS } from './actions.js';
import { readBudgetList } from './buttons.js';
import { budgetOf, isUnreported, type Budget, type BudgetItem } from './budget.js';
import { budgetMessage, groupListText, unreportedMessage, type BudgetAudience } from './cards.js';
import { BUDGET_CUES, BUDGET_HELP, BUDGET_HELP_OFFICER, BUDGET_LABEL, BUDGET_TEXT, BUDGET_WORDS } from './words.js';

export { BUDGET_HELP, BUDGET_HELP_OFFICER, BUDGET_LABEL };

/**
 * Executives and admins see the whole organisation's plan. An officer sees only the items they answer for
 * (their unit's, ทุกส่วนราชการ, or naming their position: the list `รายงาน` offers them), because that is
 * what a กอง's officer is asked about and can act on; the organisation's totals are the executives'.
 */
const audienceOf = (ctx: ChatContext): BudgetAudience => (isExecutiveOrAdmin(ctx.sender.roles) ? 'organisation' : 'own');

async function load(ctx: ChatContext, audience: BudgetAudience): Promise<{ budget: Budget; amountReported: Set<string> }> {
  const { stores, now } = ctx;
  const fiscalYear = await ctx.org.activeFiscalYear();
  const staff = ctx.sender.staff;
  const items: BudgetItem[] =
    audience === 'organisation'
      ? await stores.summaries.loadSummaryMeasures(fiscalYear)
      : staff
        ? await stores.measures.measuresForOfficer(fiscalYear, { unit: staff.unit, position: staff.position })
        : [];
  // Whether an amount was ever reported matters only for a project still at 0: most answers need no report read.
  const none = new Set<string>();
  const amountReported = items.some((i) => isUnreported(i, none))
    ? new Set((await stores.progress.progressReportsOfYear(fiscalYear)).filter((r) => r.disbursed != null).map((r) => r.measureId))
    : none;
  return { budget: budgetOf(fiscalYear, items, amountReported, now), amountReported };
}

async function list(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const wanted = readBudgetList(action, params);
  if (!wanted) return [text(CHAT_TEXT.oldButton)];
  const audience = audienceOf(ctx);
  const f = figures(ctx.org.digits);
  const { budget, amountReported } = await load(ctx, audience);
  if (wanted.kind === 'unreported') return [unreportedMessage(budget, audience, amountReported, f)];
  const group = wanted.kind === 'family' ? budget.byFamily.find((g) => g.family === wanted.family) : budget.byUnit.find((g) => g.key === wanted.key);
  return [text(group ? groupListText(group, amountReported, f) : BUDGET_TEXT.gone)];
}

export const budget: Feature = {
  name: 'budget',
  words: BUDGET_WORDS,
  cues: BUDGET_CUES,
  actions: BUDGET_ACTIONS,
  // An officer's line tells of their own items; an executive's (and an officer who is also one) of the whole plan.
  menu: [
    { for: ['officer'], unless: ['executive', 'admin'], order: 21, button: BUDGET_LABEL, help: BUDGET_HELP_OFFICER },
    { for: ['executive', 'admin'], order: 40.5, button: BUDGET_LABEL, help: BUDGET_HELP },
  ],
  allowed: (sender) => isExecutiveOrAdmin(sender.roles) || hasRole(sender.roles, 'officer'),
  refusal: BUDGET_TEXT.refusal,
  async handle(ctx) {
    if (ctx.input.kind === 'postback') return list(ctx, ctx.input.action, ctx.input.params);
    const audience = audienceOf(ctx);
    const f = figures(ctx.org.digits);
    const { budget } = await load(ctx, audience);
    return [budgetMessage(budget, audience, f)];
  },
};
