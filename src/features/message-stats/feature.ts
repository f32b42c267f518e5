import { monthKey } from '../../domain/calendar.js';
import { figures } from '../../domain/figures.js';
import { messageUseText } from '../../domain/message-use.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { text } from '../../line/messages.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { Feature } from '../common/context.js';

/** "สถิติข้อความ": this month's pushes by kind against the plan's quota and LINE's own count, for admins and executives. */
export const messageStats: Feature = {
  name: 'messageStats',
  menu: [{ for: ['admin', 'executive'], order: 43, help: '"สถิติข้อความ" จำนวนข้อความ LINE ที่ระบบส่งเดือนนี้ แยกตามประเภท เทียบกับโควตาและยอดที่ LINE นับ' }],
  words: ['สถิติข้อความ', 'message stats'],
  command: (t) => (/^(?:สถิติ(?:การใช้)?ข้อความ(?:\s?line|\s?ไลน์)?|message\s*stats)$/i.test(t.trim()) ? '' : null),
  meaning: /สถิติ(การ)?(ใช้|ส่ง)?ข้อความ|โควตาข้อความ|messagestats/,
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const month = monthKey(ctx.now);
    const use = await ctx.stores.messageUse.loadMonthUse(month);
    return [text(messageUseText(use, true, figures(ctx.org.digits)))];
  },
};
