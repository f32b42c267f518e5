import { billedInMonth, messageBudgetOf } from '../db/message-use-store.js';
import { ownSettingsOf } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { monthKey } from '../domain/calendar.js';
import { figures } from '../domain/figures.js';
import { BUDGET_TEXT, budgetAllows, marksReached, passesBudget } from '../domain/message-budget.js';
import type { MessageKind } from '../domain/message-kinds.js';
import { text } from '../line/messages.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import type { NoticeTiming } from '../domain/notice-timing.js';
import { enqueueNotice } from './enqueue-notice.js';
import type { MessageMeter } from './message-meter.js';

/**
 * The organisation's monthly message budget, as the sender keeps to it (docs/domain.md, "Messages and their
 * cost"): a push a rule does not require waits when it would take the month's billed use past the budget, and
 * the admins and executives hear once when the use first reaches 75 % and 90 % of it.
 */
export interface BudgetGate {
  /** Whether this push may go now. */
  allows(orgId: string, push: { kind: MessageKind; to: string[]; at: Date }): Promise<boolean>;
  /** After a push went out: counts it, and tells the admins and executives of a mark the month has newly reached. */
  afterSent(orgId: string, push: { to: string[]; at: Date }): Promise<void>;
}

export interface BudgetDeps {
  meter: Pick<MessageMeter, 'recipientsOf'>;
  sealer: Sealer;
  log: Logger;
  /** Sends at once what was enqueued. */
  kick?: () => void;
  /** The organisation's notice timing: a warning waits for each person's next reply or digest, the cheapest route. */
  timingOf?: (orgId: string) => NoticeTiming | undefined;
}

/**
 * The budget and the month's use are read again after this; meanwhile this instance adds what it sends. So a
 * push costs no reads, another instance's sends are seen this much later, and a lowered budget holds this much
 * later. A push about to be held back is checked against fresh figures first: a budget raised a moment ago (from
 * the terminal, say) lets it go.
 */
const FIGURES_TTL_MS = 10_000;

interface Standing {
  month: string;
  amount: number | null;
  used: number;
  until: number;
  /** The marks this instance has seen enqueued this month. */
  told: Set<number>;
}

export function createBudgetGate(deps: BudgetDeps): BudgetGate {
  const known = new Map<string, Standing>();

  async function read(orgId: string, month: string, at: Date): Promise<Standing> {
    const [budget, used] = await Promise.all([messageBudgetOf(orgId), billedInMonth(orgId, month)]);
    const before = known.get(orgId);
    const standing = { month, amount: budget.amount, used, until: at.getTime() + FIGURES_TTL_MS, told: before?.month === month ? before.told : new Set<number>() };
    known.set(orgId, standing);
    return standing;
  }

  async function standingOf(orgId: string, at: Date): Promise<Standing> {
    const month = monthKey(at);
    const cached = known.get(orgId);
    if (cached && cached.month === month && cached.until > at.getTime()) return cached;
    return read(orgId, month, at);
  }

  return {
    async allows(orgId, push) {
      if (passesBudget(push.kind)) return true;
      const cached = await standingOf(orgId, push.at);
      if (cached.amount === null) return true;
      const recipients = await deps.meter.recipientsOf(orgId, push.to);
      if (budgetAllows(push.kind, cached.used, recipients, cached.amount)) return true;
      const fresh = await read(orgId, monthKey(push.at), push.at);
      return budgetAllows(push.kind, fresh.used, recipients, fresh.amount);
    },
    async afterSent(orgId, push) {
      try {
        const month = monthKey(push.at);
        const cached = known.get(orgId);
        let standing: Standing;
        if (cached && cached.month === month && cached.until > push.at.getTime()) {
          standing = cached;
          standing.used += await deps.meter.recipientsOf(orgId, push.to);
        } else standing = await read(orgId, month, push.at); // counted already (message-meter.ts)
        const marks = marksReached(standing.used, standing.amount);
        if (marks.every((m) => standing.told.has(m))) return;
        await warnOfMarks(orgId, push.at, deps);
        for (const m of marks) standing.told.add(m);
      } catch (error) {
        deps.log.error({ orgId, err: error }, 'could not tell of the message budget');
      }
    },
  };
}

/**
 * Each mark reached is told once a month: its outbox key names the organisation, the month and the mark, and
 * the outbox takes a key once, so of several instances (or pushes) that see the mark reached one enqueues it.
 */
export async function warnOfMarks(orgId: string, at: Date, deps: Pick<BudgetDeps, 'sealer' | 'kick' | 'timingOf'>): Promise<number> {
  const budget = await messageBudgetOf(orgId);
  if (budget.amount === null) return 0;
  const month = monthKey(at);
  const used = await billedInMonth(orgId, month);
  const marks = marksReached(used, budget.amount);
  if (marks.length === 0) return 0;
  const [admins, executives, own] = await Promise.all([staffWithRole(orgId, 'admin'), staffWithRole(orgId, 'executive'), ownSettingsOf(orgId)]);
  const to = [...new Set([...admins, ...executives].map((s) => s.lineUserId))];
  if (to.length === 0) return 0;
  const f = figures(own.digits ?? undefined);
  // Only the highest mark reached is worth a message: one passing 75 % and 90 % at once is told of 90 %.
  const mark = marks[marks.length - 1]!;
  const warning = { key: `budget:${orgId}:${month}:${mark}`, to, messages: [text(BUDGET_TEXT.warning(mark, used, { ...budget, amount: budget.amount }, f))], kind: 'budget-warning' as const };
  return enqueueNotice('budget', warning, { orgId, sealer: deps.sealer, now: at, timing: deps.timingOf?.(orgId), kick: deps.kick });
}
