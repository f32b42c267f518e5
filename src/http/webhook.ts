import { validateSignature } from '@line/bot-sdk';
import express, { type Request, type Response, type Router } from 'express';
import { storeEvents, type IncomingEvent } from '../db/event-store.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';

export interface WebhookDeps {
  channelSecret: string;
  orgId: string;
  bodyLimit: string;
  log: Logger;
  sealer: Sealer;
  now: () => Date;
  /** Called after the events are stored and LINE has its answer. */
  onStored: (eventIds: string[], userOf: (id: string) => string | null) => void;
}

function isEventList(value: unknown): value is { events: IncomingEvent[] } {
  if (!value || typeof value !== 'object' || !Array.isArray((value as { events?: unknown }).events)) return false;
  return (value as { events: unknown[] }).events.every(
    (e) =>
      !!e &&
      typeof e === 'object' &&
      typeof (e as IncomingEvent).webhookEventId === 'string' &&
      (e as IncomingEvent).webhookEventId.length > 0 &&
      typeof (e as IncomingEvent).type === 'string' &&
      typeof (e as IncomingEvent).timestamp === 'number',
  );
}

/**
 * POST /webhook: verify the signature over the raw bytes, store every event, answer 200, then process.
 * Nothing is stored for a bad signature (401) or a malformed body (400). A failure to store answers 500 so
 * that LINE's redelivery brings the events again.
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  router.post('/webhook', express.raw({ type: () => true, limit: deps.bodyLimit }), async (req: Request, res: Response) => {
    const signature = req.get('x-line-signature');
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signature || !validateSignature(body, deps.channelSecret, signature)) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      res.status(400).json({ error: 'body is not JSON' });
      return;
    }
    if (!isEventList(parsed)) {
      res.status(400).json({ error: 'body is not a LINE webhook (events with webhookEventId, type, timestamp)' });
      return;
    }
    // LINE may deliver out of order; the timestamp is the order the user acted in.
    const events = [...parsed.events].sort((a, b) => a.timestamp - b.timestamp);
    let fresh: string[];
    try {
      fresh = await storeEvents(deps.orgId, events, deps.now(), deps.sealer);
    } catch (error) {
      deps.log.error({ err: String(error), events: events.length }, 'could not store webhook events');
      res.status(500).json({ error: 'could not store events; please redeliver' });
      return;
    }
    res.status(200).json({ received: events.length, new: fresh.length });
    const users = new Map(events.map((e) => [e.webhookEventId, e.source?.type === 'user' ? (e.source.userId ?? null) : null]));
    deps.onStored(fresh, (id) => users.get(id) ?? null);
  });
  return router;
}
