import { computeComplaintStatistics, monthOf } from '../../domain/complaint-statistics.js';
import { figures } from '../../domain/figures.js';
import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { arabicDigits } from '../../domain/thai.js';
import { statisticsMessage } from '../../flex/complaint-statistics-message.js';
import { text } from '../../line/messages.js';
import { CHAT_TEXT } from '../texts.js';
import type { Feature } from '../context.js';

/** "สถิติร้องเรียน 2569", "สถิติเรื่องร้องเรียนปีงบประมาณ ๒๕๖๙": a B.E. fiscal year after the command. */
const WITH_YEAR = /^(?:สถิติ(?:เรื่อง)?ร้องเรียน|complaint\s*stats)\s*(?:ปี(?:งบประมาณ|งบ)?\s*(?:พ\.?\s?ศ\.?)?\s*)?(25\d\d)$/i;
const yearIn = (raw: string) => WITH_YEAR.exec(arabicDigits(raw).trim())?.[1] ?? null;

/** OIT O24 for executives: the fiscal year's key figures and this month's, with the spreadsheet as a link. */
export const complaintStats: Feature = {
  name: 'complaintStats',
  words: ['สถิติร้องเรียน', 'complaint stats'],
  command: yearIn,
  meaning: (plain) => (/สถิติ.*(ร้องเรียน|ร้องทุกข์)|(ร้องเรียน|ร้องทุกข์).*สถิติ|complaintstats/.test(plain) ? (/25\d\d/.exec(plain)?.[0] ?? '') : null),
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const current = fiscalYearOf(ctx.now);
    const asked = ctx.argument === '' ? current : Number(ctx.argument);
    // A year in the future has no complaints yet: say so and show this one; an old one is asked for on purpose.
    const future = asked > current;
    const fiscalYear = future ? current : asked;
    const rows = await ctx.stores.complaintStats.loadComplaintStatRows(ctx.org.id, fiscalYear);
    const stats = computeComplaintStatistics(rows, fiscalYear, ctx.now);
    const download = ctx.reportLink?.('complaints-xlsx', ctx.now, ctx.sender.userId, fiscalYear) ?? null;
    const f = figures(ctx.org.digits);
    const note = future ? `ปีงบประมาณ ${f.fiscalYear(asked)} ยังไม่เริ่ม จึงแสดงปีงบประมาณปัจจุบัน` : '';
    return [...(note ? [text(note)] : []), statisticsMessage(stats, monthOf(stats, ctx.now), download, f)];
  },
};
