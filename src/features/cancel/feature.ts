import { cancelPhrase } from '../../domain/cancel-phrase.js';
import { quickPostback, text } from '../../line/messages.js';
import { postbackData } from '../../line/postback.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { Feature } from '../common/context.js';
import { CANCEL_ACTIONS } from './actions.js';
import { SWITCH_ACTIONS } from '../common/switch.actions.js';

const SAY = {
  done: 'ยกเลิกรายการที่ทำค้างไว้แล้ว ข้อมูลที่ยังไม่ได้ยืนยันจะไม่ถูกบันทึก',
  // True of every dialog: one that stores each answer as it is given (the name and position) has confirmed them.
  sure: 'ต้องการยกเลิกรายการที่ทำค้างไว้ใช่ไหม ข้อมูลที่ยังไม่ได้ยืนยันจะไม่ถูกบันทึก',
} as const;

/** Marks a typed phrase that only may mean cancel ("หยุดก่อน"), for the handler to ask once before throwing the dialog away. */
const SOFT = 'soft';

export const cancel: Feature = {
  name: 'cancel',
  menu: [{ for: 'staff', order: 95, help: '"ยกเลิก" ยกเลิกรายการที่ทำค้างอยู่' }],
  words: ['ยกเลิก', 'cancel'],
  // Heard at every step of every dialog, as the exact words are: a message that is only a cancel phrase
  // ("ยกเลิกค่ะ", "Cancel ครับ", "ไม่เอาแล้ว") is never taken as the answer to a question.
  command: (t) => {
    const strength = cancelPhrase(t);
    return strength === null ? null : strength === 'soft' ? SOFT : '';
  },
  actions: CANCEL_ACTIONS,
  async handle(ctx) {
    if (!ctx.dialog) return [text(CHAT_TEXT.nothingUnderway)];
    if (ctx.argument === SOFT && ctx.input.kind === 'text') {
      // Saved as it stands, so that the dialog's question is not asked again under this one (its buttons
      // would replace these) and its time-out starts over.
      const ask = text(SAY.sure, [quickPostback('ยกเลิกรายการ', postbackData(CANCEL_ACTIONS.cancel)), quickPostback('ทำรายการเดิมต่อ', postbackData(SWITCH_ACTIONS.keepDialog))]);
      return ctx.run({ replies: [ask], state: ctx.dialog });
    }
    await ctx.endDialog();
    return [text(SAY.done)];
  },
};
