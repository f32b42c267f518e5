import type { messagingApi } from '@line/bot-sdk';

export type Message = messagingApi.Message;
export type QuickReply = messagingApi.QuickReplyItem;

export function text(message: string, quickReplies?: QuickReply[]): messagingApi.TextMessage {
  return quickReplies && quickReplies.length > 0
    ? { type: 'text', text: message, quickReply: { items: quickReplies } }
    : { type: 'text', text: message };
}

export function quickText(label: string, textToSend = label): QuickReply {
  return { type: 'action', action: { type: 'message', label, text: textToSend } };
}

export function quickPostback(label: string, data: string, displayText = label): QuickReply {
  return { type: 'action', action: { type: 'postback', label, data, displayText } };
}
