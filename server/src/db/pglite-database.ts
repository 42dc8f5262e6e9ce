import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './database';
import { pgliteOptions } from './pglite-node-fs';

export interface PgliteDb extends Db {
  readonly kind: 'pglite';
  /**
   * A gzipped tarball of the data folder taken between transactions, after a checkpoint: what
   * `npm run backup` writes and `npm run restore` loads. Safe while the server takes pushes.
   */
  dumpDataDir(): Promise<Uint8Array>;
}

/**
 * Embedded PostgreSQL (WASM) in a data folder, or in memory when dataDir is undefined:
 * the default, so one command starts a server on a fresh machine. One process at a time
 * (callers take the folder's lock first, see data-dir-lock.ts). On a folder it is durable —
 * every commit fsynced — unless `durable: false` (see pglite-node-fs.ts).
 */
export async function openPgliteDb(
  dataDir?: string,
  { durable = true, loadDataDir }: { durable?: boolean; /** A backup tarball to fill an empty folder from. */ loadDataDir?: Blob } = {},
): Promise<PgliteDb> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite({ ...pgliteOptions(dataDir, durable), loadDataDir });
  await pg.waitReady;
  const db: PgliteDb = {
    kind: 'pglite',
    faultHook: null,
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      db.faultHook?.(sql);
      const res = await pg.query<R>(sql, [...params]);
      return res.rows;
    },
    async exec(sql) {
      db.faultHook?.(sql);
      await pg.exec(sql);
    },
    async transaction(fn) {
      return pg.transaction(async (tx) => {
        const scoped: Queryable & { exec(sql: string): Promise<void> } = {
          async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
            db.faultHook?.(sql);
            const res = await tx.query<R>(sql, [...params]);
            return res.rows;
          },
          async exec(sql) {
            db.faultHook?.(sql);
            await tx.exec(sql);
          },
        };
        return fn(scoped);
      });
    },
    async dumpDataDir() {
      await pg.exec('CHECKPOINT');
      // Inside a transaction slot: no other transaction is half-way through while the files are read.
      const blob = await pg.transaction(async () => pg.dumpDataDir('gzip'));
      return new Uint8Array(await blob.arrayBuffer());
    },
    async close() {
      await pg.close();
    },
  };
  return db;
}
