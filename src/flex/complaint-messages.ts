import type { messagingApi } from '@line/bot-sdk';
import { startOfBangkokDay } from '../domain/calendar.js';
import { mayAddAfterPhotos, mayAddInformation, mayForward, mayRate, mayWithdraw, starsText } from '../domain/closure.js';
import { COMPLAINT_STATUS_TH, isClosed, KIND_TH, telUri, type Complaint, type ComplaintStatus, type TimelineEntry } from '../domain/complaints.js';
import { caseAllows, nextStatuses } from '../domain/complaint-states.js';
import { REPORTER_PROTECTION_TH } from '../domain/corruption-privacy.js';
import { figures, type Figures } from '../domain/figures.js';
import { truncate } from '../domain/thai.js';
import { jsonBytes, LINE_LIMITS } from '../line/limits.js';
import { postbackData } from '../line/postback.js';
import { renderTemplate } from '../line/flex-template.js';
import { quickPostback, type QuickReply } from '../line/messages.js';
import { CASE_CARD_ACTIONS, CASE_CLOSURE_CARD_ACTIONS, OWN_CASE_CARD_ACTIONS } from './actions.js';

/** What complainants and handlers read about a case. Handlers' cards never carry who reported it. */

const lastDay = (c: Pick<Complaint, 'dueAt'>) => new Date(c.dueAt.getTime() - 1);

export function receiptMessage(c: Complaint, f: Figures = figures()): messagingApi.FlexMessage {
  return {
    type: 'flex',
    altText: `ได้รับเรื่องแล้ว เลขที่ ${c.trackingNo} กำหนดตอบภายใน ${f.date(lastDay(c))}`,
    contents: renderTemplate('complaint-receipt', {
      kindLabel: KIND_TH[c.kind],
      trackingNo: c.trackingNo,
      submitted: f.dateTime(c.submittedAt),
      due: `${f.date(lastDay(c))} (${f.digits(15)} วัน)`,
      followHint: `ติดตามเรื่องได้ทุกเมื่อ พิมพ์ "ติดตาม ${c.trackingNo}" หรือ "เรื่องของฉัน"${c.notify ? ' และระบบจะแจ้งทุกครั้งที่สถานะเปลี่ยน' : ''}`,
      protection: c.kind === 'corruption' ? REPORTER_PROTECTION_TH : '',
      trackCommand: `ติดตาม ${c.trackingNo}`,
    }),
  };
}

function deadline(c: Complaint, now: Date, f: Figures): { note: string; colour: string } {
  if (isClosed(c.status)) return { note: `ปิดเรื่องแล้ว${c.closedAt ? ` ${f.date(c.closedAt)}` : ''}`, colour: '#1E7A3C' };
  // Whole Bangkok days to the last day of the 15, counting today: 15 on the day of filing.
  const days = Math.round((startOfBangkokDay(lastDay(c)).getTime() - startOfBangkokDay(now).getTime()) / 86_400_000);
  if (now >= c.dueAt) return { note: `เกินกำหนด ${f.count(-days)} วัน${c.explanationRequired ? ' · ต้องแจ้งเหตุผลแก่ผู้ร้อง' : ''}`, colour: '#D93025' };
  return { note: days === 0 ? 'ครบกำหนดวันนี้' : `เหลือเวลา ${f.count(days)} วัน`, colour: days <= 3 ? '#E0A800' : '#1E7A3C' };
}

/**
 * What became of a case besides its status, in a few words for a card: reopenings, after-fix photos, the
 * citizen's rating, the agency it went to. Both the handlers and the citizen may read it: it names nobody.
 */
