import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Download links that carry their own permission: what to produce, for which organisation, until when,
 * signed with a key derived from DATA_ENCRYPTION_KEY. LINE cannot carry files, so reports travel as links;
 * a link cannot be altered, and stops working when it expires.
 */
export interface LinkSigner {
  sign(payload: object, expiresAt: Date): string;
  /** The payload, or null when the token is forged, altered or expired. */
  verify<T>(token: string, now?: Date): T | null;
}

/** base64url body, '.', and the 43 characters of an HMAC-SHA256 in base64url; nothing before or after. */
const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

/**
 * `purpose` gives each kind of link a key of its own, so a token made for one route (a report) is never
 * accepted by another (an evidence file), whatever its payload says.
 */
export function createLinkSigner(base64Key: string, purpose = 'download-link'): LinkSigner {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(base64Key, 'base64'), Buffer.alloc(0), `prongsai/${purpose}`, 32));
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');
  return {
    sign(payload, expiresAt) {
      const body = Buffer.from(JSON.stringify({ ...payload, exp: expiresAt.getTime() })).toString('base64url');
      return `${body}.${mac(body)}`;
    },
    verify<T>(token: string, now = new Date()): T | null {
      // Exactly what sign() writes, whole: a split on '.' alone took `<token>.anything` as the token itself.
      const match = TOKEN.exec(token);
      if (!match) return null;
      const [, body, signature] = match as unknown as [string, string, string];
      const expected = Buffer.from(mac(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp: number };
        return typeof payload.exp === 'number' && payload.exp > now.getTime() ? payload : null;
      } catch {
        return null;
      }
    },
  };
}
