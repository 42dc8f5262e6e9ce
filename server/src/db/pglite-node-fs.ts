import { fsyncSync } from 'node:fs';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * How PGlite meets the disk: private files, and (by default) durable commits.
 *
 * Out of the box PGlite starts PostgreSQL with `-F` (fsync off), and its Emscripten file system
 * (NODEFS) has no fsync operation and a no-op fdatasync, so not one commit reaches the disk
 * before it is confirmed: a process crash loses nothing (the OS holds the writes), but an OS
 * crash or power cut can lose confirmed commits or tear the folder. Durable mode gives NODEFS a
 * real fsync, starts PostgreSQL with fsync on and makes the WAL sync with fsync() (the one call
 * that reaches NODEFS), so a commit is on disk when it returns and checkpoints flush data files
 * as PostgreSQL intends.
 *
 * NODEFS also creates files 0666 and folders 0777 whatever the umask; here group and other
 * permission bits are dropped from every file it creates or chmods.
 */

/** Counts the fsync calls that reached the disk (for tests and the benchmark). */
export const fsyncCounter = { calls: 0 };

interface EmscriptenModule {
  NODEFS: {
    node_ops: Record<string, (...args: never[]) => unknown>;
    stream_ops: Record<string, (...args: never[]) => unknown>;
  };
  FS: { ErrnoError: new (errno: number) => Error };
}
type ModeAttr = { mode?: number | null };

const EMSCRIPTEN_EIO = 29;
const PRIVATE = ~0o077;

class PrivateNodeFS extends NodeFS {
  constructor(
    dataDir: string,
    private readonly fsync: boolean,
  ) {
    super(dataDir);
  }

  override async init(pg: PGlite, options: Parameters<NodeFS['init']>[1]): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [...(Array.isArray(preRun) ? preRun : [preRun]), (mod: unknown) => this.patch(mod as EmscriptenModule)];
    return result;
  }

  private patch(m: EmscriptenModule): void {
    const nodeOps = m.NODEFS.node_ops as Record<string, (...args: unknown[]) => unknown>;
    const streamOps = m.NODEFS.stream_ops as Record<string, (...args: unknown[]) => unknown>;
    const mknod = nodeOps.mknod!;
    nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, (mode as number) & PRIVATE, dev);
    for (const ops of [nodeOps, streamOps]) {
      const setattr = ops.setattr!;
      ops.setattr = (target, attr) => {
        const a = attr as ModeAttr;
        return setattr(target, a.mode == null ? attr : { ...a, mode: a.mode & PRIVATE });
      };
    }
    if (!this.fsync) return;
    streamOps.fsync = (stream) => {
      const fd = (stream as { nfd?: unknown }).nfd;
      if (typeof fd !== 'number') return 0;
      try {
        fsyncSync(fd);
      } catch {
        // PostgreSQL treats a failed fsync as fatal: it stops rather than lose data silently.
        throw new m.FS.ErrnoError(EMSCRIPTEN_EIO);
      }
      fsyncCounter.calls++;
      return 0;
    };
  }
}

const DEFAULT_START_PARAMS: readonly string[] = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;

/** Options for a PGlite on `dataDir`: private files; durable (fsync per commit) unless `durable` is false. */
export function pgliteOptions(dataDir: string, durable: boolean): PGliteOptions {
  const fs = new PrivateNodeFS(dataDir, durable);
  if (!durable) return { fs };
  return { fs, startParams: [...DEFAULT_START_PARAMS.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'] };
}