export function closureFacts(c: Complaint, f: Figures = figures()): string[] {
  const facts: string[] = [];
  if (c.forwardedTo) facts.push(`ส่งต่อ ${c.forwardedTo.agency}${c.forwardedTo.note ? `: ${c.forwardedTo.note}` : ''}`);
  if (c.reopenCount > 0) facts.push(`เปิดเรื่องอีกครั้ง ${f.count(c.reopenCount)} ครั้ง`);
  if (c.afterPhotos.length > 0) facts.push(`ภาพหลังดำเนินการ ${f.count(c.afterPhotos.length)} รูป`);
  if (c.feedback) facts.push(`ผลประเมิน ${starsText(c.feedback.stars)} ${c.feedback.fixed ? 'แก้ไขแล้ว' : 'ยังไม่ได้แก้ไข'}`);
  return facts;
}

/** A case as its handlers see it, with the actions open to them. */
export function caseCard(c: Complaint, now: Date, f: Figures = figures()): messagingApi.FlexBubble {
  const id = c.id;
  const d = deadline(c, now, f);
  const location = c.location ? [c.location.title, c.location.address].filter(Boolean).join(' ') || `${c.location.latitude ?? ''}, ${c.location.longitude ?? ''}` : '';
  const contact = c.kind === 'general' ? [c.contactName, c.contactPhone].filter(Boolean).join(' · ') || 'ไม่ประสงค์ออกนาม' : '';
  // The number is shown as the citizen typed it; the button dials its digits.
  const call = c.kind === 'general' ? telUri(c.contactPhone) : null;
  return renderTemplate('complaint-case', {
    headerColour: c.kind === 'corruption' ? '#7A1F1F' : '#1F3A5F',
    trackingNo: c.trackingNo,
    statusLabel: COMPLAINT_STATUS_TH[c.status],
    kindLabel: KIND_TH[c.kind],
    submitted: f.date(c.submittedAt),
    due: f.date(lastDay(c)),
    deadlineNote: d.note,
    deadlineColour: d.colour,
    accused: c.accused ? truncate(c.accused, 120) : '',
    happenedWhen: c.happenedWhen ? truncate(c.happenedWhen, 120) : '',
    description: truncate(c.description, 300),
    location: truncate(location, 120),
    photos: c.attachments.length > 0 ? `${f.count(c.attachments.length)} รายการ` : '',
    contact,
    callUri: call ?? '',
    handler: c.handlerName ?? (c.handlerUserId ? 'มีผู้รับผิดชอบแล้ว' : ''),
    category: c.category ?? '',
    closure: truncate(closureFacts(c, f).join(' · '), 400),
    photoPostback: mayAddAfterPhotos(c) ? postbackData(CASE_CLOSURE_CARD_ACTIONS.caseAfterPhotos, { c: id }) : '',
    categoryPostback: caseAllows('categorise', c) ? postbackData(CASE_CLOSURE_CARD_ACTIONS.caseCategory, { c: id }) : '',
    forwardPostback: mayForward(c) ? postbackData(CASE_CLOSURE_CARD_ACTIONS.caseForward, { c: id }) : '',
    // The buttons are the moves the table allows on the case as the card shows it.
    takePostback: caseAllows('take', c) ? postbackData(CASE_CARD_ACTIONS.caseTake, { c: id }) : '',
    explainPostback: caseAllows('explain', c) ? postbackData(CASE_CARD_ACTIONS.caseExplain, { c: id }) : '',
    statusPostback: nextStatuses(c.status).length > 0 ? postbackData(CASE_CARD_ACTIONS.caseStatus, { c: id }) : '',
    notePostback: postbackData(CASE_CARD_ACTIONS.caseNote, { c: id }),
    // Evidence when there is some (its answer leads on to the notes); otherwise the notes and timeline directly.
    evidencePostback: c.attachments.length > 0 || c.location ? postbackData(CASE_CARD_ACTIONS.caseEvidence, { c: id }) : '',
    logPostback: c.attachments.length > 0 || c.location ? '' : postbackData(CASE_CARD_ACTIONS.caseLog, { c: id }),
  });
}

