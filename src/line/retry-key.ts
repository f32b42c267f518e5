import { createHash } from 'node:crypto';

/**
 * A UUID derived from a stable name (an event id and a part number), so every instance and every retry
 * sends the same X-Line-Retry-Key for the same message, and LINE delivers it once.
 */
export function retryKeyFor(name: string): string {
  const h = createHash('sha256').update(name).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
