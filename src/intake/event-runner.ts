import { hostname } from 'node:os';
import { deadRunnersOnHost, dueEvents, queuedEventsOf, registerRunner, releaseQueuedEvents, removeRunner, type StoredEvent } from '../db/event-store.js';
import type { Logger } from '../log.js';
import { processEvent, REPLY_TOKEN_SAFE_SECONDS, type ProcessorDeps } from './process-event.js';
import { TokenAgeQueue } from './token-age-queue.js';

/** How often the inbox is looked at for due events (retries, and events no instance holds) when little is queued. */
const PUMP_INTERVAL_MS = 1_000;
/** Webhooks within this time of each other count as one burst of intake. */
const INTAKE_QUIET_MS = 100;
/**
 * At most this many events are read from the inbox in one pass, and a pass is made only when fewer than
 * LOW_WATER are held: FerretDB decodes every pending inbox event for the query (only the state equality
 * reaches an index), so passes are few and large, and none is made while a burst is queued.
 */
const PUMP_BATCH = 2_000;
const LOW_WATER = 500;
/** An event whose attempt is held by another claim is not read again for this long. */
const BUSY_PAUSE_MS = 2_000;

export interface RunnerOptions {
  /** Events processed at once. */
  concurrency?: number;
  /** Events processed at once while webhooks are arriving. */
  duringIntake?: number;
  /** Events held in memory (queued or running); above it intake answers 503 and the inbox keeps the rest. */
  queueLimit?: number;
}

/**
 * Runs stored events in the background. Events of one user run one after another, in the order LINE sent
 * them, because each may move that user's dialog; different users run side by side. Events come from
 * intake (just stored) and from the inbox: whenever the queue has room, due events (retries, events stored
 * while the queue was full, events a stopped or dead instance left) are read and go through the same
 * concurrent, per-user queue, so recovery after a crash runs at the normal rate.
 */
export class EventRunner {
  private readonly chains = new Map<string, Promise<void>>();
  /** Ids queued or running here: an event read from the inbox again, or redelivered, is not queued twice. */
  private readonly held = new Set<string>();
  private readonly busyUntil = new Map<string, number>();
  /** Dead instances of this host whose queued events are still in the inbox: read before anything else. */
  private readonly orphaned = new Set<string>();
  private active = 0;
  private stopping = false;
  /** Events waiting for a slot, those whose reply token runs out soonest first (intake/token-age-queue.ts). */
  private readonly waiting = new TokenAgeQueue();
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<number> | undefined;
  /** The last pass filled its batch: more is due, so the next pass comes as soon as there is room. */
  private moreDue = false;
  private intakeActiveUntil = 0;
  private wakeTimer: NodeJS.Timeout | undefined;
  private readonly concurrency: number;
  private readonly duringIntake: number;
  readonly queueLimit: number;

  /**
   * `concurrency` bounds how many events are processed at once; while webhooks are arriving it is
   * `duringIntake`, so that the writes and CPU that webhook intake needs (LINE waits for its answer) are not
   * taken by processing, which can catch up once the burst is over.
   */
  constructor(
    private readonly deps: ProcessorDeps & { log: Logger },
    options: RunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 16;
    this.duringIntake = options.duringIntake ?? 4;
    this.queueLimit = options.queueLimit ?? 5_000;
  }

  /** Events held in memory, queued or running. */
  get depth(): number {
    return this.held.size;
  }

  /**
   * Whether intake may hand over more events. When not (the queue is at its limit, or the instance is
   * stopping) intake stores them unowned and due, and answers 503.
   */
  accepting(): boolean {
    return !this.stopping && this.held.size < this.queueLimit;
  }

  private limit(): number {
    return Date.now() < this.intakeActiveUntil ? this.duringIntake : this.concurrency;
  }

