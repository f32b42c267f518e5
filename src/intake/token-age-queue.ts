/**
 * Events waiting for a processing slot, in the order that keeps the most answers free: an answer is a free
 * reply only while its event's reply token is young (intake/process-event.ts), after that a paid push. So the
 * event whose token runs out soonest goes first, and events whose token has run out wait until no young one
 * does (they are pushed whenever they go). Under a burst the queue would otherwise go oldest first and spend
 * its slots on events already past their token while younger ones age past theirs behind them.
 */
export class TokenAgeQueue {
  /** Sorted by deadline, soonest first. */
  private readonly young: { wake: () => void; deadline: number }[] = [];
  /** Past their deadline (or without one), in the order they came. */
  private readonly late: (() => void)[] = [];

  get length(): number {
    return this.young.length + this.late.length;
  }

  /** `deadline`: when the event's token stops being safe to reply with (ms); null when unknown (taken as past). */
  add(wake: () => void, deadline: number | null, now: number, front = false): void {
    if (deadline === null || deadline <= now) {
      if (front) this.late.unshift(wake);
      else this.late.push(wake);
      return;
    }
    // Binary search for the place: equal deadlines keep their order of arrival.
    let lo = 0;
    let hi = this.young.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.young[mid]!.deadline <= deadline) lo = mid + 1;
      else hi = mid;
    }
    this.young.splice(lo, 0, { wake, deadline });
  }

  /** The next to go: the young event whose token runs out soonest, else the longest waiting of the late. */
  next(now: number): (() => void) | undefined {
    let expired = 0;
    while (expired < this.young.length && this.young[expired]!.deadline <= now) expired++;
    // Those that ran out while waiting join the late ones, in their deadline order (the order they came).
    if (expired > 0) this.late.push(...this.young.splice(0, expired).map((w) => w.wake));
    return this.young.shift()?.wake ?? this.late.shift();
  }

  /** Everyone, at once (on stop). */
  takeAll(): (() => void)[] {
    return [...this.young.splice(0).map((w) => w.wake), ...this.late.splice(0)];
  }
}
