import { COMPLAINT_KINDS, HANDLER_ROLE, type ComplaintKind } from '../../domain/complaints.js';
import { figures, type Figures } from '../../domain/figures.js';
import { hasRole } from '../../domain/roles.js';
import { caseCarousel } from '../../flex/complaint-messages.js';
import type { DialogState } from '../../domain/dialog-state.js';
import { text, type Message } from '../../line/messages.js';
import { CHAT_TEXT } from '../common/texts.js';
import type { ChatContext, Feature, Sender } from '../common/context.js';
import { ownCases } from '../my-cases/feature.js';

/** The kinds of case this person may handle: their channel, and nobody else's. */
export function handledKinds(sender: Sender): ComplaintKind[] {
  return COMPLAINT_KINDS.filter((k) => hasRole(sender.roles, HANDLER_ROLE[k]));
}

/** The open cases of the handler's channel, soonest deadline first, each card with its actions. */
export const cases: Feature = {
  name: 'cases',
  tiles: [{ menu: 'handler', place: 1, label: 'เรื่องร้องเรียน', sends: { text: 'เรื่องร้องเรียน' }, title: 'เรื่องร้องเรียน', hint: 'เรื่องที่ยังเปิดอยู่ในช่องทางของท่าน', colour: '#A4262C', icon: '<path d="M3 13l3-8h12l3 8v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z"/><path d="M3 13h5l1 3h6l1-3h5"/>' }],
  menu: [{ for: ['complaint_officer', 'integrity_officer'], order: 50, button: 'เรื่องร้องเรียน', help: '"เรื่องร้องเรียน" เรื่องที่ยังเปิดอยู่ในช่องทางของท่าน: รับผิดชอบ เปลี่ยนสถานะ บันทึกภายใน แนบภาพหลังดำเนินการ กำหนดประเภทเรื่อง ส่งต่อหน่วยงานอื่น' }],
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
