import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import { LINE_LIMITS } from '../line/limits.js';

/**
 * A fake LINE Messaging API on 127.0.0.1: real HTTP, records every request, and behaves like LINE where
 * the app depends on it — a reply token works once, a repeated X-Line-Retry-Key answers 409, message
 * counts and sizes are checked — and can be told to answer 429 or 500. Tests use it, and so does the
 * local simulator (demo mode), which shows what it recorded.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  status: number;
  at: Date;
}

interface Failure {
  /** 0: never answer (a hung connection). */
  status: number;
  /** With status 0: the request is taken (a reply's token used, a push delivered), and only the answer is lost. */
  accept?: boolean;
  pathPrefix?: string;
  /** Only requests of this channel (its access token) fail. */
  accessToken?: string;
  retryAfterSeconds?: number;
  message?: string;
}

export class FakeLineApi {
  readonly requests: RecordedRequest[] = [];
  readonly profiles = new Map<string, string>();
  private readonly failures: Failure[] = [];
  private readonly hung = new Set<Response>();
  private readonly usedReplyTokens = new Set<string>();
  private readonly replyWaiters = new Map<string, (at: Date) => void>();
  private readonly pushWaiters = new Map<string, (at: Date) => void>();
  private readonly acceptedRetryKeys = new Map<string, string>();
  /** Rich menus created and not deleted, by id: the definition and the uploaded picture (null before upload). */
  readonly richMenus = new Map<string, { definition: any; image: Buffer | null }>();
  /** The menu linked to each user (by LINE user id); users not here see the default menu. */
  readonly linkedRichMenus = new Map<string, string>();
  defaultRichMenuId: string | null = null;
  /**
   * While true, every push and multicast is refused as LINE refuses them once the month's message quota is
   * used up (429 "You have reached your monthly limit."); replies still go, as on LINE.
   */
  monthlyLimitReached = false;
  /**
   * While true, a push or multicast that would take the channel past its quota (`setQuota`; 200 unless set) is
   * refused the same way, as LINE does once the plan's messages are spent: a month of traffic meets the plan.
   */
  enforcesQuota = false;
  /** What a message's content is, by message id (the simulator's photos); others get a short text as their bytes. */
  readonly contents = new Map<string, { contentType: string; data: Buffer }>();
  /** Members of each group or room, as `GET /v2/bot/group/{id}/members/count` answers; a group not set here has 3. */
  readonly memberCounts = new Map<string, number>();
  /** Each channel's plan (messages a month; null: no limit) and, when set, LINE's count of this month's use. */
  private readonly quotas = new Map<string, number | null>();
  private readonly consumptions = new Map<string, number>();
  private server: Server | undefined;
  url = '';

  /** Every channel's access token this LINE knows: one deployment may send for several organisations. */
  private readonly tokens = new Set<string>();

  constructor(readonly accessToken = 'test-access-token') {
    this.tokens.add(accessToken);
  }

  /** Each channel's bot (`GET /v2/bot/info`), by access token; a channel added without one has a bot id made from its token. */
  private readonly bots = new Map<string, { userId: string; displayName: string }>();

  /** Another channel (another organisation's Official Account), known by its access token, with its bot if given. */
  addChannel(accessToken: string, bot?: { userId: string; displayName?: string }): this {
    this.tokens.add(accessToken);
    if (bot) this.bots.set(accessToken, { userId: bot.userId, displayName: bot.displayName ?? 'บัญชีทดสอบ' });
    return this;
  }

  /** The bot of a channel, as `GET /v2/bot/info` answers for its access token. */
  botOf(accessToken: string): { userId: string; displayName: string } {
    return this.bots.get(accessToken) ?? { userId: `U${createHash('md5').update(accessToken).digest('hex')}`, displayName: 'บัญชีทดสอบ' };
  }

