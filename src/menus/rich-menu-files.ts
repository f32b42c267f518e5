import { RICH_MENUS, type RichMenuName, type RichMenuTile } from '../domain/rich-menus.js';
import { PUBLIC_PAGE_PLACEHOLDER } from '../line/rich-menu.js';

/**
 * The rich menus' files, made from the tiles the features declare: `<name>.json` (the definition LINE
 * is given, one tap area a tile) and `<name>.html` (the page `npm run rich-menus` photographs into
 * `<name>.png`), so a tap always lands on the command its picture shows.
 */

type Bounds = { x: number; y: number; width: number; height: number };

const SIZE = { width: 2500, height: 1686 };

/** Where each menu's tiles sit; the grids of rich-menu/menu.css draw the same edges. */
const LAYOUTS: Record<'two-over-three' | 'one-over-three' | 'four-over-four', readonly Bounds[]> = {
  'two-over-three': [
    { x: 0, y: 0, width: 1250, height: 843 },
    { x: 1250, y: 0, width: 1250, height: 843 },
    { x: 0, y: 843, width: 833, height: 843 },
    { x: 833, y: 843, width: 834, height: 843 },
    { x: 1667, y: 843, width: 833, height: 843 },
  ],
  'one-over-three': [
    { x: 0, y: 0, width: 2500, height: 843 },
    { x: 0, y: 843, width: 833, height: 843 },
    { x: 833, y: 843, width: 834, height: 843 },
    { x: 1667, y: 843, width: 833, height: 843 },
  ],
  'four-over-four': [0, 843].flatMap((y) => [0, 625, 1250, 1875].map((x) => ({ x, y, width: 625, height: 843 }))),
};

const MENUS: Record<RichMenuName, { layout: keyof typeof LAYOUTS; who: string }> = {
  citizen: { layout: 'two-over-three', who: "Everyone's default menu." },
  officer: { layout: 'one-over-three', who: 'Officers who report progress.' },
  handler: { layout: 'one-over-three', who: 'Complaint and integrity officers.' },
  executive: { layout: 'one-over-three', who: 'Executives.' },
  admin: { layout: 'four-over-four', who: 'Admins: the organisation run from LINE.' },
};

/** The citizen menu's tile for the public transparency page: a web page, no chat feature's. */
export const PUBLIC_PAGE_TILE: RichMenuTile = {
  menu: 'citizen',
  place: 2,
  label: 'ผลการดำเนินงาน',
  sends: { uri: PUBLIC_PAGE_PLACEHOLDER },
  title: 'ผลการดำเนินงาน',
  hint: 'แผนภูมิความโปร่งใสของหน่วยงาน',
  colour: '#1F3A5F',
  icon: '<path d="M4 20V4"/><path d="M4 20h16"/><rect x="7" y="12" width="3" height="6"/><rect x="12" y="8" width="3" height="10"/><rect x="17" y="5" width="3" height="13"/>',
};

/** A menu's tiles in their places; a missing, doubled or extra place is an error, not a gap in the picture. */
export function tilesOf(tiles: readonly RichMenuTile[], menu: RichMenuName): RichMenuTile[] {
  const own = tiles.filter((t) => t.menu === menu).sort((a, b) => a.place - b.place);
  const places = LAYOUTS[MENUS[menu].layout].length;
  if (own.length !== places || own.some((t, i) => t.place !== i + 1)) {
    throw new Error(`rich menu ${menu}: tiles at places ${own.map((t) => t.place).join(', ') || 'none'}, its layout has places 1 to ${places}`);
  }
  return own;
}

/** One line of JSON with a space inside braces and after colons and commas, as the files are written. */
const json = (value: unknown): string =>
  value !== null && typeof value === 'object' ? `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${json(v)}`).join(', ')} }` : JSON.stringify(value);

/** `<menu>.json`: LINE's rich menu definition, one tap area a tile. */
export function richMenuJson(tiles: readonly RichMenuTile[], menu: RichMenuName): string {
  const bounds = LAYOUTS[MENUS[menu].layout];
  const areas = tilesOf(tiles, menu).map((t, i) => {
    const action = 'text' in t.sends ? { type: 'message', label: t.label, text: t.sends.text } : { type: 'uri', label: t.label, uri: t.sends.uri };
    return `    ${json({ bounds: bounds[i], action })}`;
  });
  return ['{', `  "size": ${json(SIZE)},`, '  "selected": true,', `  "name": "prongsai-${menu}",`, '  "chatBarText": "เมนูโปร่งใส",', '  "areas": [', areas.join(',\n'), '  ]', '}', ''].join('\n');
}

/** `<menu>.html`: the page its picture is photographed from (rich-menu/menu.css gives the look). */
export function richMenuHtml(tiles: readonly RichMenuTile[], menu: RichMenuName): string {
  const { layout, who } = MENUS[menu];
  const tileHtml = tilesOf(tiles, menu).map((t, i) => {
    const main = layout === 'one-over-three' && i === 0;
    const open = t.colour ? `<div class="tile${main ? ' main' : ''}" style="background:${t.colour}">` : `<div class="tile${main ? ' main' : ''} help">`;
    const words = `<div class="label">${t.title}</div><div class="hint">${t.hint}</div>`;
    return [`  ${open}`, `    <svg viewBox="0 0 24 24">${t.icon}</svg>`, `    ${main ? `<div class="text">${words}</div>` : words}`, '  </div>'].join('\n');
  });
  return [
    '<!doctype html>',
    `<!-- Source of ${menu}.png (${SIZE.width} × ${SIZE.height}, bounds in ${menu}.json): \`npm run rich-menus\`. ${who} -->`,
    '<html lang="th"><head><meta charset="utf-8"><link rel="stylesheet" href="menu.css"></head>',
    `<body><div class="grid ${layout}">`,
    ...tileHtml,
    '</div></body></html>',
    '',
  ].join('\n');
}

/** Every menu's two files, by file name. */
export function richMenuFiles(tiles: readonly RichMenuTile[]): Record<string, string> {
  return Object.fromEntries(RICH_MENUS.flatMap((menu) => [[`${menu}.json`, richMenuJson(tiles, menu)], [`${menu}.html`, richMenuHtml(tiles, menu)]]));
}
