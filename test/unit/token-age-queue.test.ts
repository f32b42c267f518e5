import { describe, expect, it } from 'vitest';
import { TokenAgeQueue } from '../../src/intake/token-age-queue.js';

const woken: string[] = [];
/** Which waiters a queue lets go, in order, at moment `now`. */
function order(q: TokenAgeQueue, now: number): string[] {
  for (let next = q.next(now); next; next = q.next(now)) next();
  return woken.splice(0);
}
const waiter = (name: string) => () => woken.push(name);

describe('events waiting for a slot', () => {
  it('go in the order their reply tokens run out, whatever order they came in', () => {
    const q = new TokenAgeQueue();
    q.add(waiter('late-token'), 3_000, 0);
    q.add(waiter('soonest'), 1_000, 0);
    q.add(waiter('middle'), 2_000, 0);
    expect(order(q, 0)).toEqual(['soonest', 'middle', 'late-token']);
  });

  it('put events whose token has run out behind every event still young, in the order they came', () => {
    const q = new TokenAgeQueue();
    q.add(waiter('expired-a'), 500, 1_000);
    q.add(waiter('young'), 5_000, 1_000);
    q.add(waiter('unknown'), null, 1_000);
    q.add(waiter('runs-out-while-waiting'), 1_500, 1_000);
    // At 2 s the third has run out too: it joins the late ones, the young one goes first.
    expect(order(q, 2_000)).toEqual(['young', 'expired-a', 'unknown', 'runs-out-while-waiting']);
  });

  it('gives everyone back at once on stop', () => {
    const q = new TokenAgeQueue();
    q.add(waiter('a'), 5_000, 0);
    q.add(waiter('b'), null, 0);
    expect(q.takeAll()).toHaveLength(2);
    expect(q.length).toBe(0);
  });
});
