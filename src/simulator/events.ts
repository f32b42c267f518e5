import { createHmac, randomBytes } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';

/** Webhook events as LINE builds them, for the simulator to send to the bot's own /webhook. */
export type SimulatedInput =
  | { type: 'text'; text: string }
  | { type: 'postback'; data: string; displayText?: string }
  | { type: 'location'; title: string; address: string; latitude: number; longitude: number }
  /** A photo; the simulator names which of its sample photos (sample-photos.ts) the LINE content is. */
  | { type: 'image'; sample?: string }
  /** A file (the admin's plan); the simulator makes its bytes the LINE content of the message. */
  | { type: 'file'; fileName: string; fileSize: number }
  /** The bot invited into a group (a group persona's first visit). */
  | { type: 'join' };

let counter = 0;
const id = (length: number) => randomBytes(length).toString('hex');

/** A ULID-like, time-ordered id: LINE's webhookEventId format. */
function eventId(now: number): string {
  counter = (counter + 1) % 1_000_000;
  return `${now.toString(36).toUpperCase().padStart(10, '0')}${String(counter).padStart(6, '0')}${id(5).toUpperCase()}`.slice(0, 26);
}

/** What a persona does, in their own chat or, with `groupId`, in that group (as LINE names a group's sender). */
export function simulatedEvent(userId: string, input: SimulatedInput, now = Date.now(), groupId?: string): webhook.Event & { replyToken: string } {
  const base = {
    timestamp: now,
    mode: 'active' as const,
    webhookEventId: eventId(now),
    deliveryContext: { isRedelivery: false },
    source: groupId ? { type: 'group' as const, groupId, userId } : { type: 'user' as const, userId },
    replyToken: id(16),
  };
  const messageId = String(BigInt(`0x${id(7)}`));
  switch (input.type) {
    case 'text':
      return { ...base, type: 'message', message: { type: 'text', id: messageId, text: input.text, quoteToken: id(8) } };
    case 'postback':
      return { ...base, type: 'postback', postback: { data: input.data } };
    case 'location':
      return { ...base, type: 'message', message: { type: 'location', id: messageId, title: input.title, address: input.address, latitude: input.latitude, longitude: input.longitude } };
    case 'image':
      return { ...base, type: 'message', message: { type: 'image', id: messageId, contentProvider: { type: 'line' }, quoteToken: id(8) } };
    case 'file':
      return { ...base, type: 'message', message: { type: 'file', id: messageId, fileName: input.fileName, fileSize: input.fileSize } };
    case 'join':
      // LINE names nobody in a join event's source.
      return { ...base, type: 'join', source: { type: 'group', groupId: groupId ?? userId } };
  }
}

export function signBody(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
