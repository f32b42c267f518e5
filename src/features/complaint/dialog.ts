import { figures, type Figures } from '../../domain/figures.js';
import type { Attachment } from '../../domain/attachments.js';
import { KIND_TH, type ComplaintKind, type NewComplaint, type Place } from '../../domain/complaints.js';
import { CORRUPTION_ASKS_NO_CONTACT_TH, CORRUPTION_PDPA_NOTICE_TH, REPORTER_PROTECTION_TH, SELF_IDENTIFYING_WARNING_TH } from '../../domain/corruption-privacy.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { FINDING_TH, findSelfIdentifying, removeFindings, type Finding } from '../../domain/self-identifying.js';
import { arabicDigits, truncate } from '../../domain/thai.js';
import { quickPostback, quickText, text, type Message } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { cleanFreeText } from '../../dialogs/free-text.js';
import type { DialogInput, Outcome, StoreAttachment } from '../../dialogs/types.js';
import { isConfirmWord, isSkipWord } from '../../dialogs/words.js';
import { COMPLAINT_ACTIONS } from './actions.js';

/**
 * A citizen's complaint, as a pure state machine. General: what happened (+ photos) → where (optional)
 * → contact or anonymous → updates by LINE? → confirm. Corruption: who → when → what (+ photos) → where
 * (optional) → updates? → confirm; it asks no contact details, and says how the reporter is protected.
 */
export const DIALOG = 'complaint';

export interface ComplaintDraft {
  draftId: string;
  kind?: ComplaintKind;
  accused?: string;
  happenedWhen?: string;
  description?: string;
  /** A LINE location, or a place typed in words (no coordinates). */
  location?: Place | null;
  attachments: Attachment[];
  contactName?: string | null;
  contactPhone?: string | null;
  notify?: boolean;
  /** The story came with the first message (offered for filing): the story question is not asked. */
  storyGiven?: boolean;
}

type Step = 'offer' | 'kind' | 'accused' | 'when' | 'what' | 'where' | 'contact' | 'notify' | 'confirm';
type State = DialogState<ComplaintDraft> & { step: Step };

export type SubmitComplaint = { type: 'submitComplaint'; complaint: NewComplaint };
export type ComplaintEffect = SubmitComplaint | StoreAttachment;

const MAX_PHOTOS = 5;

export const PDPA_NOTICE =
  'ประกาศความเป็นส่วนตัว: ระบบเก็บเฉพาะข้อมูลที่ท่านให้ (รายละเอียดเรื่อง สถานที่ รูปภาพ และชื่อ/เบอร์ติดต่อหากท่านประสงค์) เพื่อใช้ตรวจสอบเรื่องและแจ้งผลแก่ท่านเท่านั้น ตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านพิมพ์ "ยกเลิก" ได้ทุกขั้นตอน';

const cancel = () => quickText('ยกเลิก');

/** The questions each kind asks, so that "2/5" counts what is really left. */
const QUESTIONS: Record<ComplaintKind, Step[]> = {
  general: ['what', 'where', 'contact', 'notify'],
  corruption: ['accused', 'when', 'what', 'where', 'notify'],
};

const questions = (d: ComplaintDraft): Step[] => (d.kind ? QUESTIONS[d.kind].filter((s) => !(s === 'what' && d.storyGiven)) : []);

function counter(step: Step, d: ComplaintDraft, f: Figures): string {
  const steps = questions(d);
  const n = steps.indexOf(step);
  return n < 0 ? '' : `${f.digits(`${n + 1}/${steps.length}`)} `;
}

