import { removeFinished } from '../db/event-store.js';
import type { Logger } from '../log.js';

/**
 * Finished events leave the inbox in one delete (see event-store.ts's `markDone`), at most once a second and
 * with pauses at least 4 times as long as the last delete took: on FerretDB a delete reads the whole inbox,
 * which is large during a burst, and processing must keep most of the database's time.
 */
const INTERVAL_MS = 1_000;
const SHARE_OF_TIME = 0.2;

export class FinishedRemoval {
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private running: Promise<void> | undefined;

  constructor(private readonly log: Logger) {}

  start(): void {
    this.stopped = false;
    this.schedule(INTERVAL_MS);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Removes what has finished so far, now (after a removal already under way). */
  async flush(): Promise<void> {
    await this.running;
    await this.run();
  }

  private run(): Promise<void> {
    this.running ??= removeFinished()
      .then(() => undefined)
      .catch((error: unknown) => this.log.warn({ err: String(error) }, 'could not remove finished events from the inbox'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const started = Date.now();
      void this.run().then(() => this.schedule(Math.max(INTERVAL_MS, ((Date.now() - started) * (1 - SHARE_OF_TIME)) / SHARE_OF_TIME)));
    }, delayMs);
    this.timer.unref();
  }
}
