/**
 * Webhook fixtures for tests: one realistic sample of every webhook event type in
 * @line/bot-sdk v11's `webhook.Event` union, plus helpers to build single events,
 * wrap them in a webhook body and sign that body the way the LINE Platform does.
 *
 * Shapes follow the SDK's generated types (lib/webhook/model/*.ts) and the examples in
 * LINE's Messaging API reference. Where LINE sends no `source` or no `replyToken` for an
 * event type, the sample has none either (noted per event below).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { webhook } from '@line/bot-sdk';

// ---------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BITS = 80n;
const RANDOM_MAX = (1n << RANDOM_BITS) - 1n;

let lastTime = -1;
let lastRandom = 0n;

function encodeBase32(value: bigint, length: number): string {
  let out = '';
  let n = value;
  for (let i = 0; i < length; i++) {
    out = CROCKFORD.charAt(Number(n & 31n)) + out;
    n >>= 5n;
  }
  return out;
}

/**
 * A ULID (26 chars, uppercase Crockford base32): 10 chars of millisecond time followed by
 * 16 chars (80 bits) of randomness — the format LINE uses for `webhookEventId`.
 * IDs made within the same millisecond increase monotonically, so they never collide within
 * one process.
 */
export function newEventId(time: number = Date.now()): string {
  let random: bigint;
  if (time === lastTime && lastRandom < RANDOM_MAX) {
    random = lastRandom + 1n;
  } else {
    random = BigInt(`0x${randomBytes(10).toString('hex')}`);
  }
  lastTime = time;
  lastRandom = random;
  return encodeBase32(BigInt(time), 10) + encodeBase32(random, 16);
}

/** A reply token: 32 lowercase hex characters. */
export function newReplyToken(): string {
  return randomBytes(16).toString('hex');
}

/** A message ID as LINE sends it: an 18-digit decimal string. */
export function newMessageId(): string {
  const n = BigInt(`0x${randomBytes(8).toString('hex')}`) % 900_000_000_000_000_000n;
  return (n + 100_000_000_000_000_000n).toString();
}

/** Opaque token LINE attaches to quotable messages (text, image, video, sticker). */
function newQuoteToken(): string {
  return randomBytes(64).toString('base64url');
}

/** Opaque token for the "mark as read" API, attached to message events. */
function newMarkAsReadToken(): string {
  return randomBytes(48).toString('base64url');
}

/** Fixed group / room IDs (LINE format: 'C' or 'R' followed by 32 hex chars). */
export const SAMPLE_GROUP_ID = 'C4af4980629000000000000000000000a';
export const SAMPLE_ROOM_ID = 'Ra8dbf4673c0000000000000000000000';
/** The bot's own user ID, used where an event names the bot (module events). */
export const SAMPLE_BOT_USER_ID = 'Udeadbeefdeadbeefdeadbeefdeadbeef';

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

type CommonFields = Pick<webhook.EventBase, 'timestamp' | 'mode' | 'webhookEventId' | 'deliveryContext'>;

function common(): CommonFields {
  const timestamp = Date.now();
  return {
    timestamp,
    mode: 'active',
    webhookEventId: newEventId(timestamp),
    deliveryContext: { isRedelivery: false },
  };
}

export function userSource(userId: string): webhook.UserSource {
  return { type: 'user', userId };
}

/** Group source. LINE omits `userId` for join/leave/memberJoined/memberLeft. */
export function groupSource(userId?: string, groupId: string = SAMPLE_GROUP_ID): webhook.GroupSource {
  return userId === undefined ? { type: 'group', groupId } : { type: 'group', groupId, userId };
}

export function roomSource(userId?: string, roomId: string = SAMPLE_ROOM_ID): webhook.RoomSource {
  return userId === undefined ? { type: 'room', roomId } : { type: 'room', roomId, userId };
}

/** A message event whose `message` is narrowed to one message content type. */
export type MessageEventOf<M extends webhook.MessageContent> = webhook.MessageEvent & { message: M };
export type TextMessageEvent = MessageEventOf<webhook.TextMessageContent>;

function messageEvent<M extends webhook.MessageContent>(userId: string, message: M): MessageEventOf<M> {
  return {
    type: 'message',
    ...common(),
    source: userSource(userId),
    replyToken: newReplyToken(),
    message,
  };
}

// ---------------------------------------------------------------------------
// Single-event helpers
// ---------------------------------------------------------------------------

