import { ROLE_TH, type StaffRole } from '../../domain/roles.js';
import { quickText, text, type Message, type QuickReply } from '../../line/messages.js';
import type { Audience, Feature, MenuEntry } from '../common/context.js';

/**
 * `ช่วยเหลือ` and the buttons under it, made from the features' own menu entries (`Feature.menu`): a new
 * command lists itself by declaring its entry, and nobody edits a shared help text.
 */

/** LINE shows at most 13 quick-reply buttons. */
const MAX_BUTTONS = 13;

/** General lines of the citizen help that are no single feature's: its headings and how to talk to the bot. */
const CITIZEN_HEADING = 'สำหรับประชาชน';
const SENTENCES_WELCOME = 'พิมพ์เป็นประโยคได้ เช่น อยากร้องเรียนเรื่องถนน หรือเล่าปัญหาที่พบได้เลย เช่น ไฟทางหน้าบ้านไม่ติดมาหลายวัน';
const STAFF_TO_BE_HEADING = 'สำหรับเจ้าหน้าที่';

function isFor(audience: Audience, roles: readonly StaffRole[]): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'citizen' || audience === 'newcomer') return roles.length === 0;
  if (audience === 'staff') return roles.length > 0;
  return audience.some((role) => roles.includes(role));
}

/** The entries of these features for a person with these roles, in their declared order. */
export function menuEntries(features: readonly Feature[], roles: readonly StaffRole[]): MenuEntry[] {
  return features
    .flatMap((f) => f.menu ?? [])
    .filter((e) => isFor(e.for, roles) && !(e.unless ?? []).some((role) => roles.includes(role)))
    .sort((a, b) => a.order - b.order);
}

const bullets = (entries: readonly MenuEntry[]) => entries.flatMap((e) => (e.help ? [`• ${e.help}`] : []));

/** What each role can do, listed for `ช่วยเหลือ`; people without a staff role get the citizen text. */
export function helpText(features: readonly Feature[], roles: readonly StaffRole[]): string {
  const entries = menuEntries(features, roles);
  if (roles.length === 0) {
    const [joining, own] = [entries.filter((e) => e.for === 'newcomer'), entries.filter((e) => e.for !== 'newcomer')];
    return [CITIZEN_HEADING, ...bullets(own), SENTENCES_WELCOME, '', STAFF_TO_BE_HEADING, ...bullets(joining)].join('\n');
  }
  return [`บทบาทของท่าน: ${roles.map((r) => ROLE_TH[r]).join(', ')}`, '', 'สิ่งที่ทำได้', ...bullets(entries)].join('\n');
}

/** The same choices as buttons under the help text. */
export function helpQuickReplies(features: readonly Feature[], roles: readonly StaffRole[]): QuickReply[] {
  const labels = menuEntries(features, roles).flatMap((e) => (e.button ? [e.button] : []));
  return labels.slice(0, MAX_BUTTONS).map((label) => quickText(label));
}

export function helpMessage(features: readonly Feature[], roles: readonly StaffRole[], opener?: string): Message {
  const help = helpText(features, roles);
  return text(opener ? `${opener}\n\n${help}` : help, helpQuickReplies(features, roles));
}
