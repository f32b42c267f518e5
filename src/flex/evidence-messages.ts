import type { Place } from '../domain/complaints.js';
import { figures, type Figures } from '../domain/figures.js';
import { showableAsLineImage, type EvidenceFileInfo } from '../domain/evidence.js';
import { truncate } from '../domain/thai.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text, type Message, type QuickReply } from '../line/messages.js';

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
  /** The organisation's digit style for the counts and minutes. */
  figures?: Figures;
}

const KIND_TH: Record<EvidenceFileInfo['kind'], string> = { image: 'รูปภาพ', video: 'วิดีโอ', audio: 'ไฟล์เสียง', file: 'ไฟล์' };
/** LINE's limits on a location message's title and address. */
const LOCATION_TEXT_MAX = 100;

/** A map search for a place typed in words (no coordinates to send as a LINE location). */
export function mapSearchUrl(place: Place): string {
  const query = place.latitude != null && place.longitude != null ? `${place.latitude},${place.longitude}` : [place.title, place.address].filter(Boolean).join(' ');
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
}

/**
 * Evidence as LINE can show it: photos as image messages (LINE fetches them only over HTTPS, JPEG or PNG,
 * and the file doubles as its ≤ 1 MB preview), the place as a location message, and everything else
 * (other files, photos over the message budget, links over plain HTTP) as links in one closing text, which
 * also carries the quick replies. Five messages at most, as in any reply.
 */
export function evidenceMessages(answer: EvidenceAnswer): Message[] {
  const { files, place } = answer;
  const f = answer.figures ?? figures();
  const pinned = place && place.latitude != null && place.longitude != null ? place : null;
  const imageBudget = LINE_LIMITS.messagesPerRequest - 1 - (pinned ? 1 : 0);
  const images: Message[] = [];
  const lines: string[] = [];
  let counter = 0;
  for (const { file, url } of files) {
    counter += 1;
    const label = `${KIND_TH[file.kind]} ${f.count(counter)}${file.fileName ? ` "${truncate(file.fileName, 80)}"` : ''}`;
    if (!url) {
      lines.push(`• ${label}: ไม่มีสำเนาในระบบ (LINE ลบไฟล์ไปก่อนระบบจะคัดลอกไว้ หรือไฟล์ใหญ่เกิน 10 MB)`);
    } else if (url.startsWith('https://') && showableAsLineImage(file) && images.length < imageBudget) {
      images.push({ type: 'image', originalContentUrl: url, previewImageUrl: url });
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
  if (place && !pinned) lines.push(`สถานที่ที่ผู้แจ้งพิมพ์ไว้: ${truncate([place.title, place.address].filter(Boolean).join(' '), 300)}\nค้นหาบนแผนที่: ${mapSearchUrl(place)}`);

  const counts = files.length > 0 ? `หลักฐานแนบ ${f.count(files.length)} รายการ${images.length > 0 ? ` (รูปด้านบน ${f.count(images.length)} รายการ)` : ''}` : 'ไม่มีรูปภาพหรือไฟล์แนบ';
  const parts = [answer.heading, counts, ...lines];
  if (pinned) parts.push('ตำแหน่งที่แจ้งอยู่ในแผนที่ด้านบน');
  if (files.some((f) => f.url)) parts.push(`ลิงก์และรูปใช้ได้ ${f.count(answer.minutes)} นาที ออกให้เฉพาะท่าน ระบบบันทึกทุกครั้งที่เปิด โปรดอย่าส่งต่อ หากหมดเวลาแล้ว แตะ "${answer.againLabel ?? 'ดูหลักฐาน'}" อีกครั้ง`);
  return [...images, ...location, text(truncate(parts.join('\n'), LINE_LIMITS.textLength), answer.quickReplies)];
}
