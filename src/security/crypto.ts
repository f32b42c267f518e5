import { createCipheriv, createDecipheriv, createHmac, createSecretKey, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (PDPA): LINE user ids and raw webhook events are stored encrypted (AES-256-GCM),
 * and looked up by a keyed hash (HMAC-SHA256), so the database never holds a reporter's LINE id in clear.
 * Both keys are derived from DATA_ENCRYPTION_KEY; losing that key makes the encrypted fields unreadable.
 */
export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
  /** A stable pseudonym for a LINE user id: equal ids give equal keys, and the key does not reveal the id. */
  userKey(lineUserId: string): string;
}

export function createSealer(base64Key: string): Sealer {
  const master = Buffer.from(base64Key, 'base64');
  if (master.length !== 32) throw new Error('DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  // Key objects made once: every event seals, opens and hashes several times.
  const encKey = createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'prongsai/encrypt', 32)));
  const macKey = createSecretKey(Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'prongsai/user-key', 32)));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('unknown sealed format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    userKey(lineUserId) {
      return `uk_${createHmac('sha256', macKey).update(lineUserId).digest('base64url').slice(0, 32)}`;
    },
  };
}

export const newDataKey = (): string => randomBytes(32).toString('base64');
