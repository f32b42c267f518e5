import { dayKey } from '../domain/calendar.js';
import { isMessageKind, type MessageKind } from '../domain/message-kinds.js';
import { monthUse, type KindUse, type LineQuotaReading, type MonthUse } from '../domain/message-use.js';
import { insertUnique } from './lease.js';
import { ComplaintModel } from './models/complaint.js';
import { LineQuotaModel, MessageSentModel } from './models/message-use.js';

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

/** Keeps LINE's figures for the organisation as just read, in place of the last reading. */
export async function recordLineQuota(orgId: string, reading: LineQuotaReading): Promise<void> {
  await LineQuotaModel.updateOne({ _id: orgId }, { $set: reading }, { upsert: true });
}

export async function lineQuotaOf(orgId: string): Promise<LineQuotaReading | null> {
  const doc = await LineQuotaModel.findById(orgId).lean();
  return doc ? { quota: doc.quota ?? null, used: doc.used, month: doc.month, readAt: doc.readAt } : null;
}

/** A month's use as `สถิติข้อความ` and `cli messages` show it: our count by kind, and LINE's if read that month. */
export async function loadMonthUse(orgId: string, month: string): Promise<MonthUse> {
  const [kinds, reading] = await Promise.all([monthUseByKind(orgId, month), lineQuotaOf(orgId)]);
  return monthUse(month, kinds, reading);
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
