import { describe, expect, it } from 'vitest';
import { deliveriesOf, repliesIn } from '../../bench/lib/billing.js';
import type { RecordedRequest } from '../../src/simulator/fake-line-api.js';

/** The month benchmark bills what the fake LINE accepted as LINE's pricing does (docs/line-platform.md). */
const request = (path: string, body: unknown, status = 200, retryKey?: string): RecordedRequest => ({
  method: 'POST',
  path,
  headers: retryKey ? { 'x-line-retry-key': retryKey } : {},
  body,
  status,
  at: new Date(0),
});
const GROUP = `C${'a'.repeat(32)}`;
const messages = [{ type: 'text', text: 'ข้อความ' }];

describe('what a month of messages is billed', () => {
  const requests = [
    request('/v2/bot/message/push', { to: 'U1', messages: [...messages, ...messages] }, 200, 'k1'),
    request('/v2/bot/message/push', { to: GROUP, messages }),
    request('/v2/bot/message/multicast', { to: ['U1', 'U2', 'U3'], messages }),
    request('/v2/bot/message/reply', { replyToken: 't', messages }),
    // A repeat LINE recognised by its retry key, and a refused request: neither is delivered.
    request('/v2/bot/message/push', { to: 'U1', messages }, 409, 'k1'),
    request('/v2/bot/message/push', { to: 'U1', messages }, 429),
  ];

  it('counts a push to a person once whatever its messages, a group push by its members, a multicast by its recipients', () => {
    expect(deliveriesOf(requests, () => 6).map((d) => d.billable)).toEqual([1, 6, 3]);
  });

  it('bills no reply, no repeat answered 409 and no refused request', () => {
    expect(deliveriesOf(requests, () => 6).reduce((n, d) => n + d.billable, 0)).toBe(10);
    expect(repliesIn(requests)).toBe(1);
  });

  it('reads a range of the records, one simulated day at a time', () => {
    expect(deliveriesOf(requests, () => 6, 1, 3).map((d) => d.index)).toEqual([1, 2]);
  });
});
