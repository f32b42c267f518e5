import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Who may start the local database servers on a data folder: the process that created `<dataDir>/server.lock`
 * (O_EXCL, so of two processes starting at once exactly one succeeds). It holds that process's pid; a lock
 * whose process is gone (killed, crashed) is taken over. Everyone else waits for the owner's server and joins
 * it, however slow it is to answer: a second PostgreSQL or FerretDB on the same data is never started.
 */
export interface DataDirLock {
  /** Removes the lock if it is still this process's; only the owner ever removes it. */
  release(): void;
}

export const LOCK_FILE = 'server.lock';

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock, or says which live process holds it. `lockFile` is created with O_EXCL and the pid written
 * into it; a reader may see it empty for an instant, so an empty lock is stale only once it is a few seconds old.
 */
export function tryLock(lockFile: string): { lock: DataDirLock } | { heldBy: number | null } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        lock: {
          release() {
            if (readPid(lockFile) === process.pid) unlinkSync(lockFile);
          },
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(lockFile);
    if (holder !== null && isAlive(holder)) return { heldBy: holder };
    if (holder === null && ageMs(lockFile) < 5_000) return { heldBy: null };
    takeOver(lockFile, holder);
  }
  return { heldBy: readPid(lockFile) };
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Removes a stale lock so that the next O_EXCL create decides the new owner. Renaming (atomic) rather than
 * unlinking: of two processes taking over at once, the one that finds the lock already replaced by a live
 * owner's puts that one back instead of deleting it.
 */
function takeOver(lockFile: string, stalePid: number | null): void {
  const aside = `${lockFile}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // Someone else moved it first.
  }
  const moved = readPid(aside);
  if (moved !== stalePid && moved !== null && isAlive(moved)) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // A third process created a lock in the meantime: it owns the folder now.
    }
  }
  unlinkSync(aside);
}
