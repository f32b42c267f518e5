import { figures } from '../../domain/figures.js';
import { GROUP_LINK_CODE_MINUTES } from '../../domain/executive-group.js';
import { NEW_LINK_CHOICE } from '../../domain/executive-group-choice.js';
import { hasRole } from '../../domain/roles.js';
import { text } from '../../line/messages.js';
import type { ChatContext, Feature, Sender } from '../common/context.js';
import { choiceText } from '../executive-group/choice.js';
import { isUnlinkCommand, linkCommand } from '../executive-group/feature.js';

/** What the bot says in a group; each is the answer to one of the few things it answers there. */
const SAY = {
  // One message on joining, so that whoever invited the bot knows what it is for and why it stays quiet.
  joined:
    'สวัสดี บัญชีนี้ส่งสรุปผลการดำเนินงานรายเดือนและผลการติดตามงานให้กลุ่มผู้บริหาร\n' +
    'ให้กลุ่มนี้ได้รับ: ผู้บริหารที่ลงทะเบียนแล้วพิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัส แล้วพิมพ์ "เชื่อมกลุ่ม รหัส" ในกลุ่มนี้\n' +
    'นอกจากนี้บัญชีนี้จะไม่ตอบข้อความในกลุ่ม',
  executivesOnly: 'ขออภัย การเชื่อมหรือเลิกเชื่อมกลุ่มทำได้เฉพาะผู้บริหารที่ลงทะเบียนกับบัญชีนี้แล้วเท่านั้น',
  askCodeFirst: 'กรุณาพิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัส แล้วพิมพ์ "เชื่อมกลุ่ม รหัส" ในกลุ่มนี้',
  linked: (replaced: boolean) =>
    'เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว\n' +
    (replaced ? 'กลุ่มที่เชื่อมไว้ก่อนหน้าจะไม่ได้รับอีก\n' : '') +
    'บัญชีนี้จะไม่ตอบข้อความอื่นในกลุ่ม เลิกเชื่อมได้โดยพิมพ์ "เลิกเชื่อมกลุ่ม"',
  unknown: 'ไม่พบรหัสนี้ กรุณาตรวจสอบตัวอักษร หรือพิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัสใหม่',
  used: 'รหัสนี้ถูกใช้ไปแล้ว รหัสหนึ่งใช้ได้ครั้งเดียว กรุณาพิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัสใหม่',
  expired: `รหัสนี้หมดอายุแล้ว (ใช้ได้ ${GROUP_LINK_CODE_MINUTES} นาที) กรุณาพิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัสใหม่`,
  wait: (minutes: string) =>
    `พิมพ์รหัสเชื่อมกลุ่มไม่ถูกต้องหลายครั้งเกินไป เพื่อความปลอดภัย กรุณาลองใหม่อีกครั้งในอีก ${minutes} นาที\n` +
    'หากไม่แน่ใจรหัส พิมพ์ "เชื่อมกลุ่ม" ในแชตส่วนตัวกับบัญชีนี้เพื่อรับรหัสใหม่',
  // The same words whether or not this group was linked: true either way, and the same on a retry.
  unlinked: 'กลุ่มนี้ไม่ได้เชื่อมเป็นกลุ่มผู้บริหารแล้ว จะไม่ได้รับสรุปและการแจ้งเตือนอีก ผู้บริหารยังได้รับทางแชตส่วนตัวเหมือนเดิม',
} as const;

/*
 * The executives' group, in the group itself: the bot answers only its joining, and the link and unlink
 * commands of an executive of the organisation (the router stays silent to everything else, so it never
 * talks over people). The group's id is named in logs only by its keyed hash.
 */

const isExecutive = (sender: Sender) => hasRole(sender.roles, 'executive');

/** The group the event came from: the router gives every group feature one. */
function groupOf(ctx: ChatContext): { id: string; key: string } {
  if (!ctx.group) throw new Error('a group feature was reached outside a group');
  return ctx.group;
}

/** The bot is added to a group: it says once what it is for. */
export const joinedGroup: Feature = {
  name: 'joinedGroup',
  where: 'group',
  events: ['join'],
  async handle() {
    return [text(SAY.joined)];
  },
};

/** The bot is removed from a group: a linked group is unlinked, silently (nobody is left to read it). */
export const leftGroup: Feature = {
  name: 'leftGroup',
  where: 'group',
  events: ['leave'],
  async handle(ctx) {
    const { key: groupKey } = groupOf(ctx);
    if (await ctx.stores.executiveGroups.unlinkGroup(groupKey)) ctx.log.info({ orgId: ctx.org.id, groupKey, eventId: ctx.eventId }, 'removed from the executives group: unlinked');
    return [];
  },
};

/** An executive unlinks the group from inside it. */
export const unlinkInGroup: Feature = {
  name: 'unlinkInGroup',
  where: 'group',
  command: (t) => (isUnlinkCommand(t) ? '' : null),
  allowed: isExecutive,
  refusal: SAY.executivesOnly,
  async handle(ctx) {
    const { key: groupKey } = groupOf(ctx);
    if (await ctx.stores.executiveGroups.unlinkGroup(groupKey)) ctx.log.info({ orgId: ctx.org.id, groupKey, eventId: ctx.eventId }, 'executives group unlinked');
    return [text(SAY.unlinked)];
  },
};

/** An executive links the group with the code their own chat gave them. */
export const linkInGroup: Feature = {
  name: 'linkInGroup',
  where: 'group',
  command: linkCommand,
  allowed: isExecutive,
  refusal: SAY.executivesOnly,
  async handle(ctx) {
    const { id: groupId, key: groupKey } = groupOf(ctx);
    const { id: orgId } = ctx.org;
    const { eventId, now } = ctx;
    const code = ctx.argument;
    if (!code) return [text(SAY.askCodeFirst)];
    // Guessing codes is throttled per sender and per group (db/group-link-throttle-store.ts) before any is checked.
    const tryer = { senderKey: ctx.sender.userKey, groupKey };
    const wait = await ctx.stores.groupLinkThrottle.groupLinkWaitMinutes(tryer, now);
    if (wait > 0) {
      ctx.log.info({ orgId, groupKey, eventId }, 'executives group link attempt throttled');
      return [text(SAY.wait(figures(ctx.org.digits).count(wait)))];
    }
    const { result, replaced } = await ctx.stores.executiveGroups.linkGroupWithCode({ rawCode: code, groupId, groupKey, byKey: ctx.sender.userKey, eventId }, now);
    if (result !== 'linked') await ctx.stores.groupLinkThrottle.recordGroupLinkFailure({ who: tryer, eventId, now });
    ctx.log.info({ orgId, groupKey, eventId, result }, 'executives group link attempt');
    if (result !== 'linked') return [text(SAY[result])];
    // One message: in a group the bot answers once. What the group receives, and what each choice costs a month.
    const choice = (await ctx.stores.executiveGroups.linkedGroup())?.choice ?? NEW_LINK_CHOICE;
    return [text(`${SAY.linked(replaced)}\n\n${await choiceText(ctx, groupId, choice)}`)];
  },
};
