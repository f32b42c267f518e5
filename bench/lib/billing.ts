import type { RecordedRequest } from '../../src/simulator/fake-line-api.js';

/**
 * What LINE bills, read from the fake LINE's own records of what it accepted: nothing the app counts itself,
 * so the same reading measures any version of the app. A push to a person is 1, a push to a group is its
 * member count, a multicast is its number of recipients, a reply is free (LINE's pricing,
 * docs/line-platform.md). A retried request LINE answered 409 was not delivered again and is not billed.
 */
export interface Delivery {
  /** Index of the request in the fake LINE's records. */
  index: number;
  path: string;
  /** LINE user, group or room ids it went to. */
  to: string[];
  messages: unknown[];
  retryKey: string | null;
  billable: number;
}

const GROUP_OR_ROOM = /^[CR][0-9a-f]{32}$/;

export function isGroupId(id: string): boolean {
  return GROUP_OR_ROOM.test(id);
}

/** Accepted pushes and multicasts from `from` on, each with what LINE bills for it. */
export function deliveriesOf(requests: RecordedRequest[], memberCountOf: (groupId: string) => number, from = 0, to = requests.length): Delivery[] {
  const out: Delivery[] = [];
  for (let index = from; index < to; index++) {
    const r = requests[index]!;
    if (r.status !== 200) continue;
    const retryKey = typeof r.headers['x-line-retry-key'] === 'string' ? r.headers['x-line-retry-key'] : null;
    if (r.path === '/v2/bot/message/push') {
      const target = String(r.body.to);
      out.push({ index, path: r.path, to: [target], messages: r.body.messages, retryKey, billable: isGroupId(target) ? memberCountOf(target) : 1 });
    } else if (r.path === '/v2/bot/message/multicast') {
      const targets = (r.body.to as unknown[]).map(String);
      out.push({ index, path: r.path, to: targets, messages: r.body.messages, retryKey, billable: targets.length });
    }
  }
  return out;
}

/** Replies LINE accepted in a range of its records: free, counted to show how much went that way. */
export function repliesIn(requests: RecordedRequest[], from = 0, to = requests.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (requests[i]!.status === 200 && requests[i]!.path === '/v2/bot/message/reply') n++;
  return n;
}

/** Everything a person reads in messages (texts, alt texts, flex texts, button labels), one string. */
export function wordsIn(messages: unknown[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { text?: unknown; altText?: unknown; label?: unknown };
    if (typeof n.text === 'string') out.push(n.text);
    if (typeof n.altText === 'string') out.push(n.altText);
    if (typeof n.label === 'string') out.push(n.label);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(messages);
  return out.join('\n');
}
