import { createHash } from 'node:crypto';
import { RICH_MENUS, type RichMenuName } from '../domain/rich-menus.js';
import type { RichMenuSource } from '../line/rich-menu.js';

/**
 * What identifies a set of menus as LINE would get it: every menu's definition (with the addresses filled in, so
 * a new PUBLIC_BASE_URL counts as a change) and picture. Equal hashes: nothing to install again.
 */
export function richMenuSetHash(menus: Readonly<Record<RichMenuName, RichMenuSource>>): string {
  const hash = createHash('sha256');
  for (const name of RICH_MENUS) {
    const image = menus[name].image;
    hash.update(`${name}\0${JSON.stringify(menus[name].definition)}\0${image.length}\0`).update(image);
  }
  return hash.digest('hex');
}
