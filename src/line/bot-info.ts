import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Config } from '../config.js';
import { LineRequestTimeout, withTimeout } from './client.js';

export type BotInfoAnswer = { result: 'found'; userId: string; displayName: string } | { result: 'token-refused' } | { result: 'unreachable' };

/**
 * Asks LINE which bot an access token belongs to (`GET /v2/bot/info`), on the API the deployment's
 * organisations use. A refused token (401/403) is told apart from LINE not answering, which is worth trying again.
 */
export async function botInfoOf(config: Pick<Config, 'LINE_API_BASE_URL' | 'LINE_REQUEST_TIMEOUT_MS'>, accessToken: string): Promise<BotInfoAnswer> {
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: accessToken, baseURL: config.LINE_API_BASE_URL });
  try {
    const info = await withTimeout(() => api.getBotInfo(), config.LINE_REQUEST_TIMEOUT_MS, 'bot info');
    return { result: 'found', userId: info.userId, displayName: info.displayName };
  } catch (error) {
    if (error instanceof HTTPFetchError && (error.status === 401 || error.status === 403)) return { result: 'token-refused' };
    if (error instanceof HTTPFetchError || error instanceof LineRequestTimeout || error instanceof TypeError) return { result: 'unreachable' };
    throw error;
  }
}
