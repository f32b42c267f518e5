import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A drawn page and what the HTTP layer needs to answer from it. */
export interface CachedPage {
  /** null: no such organisation (remembered as well, so made-up addresses do not each reach the database). */
  html: string | null;
  /** The page as sent: encoded once when drawn, not on every request. */
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  drawnAt: number;
}

/**
 * Pages kept in memory per organisation for `ttlMs`, drawn at most once at a time: when a link is shared
 * widely, the many requests of the moment a page expires wait for one drawing instead of each starting
 * their own. Bounded, oldest dropped first, so unknown codes cannot grow it without end.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly drawing = new Map<string, Promise<CachedPage>>();

  constructor(
    private readonly draw: (key: string) => Promise<string | null>,
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string): Promise<CachedPage> {
    const kept = this.pages.get(key);
    if (kept && this.clock() - kept.drawnAt < this.ttlMs) return kept;
    const under = this.drawing.get(key);
    if (under) return under;
    const started = this.drawFresh(key).finally(() => this.drawing.delete(key));
    this.drawing.set(key, started);
    return started;
  }

  private async drawFresh(key: string): Promise<CachedPage> {
    const drawnAt = this.clock();
    const html = await this.draw(key);
    const body = Buffer.from(html ?? '', 'utf8');
    // Weak: the same page goes out gzipped or not, and a strong tag would have to differ between the two.
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const page = { html, body, gzipped: gzipSync(body), etag, drawnAt };
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}
