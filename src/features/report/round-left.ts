import { daysBeforeRoundEnd, ROUND_TH, roundKey, roundLastDay, type Round } from '../../domain/calendar.js';
import { figures } from '../../domain/figures.js';
import type { MeasureView } from '../../domain/measures.js';
import { awaitingReport } from '../../domain/reminders.js';
import type { StaffMember } from '../../domain/staff.js';
import { quickText, text, type Message } from '../../line/messages.js';
import type { ChatContext } from '../common/context.js';

const SAY = {
  round: (round: string, when: string, lastDay: string) => `รายงานผล${round} ครบกำหนด${when} (ข้อมูล ณ ${lastDay})`,
  left: (count: string) => `ยังมีรายการของท่านรอรายงาน ${count} รายการ`,
  none: 'รายการของท่านรายงานในรอบนี้ครบทุกรายการแล้ว',
  see: 'ดูรายการที่รอรายงาน',
} as const;

/**
 * While a round's reminders are running, the answer to a saved report says how many of the officer's items
 * still await a report in the round, and by when: free in the reply, and recorded as told, so that the
 * round's next reminder need not push the same list (round-reminder.ts). `theirs` are all the officer's items
 * as read before the report on `reported` was saved, which now counts for the round.
 */
export async function roundLeft(ctx: ChatContext, officer: StaffMember, round: Round, theirs: readonly MeasureView[], reported: string): Promise<Message[]> {
  const awaiting = theirs.filter((m) => m.id !== reported && awaitingReport(m, round));
  await ctx.stores.roundTold.recordRoundTold(roundKey(round), { lineUserId: officer.lineUserId, at: ctx.now, measureIds: awaiting.map((m) => m.id) });
  const f = figures(ctx.org.digits);
  const days = daysBeforeRoundEnd(ctx.now, round);
  const head = SAY.round(f.digits(ROUND_TH[round.name]), days > 0 ? `อีก ${f.count(days)} วัน` : 'วันนี้', f.date(roundLastDay(round)));
  // "รายงาน" lists their items due first, as the report tile does.
  return awaiting.length > 0 ? [text(`${head}: ${SAY.left(f.count(awaiting.length))}`, [quickText(SAY.see, 'รายงาน')])] : [text(`${head}: ${SAY.none}`)];
}
