import { ownCasesMessages } from '../../flex/complaint-messages.js';
import { figures } from '../../domain/figures.js';
import type { Message } from '../../line/messages.js';
import type { ChatContext, Feature } from '../common/context.js';
import { means, readMessage } from '../common/meanings/score.js';

/** A person's own cases, each a card tracked with one tap. */
export async function ownCases(ctx: ChatContext): Promise<Message[]> {
  return ownCasesMessages(await ctx.stores.complaints.listOwnComplaints(ctx.sender.userKey), figures(ctx.org.digits));
}

/** The tile's icon: a folder of papers. */
const FOLDER = '<path d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/><path d="M7 12h10"/><path d="M7 15.5h6"/>';

export const myCases: Feature = {
  name: 'myCases',
  tiles: [
    { menu: 'citizen', place: 4, label: 'เรื่องของฉัน', sends: { text: 'เรื่องของฉัน' }, title: 'เรื่องของฉัน', hint: 'เรื่องที่ท่านแจ้งไว้', colour: '#157A43', icon: FOLDER },
    { menu: 'officer', place: 3, label: 'เรื่องของฉัน', sends: { text: 'เรื่องของฉัน' }, title: 'เรื่องของฉัน', hint: 'เรื่องที่ท่านแจ้งไว้', colour: '#157A43', icon: FOLDER },
    { menu: 'handler', place: 3, label: 'เรื่องของฉัน', sends: { text: 'เรื่องของฉัน' }, title: 'เรื่องของฉัน', hint: 'เรื่องที่ท่านแจ้งไว้', colour: '#157A43', icon: FOLDER },
  ],
  menu: [
    { for: 'citizen', order: 72, help: '"เรื่องของฉัน" เรื่องทั้งหมดที่ท่านแจ้ง: ส่งข้อมูลเพิ่มเติม ถอนเรื่อง หรือประเมินความพึงพอใจเมื่อเรื่องแล้วเสร็จ' },
    { for: 'everyone', order: 72, button: 'เรื่องของฉัน' },
    // Staff read the three citizen commands as one line: their own complaints come second to their work.
    { for: 'staff', order: 72, help: '"ร้องเรียน" "ติดตาม เลขที่เรื่อง" "เรื่องของฉัน" แจ้งและติดตามเรื่องของท่านเอง' },
  ],
  words: ['เรื่องของฉัน', 'my cases'],
  // Any wording of "the cases I filed" (the meaning layer's lexicons: chat/meanings/lexicons.ts), weighed
  // against the other things anyone may ask; staff words in it ("ความคืบหน้า…ถึงไหน") are weighed by role
  // in understand.ts, so a citizen asking how far their own cases went is not lost to an executive's summary.
  meaning: (_plain, raw) => (means(readMessage(raw), 'myCases', ['complaint', 'corruption', 'help', 'pleasantry']) ? '' : null),
  handle: ownCases,
};
