import { GROUP_LINK_CODE_MINUTES } from '../../domain/executive-group.js';
import { hasRole } from '../../domain/roles.js';
import { figures, type Figures } from '../../domain/figures.js';
import { arabicDigits } from '../../domain/thai.js';
import { text } from '../../line/messages.js';
import type { Feature, Sender } from '../common/context.js';

/**
 * The executives' LINE group, from the executive's own chat: a one-time code to send in the group, and
 * unlinking. What happens in the group itself is in `executive-group-chat.ts`; both read the commands here.
 */
export const GROUP_SAY = {
  executivesOnly: 'คำสั่งนี้สำหรับผู้บริหารที่ลงทะเบียนแล้วเท่านั้น',
  // The code stays ASCII whatever the digit style: it is typed back in the group.
  code: (code: string, expiresAt: Date, f: Figures = figures()) =>
    `รหัสเชื่อมกลุ่มของท่าน: ${code}\nใช้ได้ครั้งเดียว ภายใน ${f.count(GROUP_LINK_CODE_MINUTES)} นาที (ถึง ${f.dateTime(expiresAt)})\n\n` +
    `${f.digits(1)}. เชิญบัญชีนี้เข้ากลุ่ม LINE ของผู้บริหาร\n${f.digits(2)}. พิมพ์ในกลุ่มว่า\nเชื่อมกลุ่ม ${code}\n\n` +
    `กลุ่มนั้นจะได้รับสรุปผลการดำเนินงานรายเดือน และเลือกให้ได้รับผลการติดตามงานกับจำนวนเรื่องร้องเรียนทั่วไปที่เกินกำหนด ${f.digits(15)} วันด้วยได้ ท่านยังได้รับทางแชตนี้เหมือนเดิม ` +
    'เชื่อมได้องค์กรละหนึ่งกลุ่ม: เชื่อมกลุ่มใหม่แทนกลุ่มเดิม',
  codeInWrongPlace: 'รหัสเชื่อมกลุ่มต้องพิมพ์ในกลุ่ม LINE ที่ต้องการเชื่อม ไม่ใช่ในแชตนี้\nพิมพ์ "เชื่อมกลุ่ม" ที่นี่เพื่อรับรหัสใหม่',
  unlinked: 'เลิกเชื่อมกลุ่มผู้บริหารแล้ว กลุ่มจะไม่ได้รับสรุปและการแจ้งเตือนอีก ท่านยังได้รับทางแชตนี้เหมือนเดิม\nหากไม่ต้องการให้บัญชีนี้อยู่ในกลุ่ม นำออกจากกลุ่มได้เลย',
  noneLinked: 'ตอนนี้ไม่มีกลุ่มที่เชื่อมไว้ สรุปและการแจ้งเตือนส่งถึงผู้บริหารทางแชตส่วนตัวเท่านั้น\nพิมพ์ "เชื่อมกลุ่ม" เพื่อรับรหัสเชื่อมกลุ่ม',
} as const;

const CODE = /^([a-z0-9]{4}\s*-?\s*[a-z0-9]{4})$/i;

/**
 * "เชื่อมกลุ่ม", "ผูกกลุ่มผู้บริหาร", "link group", each maybe followed by a code: the code ('' when none),
 * or null when the text is not this command. Thai digits are read as Arabic ones (the bot shows the code
 * in Thai digits, and people paste it back).
 */
export function linkCommand(raw: string): string | null {
  const t = arabicDigits(raw).trim().replace(/\s+/g, ' ');
  const m = t.match(/^(?:(?:เชื่อม|ผูก)\s?กลุ่ม(?:\s?ผู้บริหาร)?|link group)(?:\s*(.*))?$/i);
  if (!m) return null;
  const rest = (m[1] ?? '').trim();
  if (rest === '') return '';
  return CODE.test(rest) ? rest : null;
}

/** "เลิกเชื่อมกลุ่ม", "ยกเลิกการเชื่อมกลุ่ม", "unlink group". */
export function isUnlinkCommand(raw: string): boolean {
  return /^(?:(?:ยกเลิก|เลิก)(?:การ)?\s?(?:เชื่อม|ผูก)\s?กลุ่ม(?:\s?ผู้บริหาร)?|unlink group)$/i.test(raw.trim().replace(/\s+/g, ' '));
}

const isExecutive = (sender: Sender) => hasRole(sender.roles, 'executive');

/** An executive asks for a code to link a group. */
export const linkGroup: Feature = {
  name: 'linkGroup',
  menu: [{ for: ['executive'], order: 44, help: '"เชื่อมกลุ่ม" รับรหัสเพื่อให้กลุ่ม LINE ของผู้บริหารได้รับสรุปรายเดือนและการแจ้งเตือนด้วย ("เลิกเชื่อมกลุ่ม" เพื่อหยุด)' }],
  command: linkCommand,
  meaning: /(เชื่อม|ผูก)(ต่อ)?(กับ)?(ไลน์|line)?กลุ่ม|linkgroup/,
  allowed: isExecutive,
  refusal: GROUP_SAY.executivesOnly,
  async handle(ctx) {
    // A code typed here was meant for the group; a new code would only add to the confusion.
    if (ctx.argument) return [text(GROUP_SAY.codeInWrongPlace)];
    const { code, expiresAt } = await ctx.stores.executiveGroups.issueGroupLinkCode({ issuedToKey: ctx.sender.userKey, eventId: ctx.eventId, now: ctx.now });
    ctx.log.info({ orgId: ctx.org.id, eventId: ctx.eventId }, 'group link code given');
    return [text(GROUP_SAY.code(code, expiresAt, figures(ctx.org.digits)))];
  },
};

/** An executive unlinks the organisation's group from their own chat. */
export const unlinkGroup: Feature = {
  name: 'unlinkGroup',
  command: (t) => (isUnlinkCommand(t) ? '' : null),
  meaning: /(เลิก|ยกเลิก|ถอน|ยุติ|หยุด)(การ)?(เชื่อม|ผูก)(ต่อ)?(กับ)?(ไลน์|line)?กลุ่ม|unlinkgroup/,
  allowed: isExecutive,
  refusal: GROUP_SAY.executivesOnly,
  async handle(ctx) {
    const unlinked = await ctx.stores.executiveGroups.unlinkGroup();
    if (unlinked) ctx.log.info({ orgId: ctx.org.id, eventId: ctx.eventId }, 'executives group unlinked');
    return [text(unlinked ? GROUP_SAY.unlinked : GROUP_SAY.noneLinked)];
  },
};
