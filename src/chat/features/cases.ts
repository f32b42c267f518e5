import { COMPLAINT_KINDS, HANDLER_ROLE, type ComplaintKind } from '../../domain/complaints.js';
import { figures, type Figures } from '../../domain/figures.js';
import { hasRole } from '../../domain/roles.js';
import { caseCarousel } from '../../flex/complaint-messages.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { text, type Message } from '../../line/messages.js';
import { CHAT_TEXT } from '../texts.js';
import type { ChatContext, Feature, Sender } from '../context.js';
import { ownCases } from './my-cases.js';

/** The kinds of case this person may handle: their channel, and nobody else's. */
export function handledKinds(sender: Sender): ComplaintKind[] {
  return COMPLAINT_KINDS.filter((k) => hasRole(sender.roles, HANDLER_ROLE[k]));
}

/** The open cases of the handler's channel, soonest deadline first, each card with its actions. */
export const cases: Feature = {
  name: 'cases',
  words: ['เรื่องร้องเรียน', 'cases'],
  async handle(ctx) {
    const kinds = handledKinds(ctx.sender);
    // The "เรื่องร้องเรียน" tile means a citizen's own cases to a citizen.
    if (kinds.length === 0 && !ctx.sender.staff) return ownCases(ctx);
    if (kinds.length === 0) return [text(CHAT_TEXT.handlersOnly)];
    return caseCarousel(await ctx.stores.complaints.openComplaints(kinds), ctx.now, 'เรื่องร้องเรียนที่ยังเปิดอยู่', figures(ctx.org.digits));
  },
};

/**
 * The dialog of a handler's step on a case (handling, closing): carried on only while the person still
 * handles a channel (a revoked role ends it), and repeated after an aside.
 */
export function handlerDialog<S extends DialogState>(
  name: string,
  isState: (dialog: DialogState | null) => dialog is S,
  step: (ctx: ChatContext, state: S) => Promise<Message[]>,
  repeat: (state: S, f: Figures) => Message[],
): NonNullable<Feature['dialog']> {
  return {
    name,
    async continue(ctx) {
      if (!isState(ctx.dialog)) return [];
      if (handledKinds(ctx.sender).length === 0) {
        await ctx.endDialog();
        return [text(CHAT_TEXT.handlersOnly)];
      }
      return step(ctx, ctx.dialog);
    },
    resume: async (ctx) => (isState(ctx.dialog) ? repeat(ctx.dialog, figures(ctx.org.digits)) : []),
  };
}
