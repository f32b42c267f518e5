import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/chat/features.js';
import type { Sender } from '../../src/features/common/context.js';
import { understand } from '../../src/chat/understand.js';
import { RICH_MENUS, menuForRoles, type RichMenuTile } from '../../src/domain/rich-menus.js';
import { STAFF_ROLES, type StaffRole } from '../../src/domain/roles.js';
import type { StaffMember } from '../../src/domain/staff.js';
import { PUBLIC_PAGE_TILE, richMenuFiles, richMenuJson } from '../../src/menus/rich-menu-files.js';

const declared = (): RichMenuTile[] => [PUBLIC_PAGE_TILE, ...FEATURES.flatMap((f) => f.tiles ?? [])];

describe('rich menus made from the features’ tiles', () => {
  it('the definitions and picture sources in rich-menu/ are the ones the declarations make (run `npm run rich-menus` after changing a tile)', () => {
    for (const [file, body] of Object.entries(richMenuFiles(declared()))) expect(readFileSync(`rich-menu/${file}`, 'utf8'), file).toBe(body);
  });

  it('every tile sends a command that reaches the feature declaring it, for the people the menu is linked to', () => {
    for (const feature of FEATURES) {
      for (const tile of feature.tiles ?? []) {
        expect('text' in tile.sends, `${feature.name} on ${tile.menu}`).toBe(true);
        const people: StaffRole[][] = tile.menu === 'citizen' ? [[]] : STAFF_ROLES.filter((r) => menuForRoles([r]) === tile.menu).map((r) => [r]);
        expect(people.length, tile.menu).toBeGreaterThan(0);
        const senders = people.map((roles): Sender => {
          const staff = roles.length ? ({ lineUserId: 'U1', displayName: 'สมศรี', roles, unit: null, position: null } as unknown as StaffMember) : null;
          return { userId: 'U1', userKey: 'k1', staff, roles };
        });
        const may = (sender: Sender) => (f: (typeof FEATURES)[number]) => !f.allowed || f.allowed(sender);
        for (const sender of senders) {
          const found = understand(FEATURES, { kind: 'text', text: (tile.sends as { text: string }).text }, false, may(sender));
          expect(found?.feature.name, `${tile.label} on ${tile.menu} for ${sender.roles.join() || 'citizen'}`).toBe(feature.name);
        }
        // A reviewer alone gets the officers' menu (domain/rich-menus.ts), whose report tile refuses them politely.
        expect(senders.some((sender) => may(sender)(feature)), `${feature.name} on ${tile.menu}`).toBe(true);
      }
    }
  });

  it('refuses a menu with a tile missing or two tiles in one place, rather than leave a dead area', () => {
    const tiles = declared();
    expect(() => richMenuJson(tiles.filter((t) => !(t.menu === 'officer' && t.place === 2)), 'officer')).toThrow(/officer: tiles at places 1, 3, 4/);
    expect(() => richMenuJson([...tiles, { ...tiles.find((t) => t.menu === 'handler')! }], 'handler')).toThrow(/handler/);
    for (const menu of RICH_MENUS) expect(() => richMenuJson(tiles, menu)).not.toThrow();
  });
});
