import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/local-database/free-port.js';
import { startLocalDatabase, type LocalDatabase } from '../../src/local-database/local-ferretdb.js';
import { newDataKey } from '../../src/security/crypto.js';
import { FakeLineApi } from '../../src/simulator/fake-line-api.js';
import { BENCH_SIZE } from './size.js';

/**
 * What every benchmark runs against: a FerretDB of its own, the fake LINE API, and the app as a separate
 * process (so its memory can be read on its own), started exactly as `npm start` starts it.
 */
export interface BenchEnvironment {
  db: LocalDatabase;
  line: FakeLineApi;
  app: { url: string; pid: number; process: ChildProcess };
  /** SIGKILLs the app (no shutdown at all: a crash or an OOM kill) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the app again on the same port and database, as a restarted container would. */
  restart(): Promise<void>;
  channelSecret: string;
  dataKey: string;
  mongoUri: string;
  stop(): Promise<void>;
}

/** Peak and current resident memory of a process, in MiB, from /proc (Linux). */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0);
  return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
}

let shared: { db: LocalDatabase; dataDir: string } | null = null;

/**
 * A FerretDB and PostgreSQL for one bench: its own at the measured sizes, so that no bench meets another's
 * leftovers; in a small run (CI) one for all of them, each bench on a database of its own name, because
 * starting the servers takes longer there than the bench itself.
 */
export async function benchDatabase(name: string): Promise<{ db: LocalDatabase; release(): Promise<void> }> {
  if (BENCH_SIZE === 'small') {
    if (!shared) {
      const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-small-'));
      shared = { db: await startLocalDatabase({ dataDir }), dataDir };
    }
    return { db: shared.db, release: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), `prongsai-bench-${name}-`));
  const db = await startLocalDatabase({ dataDir });
  return {
    db,
    async release() {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stops the small run's shared database (nothing when there is none). */
export async function stopSharedDatabase(): Promise<void> {
  if (!shared) return;
  await shared.db.stop();
  rmSync(shared.dataDir, { recursive: true, force: true });
  shared = null;
}

export async function startEnvironment(name: string, extraEnv: Record<string, string> = {}): Promise<BenchEnvironment> {
  const { db, release } = await benchDatabase(name);
  const line = await new FakeLineApi('bench-token').start();
  const channelSecret = 'bench-channel-secret';
  const dataKey = newDataKey();
  const mongoUri = db.uriFor(`bench_${name}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        MONGODB_URI: mongoUri,
        ORG_CODE: 'bench',
        LINE_CHANNEL_SECRET: channelSecret,
        LINE_CHANNEL_ACCESS_TOKEN: line.accessToken,
        LINE_API_BASE_URL: line.url,
        LINE_DATA_API_BASE_URL: line.url,
        DATA_ENCRYPTION_KEY: dataKey,
        ...extraEnv,
      },
      // BENCH_APP_LOG=<file>: the app's own log (pino writes to stdout), to see why a run went wrong.
      stdio: ['ignore', process.env.BENCH_APP_LOG ? openSync(process.env.BENCH_APP_LOG, 'a') : 'ignore', 'inherit'],
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {
        // not listening yet
      }
      // A minute: on a busy machine (CI beside other work) tsx alone can take half of that.
      if (i > 600 || child.exitCode !== null) throw new Error('the app did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    return child;
  };
  let child = await launch();
  const env: BenchEnvironment = {
    db,
    line,
    app: { url, pid: child.pid!, process: child },
    async kill() {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
    async restart() {
      child = await launch();
      env.app = { url, pid: child.pid!, process: child };
    },
    channelSecret,
    dataKey,
    mongoUri,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      await line.stop();
      await release();
    },
  };
  return env;
}
