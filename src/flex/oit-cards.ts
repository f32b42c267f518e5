import type { messagingApi } from '@line/bot-sdk';
import { ITA_INDICATOR_TH, OIT_STATE_COLOUR, OIT_STATE_TH, oitState, URL_PROBLEM_TH, type OitItem } from '../domain/oit.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { renderTemplate } from '../line/flex-template.js';
import { LINE_LIMITS } from '../line/limits.js';
import { text, type Message } from '../line/messages.js';
import { postbackData } from '../line/postback.js';
import { OIT_CARD_ACTIONS, OIT_REVIEW_CARD_ACTIONS } from './actions.js';

/**
 * 10 item cards and a "next page" card fit LINE's 12-bubble carousel; long texts are cut so that 12 cards of
 * Thai (3 bytes a character) stay under the 50 KB a carousel may weigh. The dialog shows them in full.
 */
export const OIT_PAGE_SIZE = 10;

/** The answer in a few words; '' before there is one (the card's state label already says ยังไม่ได้ตอบ). */
export function answerWords(item: OitItem, f: Figures = figures()): string {
  if (!item.answer) return '';
  const files = item.answer.attachments.length > 0 ? ` · หลักฐาน ${f.count(item.answer.attachments.length)} ไฟล์` : '';
  return `${item.answer.available ? 'มี' : 'ไม่มี'}${files}`;
}

function baseVars(item: OitItem, f: Figures) {
  const state = oitState(item);
  const a = item.answer;
  const returned = state === 'returned' && item.review ? `ผู้ตรวจสอบส่งกลับ: ${truncate(item.review.note ?? '', 160)}` : '';
  const broken = a?.url && item.brokenSince && item.urlCheck && !item.urlCheck.ok && item.urlCheck.problem ? `ตรวจลิงก์ล่าสุด: ${URL_PROBLEM_TH[item.urlCheck.problem]}` : '';
  return {
    indicatorLabel: `ตัวชี้วัดที่ ${f.digits(item.indicator)} ${ITA_INDICATOR_TH[item.indicator]}`,
    code: item.code,
    title: truncate(item.title, 120),
    stateLabel: OIT_STATE_TH[state],
    stateColour: OIT_STATE_COLOUR[state],
    answer: answerWords(item, f),
    url: a?.url ? truncate(a.url, 200) : '',
    explanation: a?.explanation ? truncate(a.explanation, 160) : '',
    answeredBy: a ? `${truncate(a.answeredByName || 'เจ้าหน้าที่', 40)} · ${f.dateTime(a.answeredAt)}` : '',
    linkProblem: broken,
    reviewNote: returned,
  };
}

/** An item for its owner, with the button that opens the answer dialog on it (also used by reminders). */
export function oitOwnerCard(item: OitItem, f: Figures = figures()): messagingApi.FlexBubble {
  const label = item.answer ? 'แก้ไขคำตอบ' : 'ตอบข้อนี้';
  return renderTemplate('oit-item', {
    ...baseVars(item, f),
    answerLabel: label,
    answerPostback: postbackData(OIT_CARD_ACTIONS.oitPick, { i: item.id }),
    answerDisplay: `${label} ${item.code}`,
    approvePostback: '',
    returnPostback: '',
  });
}

/** An answered item for the reviewer: pass it, or send it back with a note. Both name the answer they judge. */
export function oitReviewCard(item: OitItem, f: Figures = figures()): messagingApi.FlexBubble {
  const v = item.answer?.version ?? '';
  return renderTemplate('oit-item', {
    ...baseVars(item, f),
    answerPostback: '',
    approvePostback: postbackData(OIT_REVIEW_CARD_ACTIONS.oitApprove, { i: item.id, v }),
    approveDisplay: `${item.code} ผ่านการตรวจสอบ`,
    returnPostback: postbackData(OIT_REVIEW_CARD_ACTIONS.oitReturn, { i: item.id, v }),
    returnDisplay: `${item.code} ส่งกลับให้แก้ไข`,
  });
}

/** A card maker: an item, in the organisation's digits. */
type OitCard = (item: OitItem, f: Figures) => messagingApi.FlexBubble;

function pageCarousel(items: OitItem[], page: number, card: OitCard, pagePostback: (p: number) => string, altText: string, f: Figures): Message {
  const pages = Math.max(1, Math.ceil(items.length / OIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = items.slice((current - 1) * OIT_PAGE_SIZE, current * OIT_PAGE_SIZE);
  const bubbles = slice.map((i) => card(i, f));
  if (pages > 1) {
    const next = current < pages ? current + 1 : 1;
    bubbles.push(
      renderTemplate('more-card', {
        shown: `${f.count((current - 1) * OIT_PAGE_SIZE + 1)}–${f.count((current - 1) * OIT_PAGE_SIZE + slice.length)}`,
        total: f.count(items.length),
        page: f.count(current),
        pages: f.count(pages),
        buttonLabel: current < pages ? 'หน้าถัดไป' : 'กลับหน้าแรก',
        postback: pagePostback(next),
      }),
    );
  }
  return { type: 'flex', altText: truncate(`${altText} (หน้า ${f.count(current)}/${f.count(pages)})`, LINE_LIMITS.altText), contents: { type: 'carousel', contents: bubbles } };
}

/** An owner's items (at least one), 10 a page. */
export function oitOwnerCarousel(items: OitItem[], page: number, f: Figures = figures()): Message {
  return pageCarousel(items, page, oitOwnerCard, (p) => postbackData(OIT_CARD_ACTIONS.oitPage, { p: String(p) }), `ข้อมูล OIT ที่ท่านรับผิดชอบ ${f.count(items.length)} ข้อ`, f);
}

/** Items waiting for the reviewer (at least one), 10 a page. */
export function oitReviewCarousel(items: OitItem[], page: number, f: Figures = figures()): Message {
  return pageCarousel(items, page, oitReviewCard, (p) => postbackData(OIT_REVIEW_CARD_ACTIONS.oitReviewList, { p: String(p) }), `ข้อมูล OIT รอตรวจสอบ ${f.count(items.length)} ข้อ`, f);
}

/**
 * A reminder: a short text, then the items as cards. One push carries at most 5 messages, so at most 4
 * carousels (48 items) follow the text, more than the 35–43 items of an ITAS form.
 */
export function oitReminderMessages(intro: string, items: OitItem[], card: OitCard, command: string, f: Figures = figures()): Message[] {
  const per = LINE_LIMITS.carouselBubbles;
  const room = (LINE_LIMITS.messagesPerRequest - 1) * per;
  const shown = items.slice(0, room);
  const more = items.length - shown.length;
  const messages: Message[] = [text(more > 0 ? `${intro}\n(แสดง ${f.count(shown.length)} จาก ${f.count(items.length)} ข้อ พิมพ์ "${command}" เพื่อดูทั้งหมด)` : intro)];
  for (let i = 0; i < shown.length; i += per) {
    messages.push({ type: 'flex', altText: `ข้อมูล OIT ${f.count(items.length)} ข้อ`, contents: { type: 'carousel', contents: shown.slice(i, i + per).map((item) => card(item, f)) } });
  }
  return messages;
}
