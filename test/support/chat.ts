import { arabicDigits } from '../../src/domain/thai.js';
import type { webhook } from '@line/bot-sdk';
import type { Harness, TestChannel } from './harness.js';
import { fileEvent, imageEvent, postbackEvent, textEvent } from './line-events.js';

/** One LINE user talking to the bot through signed webhooks; each call returns what the bot answered. */
export class Chat {
  lastEvent: webhook.Event | undefined;

  constructor(
    private readonly h: Harness,
    readonly userId: string,
    /** Another organisation's channel; the default organisation's when unset. */
    private readonly channel?: TestChannel,
  ) {}

  say(text: string): Promise<any[]> {
    return this.send(textEvent(this.userId, text));
  }

  tap(postbackData: string): Promise<any[]> {
    return this.send(postbackEvent(this.userId, postbackData));
  }

  sendImage(): Promise<any[]> {
    return this.send(imageEvent(this.userId));
  }

  /**
   * Sends a file message whose bytes the fake LINE serves from its content API, as LINE does for a file a
   * user sent; `fileSize` is what the event claims (the real size unless given).
   */
  sendFile(fileName: string, content: Buffer, options: { fileSize?: number; contentType?: string } = {}): Promise<any[]> {
    const event = fileEvent(this.userId, { fileName, fileSize: options.fileSize ?? content.length });
    this.h.line.contents.set(event.message.id, { contentType: options.contentType ?? 'application/octet-stream', data: content });
    return this.send(event);
  }

  async send(event: webhook.Event): Promise<any[]> {
    this.lastEvent = event;
    if (this.channel) await this.h.sendThrough(this.channel, event);
    else await this.h.send(event);
    const token = 'replyToken' in event ? event.replyToken : undefined;
    return this.h.line.requests
      .filter((r) => r.status === 200 && r.path === '/v2/bot/message/reply' && r.body.replyToken === token)
      .flatMap((r) => r.body.messages);
  }
}

/**
 * All text a user would read in these messages: text bodies, flex texts and button labels, read back in
 * Arabic digits, so that an assertion holds whichever digit style the organisation chose.
 */
export function visibleText(messages: any[]): string {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node.text === 'string') out.push(node.text);
    if (typeof node.label === 'string') out.push(node.label);
    if (typeof node.altText === 'string') out.push(node.altText);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  return arabicDigits(out.join('\n'));
}

/** The data of every postback button and quick reply in a message, in order. */
export function postbackDataIn(message: any): string[] {
  const out: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'postback') out.push(node.data);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(message);
  return out;
}

/** A button on the bubble (of a carousel) that names this person on a line of its own, e.g. the staff list's. */
export function buttonOnBubbleOf(messages: any[], name: string, label: string): string {
  const carousel = messages.find((m) => m.type === 'flex')?.contents;
  const bubble = carousel?.contents?.find((b: any) => visibleText([b]).split('\n').includes(name));
  if (!bubble) throw new Error(`no bubble of ${name} in ${visibleText(messages).slice(0, 300)}`);
  return postbackOf([bubble], label);
}

/** The postback data of the first button or quick reply whose label matches (read in Arabic digits). */
export function postbackOf(messages: any[], label: string | RegExp): string {
  let found: string | undefined;
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return;
    const shown = typeof node.label === 'string' ? arabicDigits(node.label) : null;
    if (node.type === 'postback' && shown !== null && (typeof label === 'string' ? shown === label : label.test(shown))) {
      found = node.data;
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  if (!found) throw new Error(`no postback button labelled ${label} in ${JSON.stringify(messages).slice(0, 500)}`);
  return found;
}

/** A citizen files an anonymous general complaint the shortest way, as a person taps and types it; returns the receipt. */
export async function fileGeneralComplaint(chat: Chat, description: string): Promise<any[]> {
  await chat.say('ร้องเรียน');
  await chat.tap('a=cm.kind&k=general');
  await chat.say(description);
  await chat.say('ข้าม');
  await chat.say('ไม่ประสงค์ออกนาม');
  const confirm = await chat.say('รับแจ้ง');
  return chat.tap(postbackOf(confirm, 'ยืนยันส่งเรื่อง'));
}

/** The address behind the first link button (a flex uri action) whose label matches, or behind the first one. */
export function uriOf(messages: any[], label?: string | RegExp): string {
  let found: string | undefined;
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return;
    const shown = typeof node.label === 'string' ? arabicDigits(node.label) : '';
    if (node.type === 'uri' && (label === undefined || (typeof label === 'string' ? shown === label : label.test(shown)))) {
      found = node.uri;
      return;
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  messages.forEach(walk);
  if (!found) throw new Error(`no link button${label ? ` labelled ${label}` : ''} in ${JSON.stringify(messages).slice(0, 500)}`);
  return found;
}