/**
 * Overrides for `textEvent`: any top-level event field (source, replyToken, timestamp,
 * deliveryContext, ...), and `message` fields merged into the text message content.
 */
export type TextEventOverrides = Partial<Omit<webhook.MessageEvent, 'type' | 'message'>> & {
  message?: Partial<Omit<webhook.TextMessageContent, 'type'>>;
};

export function textEvent(userId: string, text: string, overrides: TextEventOverrides = {}): TextMessageEvent {
  const { message: messageOverrides, ...eventOverrides } = overrides;
  const base = messageEvent<webhook.TextMessageContent>(userId, {
    type: 'text',
    id: newMessageId(),
    text,
    quoteToken: newQuoteToken(),
    markAsReadToken: newMarkAsReadToken(),
  });
  return {
    ...base,
    ...eventOverrides,
    type: 'message',
    message: { ...base.message, ...messageOverrides, type: 'text' },
  };
}

/**
 * Postback event. `params` is what LINE adds for datetime pickers (`date`, `time` or
 * `datetime`) and rich menu switch actions (`newRichMenuAliasId`, `status`).
 */
export function postbackEvent(userId: string, data: string, params?: Record<string, string>): webhook.PostbackEvent {
  return {
    type: 'postback',
    ...common(),
    source: userSource(userId),
    replyToken: newReplyToken(),
    postback: params === undefined ? { data } : { data, params },
  };
}

/** Image sent from the LINE app: content is stored by LINE (`contentProvider.type: 'line'`). */
export function imageEvent(userId: string): MessageEventOf<webhook.ImageMessageContent> {
  return messageEvent(userId, {
    type: 'image',
    id: newMessageId(),
    contentProvider: { type: 'line' },
    quoteToken: newQuoteToken(),
    markAsReadToken: newMarkAsReadToken(),
  });
}

/** A file sent from the LINE app (audio, file and location messages carry no quoteToken). */
export function fileEvent(userId: string, file: { fileName: string; fileSize: number; id?: string }, source: webhook.Source = userSource(userId)): MessageEventOf<webhook.FileMessageContent> {
  return { ...messageEvent(userId, { type: 'file', id: file.id ?? newMessageId(), fileName: file.fileName, fileSize: file.fileSize, markAsReadToken: newMarkAsReadToken() }), source };
}

/** A location shared from the LINE app. */
export function locationEvent(userId: string, place = { title: 'ศาลาประชาคมหมู่ 3', address: 'ตำบลโพธิ์ทอง อำเภอโพธิ์ทอง จังหวัดอ่างทอง', latitude: 14.6419, longitude: 100.4126 }): MessageEventOf<webhook.LocationMessageContent> {
  return messageEvent(userId, { type: 'location', id: newMessageId(), ...place });
}

export function stickerEvent(userId: string): MessageEventOf<webhook.StickerMessageContent> {
  return messageEvent(userId, { type: 'sticker', id: newMessageId(), packageId: '446', stickerId: '1988', stickerResourceType: 'STATIC', quoteToken: newQuoteToken() });
}

export function followEvent(userId: string, isUnblocked = false): webhook.FollowEvent {
  return {
    type: 'follow',
    ...common(),
    source: userSource(userId),
    replyToken: newReplyToken(),
    follow: { isUnblocked },
  };
}

// ---------------------------------------------------------------------------
// Every event type
// ---------------------------------------------------------------------------

export type EventType = webhook.Event['type'];
export type EventOfType<K extends EventType> = Extract<webhook.Event, { type: K }>;
/** Samples keyed by event type. Mapped over the SDK's union, so an SDK upgrade that adds an
 * event type fails to compile here until a sample is added. */
export type EventSamples = { [K in EventType]: EventOfType<K>[] };

type MessageType = webhook.MessageContent['type'];
type MessageSamples = {
  [K in MessageType]: MessageEventOf<Extract<webhook.MessageContent, { type: K }>>;
};

