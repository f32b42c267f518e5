import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/public/page-cache.js';

/** The public page's cache, on a clock the test moves: what a widely shared link does to the database. */
function counting(ttlMs = 300_000, maxEntries = 500) {
  let now = 0;
  const draws: string[] = [];
  let release: (() => void) | null = null;
  let held = false;
  const cache = new PageCache(
    async (key) => {
      draws.push(key);
      if (held) await new Promise<void>((ok) => (release = ok));
      return key === 'missing' ? null : `<p>${key} ${draws.length}</p>`;
    },
    ttlMs,
    () => now,
    maxEntries,
  );
  return {
    cache,
    draws,
    advance: (ms: number) => (now += ms),
    hold: () => (held = true),
    release: () => {
      held = false;
      release?.();
    },
  };
}

describe('the public page cache', () => {
  it('draws a page once per TTL and again after it', async () => {
    const c = counting();
    const first = await c.cache.get('org');
    c.advance(299_999);
    expect(await c.cache.get('org')).toBe(first);
    expect(c.draws).toEqual(['org']);
    c.advance(1);
    const second = await c.cache.get('org');
    expect(second.html).toBe('<p>org 2</p>');
    expect(second.etag).not.toBe(first.etag);
    expect(c.draws).toEqual(['org', 'org']);
  });

  it('many requests arriving while the page is drawn wait for that one drawing', async () => {
    const c = counting();
    c.hold();
    const waiting = Array.from({ length: 100 }, () => c.cache.get('org'));
    c.release();
    const pages = await Promise.all(waiting);
    expect(c.draws).toEqual(['org']);
    expect(new Set(pages.map((p) => p.etag)).size).toBe(1);
  });

  it('remembers an unknown organisation as well, and keeps at most its bound of entries', async () => {
    const c = counting(300_000, 3);
    expect((await c.cache.get('missing')).html).toBeNull();
    await c.cache.get('missing');
    expect(c.draws).toEqual(['missing']);
    for (const key of ['a', 'b', 'c']) await c.cache.get(key);
    await c.cache.get('missing');
    expect(c.draws).toEqual(['missing', 'a', 'b', 'c', 'missing']);
  });

  it('keeps the page encoded and compressed, with a weak ETag of its bytes (one tag for both encodings)', async () => {
    const c = counting();
    const page = await c.cache.get('org');
    expect(page.body.toString('utf8')).toBe(page.html);
    expect(page.gzipped.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(page.etag).toMatch(/^W\/"[\w-]{27}"$/);
  });
});
