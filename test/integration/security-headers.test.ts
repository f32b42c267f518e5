import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP } from '../../src/http/security-headers.js';
import { startHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('security headers', () => {
  it('go with every response: pages, refusals, downloads, JSON and errors', async () => {
    for (const path of ['/healthz', '/reports/not-a-token', '/evidence/not-a-token', '/no-such-page']) {
      const res = await fetch(`${h.server.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
    expect((await fetch(`${h.server.url}/reports/not-a-token`)).headers.get('content-security-policy')).toBe(STRICT_CSP);
    // Outside demo mode there is no simulator page at all.
    expect((await fetch(`${h.server.url}/simulator`)).status).toBe(404);
  });
});
