import { parseTrackingNumber, trackingNumberIn } from '../../domain/complaints.js';
import { figures } from '../../domain/figures.js';
import { ownCaseQuickReplies, trackingText } from '../../flex/complaint-messages.js';
import { text } from '../../line/messages.js';
import type { Feature } from '../context.js';

const SAY = {
  usage: 'กรุณาพิมพ์ "ติดตาม" ตามด้วยเลขที่เรื่อง เช่น ติดตาม G2569-0001',
  notFound: 'ไม่พบเรื่องเลขที่นี้ในเรื่องที่ท่านแจ้งไว้ กรุณาตรวจสอบเลขที่ หรือพิมพ์ "เรื่องของฉัน" เพื่อดูเรื่องทั้งหมดของท่าน',
} as const;

/** A complainant following one of their own cases by its tracking number. */
export const track: Feature = {
  name: 'track',
  // `ติดตามG2570-0001`: Thai is written without spaces, and a tracking number cannot be mistaken for anything else.
  command(t) {
    const m = t.trim().match(/^(?:ติดตาม|track)(\s*)(.*)$/i);
    if (!m) return null;
    const rest = m[2]!.trim();
    if (rest !== '' && m[1] === '' && !trackingNumberIn(rest)) return null;
    return parseTrackingNumber(rest) ?? trackingNumberIn(rest) ?? rest;
  },
  meaning(plain, raw) {
    const no = trackingNumberIn(raw);
    return no && (/ติดตาม|track|สถานะ|ตามเรื่อง|เรื่อง/.test(plain) || plain === no.toLowerCase()) ? no : null;
  },
  async handle(ctx) {
    const no = parseTrackingNumber(ctx.argument);
    if (!no) return [text(SAY.usage)];
    // Someone else's number reads the same as a wrong one.
    const own = await ctx.stores.complaints.findOwnComplaint(ctx.org.id, no, ctx.sender.userKey);
    return [own ? text(trackingText(own, await ctx.stores.complaints.timeline(own, true), figures(ctx.org.digits)), ownCaseQuickReplies(own)) : text(SAY.notFound)];
  },
};
