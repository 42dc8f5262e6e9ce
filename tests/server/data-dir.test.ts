import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockPathFor, readLockHolder } from '../../server/src/db/data-dir-lock';
import { secureDataDir } from '../../server/src/db/data-dir-modes';
import { openPgliteDb } from '../../server/src/db/pglite-database';
import { fsyncCounter } from '../../server/src/db/pglite-node-fs';
import { BOOT_TIMEOUT } from './helpers/test-db';

const base = mkdtempSync(join(tmpdir(), 'sufler-datadir-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every entry under dir whose mode lets group or others in. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string): void => {
    const st = statSync(path);
    if ((st.mode & 0o077) !== 0) out.push(`${path} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return out;
}

describe('the data folder lock', () => {
  it('refuses a second holder, naming the process, and frees the folder on release', () => {
    const dir = join(base, 'locked');
    const lock = lockDataDir(dir, 'first holder');
    const second = (() => {
      try {
        lockDataDir(dir, 'second');
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(second).toBeInstanceOf(DataDirLockedError);
    expect((second as Error).message).toContain(`in use by process ${process.pid} (first holder`);
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(readLockHolder(dir)).toBeNull();
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that is gone (kill -9, power cut)', () => {
    const dir = join(base, 'stale');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(gone.stdout.toString());
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: deadPid, startTicks: null, command: 'killed server', since: '2026-01-01T00:00:00Z' }));
    expect(readLockHolder(dir)).toBeNull();
    const lock = lockDataDir(dir);
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('does not trust a recycled PID: same pid, other start time, is stale', () => {
    const dir = join(base, 'recycled');
    writeFileSync(lockPathFor(dir), JSON.stringify({ pid: process.pid, startTicks: '1', command: 'old server', since: '2026-01-01T00:00:00Z' }));
    const lock = lockDataDir(dir);
    lock.release();
  });
});

describe('data folder modes and durability', () => {
  it('narrows existing files to the owner', () => {
    const dir = join(base, 'modes');
    mkdirSync(join(dir, 'base'), { recursive: true, mode: 0o777 });
    chmodSync(join(dir, 'base'), 0o777);
    writeFileSync(join(dir, 'base', 'rel'), 'x', { mode: 0o666 });
    chmodSync(join(dir, 'base', 'rel'), 0o666);
    expect(secureDataDir(dir)).toBeGreaterThanOrEqual(2);
    expect(openToOthers(dir)).toEqual([]);
  });

  it(
    'PGlite on a folder fsyncs every commit and writes no file others can read or write',
    async () => {
      const dir = join(base, 'pglite');
      secureDataDir(dir);
      const db = await openPgliteDb(dir);
      try {
        await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
        const before = fsyncCounter.calls;
        for (let i = 0; i < 20; i++) await db.query('INSERT INTO t VALUES ($1)', [i]);
        const perCommit = (fsyncCounter.calls - before) / 20;
        console.log(`[durability] fsync calls per commit: ${perCommit}`);
        expect(perCommit).toBeGreaterThanOrEqual(1);
      } finally {
        await db.close();
      }
      expect(openToOthers(dir)).toEqual([]);
    },
    BOOT_TIMEOUT,
  );
});
