import { readFile } from 'node:fs/promises';
import { messagingApi } from '@line/bot-sdk';
import type { Config } from '../config.js';

/**
 * Creates the rich menu defined in rich-menu/menu.json with its picture (rich-menu/menu.png, made from
 * menu.html) and makes it every user's default: the buttons under the chat that send our commands.
 */
export async function installRichMenu(
  config: Pick<Config, 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL'>,
  definitionPath: string,
  imagePath: string,
): Promise<string> {
  const definition = JSON.parse(await readFile(definitionPath, 'utf8')) as messagingApi.RichMenuRequest;
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN, baseURL: config.LINE_API_BASE_URL });
  const blobs = new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN, baseURL: config.LINE_DATA_API_BASE_URL });
  await api.validateRichMenuObject(definition);
  const { richMenuId } = await api.createRichMenu(definition);
  await blobs.setRichMenuImage(richMenuId, new Blob([await readFile(imagePath)], { type: 'image/png' }));
  await api.setDefaultRichMenu(richMenuId);
  return richMenuId;
}