function prompt(step: Step, d: ComplaintDraft, f: Figures): Message {
  switch (step) {
    case 'offer': {
      const general = quickPostback(OFFER.general, postbackData(COMPLAINT_ACTIONS.complaintKind, { k: 'general' }), OFFER.general);
      const corruption = quickPostback(OFFER.corruption, postbackData(COMPLAINT_ACTIONS.complaintKind, { k: 'corruption' }), OFFER.corruption);
      return text(OFFER.question, [...(d.kind === 'corruption' ? [corruption, general] : [general, corruption]), quickPostback(OFFER.no, postbackData(COMPLAINT_ACTIONS.complaintKind, { k: 'none' }), OFFER.no)]);
    }
    case 'kind':
      return text(`${PDPA_NOTICE} ${CORRUPTION_ASKS_NO_CONTACT_TH}\n\nเลือกประเภทเรื่องที่ต้องการแจ้ง`, [
        quickPostback('ร้องเรียนทั่วไป', postbackData(COMPLAINT_ACTIONS.complaintKind, { k: 'general' }), KIND_TH.general),
        quickPostback('แจ้งทุจริต', postbackData(COMPLAINT_ACTIONS.complaintKind, { k: 'corruption' }), KIND_TH.corruption),
        cancel(),
      ]);
    case 'accused':
      return text(`${REPORTER_PROTECTION_TH}\n\n${counter(step, d, f)}ผู้ถูกกล่าวหาคือใคร? (ชื่อ ตำแหน่ง หรือหน่วยงาน เท่าที่ทราบ)`, [cancel()]);
    case 'when':
      return text(`${counter(step, d, f)}เหตุการณ์เกิดขึ้นเมื่อใด? (วันที่หรือช่วงเวลาโดยประมาณ)`, [cancel()]);
    case 'what':
      return text(
        d.kind === 'corruption'
          ? `${counter(step, d, f)}เล่าพฤติการณ์ที่เกิดขึ้น ทำอะไร อย่างไร มีหลักฐานอะไรบ้าง\nส่งรูปภาพหลักฐานก่อนพิมพ์ได้`
          : `${counter(step, d, f)}เล่าเรื่องที่ต้องการร้องเรียน เกิดอะไรขึ้น ต้องการให้แก้ไขอย่างไร\nส่งรูปภาพประกอบก่อนพิมพ์ได้`,
        [cancel()],
      );
    case 'where':
      return text(`${counter(step, d, f)}เกิดที่ไหน? กดส่งตำแหน่ง พิมพ์ชื่อสถานที่ หรือกด "ข้าม"`, [
        { type: 'action', action: { type: 'location', label: 'ส่งตำแหน่ง' } },
        quickText('ข้าม'),
        cancel(),
      ]);
    case 'contact':
      return text(`${counter(step, d, f)}ชื่อและเบอร์โทรศัพท์สำหรับติดต่อกลับ (เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียนเห็น) หรือกด "ไม่ประสงค์ออกนาม"`, [
        quickText('ไม่ประสงค์ออกนาม'),
        cancel(),
      ]);
    case 'notify':
      return text(`${counter(step, d, f)}ต้องการให้ระบบแจ้งความคืบหน้าทาง LINE ทุกครั้งที่สถานะเปลี่ยนหรือไม่?`, [quickText('รับแจ้ง'), quickText('ไม่ต้องแจ้ง'), cancel()]);
    case 'confirm': {
      const found = selfIdentifying(d);
      if (found.length > 0) {
        return text(`${summary(d, f)}\n\n${selfIdentifyingText(found)}`, [
          quickText(REMOVE_FOUND),
          quickPostback(SEND_AS_IS, postbackData(COMPLAINT_ACTIONS.complaintSubmit, { d: d.draftId }), SEND_AS_IS),
          cancel(),
        ]);
      }
      return text(`${summary(d, f)}\n\nกด "ยืนยันส่งเรื่อง" เพื่อส่ง`, [quickPostback('ยืนยันส่งเรื่อง', postbackData(COMPLAINT_ACTIONS.complaintSubmit, { d: d.draftId })), cancel()]);
    }
  }
}

/** Offering a message that reads as a problem report for filing; its answers typed or tapped. */
export const OFFER = {
  question: 'แจ้งเรื่องนี้เป็นเรื่องร้องเรียนไหม',
  general: 'แจ้งเรื่องทั่วไป',
  corruption: 'แจ้งเบาะแสทุจริต',
  no: 'ไม่ใช่',
  declined: 'รับทราบ ระบบไม่ได้เก็บข้อความนี้ไว้ พิมพ์ "ช่วยเหลือ" เพื่อดูสิ่งที่ทำได้',
};

/**
 * Offers a message that reads as a problem report for filing, keeping it, as typed, to be the story;
 * `likely` is the channel its words point to, offered first. Declining leaves nothing stored.
 */
export function offerStory(eventId: string, story: string, likely: ComplaintKind): Outcome<ComplaintEffect> {
  const kept = cleanFreeText(story);
  if (typeof kept !== 'string') return startComplaint(eventId);
  return at(figures(), 'offer', { draftId: eventId, kind: likely, description: kept, storyGiven: true, attachments: [] });
}

