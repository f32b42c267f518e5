import express, { type Router } from 'express';
import { isDatabaseReachable } from '../db/connect.js';

/** /healthz: the process answers. /readyz: it can also reach the database (load balancers route on this). */
export function healthRouter(): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ok = await isDatabaseReachable();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'database unreachable' });
  });
  return router;
}
