import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';

export interface GuardedServer {
  child: ChildProcess;
  /** Asks the server to stop and waits until it has; kills it if it takes longer than `killAfterMs`. */
  stop(): Promise<void>;
}

/**
 * Starts a local database server behind a small shell guard that stops it (with `stopSignal`) when our end
 * of its stdin closes, which also happens when this process is killed outright: no orphaned server is left
 * behind. Its stderr goes to `logFile`.
 */
export function spawnGuarded(
  command: string,
  args: string[],
  options: { logFile: string; appendLog: boolean; stopSignal: 'TERM' | 'INT'; killAfterMs: number; env?: NodeJS.ProcessEnv },
): GuardedServer {
  const log = openSync(options.logFile, options.appendLog ? 'a' : 'w');
  const guard = `"$0" "$@" </dev/null & pid=$!; read -r _; kill -${options.stopSignal} "$pid" 2>/dev/null; wait "$pid"`;
  const child = spawn('sh', ['-c', guard, command, ...args], { stdio: ['pipe', 'ignore', log], env: options.env });
  closeSync(log);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