/** Which answer to the offer a typed or tapped reply is; null when it is something else. */
export function offerAnswer(input: DialogInput): ComplaintKind | 'none' | null {
  if (input.kind === 'postback') return input.action === COMPLAINT_ACTIONS.complaintKind.name && ['general', 'corruption', 'none'].includes(input.params.k ?? '') ? (input.params.k as ComplaintKind | 'none') : null;
  if (input.kind !== 'text') return null;
  const t = input.text.trim().toLowerCase().replace(/\s*(ครับ|ค่ะ|คะ|จ้า|นะ)+$/u, '');
  if (/^(ไม่ใช่|ไม่|ไม่ต้อง|ไม่แจ้ง|no)$/.test(t)) return 'none';
  if (t === OFFER.corruption || /^(แจ้ง)?(เบาะแส)?(ทุจริต|เบาะแส)$|^corruption$/.test(t)) return 'corruption';
  if (/^(ใช่|แจ้ง|แจ้งเรื่องทั่วไป|ทั่วไป|ร้องเรียน|ร้องเรียนทั่วไป|yes|ok|โอเค)$/.test(t)) return 'general';
  return null;
}

/** The corruption reporter's choice when the story seems to say who they are. */
const REMOVE_FOUND = 'ลบข้อมูลนี้ออก';
const SEND_AS_IS = 'ส่งตามเดิม';

/** Only a corruption story is checked: a general complaint asks for a contact on purpose. */
const selfIdentifying = (d: ComplaintDraft): Finding[] => (d.kind === 'corruption' && d.description ? findSelfIdentifying(d.description) : []);

function selfIdentifyingText(found: Finding[]): string {
  return ['รายละเอียดที่ท่านเล่ามีข้อความที่อาจระบุตัวท่านได้', ...found.map((f) => `• ${FINDING_TH[f.kind]}: ${f.text}`), SELF_IDENTIFYING_WARNING_TH].join('\n');
}

function summary(d: ComplaintDraft, f: Figures): string {
  const lines = ['ตรวจสอบก่อนส่งเรื่อง', `ประเภท: ${d.kind ? KIND_TH[d.kind] : '-'}`];
  if (d.accused) lines.push(`ผู้ถูกกล่าวหา: ${truncate(d.accused, 300)}`);
  if (d.happenedWhen) lines.push(`เมื่อ: ${truncate(d.happenedWhen, 300)}`);
  lines.push(`รายละเอียด: ${truncate(d.description ?? '', 1_500)}`);
  if (d.location) lines.push(`สถานที่: ${[d.location.title, d.location.address].filter(Boolean).join(' ') || 'ตามตำแหน่งที่ส่ง'}`);
  if (d.attachments.length > 0) lines.push(`รูปภาพ/ไฟล์: ${f.count(d.attachments.length)} รายการ`);
  if (d.kind === 'general') lines.push(`ผู้ติดต่อ: ${[d.contactName, d.contactPhone].filter(Boolean).join(' ') || 'ไม่ประสงค์ออกนาม'}`);
  lines.push(`แจ้งความคืบหน้าทาง LINE: ${d.notify ? 'รับแจ้ง' : 'ไม่ต้องแจ้ง'}`);
  return lines.join('\n');
}

const at = (f: Figures, step: Step, d: ComplaintDraft, before: Message[] = []): Outcome<ComplaintEffect> => ({
  replies: [...before, prompt(step, d, f)],
  state: { dialog: DIALOG, step, data: d },
});

/**
 * Starts a complaint. Asked for by name ("แจ้งทุจริต", "ร้องทุกข์") the kind is already known, and the
 * privacy notice comes before the first question instead of with the choice of kind.
 */
export function startComplaint(eventId: string, kind?: ComplaintKind, f: Figures = figures()): Outcome<ComplaintEffect> {
  if (!kind) return at(f, 'kind', { draftId: eventId, attachments: [] });
  return at(f, QUESTIONS[kind][0]!, { draftId: eventId, kind, attachments: [] }, [text(kind === 'corruption' ? CORRUPTION_PDPA_NOTICE_TH : PDPA_NOTICE)]);
}

const isSkip = (input: DialogInput) => input.kind === 'text' && isSkipWord(input.text);

