import { dayKey } from '../domain/calendar.js';
import { isMessageKind, type MessageKind } from '../domain/message-kinds.js';
import { monthUse, type KindUse, type LineQuotaReading, type MonthUse } from '../domain/message-use.js';
import { insertUnique } from './lease.js';
import { ComplaintModel } from './models/complaint.js';
import { LineQuotaModel, MessageBudgetModel, MessageSentModel } from './models/message-use.js';
import { resolveBudget, type MessageBudget } from '../domain/message-budget.js';
import { waitingByKind } from './outbox-store.js';

export interface SentMessage {
  orgId: string;
  /** The request's X-Line-Retry-Key: the same message sent again has the same one. */
  retryKey: string;
  month: string;
  kind: MessageKind;
  recipients: number;
  source: string;
  toGroup: boolean;
  sentAt: Date;
}

const insertSent = insertUnique(MessageSentModel);

/** Records a message LINE accepted; false when it was already recorded (a repeat of the same message). */
export async function recordMessageSent(m: SentMessage): Promise<boolean> {
  const { retryKey, ...fields } = m;
  return insertSent({ _id: `${m.orgId}:${retryKey}`, ...fields });
}

/** A month's messages by kind: how many pushes, and how many LINE bills (recipients). */
export async function monthUseByKind(orgId: string, month: string): Promise<KindUse[]> {
  // Added up here, as summaries are (docs/database.md: FerretDB runs $group slowly); a month holds hundreds, not millions.
  const sent = await MessageSentModel.find({ orgId, month }).select('kind recipients').lean();
  const byKind = new Map<MessageKind, KindUse>();
  for (const { kind: raw, recipients } of sent) {
    const kind = isMessageKind(raw) ? raw : 'other';
    const row = byKind.get(kind) ?? { kind, sends: 0, recipients: 0 };
    row.sends += 1;
    row.recipients += recipients;
    byKind.set(kind, row);
  }
  return [...byKind.values()];
}

/** What each of these sources (job runs) spent: the recipients LINE billed for their messages. */
export async function spentBySource(orgId: string, sources: string[]): Promise<Map<string, number>> {
  const spent = new Map<string, number>();
  if (sources.length === 0) return spent;
  const sent = await MessageSentModel.find({ orgId, source: { $in: sources } }).select('source recipients').lean();
  for (const { source, recipients } of sent) spent.set(source, (spent.get(source) ?? 0) + recipients);
  return spent;
}

/** Keeps LINE's figures for the organisation as just read, in place of the last reading; returns the quota read before. */
export async function recordLineQuota(orgId: string, reading: LineQuotaReading): Promise<{ quotaBefore: number | null } | null> {
  const before = await LineQuotaModel.findById(orgId).select('quota').lean();
  await LineQuotaModel.updateOne({ _id: orgId }, { $set: reading }, { upsert: true });
  return before ? { quotaBefore: before.quota ?? null } : null;
}

/** The organisation's own monthly budget, null when it set none. */
export async function ownMessageBudgetOf(orgId: string): Promise<number | null> {
  return (await MessageBudgetModel.findById(orgId).lean())?.amount ?? null;
}

/** Sets the organisation's own budget; null goes back to LINE's quota. */
export async function setOwnMessageBudget(orgId: string, amount: number | null): Promise<void> {
  if (amount === null) await MessageBudgetModel.deleteOne({ _id: orgId });
  else await MessageBudgetModel.updateOne({ _id: orgId }, { $set: { amount } }, { upsert: true });
}

/** The month's budget: its own, else the quota LINE last reported. */
export async function messageBudgetOf(orgId: string): Promise<MessageBudget> {
  const [own, reading] = await Promise.all([ownMessageBudgetOf(orgId), lineQuotaOf(orgId)]);
  return resolveBudget(own, reading?.quota ?? null);
}

/**
 * What the month has cost so far: our own count, or LINE's when it counted more (it counts the account's
 * other senders too, and its quota is what refuses).
 */
export async function billedInMonth(orgId: string, month: string): Promise<number> {
  const [sent, reading] = await Promise.all([MessageSentModel.find({ orgId, month }).select('recipients').lean(), lineQuotaOf(orgId)]);
  const ours = sent.reduce((n, s) => n + s.recipients, 0);
  return Math.max(ours, reading?.month === month ? reading.used : 0);
}

export async function lineQuotaOf(orgId: string): Promise<LineQuotaReading | null> {
  const doc = await LineQuotaModel.findById(orgId).lean();
  return doc ? { quota: doc.quota ?? null, used: doc.used, month: doc.month, readAt: doc.readAt } : null;
}

/** A month's use as `สถิติข้อความ` and `cli messages` show it: our count by kind, and LINE's if read that month. */
export async function loadMonthUse(orgId: string, month: string): Promise<MonthUse> {
  const [kinds, reading, budget, waiting] = await Promise.all([monthUseByKind(orgId, month), lineQuotaOf(orgId), messageBudgetOf(orgId), waitingByKind(orgId)]);
  return { ...monthUse(month, kinds, reading), budget, waiting };
}

/**
 * The days of the last 30 on which a general complaint passed its 15 days unfinished: each such day the
 * executives' group is told (complaint-deadlines.ts), so this is how often it would have been.
 */
export async function overdueGeneralDays(orgId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const late = await ComplaintModel.find({ orgId, kind: 'general', dueAt: { $gte: since, $lt: now } }).select('dueAt closedAt').lean();
  return new Set(late.filter((c) => !c.closedAt || c.closedAt > c.dueAt).map((c) => dayKey(c.dueAt))).size;
}
