import type { messagingApi } from '@line/bot-sdk';
import { ITA_INDICATOR_TH, OIT_STATE_COLOUR, OIT_STATE_TH, oitState, URL_PROBLEM_TH, type OitItem } from '../domain/oit.js';
import { formatThaiDateTime, truncate } from '../domain/thai.js';
import { renderTemplate } from '../line/flex-template.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text, type Message } from '../line/messages.js';
import { ACTION, postbackData } from '../line/postback.js';

/**
 * 10 item cards and a "next page" card fit LINE's 12-bubble carousel; long texts are cut so that 12 cards of
 * Thai (3 bytes a character) stay under the 50 KB a carousel may weigh. The dialog shows them in full.
 */
export const OIT_PAGE_SIZE = 10;

/** The answer in a few words; '' before there is one (the card's state label already says ยังไม่ได้ตอบ). */
export function answerWords(item: OitItem): string {
  if (!item.answer) return '';
  const files = item.answer.attachments.length > 0 ? ` · หลักฐาน ${item.answer.attachments.length} ไฟล์` : '';
  return `${item.answer.available ? 'มี' : 'ไม่มี'}${files}`;
}

function baseVars(item: OitItem) {
  const state = oitState(item);
  const a = item.answer;
  const returned = state === 'returned' && item.review ? `ผู้ตรวจสอบส่งกลับ: ${truncate(item.review.note ?? '', 160)}` : '';
  const broken = a?.url && item.brokenSince && item.urlCheck && !item.urlCheck.ok && item.urlCheck.problem ? `ตรวจลิงก์ล่าสุด: ${URL_PROBLEM_TH[item.urlCheck.problem]}` : '';
  return {
    indicatorLabel: `ตัวชี้วัดที่ ${item.indicator} ${ITA_INDICATOR_TH[item.indicator]}`,
    code: item.code,
    title: truncate(item.title, 120),
    stateLabel: OIT_STATE_TH[state],
    stateColour: OIT_STATE_COLOUR[state],
    answer: answerWords(item),
    url: a?.url ? truncate(a.url, 200) : '',
    explanation: a?.explanation ? truncate(a.explanation, 160) : '',
    answeredBy: a ? `${truncate(a.answeredByName || 'เจ้าหน้าที่', 40)} · ${formatThaiDateTime(a.answeredAt)}` : '',
    linkProblem: broken,
    reviewNote: returned,
  };
}

/** An item for its owner, with the button that opens the answer dialog on it (also used by reminders). */
export function oitOwnerCard(item: OitItem): messagingApi.FlexBubble {
  const label = item.answer ? 'แก้ไขคำตอบ' : 'ตอบข้อนี้';
  return renderTemplate('oit-item', {
    ...baseVars(item),
    answerLabel: label,
    answerPostback: postbackData(ACTION.oitPick, { i: item.id }),
    answerDisplay: `${label} ${item.code}`,
    approvePostback: '',
    returnPostback: '',
  });
}

/** An answered item for the reviewer: pass it, or send it back with a note. Both name the answer they judge. */
export function oitReviewCard(item: OitItem): messagingApi.FlexBubble {
  const v = item.answer?.version ?? '';
  return renderTemplate('oit-item', {
    ...baseVars(item),
    answerPostback: '',
    approvePostback: postbackData(ACTION.oitApprove, { i: item.id, v }),
    approveDisplay: `${item.code} ผ่านการตรวจสอบ`,
    returnPostback: postbackData(ACTION.oitReturn, { i: item.id, v }),
    returnDisplay: `${item.code} ส่งกลับให้แก้ไข`,
  });
}

function pageCarousel(items: OitItem[], page: number, card: (i: OitItem) => messagingApi.FlexBubble, pagePostback: (p: number) => string, altText: string): Message {
  const pages = Math.max(1, Math.ceil(items.length / OIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = items.slice((current - 1) * OIT_PAGE_SIZE, current * OIT_PAGE_SIZE);
  const bubbles = slice.map(card);
  if (pages > 1) {
    const next = current < pages ? current + 1 : 1;
    bubbles.push(
      renderTemplate('more-card', {
        shown: `${(current - 1) * OIT_PAGE_SIZE + 1}–${(current - 1) * OIT_PAGE_SIZE + slice.length}`,
        total: items.length,
        page: current,
        pages,
        buttonLabel: current < pages ? 'หน้าถัดไป' : 'กลับหน้าแรก',
        postback: pagePostback(next),
      }),
    );
  }
  return { type: 'flex', altText: truncate(`${altText} (หน้า ${current}/${pages})`, LINE_LIMITS.altText), contents: { type: 'carousel', contents: bubbles } };
}

/** An owner's items (at least one), 10 a page. */
export function oitOwnerCarousel(items: OitItem[], page: number): Message {
  return pageCarousel(items, page, oitOwnerCard, (p) => postbackData(ACTION.oitPage, { p: String(p) }), `ข้อมูล OIT ที่ท่านรับผิดชอบ ${items.length} ข้อ`);
}

/** Items waiting for the reviewer (at least one), 10 a page. */
export function oitReviewCarousel(items: OitItem[], page: number): Message {
  return pageCarousel(items, page, oitReviewCard, (p) => postbackData(ACTION.oitReviewList, { p: String(p) }), `ข้อมูล OIT รอตรวจสอบ ${items.length} ข้อ`);
}

/**
 * A reminder: a short text, then the items as cards. One push carries at most 5 messages, so at most 4
 * carousels (48 items) follow the text, more than the 35–43 items of an ITAS form.
 */
export function oitReminderMessages(intro: string, items: OitItem[], card: (i: OitItem) => messagingApi.FlexBubble, command: string): Message[] {
  const per = LINE_LIMITS.carouselBubbles;
  const room = (LINE_LIMITS.messagesPerRequest - 1) * per;
  const shown = items.slice(0, room);
  const more = items.length - shown.length;
  const messages: Message[] = [text(more > 0 ? `${intro}\n(แสดง ${shown.length} จาก ${items.length} ข้อ พิมพ์ "${command}" เพื่อดูทั้งหมด)` : intro)];
  for (let i = 0; i < shown.length; i += per) {
    messages.push({ type: 'flex', altText: `ข้อมูล OIT ${items.length} ข้อ`, contents: { type: 'carousel', contents: shown.slice(i, i + per).map(card) } });
  }
  return messages;
}