  private async slot<T>(work: () => Promise<T | undefined>, deadline: number | null): Promise<T | undefined> {
    // A waiter woken while the limit is lowered goes back to the front of the line (of its kind).
    for (let first = true; this.active >= this.limit() && !this.stopping; first = false) {
      const turn = new Promise<void>((r) => this.waiting.add(r, deadline, Date.now(), !first));
      // Held back only by the lowered intake limit, the waiter must not depend on a running event finishing.
      this.wakeWhenQuiet();
      await turn;
    }
    if (this.stopping) return undefined;
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.wake();
    }
  }

  /** Lets waiters in up to the limit; when the limit is lowered for intake, looks again once intake is quiet. */
  private wake(): void {
    let free = this.limit() - this.active;
    while (free-- > 0 && this.waiting.length > 0) this.waiting.next(Date.now())!();
    this.wakeWhenQuiet();
  }

  private wakeWhenQuiet(): void {
    if (this.waiting.length > 0 && !this.wakeTimer && this.limit() < this.concurrency) {
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = undefined;
        this.wake();
      }, Math.max(1, this.intakeActiveUntil - Date.now()));
      this.wakeTimer.unref();
    }
  }

  /** Queues one event behind the earlier events of its user. */
  private queue(event: StoredEvent | string, user: string | null, options: { fromIntake?: boolean; onlyIfDue?: boolean }): Promise<void> | undefined {
    const id = typeof event === 'string' ? event : event._id;
    if (this.held.has(id)) return undefined;
    this.held.add(id);
    const key = user ?? `event:${id}`;
    // When its reply token stops being safe to use; unknown for an event known only by its id (a redelivery of
    // one already stored: its token is as old as the first delivery).
    const deadline = typeof event === 'string' ? null : event.timestamp.getTime() + (this.deps.replyTokenSafeSeconds ?? REPLY_TOKEN_SAFE_SECONDS) * 1000;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      // After stop(), queued events are left in the inbox (made due at once by stop()): nothing is lost.
      .then(() => (this.stopping ? undefined : this.slot(() => processEvent(event, this.deps, options), deadline)))
      .then((outcome) => {
        if (outcome === 'busy') this.busyUntil.set(id, Date.now() + BUSY_PAUSE_MS);
      })
      .catch((error: unknown) => this.deps.log.error({ eventId: id, err: error }, 'event runner error'))
      .finally(() => {
        this.held.delete(id);
        if (this.chains.get(key) === next) this.chains.delete(key);
        // Room again: the rest of a backlog in the inbox comes in now rather than at the next tick.
        if (this.moreDue && this.held.size <= Math.min(LOW_WATER, this.queueLimit / 2)) void this.pumpSoon();
      });
    this.chains.set(key, next);
    return next;
  }

  /** Events intake has just stored. */
  enqueue(events: StoredEvent[]): void {
    this.intakeActiveUntil = Date.now() + INTAKE_QUIET_MS;
    for (const event of events) this.queue(event, event.sourceUserKey, { fromIntake: true });
  }

  /**
   * Redelivered copies of events already in the inbox and not finished: queued at once (read back from the
   * inbox), behind the events of the same user, unless queued here already. If another instance holds the
   * event, its claim decides who runs it.
   */
  enqueueWaiting(events: { id: string; userKey: string | null }[]): void {
    for (const { id, userKey } of events) if (this.held.size < this.queueLimit && !this.stopping) this.queue(id, userKey, { fromIntake: false });
  }

  /**
   * Reads due events from the inbox, as many as the queue has room for, and queues them with the rest;
   * returns how many were queued. An event still queued on another instance whose lease has passed may be
   * taken here: whichever claims its attempt first runs it.
   */
  private async pump(force = false): Promise<number> {
    const room = Math.min(PUMP_BATCH, this.queueLimit - this.held.size);
    if (this.stopping || room <= 0 || (!force && this.held.size > Math.min(LOW_WATER, this.queueLimit / 2))) return 0;
    const now = Date.now();
    for (const [id, until] of this.busyUntil) if (until <= now) this.busyUntil.delete(id);
    const usable = (e: StoredEvent) => !this.held.has(e._id) && !this.busyUntil.has(e._id);
    // A dead instance's queue first, without waiting for its lease: it is what was waiting longest.
    for (const owner of this.orphaned) {
      const left = await queuedEventsOf(owner, room + this.held.size);
      const fresh = left.filter(usable).slice(0, room);
      if (left.length === 0) this.orphaned.delete(owner);
      if (fresh.length === 0) continue;
      this.moreDue = true;
      for (const event of fresh) this.queue(event, event.sourceUserKey, { fromIntake: false });
      return fresh.length;
    }
    const due = await dueEvents(this.deps.now(), room + this.held.size);
    const fresh = due.filter(usable).slice(0, room);
    this.moreDue = fresh.length >= room;
    for (const event of fresh) this.queue(event, event.sourceUserKey, { fromIntake: false, onlyIfDue: true });
    return fresh.length;
  }

  private pumpSoon(force = false): Promise<number> {
    this.pumping ??= this.pump(force)
      .catch((error: unknown) => {
        this.deps.log.error({ err: error }, 'reading due events failed');
        return 0;
      })
      .finally(() => (this.pumping = undefined));
    return this.pumping;
  }

  /**
   * Queues what is due and waits until it has been processed; returns how many events were queued (tests
   * that move time call it by hand).
   */
  async sweep(): Promise<number> {
    await this.pumping;
    // By hand, every due event is tried, also one whose claim was found held a moment ago.
    this.busyUntil.clear();
    const queued = await this.pumpSoon(true);
    await this.idle();
    return queued;
  }

  /**
   * Registers this instance and takes over what dead instances of this host left (their queued events at
   * once, their claims without waiting out the lease), then reads the inbox every second.
   */
  async start(): Promise<void> {
    const host = hostname();
    await registerRunner({ id: this.deps.instanceId, host, pid: process.pid, now: this.deps.now() });
    runnersHere.add(this.deps.instanceId);
    // A record with this process's pid is a dead incarnation (a restarted container, where the app is always
    // pid 1), unless it is another runner of this very process (tests start several).
    const dead = await deadRunnersOnHost(host, (r) => !runnersHere.has(r._id) && (r.pid === process.pid || !isAlive(r.pid)));
    // Not released by an update (FerretDB would rewrite them one by one, seconds for a large backlog): read
    // by owner, pass by pass, like any due event.
    for (const id of dead) this.orphaned.add(id);
    if (dead.length > 0) this.deps.log.info({ instances: dead }, 'taking over the events of stopped instances');
    this.startSweeps();
  }

  /** Starts reading the inbox every second; `start()` does it. */
  startSweeps(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pumpSoon(), PUMP_INTERVAL_MS);
    this.timer.unref();
    void this.pumpSoon();
  }

  /** Resolves when every queued event has been processed. */
  async idle(): Promise<void> {
    while (this.chains.size > 0 || this.pumping) {
      await Promise.all([...this.chains.values(), this.pumping]);
    }
  }

  /** Ends the periodic reading of the inbox (tests that move time sweep by hand). */
  stopSweeps(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** From now on intake answers 503 and nothing new starts; called first on shutdown. */
  beginStop(): void {
    this.stopSweeps();
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    for (const wake of this.waiting.takeAll()) wake();
  }

  /**
   * Stops taking work and waits up to `graceMs` for the events in progress. The queued rest stay in the
   * inbox and are made due at once, for the next start or another instance, as far as that gets done within
   * `releaseMs` (FerretDB updates them one by one). Whatever is not, the next start on this host takes over,
   * finding this instance gone; so does it with events still running at the deadline, whose claims it does
   * not wait out. Elsewhere they wait for the 60 s lease.
   */
  async stop(graceMs = 4_000, releaseMs = 1_500): Promise<void> {
    this.beginStop();
    const finished = await within(this.idle().then(() => true), graceMs, false);
    const released = await within(
      releaseQueuedEvents(this.deps.instanceId, this.deps.now()).then(() => true),
      releaseMs,
      false,
    );
    runnersHere.delete(this.deps.instanceId);
    // The record stays when something is left: it is what lets the next start take that over at once.
    if (finished && released) await removeRunner(this.deps.instanceId);
    else this.deps.log.warn({ running: this.active, released }, 'stopped with work left; the next start on this host takes it over');
  }
}

/** `work`'s result, or `fallback` once `ms` have passed (the work goes on, unawaited). */
async function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((r) => {
    timer = setTimeout(() => r(fallback), ms);
  });
  try {
    return await Promise.race([work.catch(() => fallback), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The runners of this process. */
const runnersHere = new Set<string>();

/** Whether a process of this host exists (signal 0 only checks; EPERM means it exists under another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
