import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
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

function describe(serverUri: string, dataDir: string, stop: () => Promise<void>): LocalDatabase {
  return {
    serverUri,
    dataDir,
    uriFor: (database) => `${serverUri}/${database}?directConnection=true&serverSelectionTimeoutMS=5000`,
    stop,
  };
}

/** The server another process (the running bot) started on this data folder, if it still answers. */
async function runningServer(dataDir: string): Promise<string | null> {
  try {
    const { serverUri } = JSON.parse(readFileSync(resolve(dataDir, 'server.json'), 'utf8')) as { serverUri: string };
    await ping(`${serverUri}/?directConnection=true`, 1_000);
    return serverUri;
  } catch {
    return null;
  }
}

/**
 * Starts PostgreSQL and FerretDB on `dataDir`, or joins the FerretDB already serving that folder (a second
 * PostgreSQL cannot open it): the CLI can run while the bot does. `durable: false` is for throw-away data.
 */
export async function startLocalDatabase(options: { dataDir: string; durable?: boolean; binary?: string; port?: number }): Promise<LocalDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const shared = await runningServer(dataDir);
  if (shared) return describe(shared, dataDir, async () => undefined);
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
    const stateFile = resolve(dataDir, 'server.json');
    writeFileSync(stateFile, JSON.stringify({ serverUri, pid: process.pid }));
    return describe(serverUri, dataDir, async () => {
      rmSync(stateFile, { force: true });
      await server.stop();
      await postgres.stop();
    });
  }
}
