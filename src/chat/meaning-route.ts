import type { DialogInput } from '../dialogs/types.js';
import { isComplaintState, offerAnswer } from '../features/complaint/dialog.js';
import { isCancelPhrase } from '../domain/cancel-phrase.js';
import type { DialogState } from '../domain/dialog-state.js';
import { quickText, text, type Message, type QuickReply } from '../line/messages.js';
import type { ChatContext } from '../features/common/context.js';
import { FEATURES } from './features.js';
import { offerToFile } from '../features/complaint/feature.js';
import { helpQuickReplies } from '../features/help/menu.js';
import { likelyIntents, readMessage, SURE, type Intent, type Reading } from '../features/common/meanings/score.js';

/**
 * The meaning layer's part of routing (issue 26): what a message means when no listed command or
 * phrase fits it, or when the one that fits is not the writer's to use. Pleasantries get a polite
 * answer, a problem report is offered for filing, a staff member's words mean what they would for their
 * role, and an uncertain reading is asked about with its likely meanings as buttons.
 */

export const PLEASANTRY_REPLY = 'ยินดีให้บริการ หากต้องการสิ่งใด เลือกจากปุ่มด้านล่างได้เลย';
export const UNSURE = 'ขออภัย ไม่แน่ใจว่าท่านหมายถึงเรื่องใด เลือกจากปุ่มด้านล่างได้เลย';
/** A message that means nothing the bot knows: a short answer and the person's own buttons, never the whole help text. */
export const NOTHING_FITS = 'ขออภัย ยังไม่แน่ใจว่าท่านต้องการให้ช่วยเรื่องใด เลือกจากปุ่มด้านล่างได้เลย หรือเล่าปัญหาที่พบมาได้ทันที';

/** Reads a typed message; null for anything else. */
export const readInput = (input: DialogInput): Reading | null => (input.kind === 'text' ? readMessage(input.text) : null);

/** Thanks, OK, a greeting, a laugh, an emoji alone, or a sticker. */
export const isPleasantry = (input: DialogInput, reading: Reading | null): boolean =>
  (input.kind === 'other' && input.what === 'sticker') || (reading !== null && reading.scores.pleasantry >= SURE);

export const pleasantryReply = (ctx: ChatContext): Message[] => [text(PLEASANTRY_REPLY, helpQuickReplies(ctx.features, ctx.sender.roles))];

/** Typed text nothing fits ("ทดสอบ", "ฝนตกหนักมากวันนี้"): the main buttons, and help one tap away. */
export const nothingFitsReply = (ctx: ChatContext): Message[] => [text(NOTHING_FITS, [...helpQuickReplies(ctx.features, ctx.sender.roles).slice(0, 12), quickText('ช่วยเหลือ')])];

/** A message typed at the "file this?" offer that answers something else: the offer gives way to it. */
export const leavesStoryOffer = (dialog: DialogState | null, input: DialogInput): boolean =>
  isComplaintState(dialog) && dialog.step === 'offer' && input.kind === 'text' && offerAnswer(input) === null && !isCancelPhrase(input.text);

const feature = (name: string) => FEATURES.find((f) => f.name === name)!;
const FEATURE_OF: Partial<Record<Intent, string>> = { summary: 'summary', export: 'exportReport' };

function usableBy(ctx: ChatContext) {
  return (intent: Intent) => {
    const name = FEATURE_OF[intent];
    if (!name) return intent !== 'pleasantry';
    const f = feature(name);
    return !f.allowed || f.allowed(ctx.sender);
  };
}

const BUTTON: Record<Exclude<Intent, 'pleasantry'>, string> = {
  summary: 'สรุป',
  export: 'ส่งออกรายงาน',
  complaint: 'ร้องเรียน',
  corruption: 'แจ้งทุจริต',
  myCases: 'เรื่องของฉัน',
  help: 'ช่วยเหลือ',
};

/**
 * Answers by meaning, or null when the message means nothing the writer may ask for (the caller then
 * refuses or shows help as before).
 */
export async function answerByMeaning(ctx: ChatContext, reading: Reading): Promise<Message[] | null> {
  const intents = likelyIntents(reading, usableBy(ctx));
  if (intents.length === 0 || ctx.input.kind !== 'text') return null;
  const story = ctx.input.text;
  const score = (i: Intent | undefined) => (i ? reading.scores[i] : 0);
  // Corruption words always put the confidential channel first, whatever else the message says.
  const top = score('corruption') >= SURE && intents.includes('corruption') ? 'corruption' : intents[0]!;
  const sure = score(top) >= SURE && (top === 'corruption' || score(top) > score(intents.find((i) => i !== top)));
  if (!sure) {
    // The likely meanings first, then the person's own main commands, so that there are always two or three.
    const labels = [...intents.map((i) => BUTTON[i as Exclude<Intent, 'pleasantry'>]), ...helpQuickReplies(ctx.features, ctx.sender.roles).map((q) => q.action?.label ?? '')].filter(Boolean) as string[];
    const buttons: QuickReply[] = [...new Set(labels)].slice(0, 3).map((label) => quickText(label));
    return [text(UNSURE, [...buttons, quickText('ช่วยเหลือ')])];
  }
  if (ctx.dialog) await ctx.endDialog();
  switch (top) {
    case 'summary':
    case 'export':
      ctx.argument = '';
      return feature(FEATURE_OF[top]!).handle(ctx);
    case 'corruption':
      if (reading.tellsStory) return offerToFile(ctx, story, 'corruption');
      ctx.argument = 'corruption';
      return feature('complaint').handle(ctx);
    default:
      return offerToFile(ctx, story, 'general');
  }
}
