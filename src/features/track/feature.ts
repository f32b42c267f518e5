import { parseTrackingNumber, trackingNumbersIn } from '../../domain/complaints.js';
import { figures } from '../../domain/figures.js';
import { normalise } from '../../domain/normalise.js';
import { arabicDigits } from '../../domain/thai.js';
import { ownCaseQuickReplies, trackingText } from '../../flex/complaint-messages.js';
import { text } from '../../line/messages.js';
import type { Feature } from '../common/context.js';

const SAY = {
  usage: 'กรุณาพิมพ์ "ติดตาม" ตามด้วยเลขที่เรื่อง เช่น ติดตาม G2569-0001',
  notFound: 'ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้ กรุณาตรวจสอบเลขที่ หรือพิมพ์ "เรื่องของฉัน" เพื่อดูเรื่องทั้งหมดของท่าน',
} as const;

/** Words that, next to a tracking number, ask where the case stands. */
const ASKS_HOW_FAR = /ติดตาม|track|สถานะ|status|เรื่อง|เลข|คืบหน้า|progress|ถึงไหน|ดำเนินการ|ผล|เช็[คก]|check|ตรวจสอบ|ดู|อัปเดต|อัพเดท|update/;
/** The same, narrowed to words no answer to a dialog's question would hold, for a short message inside one. */
const ASKS_HOW_FAR_SURELY = /ติดตาม|track|สถานะ|status|คืบหน้า|progress|ถึงไหน|เลขที่/;

/** What a message says besides the tracking number in it, normalised ('' when it is only the number). */
const besidesNumber = (raw: string) => normalise(arabicDigits(raw).replace(/[GCgc]?\s*-?\s*\d{4}\s*[-/]?\s*\d{1,6}/g, ' ')).compact;

/** The numbers a text may name, as the argument: one, or both kinds' for a number written without its letter. */
const asArgument = (numbers: string[]) => numbers.join(' ');

/** A complainant following one of their own cases by its tracking number. */
export const track: Feature = {
  name: 'track',
  tiles: [{ menu: 'citizen', place: 3, label: 'ติดตามเรื่อง', sends: { text: 'ติดตาม' }, title: 'ติดตามเรื่อง', hint: 'ด้วยเลขที่เรื่อง', colour: '#0B9E48', icon: '<circle cx="10.5" cy="10.5" r="6.5"/><path d="M15.5 15.5L21 21"/>' }],
  menu: [{ for: 'citizen', order: 71, help: '"ติดตาม เลขที่เรื่อง" ดูความคืบหน้า' }],
  // `ติดตามG2570-0001`: Thai is written without spaces, and a tracking number cannot be mistaken for anything else.
  command(t) {
    const m = t.trim().match(/^(?:ติดตาม|track)(\s*)(.*)$/i);
    if (!m) {
      // Anywhere, even at a dialog's question: a number with its letter alone, or a short "สถานะ G25700007" (the
      // question comes back after). A number without its letter alone might be an answer, so it needs the words.
      const numbers = trackingNumbersIn(t);
      if (numbers.length === 0) return null;
      const rest = besidesNumber(t);
      return (rest === '' && numbers.length === 1) || (rest.length <= 30 && ASKS_HOW_FAR_SURELY.test(rest)) ? asArgument(numbers) : null;
    }
    const rest = m[2]!.trim();
    const numbers = trackingNumbersIn(rest);
    if (rest !== '' && m[1] === '' && numbers.length === 0) return null;
    return numbers.length > 0 ? asArgument(numbers) : rest;
  },
  // Outside a dialog, a number with any word asking how far the case has got ("ขอดูความคืบหน้า 2570-0012").
  meaning(_plain, raw) {
    const numbers = trackingNumbersIn(raw);
    if (numbers.length === 0) return null;
    const rest = besidesNumber(raw);
    return rest === '' || ASKS_HOW_FAR.test(rest) ? asArgument(numbers) : null;
  },
  async handle(ctx) {
    const numbers = ctx.argument.split(' ').map(parseTrackingNumber).filter((n): n is string => n !== null);
    if (numbers.length === 0) return [text(SAY.usage)];
    // Only the sender's own cases are looked at: someone else's number reads the same as a wrong one.
    for (const no of numbers) {
      const own = await ctx.stores.complaints.findOwnComplaint(no, ctx.sender.userKey);
      if (own) return [text(trackingText(own, await ctx.stores.complaints.timeline(own, true), figures(ctx.org.digits)), ownCaseQuickReplies(own))];
    }
    return [text(SAY.notFound)];
  },
};
