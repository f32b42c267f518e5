import type { messagingApi } from '@line/bot-sdk';
import type { StaffRole } from '../domain/roles.js';

export type Message = messagingApi.Message;

/** A user's message or button press, reduced to what dialogs read. */
export type DialogInput =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; action: string; params: Record<string, string> }
  | { kind: 'media'; mediaKind: 'image' | 'video' | 'audio' | 'file'; messageId: string; fileName: string | null }
  | { kind: 'location'; location: { title: string; address: string; latitude: number; longitude: number } }
  | { kind: 'other'; what: string };

export interface StaffFacts {
  lineUserId: string;
  displayName: string;
  roles: StaffRole[];
  unit: string | null;
}

/** A saved dialog position: which dialog, which step, and the dialog's own draft. */
export interface DialogState<D extends object = object> {
  dialog: string;
  step: string;
  data: D;
}

/**
 * What a dialog step decides. `state` undefined leaves the saved state as it is, null clears it.
 * Effects are carried out by the shell after the step, before the replies are sent.
 */
export interface Outcome<E = never> {
  replies: Message[];
  state?: DialogState | null;
  effects?: E[];
}

/** Postback data is a URL query string: short (LINE allows 300 characters) and easy to read in logs. */
export function postbackData(action: string, params: Record<string, string> = {}): string {
  return new URLSearchParams({ a: action, ...params }).toString();
}

export function parsePostbackData(data: string): { action: string; params: Record<string, string> } {
  const params = Object.fromEntries(new URLSearchParams(data));
  const { a = '', ...rest } = params;
  return { action: a, params: rest };
}

export function text(message: string, quickReplies?: messagingApi.QuickReplyItem[]): messagingApi.TextMessage {
  return quickReplies && quickReplies.length > 0
    ? { type: 'text', text: message, quickReply: { items: quickReplies } }
    : { type: 'text', text: message };
}

export function quickText(label: string, textToSend = label): messagingApi.QuickReplyItem {
  return { type: 'action', action: { type: 'message', label, text: textToSend } };
}

export function quickPostback(label: string, data: string, displayText = label): messagingApi.QuickReplyItem {
  return { type: 'action', action: { type: 'postback', label, data, displayText } };
}
