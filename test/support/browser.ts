import { chromium, type Browser } from 'playwright-core';
import { headlessChromium } from '../../scripts/chromium.js';

/** The headless Chromium of the browser tests (from npm, see scripts/chromium.ts), quiet and offline. */
export async function launchTestBrowser(): Promise<Browser> {
  const { executablePath, env } = await headlessChromium();
  return chromium.launch({
    executablePath,
    env,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
