import type { Feature } from '../common/context.js';
import { helpMessage } from './menu.js';
import { means, readMessage } from '../common/meanings/score.js';

/** The tile's icon: a question mark in a circle. */
const QUESTION = '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1 1-1.1 1.8v.5"/><path d="M12 17.2v.1"/>';

export const help: Feature = {
  name: 'help',
  tiles: [
    { menu: 'citizen', place: 5, label: 'ช่วยเหลือ', sends: { text: 'ช่วยเหลือ' }, title: 'ช่วยเหลือ', hint: 'วิธีใช้งาน', icon: QUESTION },
    { menu: 'officer', place: 4, label: 'ช่วยเหลือ', sends: { text: 'ช่วยเหลือ' }, title: 'ช่วยเหลือ', hint: 'คำสั่งทั้งหมดของท่าน', icon: QUESTION },
    { menu: 'handler', place: 4, label: 'ช่วยเหลือ', sends: { text: 'ช่วยเหลือ' }, title: 'ช่วยเหลือ', hint: 'คำสั่งทั้งหมดของท่าน', icon: QUESTION },
    { menu: 'executive', place: 4, label: 'ช่วยเหลือ', sends: { text: 'ช่วยเหลือ' }, title: 'ช่วยเหลือ', hint: 'คำสั่งทั้งหมดของท่าน', icon: QUESTION },
    { menu: 'admin', place: 8, label: 'ช่วยเหลือ', sends: { text: 'ช่วยเหลือ' }, title: 'ช่วยเหลือ', hint: 'คำสั่งทั้งหมดของท่าน', icon: QUESTION },
  ],
  words: ['ช่วยเหลือ', 'เมนู', 'help', 'menu'],
  // A message that only asks what the bot does or how to use it ("ใช้ยังไง", "ขอเมนูหน่อย", "ใช้จั่งใด๋"),
  // heard at any question as the words are: it is never some answer's text. Greetings are pleasantries.
  command: (t) => (means(readMessage(t), 'help') ? '' : null),
  menu: [{ for: 'staff', order: 96, help: '"ช่วยเหลือ" แสดงข้อความนี้' }],
  handle: async (ctx) => [helpMessage(ctx.features, ctx.sender.roles)],
};
