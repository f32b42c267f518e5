import type { webhook } from '@line/bot-sdk';
import type { DialogInput } from '../dialogs/types.js';
import { parsePostbackData } from '../line/postback.js';

/** Reduces a message or postback event to a dialog input; other events have none. */
export function toDialogInput(event: webhook.Event): DialogInput | null {
  if (event.type === 'postback') {
    const { action, params } = parsePostbackData(event.postback.data);
    return { kind: 'postback', action, params };
  }
  if (event.type !== 'message') return null;
  const m = event.message;
  switch (m.type) {
    case 'text':
      return { kind: 'text', text: m.text };
    case 'image':
    case 'video':
    case 'audio':
      return { kind: 'media', mediaKind: m.type, messageId: m.id, fileName: null };
    case 'file':
      return { kind: 'media', mediaKind: 'file', messageId: m.id, fileName: m.fileName, fileSize: m.fileSize };
    case 'location':
      return { kind: 'location', location: { title: m.title ?? '', address: m.address ?? '', latitude: m.latitude, longitude: m.longitude } };
    default:
      return { kind: 'other', what: m.type };
  }
}
