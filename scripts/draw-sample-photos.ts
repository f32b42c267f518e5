/**
 * Draws the simulator's sample photos (src/simulator/public/samples/*.jpg), what a persona sends when they
 * tap "ส่งรูปภาพ": `npm run sample-photos`. Real JPEG files of a few KB, drawn as SVG scenes and encoded by
 * the browser tests' Chromium (scripts/chromium.ts), so nothing is downloaded; the files are committed, and
 * this script only needs running again to change a picture.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { SAMPLE_PHOTOS } from '../src/simulator/sample-photos.js';
import { headlessChromium } from './chromium.js';

const DIR = resolve(import.meta.dirname, '..', 'src/simulator/public/samples');
const W = 480;
const H = 360;

/** Each scene by the sample's id: flat shapes with soft gradients, like a phone photo seen small. */
const SCENES: Record<string, string> = {
  // A street lamp that is out, in front of a school fence, at dusk.
  'street-lamp': `
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#27335c"/><stop offset="1" stop-color="#c9836b"/></linearGradient>
      <linearGradient id="road" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#5b5b60"/><stop offset="1" stop-color="#2e2e33"/></linearGradient>
    </defs>
    <rect width="480" height="360" fill="url(#sky)"/>
    <rect y="215" width="480" height="40" fill="#7d6a58"/>
    ${Array.from({ length: 24 }, (_, i) => `<rect x="${i * 20 + 4}" y="170" width="6" height="50" fill="#e8e2d0"/>`).join('')}
    <rect y="180" width="480" height="6" fill="#e8e2d0"/><rect y="200" width="480" height="6" fill="#e8e2d0"/>
    <rect x="40" y="120" width="150" height="60" fill="#b9a68a"/><polygon points="30,120 115,85 200,120" fill="#8a3b2f"/>
    <rect y="255" width="480" height="105" fill="url(#road)"/>
    <rect x="0" y="300" width="480" height="5" fill="#d9c85a" opacity="0.7"/>
    <rect x="318" y="60" width="9" height="200" fill="#4a4d55"/>
    <path d="M322 64 q0 -22 46 -22" stroke="#4a4d55" stroke-width="7" fill="none"/>
    <ellipse cx="372" cy="48" rx="24" ry="9" fill="#3a3d44"/>
    <ellipse cx="372" cy="54" rx="14" ry="4" fill="#6f7480"/>
    <circle cx="96" cy="60" r="10" fill="#f3e6c4" opacity="0.8"/>`,
  // A pothole full of water on a village road.
  pothole: `
    <defs>
      <linearGradient id="sky2" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fb7e6"/><stop offset="1" stop-color="#d8ecf7"/></linearGradient>
      <radialGradient id="water" cx="0.5" cy="0.45" r="0.6"><stop offset="0" stop-color="#9bb8c9"/><stop offset="1" stop-color="#53626b"/></radialGradient>
    </defs>
    <rect width="480" height="360" fill="url(#sky2)"/>
    <rect y="120" width="480" height="240" fill="#6d9a4e"/><rect y="120" width="480" height="40" fill="#5f9a4a"/>
    <circle cx="60" cy="110" r="40" fill="#3f7a35"/><circle cx="110" cy="100" r="34" fill="#4a8a3c"/><circle cx="430" cy="108" r="44" fill="#3f7a35"/>
    <polygon points="150,160 330,160 480,360 0,360" fill="#8d8a84"/>
    <path d="M150 270 q40 -45 110 -38 q80 8 90 48 q-10 40 -100 42 q-90 2 -100 -52z" fill="#5c5650"/>
    <path d="M165 272 q40 -34 100 -28 q68 8 74 38 q-8 30 -86 32 q-80 0 -88 -42z" fill="url(#water)"/>
    <ellipse cx="230" cy="262" rx="30" ry="6" fill="#e6f2f8" opacity="0.5"/>
    <circle cx="120" cy="320" r="6" fill="#6e6a63"/><circle cx="380" cy="300" r="5" fill="#6e6a63"/><circle cx="350" cy="330" r="4" fill="#77726b"/>`,
  // A training session: people seated before a projected slide.
  training: `
    <defs>
      <linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#efe7d8"/><stop offset="1" stop-color="#d9cdb6"/></linearGradient>
      <linearGradient id="slide" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#dfe8f2"/></linearGradient>
    </defs>
    <rect width="480" height="360" fill="url(#wall)"/>
    <rect y="250" width="480" height="110" fill="#9c7a55"/>
    <rect x="130" y="40" width="220" height="130" fill="url(#slide)" stroke="#55575c" stroke-width="4"/>
    <rect x="150" y="60" width="120" height="14" fill="#2f5d9c"/>
    <rect x="150" y="90" width="180" height="8" fill="#9aa6b5"/><rect x="150" y="108" width="160" height="8" fill="#9aa6b5"/><rect x="150" y="126" width="170" height="8" fill="#9aa6b5"/>
    <rect x="360" y="140" width="26" height="110" rx="8" fill="#2f4f7a"/><circle cx="373" cy="124" r="14" fill="#8a5a3c"/>
    ${[40, 120, 200, 280, 360, 440]
      .map((x, i) => `<rect x="${x - 22}" y="${268 - (i % 2) * 6}" width="44" height="70" rx="14" fill="${['#35507a', '#7a3550', '#3f6d4a', '#6b5a35', '#4d3f7a', '#7a5a35'][i]}"/><circle cx="${x}" cy="${252 - (i % 2) * 6}" r="17" fill="#2b2320"/>`)
      .join('')}`,
};

const { executablePath, env } = await headlessChromium();
const browser = await chromium.launch({ executablePath, env, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: W, height: H }, deviceScaleFactor: 1 });
  for (const photo of SAMPLE_PHOTOS) {
    const scene = SCENES[photo.id];
    if (!scene) throw new Error(`no scene drawn for ${photo.id}`);
    await page.setContent(`<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scene}</svg></body></html>`);
    const file = join(DIR, photo.file);
    await page.screenshot({ path: file, type: 'jpeg', quality: 70 });
    console.log(`${photo.file} ${W}×${H} ${(await stat(file)).size.toLocaleString('en-US')} bytes`);
  }
} finally {
  await browser.close();
}
