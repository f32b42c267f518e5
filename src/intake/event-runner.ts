import { dueEvents, type StoredEvent } from '../db/event-store.js';
import type { Logger } from '../log.js';
import { processEvent, type ProcessorDeps } from './process-event.js';

const SWEEP_INTERVAL_MS = 5_000;
/** Webhooks within this time of each other count as one burst of intake. */
const INTAKE_QUIET_MS = 100;
const SWEEP_BATCH = 50;
/** With this many events queued here (a burst), sweeps wait: reading the inbox then only slows the queue down. */
const SWEEP_PAUSE_QUEUE = 100;

/**
 * Runs stored events in the background. Events of one user run one after another, in the order LINE sent
 * them, because each may move that user's dialog; different users run side by side. A periodic sweep picks
 * up events whose attempt failed or whose instance stopped.
 */
export class EventRunner {
  private readonly chains = new Map<string, Promise<void>>();
  private active = 0;
  private queued = 0;
  private stopping = false;
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private intakeActiveUntil = 0;
  private wakeTimer: NodeJS.Timeout | undefined;

  /**
   * `concurrency` bounds how many events are processed at once; while webhooks are arriving it is
   * `duringIntake`, so that the writes and CPU that webhook intake needs (LINE waits for its answer) are not
   * taken by processing, which can catch up once the burst is over.
   */
  constructor(
    private readonly deps: ProcessorDeps & { log: Logger },
    private readonly concurrency = 16,
    private readonly duringIntake = 4,
  ) {}

  private limit(): number {
    return Date.now() < this.intakeActiveUntil ? this.duringIntake : this.concurrency;
  }

  private async slot<T>(work: () => Promise<T | undefined>): Promise<T | undefined> {
    // A waiter woken while the limit is lowered goes back to the front of the line.
    for (let first = true; this.active >= this.limit() && !this.stopping; first = false) {
      await new Promise<void>((r) => (first ? this.waiting.push(r) : this.waiting.unshift(r)));
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
    while (free-- > 0 && this.waiting.length > 0) this.waiting.shift()!();
    if (this.waiting.length > 0 && !this.wakeTimer && this.limit() < this.concurrency) {
      this.wakeTimer = setTimeout(() => {
        this.wakeTimer = undefined;
        this.wake();
      }, Math.max(1, this.intakeActiveUntil - Date.now()));
      this.wakeTimer.unref();
    }
  }

  enqueue(events: StoredEvent[], userOf: (id: string) => string | null): void {
    this.intakeActiveUntil = Date.now() + INTAKE_QUIET_MS;
    for (const event of events) {
      const id = event._id;
      const key = userOf(id) ?? `event:${id}`;
      this.queued++;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const next = previous
        // After stop(), queued events are left for the next start's sweep: they are stored, so nothing is lost.
        .then(() => (this.stopping ? undefined : this.slot(() => processEvent(event, this.deps))))
        .catch((error: unknown) => this.deps.log.error({ eventId: id, err: String(error) }, 'event runner error'))
        .finally(() => {
          this.queued--;
          if (this.chains.get(key) === next) this.chains.delete(key);
        });
      this.chains.set(key, next);
    }
  }

  /**
   * Retries what is due; returns how many events were tried. An event still queued here whose lease has
   * passed may be taken by a sweep (here or on another instance): whichever claims its attempt first runs it.
   */
  async sweep(): Promise<number> {
    const due = await dueEvents(this.deps.now(), SWEEP_BATCH);
    for (const event of due) await processEvent(event._id, this.deps, { onlyIfDue: true });
    return due.length;
  }

  start(): void {
    this.timer = setInterval(() => {
      if (this.sweeping || this.queued >= SWEEP_PAUSE_QUEUE) return;
      this.sweeping = this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.deps.log.error({ err: String(error) }, 'event sweep failed'))
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Resolves when every queued event has been processed. */
  async idle(): Promise<void> {
    while (this.chains.size > 0 || this.sweeping) {
      await Promise.all([...this.chains.values(), this.sweeping]);
    }
  }

  /** Ends the periodic retry sweep (tests that move time sweep by hand). */
  stopSweeps(): void {
    clearInterval(this.timer);
  }

  /** Stops sweeping and finishes the events in progress; the queued rest wait in the database. */
  async stop(): Promise<void> {
    this.stopSweeps();
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    for (const wake of this.waiting.splice(0)) wake();
    await this.idle();
  }
}
