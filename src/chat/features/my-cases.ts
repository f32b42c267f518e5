import { ownCasesMessages } from '../../flex/complaint-messages.js';
import { figures } from '../../domain/figures.js';
import type { Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../context.js';

/** A person's own cases, each a card tracked with one tap. */
export async function ownCases(ctx: ChatContext): Promise<Message[]> {
  return ownCasesMessages(await ctx.stores.complaints.listOwnComplaints(ctx.org.id, ctx.sender.userKey), figures(ctx.org.digits));
}

export const myCases: Feature = {
  name: 'myCases',
  words: ['เรื่องของฉัน', 'my cases'],
  meaning: /เรื่องของ(ฉัน|ผม|หนู|เรา|ดิฉัน)|เรื่องที่(ฉัน|ผม|ดิฉัน)?(แจ้ง|ร้องเรียน|ร้องทุกข์)(ไว้|ไป)|^mycases/,
  handle: ownCases,
};
