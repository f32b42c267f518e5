import { validateSignature } from '@line/bot-sdk';
import express, { type Request, type Response, type Router } from 'express';
import { storeEvents, type IncomingEvent, type Stored, type StoredEvent } from '../db/event-store.js';
import type { Logger } from '../log.js';
import type { Sealer } from '../security/crypto.js';
import { parseWebhookBody } from './webhook-body.js';

/**
 * The organisation a webhook is for, given whether its signature is good with a secret: null when no
 * organisation's secret signs it (unknown organisation, or a signature made with another one's secret).
 */
export type TenantForWebhook = (destination: string | undefined, pathOrg: string | undefined, signedWith: (secret: string) => boolean) => Promise<{ orgId: string } | null>;

export interface WebhookDeps {
  tenantFor: TenantForWebhook;
  bodyLimit: string;
  log: Logger;
  sealer: Sealer;
  now: () => Date;
  /**
   * The processing side: whether it takes more events now (`owner` names it in the inbox), and where the
   * stored events go once LINE has its answer (`waiting`: redelivered copies of events not finished yet).
   */
  intake: { owner: string; accepting(): boolean; onStored(fresh: StoredEvent[], waiting: WaitingEvent[]): void };
}

/** A redelivered copy of an event still in the inbox, with its sender's key: it queues behind their other events. */
export interface WaitingEvent {
  id: string;
  userKey: string | null;
}

/** LINE wants an answer within 2 seconds; a database that cannot take the events by then gets a 503. */
const STORE_DEADLINE_MS = 1_500;

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not stored within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The bot's user id a body is addressed to, read without parsing (the body is not trusted before its
 * signature is checked, and that needs the organisation's secret): LINE's user ids are U + 32 hex digits.
 */
export function destinationOf(body: Buffer): string | undefined {
  return /"destination"\s*:\s*"(U[0-9a-f]{32})"/.exec(body.toString('latin1'))?.[1];
}

/**
 * POST /webhook (every organisation's channel, told apart by the body's `destination`) and
 * POST /webhook/<org>: verify the signature over the raw bytes with that organisation's secret, store every
 * event under it, answer 200, then process. Nothing is stored for an unknown organisation or a bad signature
 * (401) or a malformed body (400). When the events cannot be stored (database down or slow) the answer is
 * 503, so that LINE's redelivery brings them again.
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  router.post(['/webhook', '/webhook/:org'], express.raw({ type: () => true, limit: deps.bodyLimit }), async (req: Request, res: Response) => {
    const signature = req.get('x-line-signature');
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const pathOrg = typeof req.params.org === 'string' ? req.params.org : undefined;
    const tenant = signature ? await deps.tenantFor(destinationOf(body), pathOrg, (secret) => validateSignature(body, secret, signature)) : null;
    if (!tenant) {
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    const parsed = parseWebhookBody(body.toString('utf8'));
    if (!parsed.ok) {
      res.status(400).json({ error: parsed.error });
      return;
    }
    // LINE may deliver out of order; the timestamp is the order the user acted in.
    const events = [...parsed.events].sort((a, b) => a.timestamp - b.timestamp);
    // With the queue full (or the instance stopping) the events are still stored, unowned and due at once,
    // and LINE gets a 503: the inbox holds them until some instance has room, so they are not lost even if
    // the channel's redelivery is off, and memory stays bounded. A redelivery meanwhile is only a collision.
    const accepting = deps.intake.accepting();
    let stored: Stored;
    try {
      stored = await withDeadline(storeEvents(tenant.orgId, { events, now: deps.now(), sealer: deps.sealer, owner: accepting ? deps.intake.owner : null }), STORE_DEADLINE_MS);
    } catch (error) {
      // Not stored (or not known to be): no 2xx, so LINE redelivers; an event that did get stored is
      // recognised by its id when it comes again.
      deps.log.error({ err: error, events: events.length }, 'could not store webhook events');
      res.status(503).json({ error: 'could not store events; please redeliver' });
      return;
    }
    if (!accepting) {
      res.status(503).json({ error: 'busy; the events are stored and will be answered, but please redeliver later' });
      return;
    }
    res.status(200).json({ received: events.length, new: stored.fresh.length });
    const waiting = new Set(stored.waiting);
    const userKeyOf = (e: IncomingEvent) => (e.source?.type === 'user' && e.source.userId ? deps.sealer.userKey(e.source.userId) : null);
    deps.intake.onStored(
      stored.fresh,
      events.filter((e) => waiting.has(e.webhookEventId)).map((e) => ({ id: e.webhookEventId, userKey: userKeyOf(e) })),
    );
  });
  return router;
}
