import { ownCasesMessages } from '../../flex/complaint-messages.js';
import { figures } from '../../domain/figures.js';
import type { Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../context.js';
import { means, readMessage } from '../meanings/score.js';

/** A person's own cases, each a card tracked with one tap. */
export async function ownCases(ctx: ChatContext): Promise<Message[]> {
  return ownCasesMessages(await ctx.stores.complaints.listOwnComplaints(ctx.sender.userKey), figures(ctx.org.digits));
}

export const myCases: Feature = {
  name: 'myCases',
  words: ['เรื่องของฉัน', 'my cases'],
  // Any wording of "the cases I filed" (the meaning layer's lexicons: chat/meanings/lexicons.ts), weighed
  // against the other things anyone may ask; staff words in it ("ความคืบหน้า…ถึงไหน") are weighed by role
  // in understand.ts, so a citizen asking how far their own cases went is not lost to an executive's summary.
  meaning: (_plain, raw) => (means(readMessage(raw), 'myCases', ['complaint', 'corruption', 'help', 'pleasantry']) ? '' : null),
  handle: ownCases,
};