export function caseCarousel(cases: Complaint[], now: Date, heading: string, f: Figures = figures()): messagingApi.Message[] {
  if (cases.length === 0) return [{ type: 'text', text: `${heading}: ไม่มีเรื่องที่ค้างอยู่` }];
  // Cards differ in length (Thai text is 3 bytes a character): add them while the carousel stays under LINE's size limit.
  const shown: messagingApi.FlexBubble[] = [];
  for (const c of cases.slice(0, LINE_LIMITS.carouselBubbles)) {
    const card = caseCard(c, now, f);
    if (jsonBytes({ type: 'carousel', contents: [...shown, card] }) > LINE_LIMITS.carouselBytes) break;
    shown.push(card);
  }
  const more = cases.length - shown.length;
  return [
    { type: 'text', text: `${heading} ${f.count(cases.length)} เรื่อง (เรียงตามวันครบกำหนด)${more > 0 ? ` แสดง ${f.count(shown.length)} เรื่องแรก` : ''}` },
    { type: 'flex', altText: `${heading} ${f.count(cases.length)} เรื่อง`, contents: { type: 'carousel', contents: shown } },
  ];
}

/** The complainant's view: status, deadline and the public timeline, never internal notes or names. */
export function trackingText(c: Complaint, entries: TimelineEntry[], f: Figures = figures()): string {
  const lines = [
    `เรื่องเลขที่ ${c.trackingNo}`,
    KIND_TH[c.kind],
    `สถานะ: ${COMPLAINT_STATUS_TH[c.status]}`,
    isClosed(c.status) ? `ปิดเรื่อง: ${c.closedAt ? f.date(c.closedAt) : '-'}` : `กำหนดตอบภายใน: ${f.date(lastDay(c))}`,
  ];
  if (c.forwardedTo) lines.push(`ส่งต่อให้: ${c.forwardedTo.agency}`, ...(c.forwardedTo.note ? [`ข้อความจากเจ้าหน้าที่: ${c.forwardedTo.note}`] : []));
  if (c.afterPhotos.length > 0) lines.push(`ภาพหลังดำเนินการ: ${f.count(c.afterPhotos.length)} รูป`);
  if (c.feedback) lines.push(`การประเมินของท่าน: ${starsText(c.feedback.stars)} · ${c.feedback.fixed ? 'แก้ไขแล้ว' : 'ยังไม่ได้แก้ไข'}${c.feedback.comment ? ` · ${truncate(c.feedback.comment, 200)}` : ''}`);
  lines.push('', 'ความคืบหน้า');
  for (const e of entries) lines.push(`• ${f.dateTime(e.at)} ${truncate(publicEntryText(e, f), 600)}`);
  return truncate(lines.join('\n'), LINE_LIMITS.textLength);
}

/** One public timeline entry as the complainant reads it. */
function publicEntryText(e: TimelineEntry, f: Figures): string {
  const words = e.text ? `: ${e.text}` : '';
  switch (e.type) {
    case 'submitted':
      return 'ยื่นเรื่องและระบบรับเรื่องแล้ว';
    case 'explanation':
      return `ชี้แจงเหตุที่ยังดำเนินการไม่แล้วเสร็จภายใน ${f.digits(15)} วัน${words}`;
    case 'feedback':
      return `ท่านประเมินผลการดำเนินการ${words}`;
    case 'reopened':
      return `เปิดเรื่องอีกครั้งตามที่ท่านแจ้งว่ายังไม่ได้รับการแก้ไข${words}`;
    case 'escalation':
      return `ส่งเรื่องให้ผู้บริหารพิจารณา${words}`;
    case 'withdrawn':
      return 'ท่านถอนเรื่องแล้ว';
    case 'forwarded':
      return `ส่งต่อหน่วยงานอื่น${words}`;
    case 'after_photo':
      return `เจ้าหน้าที่แนบภาพหลังดำเนินการ${words}`;
    case 'added_info':
      return `ท่านส่งข้อมูลเพิ่มเติม${words}`;
    default:
      return `${COMPLAINT_STATUS_TH[e.status ?? 'received']}${words}`;
  }
}

