import type { Attachment } from '../domain/attachments.js';
import type { DialogState } from '../domain/dialog-state.js';
import type { Message } from '../line/messages.js';

/** A user's message or button press, reduced to what dialogs read. */
export type DialogInput =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; action: string; params: Record<string, string> }
  | { kind: 'media'; mediaKind: 'image' | 'video' | 'audio' | 'file'; messageId: string; fileName: string | null; fileSize?: number }
  | { kind: 'location'; location: { title: string; address: string; latitude: number; longitude: number } }
  | { kind: 'other'; what: string };

/** The effect every dialog with evidence shares: copy the file out of LINE while LINE still has it. */
export type StoreAttachment = { type: 'storeAttachment'; attachment: Attachment };

/**
 * What a dialog step decides. `state` undefined leaves the saved state as it is, null clears it.
 * Effects are carried out by the shell after the step, before the replies are sent.
 */
export interface Outcome<E = never> {
  replies: Message[];
  state?: DialogState | null;
  effects?: E[];
}
