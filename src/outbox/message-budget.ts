import { billedInMonth, messageBudgetOf } from '../db/message-use-store.js';
import { ownSettingsOf } from '../db/organisation-store.js';
import { staffWithRole } from '../db/staff-store.js';
import { monthKey } from '../domain/calendar.js';
import { figures } from '../domain/figures.js';
import { BUDGET_TEXT, budgetAllows, marksReached } from '../domain/message-budget.js';
import type { MessageKind } from '../domain/message-kinds.js';
import { text } from '../line/messages.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { enqueue } from './enqueue.js';
import type { MessageMeter } from './message-meter.js';

/**
 * The organisation's monthly message budget, as the sender keeps to it (docs/domain.md, "Messages and their
 * cost"): a push a rule does not require waits when it would take the month's billed use past the budget, and
 * the admins and executives hear once when the use first reaches 75 % and 90 % of it.
 */
export interface BudgetGate {
  /** Whether this push may go now. */
  allows(orgId: string, push: { kind: MessageKind; to: string[]; at: Date }): Promise<boolean>;
  /** After a push went out: tells the admins and executives of a mark the month has newly reached. */
  afterSent(orgId: string, at: Date): Promise<void>;
}

export interface BudgetDeps {
  meter: Pick<MessageMeter, 'recipientsOf'>;
  sealer: Sealer;
  log: Logger;
  /** Sends at once what was enqueued. */
  kick?: () => void;
}

export function createBudgetGate(deps: BudgetDeps): BudgetGate {
  return {
    async allows(orgId, push) {
      const budget = await messageBudgetOf(orgId);
      if (budget.amount === null) return true;
      const [used, recipients] = await Promise.all([billedInMonth(orgId, monthKey(push.at)), deps.meter.recipientsOf(orgId, push.to)]);
      return budgetAllows(push.kind, used, recipients, budget.amount);
    },
    async afterSent(orgId, at) {
      try {
        await warnOfMarks(orgId, at, deps);
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
export async function warnOfMarks(orgId: string, at: Date, deps: Pick<BudgetDeps, 'sealer' | 'kick'>): Promise<number> {
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
  const outgoing = [{ key: `budget:${orgId}:${month}:${mark}`, to, messages: [text(BUDGET_TEXT.warning(mark, used, { ...budget, amount: budget.amount }, f))], kind: 'budget-warning' as const }];
  const added = await enqueue(orgId, 'budget', outgoing, at, deps.sealer);
  if (added > 0) deps.kick?.();
  return added;
}
