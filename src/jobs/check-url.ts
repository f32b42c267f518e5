import { judgePage, type UrlCheck } from '../domain/oit.js';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Opens a published address the way a visitor (or the ITAS assessor) would: GET, following redirects, within
 * `timeoutMs` for the whole answer. Reads at most 1 MB of the page, enough to tell content from an empty one.
 */
export async function checkUrl(url: string, timeoutMs: number, now: () => Date = () => new Date()): Promise<UrlCheck> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const res = await fetch(url, { redirect: 'follow', signal: controller.signal, headers: { 'user-agent': 'Prongsai link check', accept: 'text/html,*/*' } });
    const body = await readSome(res, MAX_BODY_BYTES);
    const { ok, problem } = judgePage(res.status, res.headers.get('content-type'), body);
    return { checkedAt: now(), url, ok, httpStatus: res.status, problem };
  } catch (error) {
    const timedOut = controller.signal.aborted || (error as { name?: string }).name === 'TimeoutError';
    return { checkedAt: now(), url, ok: false, httpStatus: null, problem: timedOut ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

async function readSome(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8');
}
