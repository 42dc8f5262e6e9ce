import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { z } from 'zod';

/**
 * One process per PGlite folder. Two PGlite instances on one folder each believe they own the
 * WAL and overwrite each other's pages (confirmed data lost, the folder no longer opening), so
 * every process takes `<folder>.lock` before opening the folder and keeps it until it exits.
 *
 * The lock file is created with O_EXCL and names its holder. A lock left by a process that is
 * gone (kill -9, power cut) is taken over: the holder is checked with signal 0 and, on Linux,
 * by its start time, so a recycled PID does not keep a folder locked forever.
 */

export const LockInfoSchema = z.object({
  pid: z.number().int().positive(),
  /** Linux start time of the process in clock ticks (field 22 of /proc/<pid>/stat), if known. */
  startTicks: z.string().nullable(),
  command: z.string(),
  since: z.string(),
  /** The running server's own address, written once it listens, so the admin CLI finds it. */
  url: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        `Only one process may open it at a time: stop that process first, or run admin commands while it runs ` +
        `(npm run admin talks to the running server).`,
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records the server's address in the lock file, for the admin CLI. */
  setUrl(url: string): void;
  release(): void;
}

export const lockPathFor = (dataDir: string): string => `${dataDir.replace(/\/+$/, '')}.lock`;

function startTicksOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote this lock still runs (and is the same process, not a reused PID). */
export function holderAlive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user — still alive.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (info.startTicks === null) return true;
  const now = startTicksOf(info.pid);
  return now === null || now === info.startTicks;
}

/** The lock's holder, or null when the folder is free (no lock, or a dead holder's). */
export function readLockHolder(dataDir: string): LockInfo | null {
  const info = readLockFile(lockPathFor(dataDir));
  return info !== null && holderAlive(info) ? info : null;
}

/** Long enough for a live process to write its lock's content after creating the file. */
const UNREADABLE_GRACE_MS = 10_000;

function readLockFile(path: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return LockInfoSchema.parse(JSON.parse(text));
  } catch {
    // Empty or cut short: either being written this instant (recent), or left by a process
    // killed at that instant (old). Only the second is stale.
    let recent = true;
    try {
      recent = Date.now() - statSync(path).mtimeMs < UNREADABLE_GRACE_MS;
    } catch {
      return null;
    }
    return { pid: recent ? process.pid : 2 ** 31 - 1, startTicks: recent ? null : 'gone', command: 'unknown (lock being written)', since: 'now' };
  }
}

/** Takes the lock or throws DataDirLockedError naming the live holder. */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
  const path = lockPathFor(dataDir);
  const mine: LockInfo = { pid: process.pid, startTicks: startTicksOf(process.pid), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLockFile(path);
      if (holder === null) continue; // Released between our two calls: try again.
      if (holderAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      // Stale. Move it aside first (atomic), so two processes taking it over cannot both win.
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
        const moved = readLockFile(aside);
        // Between our read and the rename another process may have taken over and locked it
        // afresh: then that lock is live, so put it back.
        if (moved !== null && holderAlive(moved)) renameSync(aside, path);
        else unlinkSync(aside);
      } catch {
        // Someone else moved it first: look again.
      }
      continue;
    }
    writeSync(fd, JSON.stringify(mine));
    closeSync(fd);
    let held = true;
    const onExit = (): void => release();
    const release = (): void => {
      if (!held) return;
      held = false;
      process.off('exit', onExit);
      const current = readLockFile(path);
      if (current?.pid === process.pid) unlinkSync(path);
    };
    process.on('exit', onExit);
    return {
      path,
      setUrl(url) {
        if (!held) return;
        // Write aside and rename, so a reader never sees a half-written lock.
        const next = `${path}.next-${process.pid}`;
        writeFileSync(next, JSON.stringify({ ...mine, url }), { mode: 0o600 });
        renameSync(next, path);
      },
      release,
    };
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}