function messageSamples(userId: string): MessageSamples {
  return {
    text: textEvent(userId, 'สวัสดีครับ ขอสอบถามเรื่องการร้องเรียน'),
    image: imageEvent(userId),
    video: messageEvent(userId, {
      type: 'video',
      id: newMessageId(),
      duration: 15_000,
      contentProvider: { type: 'line' },
      quoteToken: newQuoteToken(),
      markAsReadToken: newMarkAsReadToken(),
    }),
    // Audio, file and location messages carry no quoteToken (not quotable).
    audio: messageEvent(userId, {
      type: 'audio',
      id: newMessageId(),
      duration: 60_000,
      contentProvider: { type: 'line' },
      markAsReadToken: newMarkAsReadToken(),
    }),
    file: messageEvent(userId, {
      type: 'file',
      id: newMessageId(),
      fileName: 'รายงานการประชุม.pdf',
      fileSize: 204_800,
      markAsReadToken: newMarkAsReadToken(),
    }),
    location: messageEvent(userId, {
      type: 'location',
      id: newMessageId(),
      title: 'ศาลาว่าการกรุงเทพมหานคร',
      address: '173 ถนนดินสอ แขวงเสาชิงช้า เขตพระนคร กรุงเทพมหานคร 10200',
      latitude: 13.7539,
      longitude: 100.5014,
      markAsReadToken: newMarkAsReadToken(),
    }),
    sticker: messageEvent(userId, {
      type: 'sticker',
      id: newMessageId(),
      packageId: '446',
      stickerId: '1988',
      stickerResourceType: 'STATIC',
      keywords: ['Happy', 'Smile', 'OK'],
      quoteToken: newQuoteToken(),
      markAsReadToken: newMarkAsReadToken(),
    }),
  };
}

/** One or more realistic samples of every event type in the SDK's `webhook.Event` union. */
export function eventSamplesByType(userId: string): EventSamples {
  const messages = messageSamples(userId);
  return {
    follow: [followEvent(userId)],
    message: [
      messages.text,
      messages.image,
      messages.video,
      messages.audio,
      messages.file,
      messages.location,
      messages.sticker,
    ],
    // No replyToken for unsend. Refers to the text message above.
    unsend: [
      {
        type: 'unsend',
        ...common(),
        source: userSource(userId),
        unsend: { messageId: messages.text.message.id },
      },
    ],
    postback: [
      postbackEvent(userId, 'action=menu'),
      postbackEvent(userId, 'action=appointment', { datetime: '2025-06-30T09:30' }),
      postbackEvent(userId, 'action=report_date', { date: '2025-06-30' }),
      postbackEvent(userId, 'action=report_time', { time: '13:45' }),
      postbackEvent(userId, 'action=switch_menu', { newRichMenuAliasId: 'richmenu-alias-b', status: 'SUCCESS' }),
    ],
    videoPlayComplete: [
      {
        type: 'videoPlayComplete',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        videoPlayComplete: { trackingId: 'intro-video-001' },
      },
    ],
    beacon: [
      {
        type: 'beacon',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        beacon: { hwid: 'd41d8cd98f', type: 'enter' },
      },
    ],
    accountLink: [
      {
        type: 'accountLink',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        link: { result: 'ok', nonce: randomBytes(16).toString('base64url') },
      },
    ],
    membership: [
      {
        type: 'membership',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        membership: { type: 'joined', membershipId: 3189 },
      },
      {
        type: 'membership',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        membership: { type: 'renewed', membershipId: 3189 },
      },
      {
        type: 'membership',
        ...common(),
        source: userSource(userId),
        replyToken: newReplyToken(),
        membership: { type: 'left', membershipId: 3189 },
      },
    ],
    // The bot was invited to a group: group source without userId.
    join: [
      {
        type: 'join',
        ...common(),
        source: groupSource(),
        replyToken: newReplyToken(),
      },
    ],
    memberJoined: [
      {
        type: 'memberJoined',
        ...common(),
        source: groupSource(),
        replyToken: newReplyToken(),
        joined: { members: [userSource(userId)] },
      },
    ],
    // No replyToken for memberLeft.
    memberLeft: [
      {
        type: 'memberLeft',
        ...common(),
        source: groupSource(),
        left: { members: [userSource(userId)] },
      },
    ],
    // The bot was removed from the group: no replyToken.
    leave: [
      {
        type: 'leave',
        ...common(),
        source: groupSource(),
      },
    ],
    // Module channel events (chat control): activated/deactivated come with a user source,
    // no replyToken.
    activated: [
      {
        type: 'activated',
        ...common(),
        source: userSource(userId),
        chatControl: { expireAt: Date.now() + 60 * 60 * 1000 },
      },
    ],
    deactivated: [
      {
        type: 'deactivated',
        ...common(),
        source: userSource(userId),
      },
    ],
    // LINE notification messages (PNP) delivery completion: user source, no replyToken;
    // `data` is the hashed phone number (or the X-Line-Delivery-Tag).
    delivery: [
      {
        type: 'delivery',
        ...common(),
        source: userSource(userId),
        delivery: { data: createHash('sha256').update('+66812345678').digest('hex') },
      },
    ],
    // Module attach/detach and bot suspend/resume are sent to a module channel about the
    // LINE Official Account as a whole: LINE sends them with no source and no replyToken.
    module: [
      {
        type: 'module',
        ...common(),
        module: { type: 'attached', botId: SAMPLE_BOT_USER_ID, scopes: ['message:send', 'message:receive'] },
      },
      {
        type: 'module',
        ...common(),
        module: { type: 'detached', botId: SAMPLE_BOT_USER_ID, reason: 'bot_deleted' },
      },
    ],
    botSuspended: [{ type: 'botSuspended', ...common() }],
    botResumed: [{ type: 'botResumed', ...common() }],
    // No replyToken for unfollow.
    unfollow: [
      {
        type: 'unfollow',
        ...common(),
        source: userSource(userId),
      },
    ],
  };
}

