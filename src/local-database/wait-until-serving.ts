import type { ChildProcess } from 'node:child_process';

/**
 * Polls a server that `child` is starting until `probe` (one connection and one command) succeeds; fails when
 * the child exits first or the time is up, naming the server and the last error.
 */
export async function waitUntilServing(name: string, child: ChildProcess, timeoutMs: number, probe: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${name} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}
