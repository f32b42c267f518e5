/**
 * Writes rich-menu/<name>.json and <name>.html from the tiles the features declare (`Feature.tiles`,
 * src/menus/rich-menu-files.ts), then renders each .html to rich-menu/<name>.png: `npm run rich-menus`.
 * Same Chromium as the browser tests (the `@sparticuz/chromium` devDependency, or CHROMIUM_PATH) and the
 * Sarabun font from node_modules, so the pictures come out the same on any machine. It refuses to write a
 * picture whose tiles do not sit exactly on the tap areas of the .json, whose text spills out of its tile,
 * whose font did not load, or that LINE would reject (over 1 MB).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { FEATURES } from '../src/chat/features.js';
import { RICH_MENUS } from '../src/domain/rich-menus.js';
import { PUBLIC_PAGE_TILE, richMenuFiles } from '../src/menus/rich-menu-files.js';
import { headlessChromium } from './chromium.js';

const DIR = resolve(import.meta.dirname, '..', 'rich-menu');
const MAX_BYTES = 1024 * 1024;

interface Definition {
  size: { width: number; height: number };
  areas: { bounds: { x: number; y: number; width: number; height: number } }[];
}

interface Measured {
  fonts: string[];
  tiles: { box: Definition['size'] & { x: number; y: number }; spills: boolean }[];
}

// Page code as text: tsx would otherwise wrap named functions in a helper that only exists in Node.
const MEASURE = `(async () => {
  await document.fonts.ready;
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
  };
  const inside = (a, b) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
  return {
    fonts: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Sarabun').map((f) => f.status),
    tiles: [...document.querySelectorAll('.tile')].map((tile) => ({
      box: box(tile),
      spills: [...tile.querySelectorAll('.label, .hint')].some((t) => !inside(t.getBoundingClientRect(), tile.getBoundingClientRect())),
    })),
  };
})()`;

for (const [file, body] of Object.entries(richMenuFiles([PUBLIC_PAGE_TILE, ...FEATURES.flatMap((f) => f.tiles ?? [])]))) await writeFile(join(DIR, file), body);

const { executablePath, env } = await headlessChromium();
const browser = await chromium.launch({ executablePath, env, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--allow-file-access-from-files'] });
const problems: string[] = [];
try {
  for (const name of RICH_MENUS) {
    const definition = JSON.parse(await readFile(join(DIR, `${name}.json`), 'utf8')) as Definition;
    const page = await browser.newPage({ viewport: definition.size, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(join(DIR, `${name}.html`)).href);
    const found = (await page.evaluate(MEASURE)) as Measured;
    if (found.fonts.length === 0 || found.fonts.some((s) => s !== 'loaded')) problems.push(`${name}: Sarabun not loaded (${found.fonts.join(', ') || 'no @font-face'})`);
    if (found.tiles.length !== definition.areas.length) problems.push(`${name}: ${found.tiles.length} tiles in the page, ${definition.areas.length} areas in the definition`);
    found.tiles.forEach((tile, i) => {
      const area = definition.areas[i]?.bounds;
      if (area && JSON.stringify(tile.box) !== JSON.stringify(area)) problems.push(`${name}: tile ${i + 1} is at ${JSON.stringify(tile.box)}, its area at ${JSON.stringify(area)}`);
      if (tile.spills) problems.push(`${name}: the text of tile ${i + 1} does not fit in it`);
    });
    if (problems.length === 0) {
      const file = join(DIR, `${name}.png`);
      await page.screenshot({ path: file, type: 'png' });
      const { size } = await stat(file);
      if (size > MAX_BYTES) problems.push(`${name}.png is ${size} bytes; LINE takes at most ${MAX_BYTES}`);
      console.log(`${name}.png ${definition.size.width}×${definition.size.height} ${size.toLocaleString('en-US')} bytes`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
