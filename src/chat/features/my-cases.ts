import { myCasesText } from '../../flex/complaint-messages.js';
import { quickText, text, type Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../context.js';

/** A person's own cases, each one tap away from its tracking (LINE shows at most 13 quick replies). */
export async function ownCases(ctx: ChatContext): Promise<Message[]> {
  const cases = await ctx.stores.complaints.listOwnComplaints(ctx.org.id, ctx.sender.userKey);
  return [text(myCasesText(cases), cases.slice(0, 13).map((c) => quickText(`ติดตาม ${c.trackingNo}`)))];
}

export const myCases: Feature = {
  name: 'myCases',
  words: ['เรื่องของฉัน', 'my cases'],
  meaning: /เรื่องของ(ฉัน|ผม|หนู|เรา|ดิฉัน)|เรื่องที่(ฉัน|ผม|ดิฉัน)?(แจ้ง|ร้องเรียน|ร้องทุกข์)(ไว้|ไป)|^mycases/,
  handle: ownCases,
};
