import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { complaintLine, overdueListText, summaryMessage } from '../../flex/summary-message.js';
import { text } from '../../line/messages.js';
import { ACTION } from '../../line/postback.js';
import { CHAT_TEXT } from '../texts.js';
import type { Feature } from '../context.js';

/** The organisation's latest figures, or (from the card's button) the list of overdue measures. */
export const summary: Feature = {
  name: 'summary',
  words: ['สรุป', 'summary'],
  meaning: /^(ขอ|ดู)?สรุป|^summary/,
  postbacks: [ACTION.overdueList],
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const { stores, org, now } = ctx;
    const summary = await stores.summaries.loadSummary(org.id, now, org.thresholds);
    if (ctx.input.kind === 'postback') return [text(overdueListText(summary))];
    const complaints = complaintLine(await stores.complaints.complaintStats(org.id, fiscalYearOf(now), now));
    return [summaryMessage(summary, { heading: 'สรุปผลการดำเนินงานล่าสุด', complaints, publicPage: ctx.publicPageUrl?.() })];
  },
};
