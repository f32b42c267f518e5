import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { LOCK_FILE, tryLock, type DataDirLock } from './data-dir-lock.js';
import { freePort } from './free-port.js';
import { spawnGuarded } from './guarded-server.js';
import { logTail } from './log-tail.js';
import { waitUntilServing } from './wait-until-serving.js';
import { startLocalPostgres } from './local-postgres.js';

/**
 * Runs FerretDB v1.24.2 as the local stand-in for MongoDB (docs/database.md): installs it on first use and
 * starts it on a free loopback port over a PostgreSQL of its own (local-postgres.ts) whose data lives in
 * `<dataDir>/postgresql`, and stops both.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface LocalDatabase {
  /** Base URI without a database name; append `/<db>?directConnection=true`. */
  serverUri: string;
  dataDir: string;
  /** Whether this process started the servers (and alone stops them) or joined another process's. */
  owner: boolean;
  uriFor(database: string): string;
  stop(): Promise<void>;
}

export async function installFerretDb(): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', [resolve(projectRoot, 'scripts/install-ferretdb.sh')], {
    maxBuffer: 1 << 20,
  });
  return stdout.trim().split('\n').pop()!;
}

async function ping(uri: string, timeoutMs = 500): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

function describe(serverUri: string, dataDir: string, owner: boolean, stop: () => Promise<void>): LocalDatabase {
  return {
    serverUri,
    dataDir,
    owner,
    uriFor: (database) => `${serverUri}/${database}?directConnection=true&serverSelectionTimeoutMS=5000`,
    stop,
  };
}

/** The server another process (the running bot) started on this data folder, if it answers now. */
async function runningServer(dataDir: string, timeoutMs: number): Promise<string | null> {
  try {
    const { serverUri } = JSON.parse(readFileSync(resolve(dataDir, 'server.json'), 'utf8')) as { serverUri: string };
    await ping(`${serverUri}/?directConnection=true`, timeoutMs);
    return serverUri;
  } catch {
    return null;
  }
}

export interface LocalDatabaseOptions {
  dataDir: string;
  durable?: boolean;
  binary?: string;
  port?: number;
  /**
   * How long to wait for the server of the process holding the folder's lock. It may be building FerretDB
   * (about a minute on first use) or stalled; either way we wait rather than start a second server.
   */
  waitMs?: number;
}

/**
 * Starts PostgreSQL and FerretDB on `dataDir`, or joins the FerretDB that another process (the bot, while the
 * CLI runs) serves from that folder. Only the holder of `<dataDir>/server.lock` (data-dir-lock.ts) starts
 * servers, writes `server.json` and removes both; a slow answer is never taken for "no server".
 * `durable: false` is for throw-away data.
 */
export async function startLocalDatabase(options: LocalDatabaseOptions): Promise<LocalDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const lockFile = resolve(dataDir, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 180_000);
  for (let round = 0; ; round++) {
    const taken = tryLock(lockFile);
    if ('lock' in taken) {
      try {
        return await startOwnServers(dataDir, options, taken.lock);
      } catch (error) {
        taken.lock.release();
        throw error;
      }
    }
    // The first look is quick; later ones allow a stalled server longer to answer.
    const shared = await runningServer(dataDir, round === 0 ? 1_000 : 5_000);
    if (shared) return describe(shared, dataDir, false, async () => undefined);
    if (Date.now() > deadline) {
      throw new Error(
        `The local database in ${dataDir} belongs to process ${taken.heldBy ?? '(starting)'}, whose server did not answer ` +
          `within ${Math.round((options.waitMs ?? 180_000) / 1000)} s. If that process is stuck, stop it; a lock of a process that is gone is taken over by itself.`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function startOwnServers(dataDir: string, options: LocalDatabaseOptions, lock: DataDirLock): Promise<LocalDatabase> {
  const stateFile = resolve(dataDir, 'server.json');
  // A server.json left by an owner that was killed names a server that died with it.
  rmSync(stateFile, { force: true });
  const binary = options.binary ?? (await installFerretDb());
  const postgres = await startLocalPostgres({ dataDir: resolve(dataDir, 'postgresql'), durable: options.durable ?? true });

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const args = [
      '--handler=postgresql',
      `--postgresql-url=${postgres.url}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--state-dir=-',
      '--telemetry=disable',
      '--log-level=error',
    ];
    // Its log goes to a file: at level error it still logs every duplicate key, and claims by unique
    // insert make those routine here.
    const logFile = resolve(dataDir, 'ferretdb.log');
    const server = spawnGuarded(binary, args, {
      logFile,
      appendLog: false,
      stopSignal: 'TERM',
      killAfterMs: 10_000,
      // FerretDB decodes every document it reads in Go and allocates a lot doing it. Collecting garbage only
      // when its heap nears 1 GiB makes large reads (the monthly summary of every organisation) about a
      // quarter faster than Go's default; a local database may use that much memory under such a load.
      env: { ...process.env, GOGC: process.env.GOGC ?? 'off', GOMEMLIMIT: process.env.GOMEMLIMIT ?? '1GiB' },
    });
    const serverUri = `mongodb://127.0.0.1:${port}`;
    try {
      await waitUntilServing('FerretDB', server.child, 30_000, () => ping(`${serverUri}/?directConnection=true`));
    } catch (error) {
      await server.stop();
      // Another process may have taken the port between our probe and FerretDB's bind.
      if (attempt < 3 && !options.port) continue;
      await postgres.stop();
      throw new Error(`${(error as Error).message}\n${logTail(logFile)}`);
    }
    writeFileSync(stateFile, JSON.stringify({ serverUri, pid: process.pid }));
    return describe(serverUri, dataDir, true, async () => {
      rmSync(stateFile, { force: true });
      await server.stop();
      await postgres.stop();
      // Last: until PostgreSQL has let go of the folder, nobody else may start one on it.
      lock.release();
    });
  }
}
