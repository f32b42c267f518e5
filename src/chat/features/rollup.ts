import { scopeTh, supervisedScope } from '../../domain/rollup.js';
import { linkMessage } from '../../flex/link-message.js';
import { figures } from '../../domain/figures.js';
import { rollupMessage } from '../../flex/rollup-message.js';
import { text, type Message } from '../../line/messages.js';
import type { Feature } from '../context.js';

const SAY = {
  refusal: 'คำสั่ง "ภาพรวม" ใช้ได้เฉพาะหน่วยงานกำกับดูแล (อำเภอ จังหวัด หรือส่วนกลาง) ที่ลงทะเบียนด้วยรหัสเชิญของหน่วยงานกำกับดูแล\nผู้บริหารที่ต้องการสรุปผลขององค์กรตนเอง พิมพ์ "สรุป"',
  empty: (scope: string) => `ยังไม่มีองค์กรปกครองส่วนท้องถิ่นที่ตั้งอยู่ใน${scope}ในระบบ\nกรุณาแจ้งผู้ดูแลระบบให้ระบุจังหวัดและอำเภอขององค์กร`,
  link: (minutes: string) =>
    `ตารางรายองค์กร (Excel) ทุกแห่งพร้อมยอดรวมและรายชื่อที่ยังไม่รายงาน\nปุ่มดาวน์โหลดใช้ได้ ${minutes} นาที และเปิดได้เฉพาะผู้ที่ได้รับ โปรดอย่าส่งต่อ`,
} as const;

/**
 * A supervising office's view of every organisation in its scope: the key figures and who needs attention
 * as a bubble, and the full table as a signed XLSX link. Counts only, whatever the organisations hold.
 */
export const rollup: Feature = {
  name: 'rollup',
  words: ['ภาพรวม', 'ภาพรวมจังหวัด', 'ภาพรวมอำเภอ', 'ภาพรวมทั้งประเทศ', 'rollup', 'roll-up'],
  meaning: /ภาพรวม(ทั้ง)?(จังหวัด|อำเภอ|ประเทศ)|ภาพรวม(ของ)?(อปท|องค์กรปกครอง|ท้องถิ่น|หน่วยงานในสังกัด|ในสังกัด|ในความกำกับ)|^(ขอ|ดู)+ภาพรวม(หน่อย)?(ครับ|ค่ะ|คะ)?$|^roll-?up/,
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
