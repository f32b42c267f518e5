import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchTestBrowser } from '../support/browser.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { seedDemo, startDemoLine } from '../../src/simulator/demo.js';
import type { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { testDbName } from '../support/harness.js';

/**
 * The public page as a citizen opens it from LINE on a phone, and as a journalist on a desktop: headless
 * Chromium (the npm one, see chromium.ts) over the demo organisation's plan. Screenshots go to test-output/;
 * with SCREENSHOTS_TO_DOCS=1 they replace docs/public-page-phone.png and docs/public-page-desktop.png.
 */
const ORG = 'demo';
const shots = process.env.SCREENSHOTS_TO_DOCS === '1' ? join(process.cwd(), 'docs') : join(process.cwd(), 'test-output');
let server: RunningServer;
let fakeLine: FakeLineApi;
let browser: Browser;

interface Seen {
  scrollWidth: number;
  sarabun: string[];
  charts: { width: number; height: number; marks: number; texts: string[] }[];
  projects: number;
}

// Page code as text, as in render-rich-menus.ts: tsx would wrap named functions in a helper the page lacks.
const LOOK = `(async () => {
  await document.fonts.ready;
  return {
    scrollWidth: document.documentElement.scrollWidth,
    sarabun: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status !== 'unloaded').map((f) => f.status),
    charts: [...document.querySelectorAll('svg.chart')].map((svg) => {
      const r = svg.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height), marks: svg.querySelectorAll('path').length, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent) };
    }),
    projects: document.querySelectorAll('[data-testid="project"]').length,
  };
})()`;

async function open(width: number, height: number, shot: string): Promise<{ seen: Seen; cspViolations: string[] }> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: width < 500 ? 2 : 1 });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/public/${ORG}`);
  const seen = (await page.evaluate(LOOK)) as Seen;
  // The phone shot is the first screens (the project list goes on for pages), the desktop one the whole page.
  await page.screenshot({ path: join(shots, shot), fullPage: true, clip: width < 500 ? { x: 0, y: 0, width, height: 2200 } : undefined });
  await page.close();
  return { seen, cspViolations };
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const demo = await startDemoLine({ LOCAL_DATA_DIR: mkdtempSync(join(tmpdir(), 'prongsai-public-')) });
  fakeLine = demo.fakeLine;
  const config = loadConfig({ ...demo.env, PORT: '0', ORG_CODE: ORG });
  server = await startServer(config, { mongoUri: inject('mongoUri'), dbName: testDbName(), log: createLogger('silent') });
  await seedDemo(ORG);
  browser = await launchTestBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fakeLine?.stop();
});

describe('the public page in a browser', () => {
  it('on a 390 px phone: one column, no sideways scrolling, Sarabun loaded, every chart drawn with its figures', async () => {
    const { seen, cspViolations } = await open(390, 844, 'public-page-phone.png');
    expect(cspViolations).toEqual([]);
    expect(seen.scrollWidth).toBeLessThanOrEqual(390);
    expect(seen.sarabun.length).toBeGreaterThan(0);
    expect(seen.sarabun.every((s) => s === 'loaded')).toBe(true);
    expect(seen.charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of seen.charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.width).toBeLessThanOrEqual(390);
      expect(chart.marks).toBeGreaterThan(3);
    }
    const texts = seen.charts.flatMap((c) => c.texts);
    // The demo plan (seed 004's results): the anti-corruption plan at 83.33 %, 42 of 55 items completed.
    expect(texts).toContain('83.33');
    expect(texts).toContain('42');
    expect(texts).toContain('ร้อยละการนำไปปฏิบัติ');
    expect(seen.projects).toBe(15);
  });

  it('on a desktop: charts side by side, the same figures', async () => {
    const { seen, cspViolations } = await open(1280, 900, 'public-page-desktop.png');
    expect(cspViolations).toEqual([]);
    expect(seen.scrollWidth).toBeLessThanOrEqual(1280);
    expect(seen.charts.length).toBeGreaterThanOrEqual(4);
    expect(seen.charts.flatMap((c) => c.texts)).toContain('83.33');
    expect(seen.projects).toBe(15);
  });
});
