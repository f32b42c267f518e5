import { scopeTh, supervisedScope } from '../../domain/rollup.js';
import { linkMessage } from '../../flex/link-message.js';
import { figures } from '../../domain/figures.js';
import { rollupMessage } from '../../flex/rollup-message.js';
import { text, type Message } from '../../line/messages.js';
import type { Feature } from '../common/context.js';
import { WIDER_SCOPE_WORDS } from '../common/meanings/lexicons.js';

const SAY = {
  refusal: 'คำสั่ง "ภาพรวม" ใช้ได้เฉพาะหน่วยงานกำกับดูแล (อำเภอ จังหวัด หรือส่วนกลาง) ที่ลงทะเบียนด้วยรหัสเชิญของหน่วยงานกำกับดูแล\nผู้บริหารที่ต้องการสรุปผลขององค์กรตนเอง พิมพ์ "สรุป"',
  empty: (scope: string) => `ยังไม่มีองค์กรปกครองส่วนท้องถิ่นที่ตั้งอยู่ใน${scope}ในระบบ\nกรุณาแจ้งผู้ดูแลระบบให้ระบุจังหวัดและอำเภอขององค์กร`,
  link: (minutes: string) =>
    `ตารางรายองค์กร (Excel) ทุกแห่งพร้อมยอดรวมและรายชื่อที่ยังไม่รายงาน\nปุ่มดาวน์โหลดใช้ได้ ${minutes} นาที และเปิดได้เฉพาะผู้ที่ได้รับ โปรดอย่าส่งต่อ`,
} as const;

/** What a supervisor asks for: the overview, or who has not reported. */
const ASKS: Record<string, number> = {
  ภาพรวม: 2, ภาพรม: 2, ภาพร่วม: 2, rollup: 2, 'roll up': 2, overview: 2,
  // A supervisor's summary or figures are those of the organisations they oversee.
  สรุป: 2, ผลการดำเนินงาน: 1, ผลงาน: 1, dashboard: 1, summary: 1, คืบหน้า: 1,
  ยังไม่รายงาน: 2, ไม่ได้รายงาน: 2, ไม่รายงาน: 2, ยังไม่ส่ง: 2, ล่าช้า: 1, excel: 1, ไฟล์: 1, ตาราง: 1,
};

/**
 * A supervising office's view of every organisation in its scope: the key figures and who needs attention
 * as a bubble, and the full table as a signed XLSX link. Counts only, whatever the organisations hold.
 */
export const rollup: Feature = {
  name: 'rollup',
  menu: [
    { for: ['supervisor'], order: 60, button: 'ภาพรวม', help: '"ภาพรวม" ผลการดำเนินงานของทุกองค์กรปกครองส่วนท้องถิ่นในความกำกับดูแล องค์กรที่ต้องติดตาม และตาราง Excel รายองค์กร' },
    { for: ['supervisor'], order: 61, help: 'ท่านจะได้รับภาพรวมรายเดือนทุกวันทำการแรกของเดือน พร้อมรายชื่อองค์กรที่ยังไม่รายงาน' },
  ],
  words: ['ภาพรวม', 'ภาพรวมจังหวัด', 'ภาพรวมอำเภอ', 'ภาพรวมทั้งประเทศ', 'rollup', 'roll-up'],
  cues: {
    weights: {
      ...ASKS,
      ...Object.fromEntries([...WIDER_SCOPE_WORDS, 'เทศบาล', 'อบต', 'องค์กร', 'ทุกที่', 'แห่งไหน', 'ไหนบ้าง'].map((w) => [w, 1])),
    },
    // Place names alone are an address, not a request.
    needs: Object.keys(ASKS),
  },
  allowed: (sender) => supervisedScope(sender.staff) !== null,
  refusal: SAY.refusal,
  async handle(ctx) {
    const scope = supervisedScope(ctx.sender.staff)!;
    const found = await ctx.stores.rollups.loadRollup(scope, ctx.now, ctx.org.thresholds);
    if (found.rows.length === 0) return [text(SAY.empty(scopeTh(scope)))];
    const replies: Message[] = [rollupMessage(found, undefined, figures(ctx.org.digits))];
    if (ctx.reportLink) {
      const link = ctx.reportLink('rollup-xlsx', ctx.now, ctx.sender.userId);
      replies.push(linkMessage(SAY.link(figures(ctx.org.digits).count(link.minutes)), [{ label: 'ดาวน์โหลด Excel', uri: link.url }]));
    }
    return replies;
  },
};
