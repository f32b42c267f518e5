/**
 * Checks DATA_ENCRYPTION_KEY before anything is encrypted with it. A weak key is worse than it looks: with
 * the public sample key anyone holding a database backup can read reporters' LINE ids and forge report links.
 */

/** The sample in .env.example: public, so it protects nothing. Kept here so production refuses it by value. */
export const SAMPLE_DATA_KEY = 'IqUaSwX9D5LOaPZkGiOSTUduk1WT9XxwLfdbZyXFzb4=';

const HOW = 'make one with `openssl rand -base64 32`';

/**
 * Buffer.from(…, 'base64') skips spaces and junk and accepts missing or extra padding, so a mistyped or
 * truncated key would still give some 32 bytes. Only a value that re-encodes to itself is taken.
 */
export function decodeKey(value: string): Buffer | null {
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes : null;
}

function distinct(values: Iterable<number>): number {
  return new Set(values).size;
}

/** Whether the bytes repeat with a period shorter than the key (e.g. a pass phrase typed twice). */
function repeats(bytes: Buffer): boolean {
  for (let period = 1; period <= bytes.length / 2; period++) {
    if (bytes.every((b, i) => b === bytes[i % period])) return true;
  }
  return false;
}

/**
 * Why a key cannot be used, or null. Format problems are refused everywhere; the strength checks only in
 * production, so tests and trials may use fixed keys. 32 random bytes have about 30 distinct values, and
 * their successive differences too; fewer than 16 means a pattern, not randomness.
 */
export function dataKeyProblem(value: string, production: boolean): string | null {
  const bytes = decodeKey(value);
  if (!bytes) return `is not canonical base64 (no spaces, no other characters, "=" padding as openssl writes it); ${HOW}`;
  if (bytes.length !== 32) return `must be 32 bytes in base64, not ${bytes.length}; ${HOW}`;
  if (!production) return null;
  if (value === SAMPLE_DATA_KEY) return `is the public sample from .env.example, which protects nothing in production; ${HOW}`;
  const differences = bytes.subarray(1).map((b, i) => (b - bytes[i]! + 256) % 256);
  const weak =
    distinct(bytes) < 16 ||
    distinct(differences) < 16 ||
    repeats(bytes) ||
    // A typed word or sentence (base64 of text) rather than random bytes: random bytes are almost never all printable.
    bytes.every((b) => b >= 0x20 && b < 0x7f);
  return weak ? `is not random enough (all zeros, a repeated pattern, a sequence or text); ${HOW}` : null;
}