/** What the complainant can do next with a case, as quick replies under its tracking view. */
export function ownCaseQuickReplies(c: Complaint): QuickReply[] {
  const items: QuickReply[] = [];
  if (mayRate(c)) items.push(quickPostback('ประเมินความพึงพอใจ', postbackData(OWN_CASE_CARD_ACTIONS.ownRate, { c: c.id }), `ประเมินเรื่อง ${c.trackingNo}`));
  if (c.afterPhotos.length > 0) items.push(quickPostback('ดูภาพหลังดำเนินการ', postbackData(OWN_CASE_CARD_ACTIONS.ownPhotos, { c: c.id })));
  if (mayAddInformation(c)) items.push(quickPostback('ส่งข้อมูลเพิ่มเติม', postbackData(OWN_CASE_CARD_ACTIONS.ownAddInfo, { c: c.id })));
  if (mayWithdraw(c)) items.push(quickPostback('ถอนเรื่อง', postbackData(OWN_CASE_CARD_ACTIONS.ownWithdraw, { c: c.id }), `ขอถอนเรื่อง ${c.trackingNo}`));
  return items;
}

const ENTRY_TH: Record<TimelineEntry['type'], string> = {
  submitted: 'ยื่นเรื่อง',
  taken: 'มีผู้รับผิดชอบเรื่อง',
  status: 'เปลี่ยนสถานะ',
  note: 'บันทึกภายใน',
  explanation: 'แจ้งเหตุผลความล่าช้าแก่ผู้ร้อง',
  reminder: 'ระบบเตือนว่าใกล้ครบกำหนด 15 วัน',
  escalation: 'เกินกำหนด 15 วัน ระบบแจ้งผู้บริหารแล้ว',
  feedback: 'ผู้ร้องประเมินผลการดำเนินการ',
  reopened: 'ผู้ร้องแจ้งว่ายังไม่ได้รับการแก้ไข เปิดเรื่องอีกครั้ง',
  withdrawn: 'ผู้ร้องขอถอนเรื่อง',
  forwarded: 'ส่งต่อหน่วยงานอื่น',
  after_photo: 'แนบภาพหลังดำเนินการ',
  category: 'กำหนดประเภทเรื่อง',
  added_info: 'ผู้ร้องส่งข้อมูลเพิ่มเติม',
};

/**
 * The handlers' view of a case's timeline: every entry, internal notes too, each marked as read by the
 * complainant or internal. Long timelines run over several texts (at most one reply's worth), newest kept.
 */
export function handlerTimelineTexts(c: Complaint, entries: TimelineEntry[], f: Figures = figures()): string[] {
  const heading = `บันทึกและลำดับเหตุการณ์ เรื่องเลขที่ ${c.trackingNo}\nสถานะ: ${COMPLAINT_STATUS_TH[c.status]}`;
  const items = entries.map((e) => {
    // A public escalation is the citizen's "not fixed" after the reopenings ran out, not the 15-day one.
    const what =
      e.type === 'status'
        ? `${ENTRY_TH.status}เป็น "${COMPLAINT_STATUS_TH[e.status ?? 'received']}"`
        : e.type === 'escalation' && e.public
          ? 'ผู้ร้องแจ้งว่ายังไม่ได้แก้ไขหลังเปิดเรื่องครบแล้ว ระบบแจ้งผู้บริหารแล้ว'
          : ENTRY_TH[e.type];
    const seen = e.type === 'submitted' ? '' : e.public ? ' · ผู้ร้องเห็น' : ' · ภายใน';
    return `• ${f.dateTime(e.at)} ${what}${seen}${e.text ? `\n  ${truncate(e.text, 2_000)}` : ''}`;
  });
  const texts: string[] = [];
  let current = heading;
  for (const item of items) {
    if (current.length + 2 + item.length > LINE_LIMITS.textLength) {
      texts.push(current);
      current = item;
    } else current = `${current}\n\n${item}`;
  }
  texts.push(items.length === 0 ? `${current}\n\nยังไม่มีรายการ` : current);
  const max = LINE_LIMITS.messagesPerRequest;
  return texts.length <= max ? texts : [`${heading}\n\nรายการยาวเกินกว่าจะแสดงในครั้งเดียว แสดงเฉพาะรายการล่าสุด`, ...texts.slice(-(max - 1))];
}

