import type { Place } from '../domain/complaints.js';
import { figures, type Figures } from '../domain/figures.js';
import { showableAsLineImage, type EvidenceFileInfo } from '../domain/evidence.js';
import { truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text, type Message, type QuickReply } from '../line/messages.js';
import { linkMessage, type LinkButton } from './link-message.js';

/** One piece of evidence with the signed link issued for it (null when there are no bytes to link to). */
export interface LinkedEvidence {
  file: EvidenceFileInfo;
  url: string | null;
}

export interface EvidenceAnswer {
  heading: string;
  files: LinkedEvidence[];
  place?: Place | null;
  /** How long the links stay valid. */
  minutes: number;
  /** Put on the last message, the only one LINE shows quick replies under. */
  quickReplies?: QuickReply[];
  /** The button that issues the links again, named in the closing text ("ดูหลักฐาน" unless said). */
  againLabel?: string;
  /** The organisation's ตำบล, อำเภอ, จังหวัด, searched with a place typed in words. */
  area?: readonly string[];
  /** The organisation's digit style for the counts and minutes. */
  figures?: Figures;
}

const KIND_TH: Record<EvidenceFileInfo['kind'], string> = { image: 'รูปภาพ', video: 'วิดีโอ', audio: 'ไฟล์เสียง', file: 'ไฟล์' };
/** LINE's limits on a location message's title and address. */
const LOCATION_TEXT_MAX = 100;

/** How much of a typed place goes into a map search: enough to find it, short enough for a button's link. */
const TYPED_PLACE_MAX = 50;
/** So many files get a button each; more (rare) are listed as links. */
const MAX_FILE_BUTTONS = 10;

/**
 * A map search for a place typed in words (no coordinates to send as a LINE location), within the
 * organisation's ตำบล, อำเภอ and จังหวัด: "หน้าวัด" alone would be searched across the country. A part of the
 * area the citizen already wrote is not repeated. Its link stays within LINE's 1,000 characters for a button.
 */
export function mapSearchUrl(place: Place, area: readonly string[] = []): string {
  if (place.latitude != null && place.longitude != null) return `https://www.google.com/maps/search/?api=1&query=${place.latitude},${place.longitude}`;
  const typed = [place.title, place.address].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  // "อำเภอโพธิ์ทอง" is written "อ.โพธิ์ทอง" too; a bare "โพธิ์ทอง" may be the ตำบล, the อำเภอ or a road.
  const short: Record<string, string> = { ตำบล: 'ต.', อำเภอ: 'อ.', จังหวัด: 'จ.' };
  const squeezed = typed.replace(/\s+/g, '');
  const written = (part: string) => {
    const [, prefix = '', name = part] = /^(ตำบล|อำเภอ|จังหวัด)?(.*)$/.exec(part) ?? [];
    return squeezed.includes(part) || (prefix !== '' && squeezed.includes(`${short[prefix]}${name}`));
  };
  const within = area.filter((part) => !written(part));
  const url = (words: string) => `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent([words, ...within].filter(Boolean).join(' '))}`;
  // A Thai character takes 9 characters once encoded: the typed words are cut until the link fits.
  // Cut by characters, never inside an emoji's surrogate pair (which encodeURIComponent refuses).
  const chars = Array.from(typed);
  let words = chars.length > TYPED_PLACE_MAX ? chars.slice(0, TYPED_PLACE_MAX).join('').replace(/\s\S*$/, '') : typed;
  while (words && url(words).length > LINE_LIMITS.uri) words = Array.from(words).slice(0, -1).join('').trim();
  return url(words);
}

/**
 * Evidence as LINE can show it: photos as image messages (LINE fetches them only over HTTPS, JPEG or PNG,
 * and the file doubles as its ≤ 1 MB preview), the place as a location message, and everything else
 * (other files, photos over the message budget, links over plain HTTP, a map search for a typed place) as
 * buttons under one closing message, which also carries the quick replies. Five messages at most, as in any reply.
 */
export function evidenceMessages(answer: EvidenceAnswer): Message[] {
  const { files, place } = answer;
  const f = answer.figures ?? figures();
  const pinned = place && place.latitude != null && place.longitude != null ? place : null;
  const imageBudget = LINE_LIMITS.messagesPerRequest - 1 - (pinned ? 1 : 0);
  const images: Message[] = [];
  const lines: string[] = [];
  const buttons: LinkButton[] = [];
  let counter = 0;
  for (const { file, url } of files) {
    counter += 1;
    const label = `${KIND_TH[file.kind]} ${f.count(counter)}${file.fileName ? ` "${truncate(file.fileName, 80)}"` : ''}`;
    if (!url) {
      lines.push(`• ${label}: ไม่มีสำเนาในระบบ (LINE ลบไฟล์ไปก่อนระบบจะคัดลอกไว้ หรือไฟล์ใหญ่เกิน 10 MB)`);
    } else if (url.startsWith('https://') && showableAsLineImage(file) && images.length < imageBudget) {
      images.push({ type: 'image', originalContentUrl: url, previewImageUrl: url });
    } else if (buttons.length < MAX_FILE_BUTTONS) {
      const button = `เปิด${KIND_TH[file.kind]} ${f.count(counter)}`;
      buttons.push({ label: button, uri: url });
      lines.push(`• ${label}: ปุ่ม "${button}"`);
    } else {
      lines.push(`• ${label}: ${url}`);
    }
  }
  const location: Message[] = pinned
    ? [
        {
          type: 'location',
          title: truncate(pinned.title || 'ตำแหน่งที่แจ้ง', LOCATION_TEXT_MAX),
          address: truncate(pinned.address || `${pinned.latitude}, ${pinned.longitude}`, LOCATION_TEXT_MAX),
          latitude: pinned.latitude!,
          longitude: pinned.longitude!,
        },
      ]
    : [];
  if (place && !pinned) {
    lines.push(`สถานที่ที่ผู้แจ้งพิมพ์ไว้: ${truncate([place.title, place.address].filter(Boolean).join(' '), 300)}`);
    buttons.push({ label: 'ค้นหาบนแผนที่', uri: mapSearchUrl(place, answer.area) });
  }

  const counts = files.length > 0 ? `หลักฐานแนบ ${f.count(files.length)} รายการ${images.length > 0 ? ` (รูปด้านบน ${f.count(images.length)} รายการ)` : ''}` : 'ไม่มีรูปภาพหรือไฟล์แนบ';
  const parts = [answer.heading, counts, ...lines];
  if (pinned) parts.push('ตำแหน่งที่แจ้งอยู่ในแผนที่ด้านบน');
  if (files.some((f) => f.url)) parts.push(`ไฟล์และรูปเปิดได้ ${f.count(answer.minutes)} นาที ออกให้เฉพาะท่าน ระบบบันทึกทุกครั้งที่เปิด โปรดอย่าส่งต่อ หากหมดเวลาแล้ว แตะ "${answer.againLabel ?? 'ดูหลักฐาน'}" อีกครั้ง`);
  const closing = buttons.length > 0 ? linkMessage(parts.join('\n'), buttons, answer.quickReplies) : text(truncate(parts.join('\n'), LINE_LIMITS.textLength), answer.quickReplies);
  return [...images, ...location, closing];
}
