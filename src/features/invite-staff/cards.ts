import type { messagingApi } from '@line/bot-sdk';
import { LINE_LIMITS } from '../../line/limits.js';
import { text, type Message } from '../../line/messages.js';
import { INVITE_TEXT as SAY } from './words.js';

/** LINE's share sheet: opens the person's chats with the text ready to send. */
const SHARE = 'https://line.me/R/share?text=';

export interface ShareFacts {
  inviter: string;
  organisation: string;
  roles: string;
  code: string;
  /** The expiry as the chat writes it. */
  until: string;
}

/**
 * The registration message to forward, from the fullest to the barest: Thai takes nine characters a letter once
 * encoded in the address, and LINE takes an address of at most 1,000, so long names drop what matters least
 * first (the roles, then the instruction, then who invites). The code and "ลงทะเบียน" are always there.
 */
export function shareTexts(f: ShareFacts): string[] {
  const register = `ลงทะเบียน ${f.code}`;
  const until = `ใช้ได้ถึง ${f.until}`;
  return [
    `${f.inviter} เชิญท่านเป็น${f.roles} ของ${f.organisation}\nส่งในแชต LINE ของหน่วยงาน:\n${register}\n${until}`,
    `${f.inviter} เชิญท่านเป็นเจ้าหน้าที่ของ${f.organisation}\nส่งในแชตหน่วยงาน:\n${register}\n${until}`,
    `${f.inviter} เชิญท่านร่วมงานกับ${f.organisation}\n${register}\n${until}`,
    `${f.organisation}\n${register}\n${until}`,
    `${register}\n${until}`,
    register,
  ];
}

/** The share sheet's address for the fullest message that fits LINE's limit. */
export function shareUri(f: ShareFacts): string {
  for (const message of shareTexts(f)) {
    const uri = `${SHARE}${encodeURIComponent(message)}`;
    if (uri.length <= LINE_LIMITS.uri) return uri;
  }
  return `${SHARE}${encodeURIComponent(`ลงทะเบียน ${f.code}`)}`;
}

/** The code for the admin, and a card whose button opens LINE's share sheet with the registration message. */
export function inviteMade(f: ShareFacts): Message[] {
  const card: messagingApi.FlexBubble = {
    type: 'bubble',
    size: 'kilo',
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        { type: 'text', text: SAY.cardTitle, weight: 'bold', size: 'md', color: '#1F3A5F' },
        { type: 'text', text: f.code, weight: 'bold', size: 'xl' },
        { type: 'text', text: f.roles, size: 'sm', wrap: true, color: '#333333' },
        { type: 'text', text: `ใช้ได้ครั้งเดียว ถึง ${f.until}`, size: 'xs', wrap: true, color: '#6B7785' },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [{ type: 'button', style: 'primary', color: '#06C755', action: { type: 'uri', label: SAY.share, uri: shareUri(f) } }],
    },
  };
  return [text(SAY.made(f.code, f.until)), { type: 'flex', altText: SAY.altText(f.code), contents: card }];
}