/**
 * Every sample of every event type, in a plausible order (follow, messages, ..., unfollow).
 * Each event has its own fresh webhookEventId.
 */
export function allEventSamples(userId: string): webhook.Event[] {
  const byType = eventSamplesByType(userId);
  const events: webhook.Event[] = [];
  for (const samples of Object.values(byType) as webhook.Event[][]) {
    events.push(...samples);
  }
  return events;
}

/**
 * LINE Things events (`type: 'things'`: device link, unlink, scenarioResult). They are NOT in
 * allEventSamples: LINE Things has ended, LINE removed ThingsEvent from its webhook OpenAPI
 * spec (line/line-openapi PR #112, 2025), and @line/bot-sdk v11 has no type for it. Kept here
 * as plain objects cast to `webhook.Event` so tests can check the bot ignores event types it
 * does not know. Do not narrow on their `type`: it is outside the SDK's union.
 */
export function legacyThingsEventSamples(userId: string): webhook.Event[] {
  const deviceId = 't016560bc3fb1e42b9fe9293ca6e2db71';
  const things = (content: Record<string, unknown>): webhook.Event =>
    // No SDK type exists for this event (see above), hence the cast.
    ({
      type: 'things',
      ...common(),
      source: userSource(userId),
      replyToken: newReplyToken(),
      things: content,
    }) as unknown as webhook.Event;
  const now = Date.now();
  return [
    things({ type: 'link', deviceId }),
    things({ type: 'unlink', deviceId }),
    things({
      type: 'scenarioResult',
      deviceId,
      result: {
        scenarioId: 'dummy_scenario_id',
        revision: 2,
        startTime: now - 2,
        endTime: now,
        resultCode: 'success',
        bleNotificationPayload: 'AQ==',
        actionResults: [{ type: 'binary', data: '/w==' }],
      },
    }),
  ];
}

// ---------------------------------------------------------------------------
// Webhook request
// ---------------------------------------------------------------------------

/** The JSON body LINE posts to the webhook: `{ destination, events }`. */
export function webhookBody(events: webhook.Event[], destination = 'Udeadbeefdeadbeefdeadbeefdeadbeef'): string {
  const body: webhook.CallbackRequest = { destination, events };
  return JSON.stringify(body);
}

/** The X-Line-Signature header value: base64 HMAC-SHA256 of the raw body (UTF-8) with the channel secret. */
export function sign(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body, 'utf8').digest('base64');
}

// ---------------------------------------------------------------------------
// Group chats
// ---------------------------------------------------------------------------

/** The bot invited into a group. */
export function joinEvent(groupId: string = SAMPLE_GROUP_ID): webhook.JoinEvent {
  return { type: 'join', ...common(), source: groupSource(undefined, groupId), replyToken: newReplyToken() };
}

/** The bot removed from a group (no reply token). */
export function leaveEvent(groupId: string = SAMPLE_GROUP_ID): webhook.LeaveEvent {
  return { type: 'leave', ...common(), source: groupSource(undefined, groupId) };
}

/** Text said in a group; LINE names the sender only for people it can name (`userId` undefined: not named). */
export function groupTextEvent(userId: string | undefined, text: string, groupId: string = SAMPLE_GROUP_ID): TextMessageEvent {
  return textEvent(userId ?? 'U-unnamed', text, { source: groupSource(userId, groupId) });
}

/** A button tapped in a group. */
export function groupPostbackEvent(userId: string, data: string, groupId: string = SAMPLE_GROUP_ID): webhook.PostbackEvent {
  return { ...postbackEvent(userId, data), source: groupSource(userId, groupId) };
}
