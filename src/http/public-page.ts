import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import type { Logger } from '../log.js';
import { PageCache } from '../public/page-cache.js';
import { buildPublicPage, type PublicPageOptions } from '../public/public-page.js';
import { PUBLIC_ASSETS } from '../public/render-page.js';
import { PUBLIC_PAGE_CSP } from './security-headers.js';

const assetsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/public/assets');
const fontDir = resolve(dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/thai-400.css')), 'files');
/** Organisation codes as the configuration allows them (config.ts ORG_CODE): anything else is not looked up. */
const ORG_CODE = /^[a-z0-9-]{1,40}$/;
const NOT_FOUND = '<!doctype html><html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ไม่พบหน้านี้</title></head><body><p>ไม่พบหน่วยงานนี้</p></body></html>';

export interface PublicPageDeps extends PublicPageOptions {
  /** The organisation `/public` shows. */
  orgId: string;
  log: Logger;
  now?: () => Date;
}

/**
 * GET /public and /public/:orgCode — the transparency page anyone may open, no login. Each organisation's
 * page is drawn at most once per `cacheMinutes` and served from memory in between, with an ETag so a phone
 * that has it gets 304, and a public Cache-Control of the same length so proxies can share it too.
 */
export function publicPageRouter(deps: PublicPageDeps): Router {
  const router = express.Router();
  const now = deps.now ?? (() => new Date());
  const ttlMs = deps.cacheMinutes * 60_000;
  const cache = new PageCache((orgId) => buildPublicPage(orgId, now(), deps), ttlMs, () => now().getTime());
  const maxAge = Math.max(0, Math.round(deps.cacheMinutes * 60));

  router.use(`${PUBLIC_ASSETS}/fonts`, express.static(fontDir, { immutable: true, maxAge: '30d', index: false }));
  router.get(`${PUBLIC_ASSETS}/page.css`, (_req, res) => res.sendFile(resolve(assetsDir, 'page.css'), { maxAge: '1h' }));

  const serve = (orgId: string): express.RequestHandler => async (req, res, next) => {
    try {
      const page = ORG_CODE.test(orgId) ? await cache.get(orgId) : null;
      res.set('content-security-policy', PUBLIC_PAGE_CSP);
      if (!page?.html) {
        res.status(404).set('cache-control', 'public, max-age=60').type('html').send(NOT_FOUND);
        return;
      }
      res.set({ 'cache-control': `public, max-age=${maxAge}`, etag: page.etag, 'last-modified': new Date(page.drawnAt).toUTCString(), vary: 'Accept-Encoding' });
      if ((req.headers['if-none-match'] ?? '').split(',').some((tag) => tag.trim() === page.etag)) {
        res.status(304).end();
        return;
      }
      // Compressed once when drawn (about a fifth of the size): most phones ask for gzip.
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? page.gzipped : page.body;
      res.status(200).set({ 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length), ...(gzip ? { 'content-encoding': 'gzip' } : {}) }).end(body);
    } catch (error) {
      deps.log.error({ err: error }, 'public page failed');
      next(error);
    }
  };
  router.get('/public', (req, res, next) => serve(deps.orgId)(req, res, next));
  router.get('/public/:orgCode', (req, res, next) => serve(req.params.orgCode)(req, res, next));
  return router;
}
