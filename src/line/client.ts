import { AsyncLocalStorage } from 'node:async_hooks';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Config } from '../config.js';

export type Message = messagingApi.Message;

/**
 * What the rest of the app needs from LINE; tests point its base URLs at the fake LINE server.
 * Sends resolve to LINE's `x-line-request-id`, the only handle LINE support has on a request.
 */
export interface LineClient {
  reply(replyToken: string, messages: Message[]): Promise<string | null>;
  push(to: string, messages: Message[], retryKey: string): Promise<string | null>;
  multicast(to: string[], messages: Message[], retryKey: string): Promise<string | null>;
  getDisplayName(userId: string): Promise<string | null>;
  /** A message's photo/file from LINE's data API; null when it is larger than `maxBytes`. */
  getContent(messageId: string, maxBytes: number): Promise<{ data: Buffer; contentType: string } | null>;
  /** Shows the user this rich menu instead of the default one. */
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
  /** Takes the user's own rich menu away: they see the default one again. */
  unlinkRichMenu(userId: string): Promise<void>;
  /** How many people are in a group or room the bot is in: what LINE bills a push there. */
  memberCount(groupOrRoomId: string): Promise<number>;
  /** The plan's messages a month (null: no limit) and this month's use, LINE's own figures. */
  messageQuota(): Promise<{ quota: number | null; used: number }>;
}

export class LineRequestTimeout extends Error {}

/**
 * @line/bot-sdk calls the global `fetch` and takes no AbortSignal, so a request that LINE never answers would
 * keep its socket (and the process) alive long after we gave up on it. Each LINE call runs with a signal in
 * this store, and `fetch` is wrapped once to pass that signal on: on time-out the request is aborted, its
 * socket closed, and a streamed body stops. Calls made outside a LINE call are untouched.
 */
const lineCallSignal = new AsyncLocalStorage<AbortSignal>();
let fetchCarriesSignal = false;

function passSignalToFetch(): void {
  if (fetchCarriesSignal) return;
  fetchCarriesSignal = true;
  const plainFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const signal = lineCallSignal.getStore();
    return plainFetch(input, signal && !init?.signal ? { ...init, signal } : init);
  };
}

export async function withTimeout<T>(call: () => Promise<T>, ms: number, what: string): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  try {
    return await lineCallSignal.run(signal, call);
  } catch (error) {
    if (signal.aborted) throw new LineRequestTimeout(`${what} timed out after ${ms} ms`);
    throw error;
  }
}

export function createLineClient(
  config: Pick<Config, 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL' | 'LINE_REQUEST_TIMEOUT_MS'>,
): LineClient {
  const api = new messagingApi.MessagingApiClient({
    channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
    baseURL: config.LINE_API_BASE_URL,
  });
  const blobs = new messagingApi.MessagingApiBlobClient({
    channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN,
    baseURL: config.LINE_DATA_API_BASE_URL,
  });
  const ms = config.LINE_REQUEST_TIMEOUT_MS;
  passSignalToFetch();
  return {
    async reply(replyToken, messages) {
      const { httpResponse } = await withTimeout(() => api.replyMessageWithHttpInfo({ replyToken, messages }), ms, 'reply');
      return httpResponse.headers.get('x-line-request-id');
    },
    async push(to, messages, retryKey) {
      try {
        const { httpResponse } = await withTimeout(() => api.pushMessageWithHttpInfo({ to, messages }, retryKey), ms, 'push');
        return httpResponse.headers.get('x-line-request-id');
      } catch (error) {
        // 409 means LINE already accepted a request with this retry key: the message was sent.
        if (error instanceof HTTPFetchError && error.status === 409) return error.headers.get('x-line-accepted-request-id');
        throw error;
      }
    },
    async multicast(to, messages, retryKey) {
      try {
        const { httpResponse } = await withTimeout(() => api.multicastWithHttpInfo({ to, messages }, retryKey), ms, 'multicast');
        return httpResponse.headers.get('x-line-request-id');
      } catch (error) {
        if (error instanceof HTTPFetchError && error.status === 409) return error.headers.get('x-line-accepted-request-id');
        throw error;
      }
    },
    async getDisplayName(userId) {
      try {
        const profile = await withTimeout(() => api.getProfile(userId), ms, 'profile');
        return profile.displayName;
      } catch {
        // A profile is a nicety (blocked users and some accounts have none); never fail a dialog on it.
        return null;
      }
    },
    async getContent(messageId, maxBytes) {
      // The body is read inside the call, so the time-out covers the download too.
      return withTimeout(
        async () => {
          const { httpResponse, body } = await blobs.getMessageContentWithHttpInfo(messageId);
          const chunks: Buffer[] = [];
          let size = 0;
          for await (const chunk of body) {
            size += (chunk as Buffer).length;
            if (size > maxBytes) {
              body.destroy();
              return null;
            }
            chunks.push(chunk as Buffer);
          }
          return { data: Buffer.concat(chunks), contentType: httpResponse.headers.get('content-type') ?? 'application/octet-stream' };
        },
        ms,
        'content',
      );
    },
    async linkRichMenu(userId, richMenuId) {
      await withTimeout(() => api.linkRichMenuIdToUser(userId, richMenuId), ms, 'link rich menu');
    },
    async unlinkRichMenu(userId) {
      await withTimeout(() => api.unlinkRichMenuIdFromUser(userId), ms, 'unlink rich menu');
    },
    async memberCount(id) {
      const { count } = await withTimeout(() => (id.startsWith('R') ? api.getRoomMemberCount(id) : api.getGroupMemberCount(id)), ms, 'member count');
      return count;
    },
    async messageQuota() {
      const [quota, consumption] = await withTimeout(() => Promise.all([api.getMessageQuota(), api.getMessageQuotaConsumption()]), ms, 'message quota');
      return { quota: quota.type === 'limited' ? (quota.value ?? 0) : null, used: consumption.totalUsage };
    },
  };
}

/** Whether a failed LINE call is worth retrying later (rate limit, server error, timeout, network). */
export function isTransientLineError(error: unknown): boolean {
  if (error instanceof HTTPFetchError) return (error.status === 429 && !isQuotaExhausted(error)) || error.status >= 500;
  return error instanceof LineRequestTimeout || error instanceof TypeError;
}

/** LINE's 429 for a used-up monthly message quota: retrying cannot help until next month. */
function isQuotaExhausted(error: HTTPFetchError): boolean {
  return /monthly limit/i.test(error.body ?? '');
}

/** A push LINE refused because the month's message quota is used up ("You have reached your monthly limit."). */
export function isQuotaRefusal(error: unknown): boolean {
  return error instanceof HTTPFetchError && error.status === 429 && isQuotaExhausted(error);
}

/** Seconds LINE asked us to wait (Retry-After as seconds or as an HTTP date), if it said. */
export function retryAfterSeconds(error: unknown, now: Date = new Date()): number | null {
  if (!(error instanceof HTTPFetchError)) return null;
  const value = error.headers.get('retry-after');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** HTTP status and LINE's message of a failed call, for records and logs (never the request: it holds user text). */
export function describeLineError(error: unknown): { status: number | null; message: string } {
  if (error instanceof HTTPFetchError) return { status: error.status, message: `LINE HTTP ${error.status}: ${String(error.body ?? '').slice(0, 200)}` };
  return { status: null, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
