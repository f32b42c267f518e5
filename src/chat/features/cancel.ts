import { text } from '../../line/messages.js';
import { ACTION } from '../../line/postback.js';
import { CHAT_TEXT } from '../texts.js';
import type { Feature } from '../context.js';

export const cancel: Feature = {
  name: 'cancel',
  words: ['ยกเลิก', 'cancel'],
  postbacks: [ACTION.cancel],
  async handle(ctx) {
    if (!ctx.dialog) return [text(CHAT_TEXT.nothingUnderway)];
    await ctx.endDialog();
    return [text('ยกเลิกรายการที่ทำค้างไว้แล้ว ข้อมูลที่ยังไม่ได้ยืนยันจะไม่ถูกบันทึก')];
  },
};
