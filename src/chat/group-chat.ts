import { figures } from '../domain/figures.js';
import type { webhook } from '@line/bot-sdk';
import { chatStores } from '../db/chat-stores.js';
import { GROUP_LINK_CODE_MINUTES } from '../domain/executive-group.js';
import { hasRole } from '../domain/roles.js';
import { text, type Message } from '../line/messages.js';
import { isUnlinkCommand, linkCommand } from './features/executive-group.js';
import type { ChatDeps } from './router.js';

const stores = chatStores;

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
    'เชื่อมกลุ่มนี้เป็นกลุ่มผู้บริหารเรียบร้อยแล้ว\nกลุ่มนี้จะได้รับสรุปผลการดำเนินงานรายเดือน ผลการติดตามงาน และจำนวนเรื่องร้องเรียนทั่วไปที่เกินกำหนด 15 วัน\n' +
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

/**
 * A group chat: the bot answers only its joining, and the link and unlink commands of an executive of the
 * organisation; everything else said in the group gets no answer, so it never talks over people. Rooms
 * (chats without a group) get nothing at all. The group's id is named in logs only by its keyed hash.
 */
export async function respondInGroup(event: webhook.Event, eventId: string, deps: ChatDeps): Promise<Message[]> {
  if (event.source?.type !== 'group') return [];
  const { now } = deps;
  const { orgId } = deps.org;
  const { groupId, userId } = event.source;
  const groupKey = deps.sealer.userKey(groupId);
  if (event.type === 'join') return [text(SAY.joined)];
  if (event.type === 'leave') {
    if (await stores.executiveGroups.unlinkGroup(orgId, groupKey)) deps.log.info({ orgId, groupKey, eventId }, 'removed from the executives group: unlinked');
    return [];
  }
  if (event.type !== 'message' || event.message.type !== 'text') return [];
  const said = event.message.text;
  const code = linkCommand(said);
  const unlink = code === null && isUnlinkCommand(said);
  if (code === null && !unlink) return [];
  // LINE leaves out who wrote only for people it cannot name; without a sender nothing can be checked.
  if (!userId) return [];
  const staff = await stores.staff.findStaff(orgId, userId);
  if (!hasRole(staff?.roles, 'executive')) return [text(SAY.executivesOnly)];
  const byKey = deps.sealer.userKey(userId);
  if (unlink) {
    if (await stores.executiveGroups.unlinkGroup(orgId, groupKey)) deps.log.info({ orgId, groupKey, eventId }, 'executives group unlinked');
    return [text(SAY.unlinked)];
  }
  if (!code) return [text(SAY.askCodeFirst)];
  // Guessing codes is throttled per sender and per group (db/group-link-throttle-store.ts) before any is checked.
  const tryer = { senderKey: byKey, groupKey };
  const wait = await stores.groupLinkThrottle.groupLinkWaitMinutes(orgId, tryer, now);
  if (wait > 0) {
    deps.log.info({ orgId, groupKey, eventId }, 'executives group link attempt throttled');
    return [text(SAY.wait(figures(deps.org.digits ?? undefined).count(wait)))];
  }
  const { result, replaced } = await stores.executiveGroups.linkGroupWithCode(orgId, { rawCode: code, groupId, groupKey, byKey, eventId }, now);
  if (result !== 'linked') await stores.groupLinkThrottle.recordGroupLinkFailure(orgId, tryer, eventId, now);
  deps.log.info({ orgId, groupKey, eventId, result }, 'executives group link attempt');
  return [text(result === 'linked' ? SAY.linked(replaced) : SAY[result])];
}