/**
 * Splits "สมชาย ใจดี 081-234-5678" into a name and a phone number, each kept as typed (dashes, spaces, Thai
 * digits): the handler reads what the citizen wrote, and the call button dials its digits (`telUri`).
 */
export function parseContact(value: string): { name: string | null; phone: string | null } {
  // Thai digits are one character each, as Arabic ones are: a match in the Arabic reading is at the same place.
  const found = arabicDigits(value).match(/(\+?66|0)[\d\s-]{8,12}\d/);
  if (!found || found.index === undefined) return { name: value.trim() || null, phone: null };
  const phone = value.slice(found.index, found.index + found[0].length);
  const name = `${value.slice(0, found.index).trimEnd()} ${value.slice(found.index + found[0].length).trimStart()}`.trim();
  return { name: name || null, phone };
}

export function continueComplaint(state: State, input: DialogInput, f: Figures = figures()): Outcome<ComplaintEffect> {
  const d = state.data;
  if (input.kind === 'postback' && input.action === COMPLAINT_ACTIONS.complaintSubmit.name) {
    if (state.step !== 'confirm' || input.params.d !== d.draftId || !d.kind || !d.description) {
      return { replies: [text('ปุ่มนี้เป็นของรายการเก่า พิมพ์ "ร้องเรียน" เพื่อเริ่มใหม่')] };
    }
    return { replies: [], state: null, effects: [{ type: 'submitComplaint', complaint: toNewComplaint(d, d.kind, d.description) }] };
  }
  const answer = () => (input.kind === 'text' ? cleanFreeText(input.text) : { error: 'ขั้นตอนนี้ต้องการข้อความ กรุณาพิมพ์ตอบ หรือพิมพ์ "ยกเลิก"' });

  switch (state.step) {
    case 'offer': {
      const chosen = offerAnswer(input);
      if (chosen === null) return at(f, 'offer', d);
      // Declined: the state is dropped, so the message is not kept anywhere.
      if (chosen === 'none') return { replies: [text(OFFER.declined)], state: null };
      const next: ComplaintDraft = { ...d, kind: chosen };
      return at(f, questions(next)[0]!, next, [text(chosen === 'corruption' ? CORRUPTION_PDPA_NOTICE_TH : PDPA_NOTICE)]);
    }
    case 'kind': {
      const chosen =
        input.kind === 'postback' && input.action === COMPLAINT_ACTIONS.complaintKind.name
          ? input.params.k
          : input.kind === 'text'
            ? /ทุจริต|ประพฤติมิชอบ|corruption/i.test(input.text)
              ? 'corruption'
              : /ทั่วไป|ร้องทุกข์|general/i.test(input.text)
                ? 'general'
                : null
            : null;
      if (chosen !== 'general' && chosen !== 'corruption') return at(f, 'kind', d, [text('กรุณาเลือกประเภทจากปุ่มด้านล่าง')]);
      const next = { ...d, kind: chosen } as ComplaintDraft;
      return chosen === 'corruption' ? at(f, 'accused', next) : at(f, d.storyGiven ? 'where' : 'what', next);
    }
    case 'accused':
    case 'when': {
      const a = answer();
      if (typeof a !== 'string') return at(f, state.step, d, [text(a.error)]);
      if (state.step === 'accused') return at(f, 'when', { ...d, accused: a });
      return d.storyGiven ? at(f, 'where', { ...d, happenedWhen: a }) : at(f, 'what', { ...d, happenedWhen: a });
    }
    case 'what': {
      if (input.kind === 'media') {
        if (input.mediaKind !== 'image' || d.attachments.length >= MAX_PHOTOS) {
          return at(f, 'what', d, [text(input.mediaKind !== 'image' ? 'รับเฉพาะรูปภาพเป็นหลักฐาน' : `แนบรูปได้ไม่เกิน ${f.count(MAX_PHOTOS)} รูป`)]);
        }
        const attachment = { kind: 'image' as const, lineMessageId: input.messageId, fileName: null };
        const next = { ...d, attachments: [...d.attachments, attachment] };
        return { replies: [text(`ได้รับรูปแล้ว ${f.count(next.attachments.length)} รูป พิมพ์รายละเอียดต่อได้เลย`, [cancel()])], state: { dialog: DIALOG, step: 'what', data: next }, effects: [{ type: 'storeAttachment', attachment }] };
      }
      const a = answer();
      if (typeof a !== 'string') return at(f, 'what', d, [text(a.error)]);
      return at(f, 'where', { ...d, description: a });
    }
    case 'where': {
      if (input.kind === 'location') return afterWhere({ ...d, location: input.location }, f);
      if (isSkip(input)) return afterWhere({ ...d, location: null }, f);
      const place = answer();
      if (typeof place !== 'string') return at(f, 'where', d, [text('กรุณากดส่งตำแหน่ง พิมพ์ชื่อสถานที่ หรือกด "ข้าม"')]);
      return afterWhere({ ...d, location: { title: truncate(place, 300), address: '', latitude: null, longitude: null } }, f);
    }
    case 'contact': {
      if (input.kind === 'text' && /ไม่ประสงค์ออกนาม|anonymous/i.test(input.text)) return at(f, 'notify', { ...d, contactName: null, contactPhone: null });
      const a = answer();
      if (typeof a !== 'string') return at(f, 'contact', d, [text(a.error)]);
      const { name, phone } = parseContact(a);
      return at(f, 'notify', { ...d, contactName: name ? truncate(name, 100) : null, contactPhone: phone });
    }
    case 'notify': {
      if (input.kind === 'text' && /^ไม่/.test(input.text.trim())) return at(f, 'confirm', { ...d, notify: false });
      if (input.kind === 'text' && /รับแจ้ง|แจ้ง|ใช่|yes/i.test(input.text)) return at(f, 'confirm', { ...d, notify: true });
      return at(f, 'notify', d, [text('กรุณาเลือก "รับแจ้ง" หรือ "ไม่ต้องแจ้ง"')]);
    }
    case 'confirm':
      if (input.kind === 'text' && input.text.trim() === REMOVE_FOUND) return removeSelfIdentifying(d, f);
      if (input.kind === 'text' && (isConfirmWord(input.text) || input.text.trim() === SEND_AS_IS)) return continueComplaint(state, { kind: 'postback', action: COMPLAINT_ACTIONS.complaintSubmit.name, params: { d: d.draftId } });
      return at(f, 'confirm', d, [text(selfIdentifying(d).length > 0 ? `กด "${REMOVE_FOUND}" หรือ "${SEND_AS_IS}" หรือพิมพ์ "ยกเลิก"` : 'กด "ยืนยันส่งเรื่อง" เพื่อส่ง หรือ "ยกเลิก"')]);
  }
}