const STATUS_COLOUR: Record<ComplaintStatus, string> = {
  received: '#1F3A5F',
  in_progress: '#B7791F',
  resolved: '#1E7A3C',
  rejected: '#5B6B7F',
  forwarded: '#5B6B7F',
  withdrawn: '#5B6B7F',
};

/** A complainant's own cases as cards, newest first, each tracked with one tap. */
export function ownCasesMessages(cases: Complaint[], f: Figures = figures()): messagingApi.Message[] {
  if (cases.length === 0) return [{ type: 'text', text: 'ท่านยังไม่มีเรื่องร้องเรียน พิมพ์ "ร้องเรียน" เพื่อแจ้งเรื่อง' }];
  const cards = cases.slice(0, LINE_LIMITS.carouselBubbles).map((c) =>
    renderTemplate('own-case', {
      statusLabel: COMPLAINT_STATUS_TH[c.status],
      statusColour: STATUS_COLOUR[c.status],
      kindLabel: KIND_TH[c.kind],
      trackingNo: c.trackingNo,
      dates: isClosed(c.status) && c.closedAt ? `ยื่น ${f.date(c.submittedAt)} · ปิดเรื่อง ${f.date(c.closedAt)}` : `ยื่น ${f.date(c.submittedAt)} · กำหนดตอบ ${f.date(lastDay(c))}`,
      description: truncate(c.description, 120),
      trackCommand: `ติดตาม ${c.trackingNo}`,
      closure: truncate(closureFacts(c, f).join(' · '), 300),
      ratePostback: mayRate(c) ? postbackData(OWN_CASE_CARD_ACTIONS.ownRate, { c: c.id }) : '',
      photosPostback: c.afterPhotos.length > 0 ? postbackData(OWN_CASE_CARD_ACTIONS.ownPhotos, { c: c.id }) : '',
      infoPostback: mayAddInformation(c) ? postbackData(OWN_CASE_CARD_ACTIONS.ownAddInfo, { c: c.id }) : '',
      withdrawPostback: mayWithdraw(c) ? postbackData(OWN_CASE_CARD_ACTIONS.ownWithdraw, { c: c.id }) : '',
    }),
  );
  return [
    { type: 'text', text: `เรื่องของท่าน ${f.count(cards.length)} เรื่องล่าสุด แตะ "ดูความคืบหน้า" เพื่อดูรายละเอียด` },
    { type: 'flex', altText: `เรื่องของท่าน ${f.count(cards.length)} เรื่อง`, contents: { type: 'carousel', contents: cards } },
  ];
}

export function statusUpdateText(c: Complaint, status: ComplaintStatus, note: string): string {
  return truncate(`ความคืบหน้าเรื่องเลขที่ ${c.trackingNo}\nสถานะ: ${COMPLAINT_STATUS_TH[status]}\n${note}`, LINE_LIMITS.textLength);
}

export function explanationText(c: Complaint, text: string, f: Figures = figures()): string {
  return truncate(`เรื่องเลขที่ ${c.trackingNo} ยังดำเนินการไม่แล้วเสร็จภายใน ${f.digits(15)} วัน\nเหตุผลจากเจ้าหน้าที่: ${text}\nระบบจะแจ้งท่านเมื่อมีความคืบหน้า`, LINE_LIMITS.textLength);
}
