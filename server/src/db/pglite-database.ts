import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './database';

/**
 * Embedded PostgreSQL (WASM) in a data folder, or in memory when dataDir is undefined:
 * the default, so one command starts a server on a fresh machine. One process at a time.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const db: Db = {
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
    async close() {
      await pg.close();
    },
  };
  return db;
}
