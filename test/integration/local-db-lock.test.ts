import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive, LOCK_FILE } from '../../src/local-database/data-dir-lock.js';
import { startLocalDatabase } from '../../src/local-database/local-ferretdb.js';

/**
 * One local database server per data folder, whatever the timing: these start real PostgreSQL and FerretDB
 * servers on folders of their own (FerretDB is already built by the global setup).
 */
const folders: string[] = [];
const children: ChildProcess[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prongsai-lock-'));
  folders.push(dir);
  return dir;
}
afterAll(async () => {
  for (const child of children) child.stdin?.end();
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  serverUri: string;
  owner: boolean;
  pid: number;
}

/** Starts a process that opens the folder's database; resolves with what it opened. */
function openInChild(dataDir: string): { child: ChildProcess; opened: Promise<Opened> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/local-db-child.ts', dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const opened = new Promise<Opened>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(JSON.parse(out.split('\n')[0]!) as Opened);
    });
    child.once('exit', (code) => fail(new Error(`child exited with ${code}: ${err}`)));
  });
  return { child, opened };
}

const exited = (child: ChildProcess) => (child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)));

/** A pid that belonged to a process that has ended. */
function deadPid(): number {
  const done = spawnSync('sh', ['-c', 'echo $$']);
  const pid = Number(done.stdout.toString().trim());
  expect(isAlive(pid)).toBe(false);
  return pid;
}

describe('the local database lock', () => {
  it('gives two processes started at once on one folder one server, and only its owner removes server.json', async () => {
    const dir = folder();
    const a = openInChild(dir);
    const b = openInChild(dir);
    const [first, second] = await Promise.all([a.opened, b.opened]);
    expect(first.serverUri).toBe(second.serverUri);
    expect([first.owner, second.owner].sort()).toEqual([false, true]);
    const owner = first.owner ? a : b;
    const joiner = first.owner ? b : a;
    const ownerPid = first.owner ? first.pid : second.pid;
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(ownerPid));

    // The joiner leaves: the owner's server.json and lock stay, so the next process joins too.
    joiner.child.stdin!.end();
    await exited(joiner.child);
    expect(existsSync(join(dir, 'server.json'))).toBe(true);
    const third = openInChild(dir);
    expect(await third.opened).toMatchObject({ serverUri: first.serverUri, owner: false });
    third.child.stdin!.end();
    await exited(third.child);

    owner.child.stdin!.end();
    await exited(owner.child);
    expect(existsSync(join(dir, 'server.json'))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('takes over the lock of a process that is gone, and its stale server.json', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    writeFileSync(join(dir, 'server.json'), JSON.stringify({ serverUri: 'mongodb://127.0.0.1:1', pid: 1 }));
    const db = await startLocalDatabase({ dataDir: dir, durable: false, waitMs: 5_000 });
    try {
      expect(db.owner).toBe(true);
      expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
      expect(JSON.parse(readFileSync(join(dir, 'server.json'), 'utf8'))).toMatchObject({ serverUri: db.serverUri });
    } finally {
      await db.stop();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('lets exactly one of three processes take over a stale lock at once', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()}\n`);
    const opened = await Promise.all([openInChild(dir), openInChild(dir), openInChild(dir)].map((c) => c.opened));
    expect(new Set(opened.map((o) => o.serverUri)).size).toBe(1);
    expect(opened.filter((o) => o.owner)).toHaveLength(1);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(opened.find((o) => o.owner)!.pid));
  }, 120_000);

  it('waits for a live owner whose server does not answer, and never starts a second one', async () => {
    const dir = folder();
    // A live process holds the folder, and its server stalls: server.json names a port nobody answers on.
    const holder = spawn('sleep', ['60']);
    children.push(holder);
    writeFileSync(join(dir, LOCK_FILE), `${holder.pid}\n`);
    writeFileSync(join(dir, 'server.json'), JSON.stringify({ serverUri: 'mongodb://127.0.0.1:1', pid: holder.pid }));
    await expect(startLocalDatabase({ dataDir: dir, durable: false, waitMs: 3_000 })).rejects.toThrow(`belongs to process ${holder.pid}`);
    expect(existsSync(join(dir, 'postgresql'))).toBe(false);
    expect(existsSync(join(dir, 'server.json'))).toBe(true);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(holder.pid));
    holder.kill();
  }, 60_000);
});