  /** The channel a request was made for: its access token. */
  static tokenOf(r: RecordedRequest): string | null {
    const auth = r.headers.authorization;
    return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null;
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '3mb' }));
    app.use((req, res, next) => {
      const auth = req.get('authorization');
      if (!auth?.startsWith('Bearer ') || !this.tokens.has(auth.slice(7))) {
        this.record(req, 401);
        res.status(401).json({ message: 'Authentication failed' });
        return;
      }
      const failure = this.takeFailure(req.path, auth.slice(7));
      if (failure?.status === 0 && failure.accept) {
        res.locals.hang = true;
        next();
        return;
      }
      if (failure?.status === 0) {
        this.record(req, 0);
        this.hung.add(res);
        return;
      }
      if (failure) {
        this.record(req, failure.status);
        if (failure.retryAfterSeconds !== undefined) res.set('retry-after', String(failure.retryAfterSeconds));
        res.status(failure.status).json({ message: failure.message ?? (failure.status === 429 ? 'Too Many Requests' : 'Internal Server Error') });
        return;
      }
      next();
    });
    app.post('/v2/bot/message/reply', (req, res) => this.reply(req, res));
    app.post('/v2/bot/message/push', (req, res) => this.send(req, res, [req.body?.to]));
    app.post('/v2/bot/message/multicast', (req, res) => this.send(req, res, req.body?.to, { usersOnly: true }));
    app.get(['/v2/bot/group/:id/members/count', '/v2/bot/room/:id/members/count'], (req, res) => {
      this.record(req, 200);
      res.json({ count: this.membersOf(String(req.params.id)) });
    });
    app.get('/v2/bot/message/quota', (req, res) => {
      const quota = this.quotaOf(FakeLineApi.tokenOf(this.recorded(req))!);
      this.record(req, 200);
      res.json(quota === null ? { type: 'none' } : { type: 'limited', value: quota });
    });
    app.get('/v2/bot/message/quota/consumption', (req, res) => {
      const token = FakeLineApi.tokenOf(this.recorded(req))!;
      this.record(req, 200);
      res.json({ totalUsage: this.consumptions.get(token) ?? this.billedThrough(token) });
    });
    app.get('/v2/bot/profile/:userId', (req, res) => {
      const name = this.profiles.get(req.params.userId);
      this.record(req, name ? 200 : 404);
      if (name) res.json({ userId: req.params.userId, displayName: name, language: 'th' });
      else res.status(404).json({ message: 'Not found' });
    });
    app.get('/v2/bot/info', (req, res) => {
      // The middleware above let only a known `Bearer` token through.
      const bot = this.botOf(req.get('authorization')!.slice(7));
      this.record(req, 200);
      res.json({ userId: bot.userId, basicId: '@000test', displayName: bot.displayName, chatMode: 'bot', markAsReadMode: 'auto' });
    });
    app.post('/v2/bot/richmenu/validate', (req, res) => {
      this.record(req, 200);
      res.json({});
    });
    app.post('/v2/bot/richmenu', (req, res) => {
      const richMenuId = `richmenu-${randomUUID().replace(/-/g, '')}`;
      this.richMenus.set(richMenuId, { definition: req.body, image: null });
      this.record(req, 200);
      res.json({ richMenuId });
    });
    app.post('/v2/bot/richmenu/:id/content', express.raw({ type: () => true, limit: '2mb' }), (req, res) => {
      const menu = this.richMenus.get(req.params.id);
      if (!menu) return this.notFound(req, res, 'richmenu not found');
      // LINE takes a menu's picture once.
      if (menu.image) {
        this.record(req, 400);
        res.status(400).json({ message: 'An image has already been uploaded to the richmenu' });
        return;
      }
      menu.image = req.body as Buffer;
      this.record(req, 200);
      res.json({});
    });
    app.delete('/v2/bot/richmenu/:id', (req, res) => {
      if (!this.richMenus.delete(req.params.id)) return this.notFound(req, res, 'richmenu not found');
      // As on LINE: people linked to a deleted menu see the default one again.
      for (const [user, id] of this.linkedRichMenus) if (id === req.params.id) this.linkedRichMenus.delete(user);
      if (this.defaultRichMenuId === req.params.id) this.defaultRichMenuId = null;
      this.record(req, 200);
      res.json({});
    });
    app.post('/v2/bot/user/all/richmenu/:id', (req, res) => {
      if (!this.richMenus.has(req.params.id)) return this.notFound(req, res, 'richmenu not found');
      this.defaultRichMenuId = req.params.id;
      this.record(req, 200);
      res.json({});
    });
    app.post('/v2/bot/user/:userId/richmenu/:richMenuId', (req, res) => {
      const menu = this.richMenus.get(req.params.richMenuId);
      if (!menu) return this.notFound(req, res, 'richmenu not found');
      if (!menu.image) {
        this.record(req, 400);
        res.status(400).json({ message: 'must upload richmenu image before applying it to user' });
        return;
      }
      this.linkedRichMenus.set(req.params.userId, req.params.richMenuId);
      this.record(req, 200);
      res.json({});
    });
    app.delete('/v2/bot/user/:userId/richmenu', (req, res) => {
      this.linkedRichMenus.delete(req.params.userId);
      this.record(req, 200);
      res.json({});
    });
    app.get('/v2/bot/message/:messageId/content', (req, res) => {
      this.record(req, 200);
      const content = this.contents.get(req.params.messageId);
      if (content) res.type(content.contentType).send(content.data);
      else res.type('image/jpeg').send(Buffer.from(`content of ${req.params.messageId}`));
    });
    app.use((req, res) => {
      this.record(req, 404);
      res.status(404).json({ message: 'Not found' });
    });
    await new Promise<void>((ok) => {
      this.server = app.listen(0, '127.0.0.1', () => ok());
    });
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  /**
   * The next `times` requests (to paths starting with `pathPrefix`, if given) fail with `status`; 0 hangs them
   * (with `accept`, a reply is taken first: what a sender killed while waiting for LINE's answer leaves).
   */
  failNext(status: number, options: { times?: number; pathPrefix?: string; accessToken?: string; retryAfterSeconds?: number; message?: string; accept?: boolean } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++) this.failures.push({ status, ...options });
  }

  /** A channel's plan: its messages a month (null: no limit); 200 (the free plan LINE's pricing shows) unless set. */
  setQuota(quota: number | null, accessToken = this.accessToken): void {
    this.quotas.set(accessToken, quota);
  }

  /** What LINE answers as the channel's use this month, instead of what it billed through this fake. */
  setConsumption(totalUsage: number, accessToken = this.accessToken): void {
    this.consumptions.set(accessToken, totalUsage);
  }

  quotaOf(accessToken = this.accessToken): number | null {
    return this.quotas.has(accessToken) ? this.quotas.get(accessToken)! : 200;
  }

  /** What LINE would bill a channel for the pushes and multicasts it accepted: one a recipient, a group's members. */
  billedThrough(accessToken = this.accessToken): number {
    let billed = 0;
    for (const r of this.requests) {
      if (r.status !== 200 || FakeLineApi.tokenOf(r) !== accessToken) continue;
      if (r.path === '/v2/bot/message/multicast') billed += r.body.to.length;
      if (r.path === '/v2/bot/message/push') billed += /^[CR]/.test(r.body.to) ? this.membersOf(r.body.to) : 1;
    }
    return billed;
  }

  membersOf(groupOrRoomId: string): number {
    return this.memberCounts.get(groupOrRoomId) ?? 3;
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  /**
   * Push and multicast requests LINE accepted for a user: what reached their chat, one entry a delivery;
   * with `accessToken`, only what came through that channel.
   */
  deliveriesTo(userId: string, accessToken?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        r.status === 200 &&
        (accessToken === undefined || FakeLineApi.tokenOf(r) === accessToken) &&
        ((r.path === '/v2/bot/message/push' && r.body.to === userId) || (r.path === '/v2/bot/message/multicast' && r.body.to.includes(userId))),
    );
  }

  /**
   * Resolves when the bot's answer is accepted: a reply with this token, or (when the bot answered late and
   * fell back to a push) a push to this user. Benchmarks time the bot by it.
   */
  waitForAnswer(token: string, userId: string): Promise<Date> {
    return new Promise((ok) => {
      const done = (at: Date) => {
        this.replyWaiters.delete(token);
        this.pushWaiters.delete(userId);
        ok(at);
      };
      this.replyWaiters.set(token, done);
      this.pushWaiters.set(userId, done);
    });
  }

  /** The rich menu a user sees: the one linked to them, else the default (null: none at all). */
  richMenuOf(userId: string): string | null {
    return this.linkedRichMenus.get(userId) ?? this.defaultRichMenuId;
  }

  accepted(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path && r.status === 200);
  }

  private notFound(req: Request, res: Response, message: string): void {
    this.record(req, 404);
    res.status(404).json({ message });
  }

  private takeFailure(path: string, accessToken: string): Failure | undefined {
    const index = this.failures.findIndex((f) => (!f.pathPrefix || path.startsWith(f.pathPrefix)) && (!f.accessToken || f.accessToken === accessToken));
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }

  private recorded(req: Request): RecordedRequest {
    return { method: req.method, path: req.path, headers: { ...req.headers }, body: req.body, status: 0, at: new Date() };
  }

  private record(req: Request, status: number): void {
    this.requests.push({ method: req.method, path: req.path, headers: { ...req.headers }, body: req.body, status, at: new Date() });
  }

  private invalidMessages(messages: unknown): string | null {
    if (!Array.isArray(messages) || messages.length === 0) return 'messages must be a non-empty array';
    if (messages.length > LINE_LIMITS.messagesPerRequest) return `at most ${LINE_LIMITS.messagesPerRequest} messages`;
    for (const m of messages as any[]) {
      if (m.type === 'text' && (typeof m.text !== 'string' || m.text.length === 0 || m.text.length > LINE_LIMITS.textLength)) return 'bad text';
      if (m.type === 'flex' && (!m.altText || m.altText.length > LINE_LIMITS.altText)) return 'bad altText';
      if (m.quickReply && m.quickReply.items.length > LINE_LIMITS.quickReplyItems) return 'too many quick replies';
    }
    return null;
  }

  private reply(req: Request, res: Response): void {
    const token = req.body?.replyToken;
    const problem = this.invalidMessages(req.body?.messages) ?? (typeof token !== 'string' || this.usedReplyTokens.has(token) ? 'Invalid reply token' : null);
    if (problem) {
      this.record(req, 400);
      res.status(400).json({ message: problem });
      return;
    }
    this.usedReplyTokens.add(token);
    this.record(req, 200);
    this.replyWaiters.get(token)?.(new Date());
    this.replyWaiters.delete(token);
    if (res.locals.hang) {
      this.hung.add(res);
      return;
    }
    res.set('x-line-request-id', randomUUID()).json({ sentMessages: req.body.messages.map(() => ({ id: randomUUID(), quoteToken: 'q' })) });
  }

  /**
   * Push takes a user, group or room id; multicast only user ids, as LINE's API says (a group id there is
   * refused with 400), so a message meant for a group must go as a push.
   */
  private send(req: Request, res: Response, to: unknown, options: { usersOnly?: boolean } = {}): void {
    if (this.monthlyLimitReached) {
      this.record(req, 429);
      res.status(429).json({ message: 'You have reached your monthly limit.' });
      return;
    }
    const key = req.get('x-line-retry-key');
    if (key && this.acceptedRetryKeys.has(key)) {
      this.record(req, 409);
      res.set('x-line-accepted-request-id', this.acceptedRetryKeys.get(key)!).status(409).json({ message: 'The retry key is already accepted' });
      return;
    }
    const recipients = Array.isArray(to) ? to : [];
    if (this.enforcesQuota) {
      const token = FakeLineApi.tokenOf(this.recorded(req))!;
      const quota = this.quotaOf(token);
      const cost = recipients.reduce((n: number, r) => n + (typeof r === 'string' && /^[CR]/.test(r) ? this.membersOf(r) : 1), 0);
      if (quota !== null && this.billedThrough(token) + cost > quota) {
        this.record(req, 429);
        res.status(429).json({ message: 'You have reached your monthly limit.' });
        return;
      }
    }
    const problem =
      this.invalidMessages(req.body?.messages) ??
      (recipients.length === 0 || recipients.length > LINE_LIMITS.multicastRecipients || recipients.some((r) => typeof r !== 'string') ? 'bad recipients' : null) ??
      (options.usersOnly && recipients.some((r) => /^[CR][0-9a-f]{32}$/.test(String(r))) ? 'multicast takes user ids only, not groups or rooms' : null);
    if (problem) {
      this.record(req, 400);
      res.status(400).json({ message: problem });
      return;
    }
    const requestId = randomUUID();
    if (key) this.acceptedRetryKeys.set(key, requestId);
    this.record(req, 200);
    for (const to of recipients) this.pushWaiters.get(to)?.(new Date());
    // Taken, and the answer lost on the way back (`failNext(0, { accept: true })`).
    if (res.locals.hang) {
      this.hung.add(res);
      return;
    }
    res.set('x-line-request-id', requestId).json({ sentMessages: req.body.messages.map(() => ({ id: randomUUID() })) });
  }
}