/** What is filed: a corruption report carries no contact details, a general complaint no accused or time. */
function toNewComplaint(d: ComplaintDraft, kind: ComplaintKind, description: string): NewComplaint {
  const general = kind === 'general';
  return {
    kind,
    description,
    accused: general ? null : (d.accused ?? null),
    happenedWhen: general ? null : (d.happenedWhen ?? null),
    location: d.location ?? null,
    attachments: d.attachments,
    contactName: general ? (d.contactName ?? null) : null,
    contactPhone: general ? (d.contactPhone ?? null) : null,
    notify: d.notify ?? true,
  };
}

/** Cuts exactly what was pointed out from the story and shows the result before anything is filed. */
function removeSelfIdentifying(d: ComplaintDraft, f: Figures): Outcome<ComplaintEffect> {
  const found = selfIdentifying(d);
  if (found.length === 0) return at(f, 'confirm', d);
  const description = removeFindings(d.description!, found);
  if (description.trim() === '') return at(f, 'confirm', d, [text(`ลบแล้วจะไม่เหลือรายละเอียดของเรื่อง กด "${SEND_AS_IS}" หรือพิมพ์ "ยกเลิก" แล้วเริ่มใหม่`)]);
  return at(f, 'confirm', { ...d, description }, [text('ลบข้อความที่อาจระบุตัวท่านออกจากรายละเอียดแล้ว ตรวจสอบเรื่องอีกครั้งก่อนส่ง')]);
}

function afterWhere(d: ComplaintDraft, f: Figures): Outcome<ComplaintEffect> {
  return d.kind === 'general' ? at(f, 'contact', d) : at(f, 'notify', d);
}

export function repeatComplaintPrompt(state: State, f: Figures = figures()): Message[] {
  return [text('ทำรายการเดิมต่อได้เลย หรือพิมพ์ "ยกเลิก" เพื่อยกเลิก'), prompt(state.step, state.data, f)];
}

export function isComplaintState(state: DialogState | null): state is State {
  return state?.dialog === DIALOG;
}
