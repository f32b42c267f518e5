import { figures, type Figures } from '../domain/figures.js';
import type { MeasureView } from '../domain/measures.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text, type Message } from '../line/messages.js';
import { measureCard } from './measure-cards.js';

/**
 * A reminder to an officer: a short text, then the measures as cards whose button opens the report
 * dialog on that measure. One push carries at most 5 messages, so at most 4 carousels (48 measures) follow
 * the text; the text says how to see the rest.
 */
export function reminderMessages(intro: string, measures: MeasureView[], f: Figures = figures()): Message[] {
  const perCarousel = LINE_LIMITS.carouselBubbles;
  const room = (LINE_LIMITS.messagesPerRequest - 1) * perCarousel;
  const shown = measures.slice(0, room);
  const more = measures.length - shown.length;
  const messages: Message[] = [text(more > 0 ? `${intro}\n(แสดง ${f.count(shown.length)} จาก ${f.count(measures.length)} รายการ พิมพ์ "รายงาน" เพื่อดูทั้งหมด)` : intro)];
  for (let i = 0; i < shown.length; i += perCarousel) {
    messages.push({
      type: 'flex',
      altText: `รายการที่ต้องรายงานความก้าวหน้า ${f.count(measures.length)} รายการ`,
      contents: { type: 'carousel', contents: shown.slice(i, i + perCarousel).map((m) => measureCard(m, f)) },
    });
  }
  return messages;
}
