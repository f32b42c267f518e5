import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { figures } from '../../domain/figures.js';
import { hasRole, isExecutiveOrAdmin } from '../../domain/roles.js';
import { overdueComplaintCards, overdueComplaintText } from '../../flex/complaint-groups.js';
import { overdueCards, overdueUnitText } from '../../flex/overdue-cards.js';
import { complaintLine, summaryMessage } from '../../flex/summary-message.js';
import { text, type Message } from '../../line/messages.js';
import { ACTION } from '../../line/postback.js';
import { SUMMARY_WORDS, WIDER_SCOPE_WORDS } from '../meanings/lexicons.js';
import { CHAT_TEXT } from '../texts.js';
import type { ChatContext, Feature } from '../context.js';

/**
 * The organisation's latest figures; from the card's button, what is overdue as cards by unit (and late
 * complaints by handler), and from those cards' buttons, one group's list.
 */
export const summary: Feature = {
  name: 'summary',
  words: ['สรุป', 'summary'],
  cues: {
    weights: {
      ...Object.fromEntries(SUMMARY_WORDS.map((w) => [w, 2])),
      // Above the roll-up's "สรุป", which a supervisor's sentence reaches only when the summary is not theirs.
      สรุป: 2.5,
      // Hints: how far the plan has got, asked in other words.
      คืบหน้า: 1, ก้าวหน้า: 1, ทุกโครงการ: 1, ทุกมาตรการ: 1, โครงการ: 1, มาตรการ: 1, ล่าช้า: 1, ค้าง: 1, เกินกำหนด: 1, ร้อยละ: 1,
      เปอร์เซ็นต์: 1, เปอร์เซ็น: 1, เบิกจ่าย: 1, สถานะ: 1, ทั้งหมด: 1, ตามแผน: 1, แผนงาน: 1, เสร็จ: 1, กี่โครงการ: 2, progress: 1, status: 1,
    },
    // Other organisations' figures are the supervising offices' roll-up; the summary sent to a group is linking it.
    not: [...WIDER_SCOPE_WORDS, 'กลุ่ม'],
  },
  postbacks: [ACTION.overdueList, ACTION.overdueUnit, ACTION.overdueComplaints],
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const { stores, org, now } = ctx;
    if (ctx.input.kind === 'postback') return overdue(ctx, ctx.input.action, ctx.input.params);
    const summary = await stores.summaries.loadSummary(org.id, now, org.thresholds);
    const f = figures(org.digits);
    const stats = await stores.complaints.complaintStats(org.id, fiscalYearOf(now), now);
    const lateComplaints = hasRole(ctx.sender.roles, 'executive') ? stats.overdue : 0;
    return [summaryMessage(summary, { heading: 'สรุปผลการดำเนินงานล่าสุด', complaints: complaintLine(stats, 'executives', f), publicPage: ctx.publicPageUrl?.(), lateComplaints, figures: f })];
  },
};

async function overdue(ctx: ChatContext, action: string, params: Record<string, string>): Promise<Message[]> {
  const { stores, org, now } = ctx;
  // Late complaints are the executives' (as the 15-day job's card is): an admin gets the measures only.
  const executive = hasRole(ctx.sender.roles, 'executive');
  const f = figures(org.digits);
  if (action === ACTION.overdueComplaints) {
    if (!executive) return [text('ปุ่มนี้สำหรับผู้บริหารเท่านั้น')];
    // A card pushed by a job run names its moment (`t`); the list is as of then or now, whichever is later.
    const t = Number(params.t);
    const at = Number.isSafeInteger(t) && t > now.getTime() && !Number.isNaN(new Date(t).getTime()) ? new Date(t) : now;
    return [text(overdueComplaintText(await stores.complaints.openComplaintsDueBy(org.id, at), at, params.h ?? '', f))];
  }
  const summary = await stores.summaries.loadSummary(org.id, now, org.thresholds);
  if (action === ACTION.overdueUnit) return [text(overdueUnitText(summary, params.u ?? '', f))];
  const late = executive ? overdueComplaintCards(await stores.complaints.openComplaintsDueBy(org.id, now), now, null, f) : null;
  return late ? [overdueCards(summary, f), late] : [overdueCards(summary, f)];
}
