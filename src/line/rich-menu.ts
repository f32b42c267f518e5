import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Config } from '../config.js';
import { RICH_MENUS, type RichMenuIds, type RichMenuName } from '../domain/rich-menus.js';

type LineConfig = Pick<Config, 'LINE_CHANNEL_ACCESS_TOKEN' | 'LINE_API_BASE_URL' | 'LINE_DATA_API_BASE_URL'>;

export interface RichMenuSource {
  definition: messagingApi.RichMenuRequest;
  image: Buffer;
}

/** LINE's limit for a rich menu picture. */
export const RICH_MENU_IMAGE_MAX_BYTES = 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A menu file missing or unusable; its message is for the operator, in Thai. */
export class RichMenuSourceError extends Error {}

async function readSource(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw new RichMenuSourceError(`อ่านไฟล์ ${path} ไม่ได้`);
  }
}

/** Where a menu's web tile leads: the citizen menu's "ผลการดำเนินงาน" opens the organisation's public page. */
export const PUBLIC_PAGE_PLACEHOLDER = '{{PUBLIC_PAGE}}';

/** Puts the address of this deployment into the tiles that open a web page (the files cannot know it). */
function fillAddresses(definition: messagingApi.RichMenuRequest, publicPage: string): messagingApi.RichMenuRequest {
  return {
    ...definition,
    areas: definition.areas?.map((area) =>
      area.action?.type === 'uri' && (area.action as messagingApi.URIAction).uri === PUBLIC_PAGE_PLACEHOLDER ? { ...area, action: { ...area.action, uri: publicPage } as messagingApi.URIAction } : area,
    ),
  };
}

/**
 * Every menu's definition (`<dir>/<name>.json`) and picture (`<dir>/<name>.png`, made from `<name>.html`),
 * with `publicPage` in the tiles that open the public transparency page.
 */
export async function readRichMenus(dir: string, publicPage: string): Promise<Record<RichMenuName, RichMenuSource>> {
  const entries = await Promise.all(
    RICH_MENUS.map(async (name) => {
      const [json, image] = await Promise.all([readSource(join(dir, `${name}.json`)), readSource(join(dir, `${name}.png`))]);
      // Checked here because LINE's own answer to a bad picture comes only after the menu was created.
      if (image.length < 24 || !image.subarray(0, 8).equals(PNG_SIGNATURE)) throw new RichMenuSourceError(`${name}.png ไม่ใช่ไฟล์ PNG`);
      if (image.length > RICH_MENU_IMAGE_MAX_BYTES) throw new RichMenuSourceError(`${name}.png มีขนาด ${image.length} ไบต์ เกิน 1 MB ที่ LINE รับได้`);
      let definition: messagingApi.RichMenuRequest;
      try {
        definition = JSON.parse(json.toString('utf8')) as messagingApi.RichMenuRequest;
      } catch (error) {
        throw new RichMenuSourceError(`${name}.json อ่านไม่ได้: ${(error as Error).message}`);
      }
      const [width, height] = [image.readUInt32BE(16), image.readUInt32BE(20)];
      if (width !== definition.size?.width || height !== definition.size?.height) {
        throw new RichMenuSourceError(`${name}.png มีขนาด ${width}×${height} แต่ ${name}.json กำหนด ${definition.size?.width}×${definition.size?.height}`);
      }
      return [name, { definition: fillAddresses(definition, publicPage), image }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<RichMenuName, RichMenuSource>;
}

function clients(config: LineConfig) {
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN, baseURL: config.LINE_API_BASE_URL }),
    blobs: new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.LINE_CHANNEL_ACCESS_TOKEN, baseURL: config.LINE_DATA_API_BASE_URL }),
  };
}

/**
 * Creates every menu on LINE with its picture and makes `citizen` everyone's default. All definitions are
 * validated before the first is created, and a failure half-way deletes what it created, so LINE is never
 * left with a partial set nobody refers to.
 */
export async function createRichMenus(config: LineConfig, menus: Record<RichMenuName, RichMenuSource>): Promise<RichMenuIds> {
  const { api, blobs } = clients(config);
  for (const name of RICH_MENUS) await api.validateRichMenuObject(menus[name].definition);
  const created: Partial<RichMenuIds> = {};
  try {
    for (const name of RICH_MENUS) {
      const { richMenuId } = await api.createRichMenu(menus[name].definition);
      created[name] = richMenuId;
      await blobs.setRichMenuImage(richMenuId, new Blob([menus[name].image], { type: 'image/png' }));
    }
    await api.setDefaultRichMenu(created.citizen!);
  } catch (error) {
    await deleteRichMenus(config, Object.values(created));
    throw error;
  }
  return created as RichMenuIds;
}

/**
 * Deletes menus on LINE (those of an earlier install); the users linked to one see the default menu. A menu
 * LINE no longer has counts as deleted; other failures are counted, never thrown: what is left costs nothing.
 */
export async function deleteRichMenus(config: LineConfig, ids: readonly string[]): Promise<{ deleted: number; failed: number }> {
  const { api } = clients(config);
  let deleted = 0;
  let failed = 0;
  for (const id of ids) {
    try {
      await api.deleteRichMenu(id);
      deleted++;
    } catch (error) {
      if (error instanceof HTTPFetchError && error.status === 404) deleted++;
      else failed++;
    }
  }
  return { deleted, failed };
}
