import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { statsText } from '../../flex/complaint-messages.js';
import { text } from '../../line/messages.js';
import { CHAT_TEXT } from '../texts.js';
import type { Feature } from '../context.js';

/** This fiscal year's complaint figures (OIT O24), for executives. */
export const complaintStats: Feature = {
  name: 'complaintStats',
  words: ['สถิติร้องเรียน', 'complaint stats'],
  meaning: /สถิติ.*(ร้องเรียน|ร้องทุกข์)|(ร้องเรียน|ร้องทุกข์).*สถิติ|complaintstats/,
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  handle: async (ctx) => [text(statsText(await ctx.stores.complaints.complaintStats(ctx.org.id, fiscalYearOf(ctx.now), ctx.now)))],
};
