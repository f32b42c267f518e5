import { computeComplaintStatistics, monthOf } from '../../domain/complaint-statistics.js';
import { figures } from '../../domain/figures.js';
import { fiscalYearOf } from '../../domain/fiscal-year.js';
import { isExecutiveOrAdmin } from '../../domain/roles.js';
import { arabicDigits } from '../../domain/thai.js';
import { statisticsMessage } from './cards.js';
import { text } from '../../line/messages.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { Feature } from '../common/context.js';

/** "สถิติร้องเรียน 2569", "สถิติเรื่องร้องเรียนปีงบประมาณ ๒๕๖๙": a B.E. fiscal year after the command. */
const WITH_YEAR = /^(?:สถิติ(?:เรื่อง)?ร้องเรียน|complaint\s*stats)\s*(?:ปี(?:งบประมาณ|งบ)?\s*(?:พ\.?\s?ศ\.?)?\s*)?(25\d\d)$/i;
const yearIn = (raw: string) => WITH_YEAR.exec(arabicDigits(raw).trim())?.[1] ?? null;

/** OIT O24 for executives: the fiscal year's key figures and this month's, with the spreadsheet as a link. */
export const complaintStats: Feature = {
  name: 'complaintStats',
  tiles: [{ menu: 'executive', place: 3, label: 'สถิติร้องเรียน', sends: { text: 'สถิติร้องเรียน' }, title: 'สถิติร้องเรียน', hint: 'ปีงบประมาณนี้', colour: '#7A1F1F', icon: '<circle cx="12" cy="12" r="9"/><path d="M12 3v9h9"/>' }],
  menu: [{ for: ['executive', 'admin'], order: 42, button: 'สถิติร้องเรียน', help: '"สถิติร้องเรียน" สถิติเรื่องร้องเรียนปีงบประมาณนี้และเดือนนี้ พร้อมไฟล์ Excel รายเดือน (ระบุปีได้ เช่น สถิติร้องเรียน 2569)' }],
  words: ['สถิติร้องเรียน', 'complaint stats'],
  command: yearIn,
  cues: {
    weights: {
      สถิติ: 3, stats: 3, statistics: 3, complaint: 1, ร้องเรียน: 1, ร้องทุกข์: 1, complaints: 1,
      // Counting words: above a complaint's own words, so an executive asking how many is not filing one.
      จำนวน: 2, ยอด: 2, กี่เรื่อง: 2, กี่ราย: 2, กี่ครั้ง: 2, ตัวเลข: 2, เท่าไหร่: 1, เท่าไร: 1, รายเดือน: 1, ทั้งปี: 1, ทั้งหมด: 1,
      เยอะ: 1, ข้อมูล: 1, o24: 2, สรุป: 1.5, รายงาน: 1.5, ภาพรวม: 1.5, สถิต: 3, กี่คน: 2, ค้าง: 1, ยังไม่เสร็จ: 1, เดือนนี้: 1, ปีนี้: 1,
      ปีงบ: 1, ไตรมาส: 1, 'how many': 2, 'number of': 2, total: 1, แจ้ง: 0.5, เบาะแส: 0.5, เรื่องเข้า: 1,
    },
    // What is counted: complaints (by name, or as "how many cases"), or statistics as such.
    needs: ['สถิติ', 'สถิต', 'stats', 'statistics', 'ร้องเรียน', 'ร้องทุกข์', 'complaint', 'complaints', 'กี่เรื่อง', 'เบาะแส', 'แจ้งเรื่อง', 'เรื่องที่แจ้ง', 'เรื่องเข้า', 'คนแจ้ง'],
    argument: (message) => /25\d\d/.exec(message.compact)?.[0] ?? '',
  },
  allowed: (sender) => isExecutiveOrAdmin(sender.roles),
  refusal: CHAT_TEXT.executivesOnly,
  async handle(ctx) {
    const current = fiscalYearOf(ctx.now);
    const asked = ctx.argument === '' ? current : Number(ctx.argument);
    // A year in the future has no complaints yet: say so and show this one; an old one is asked for on purpose.
    const future = asked > current;
    const fiscalYear = future ? current : asked;
    const rows = await ctx.stores.complaintStats.loadComplaintStatRows(fiscalYear);
    const stats = computeComplaintStatistics(rows, fiscalYear, ctx.now);
    const download = ctx.reportLink?.('complaints-xlsx', ctx.now, ctx.sender.userId, fiscalYear) ?? null;
    const f = figures(ctx.org.digits);
    const note = future ? `ปีงบประมาณ ${f.fiscalYear(asked)} ยังไม่เริ่ม จึงแสดงปีงบประมาณปัจจุบัน` : '';
    return [...(note ? [text(note)] : []), statisticsMessage(stats, monthOf(stats, ctx.now), download, f)];
  },
};
