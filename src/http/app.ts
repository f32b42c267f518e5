import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Logger } from '../log.js';
import { healthRouter } from './health.js';
import { securityHeaders } from './security-headers.js';
import { webhookRouter, type WebhookDeps } from './webhook.js';

export function createApp(deps: WebhookDeps & { log: Logger; extraRouters?: Router[] }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(healthRouter());
  app.use(webhookRouter(deps));
  for (const router of deps.extraRouters ?? []) app.use(router);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  const onError: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, _next) => {
    // body-parser signals an oversized body with 413 and an aborted one with 400: pass those on.
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) deps.log.error({ err: error }, 'request failed');
    res.status(status).json({ error: status === 413 ? 'body too large' : status === 500 ? 'internal error' : 'bad request' });
  };
  app.use(onError);
  return app;
}
