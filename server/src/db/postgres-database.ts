import pg from 'pg';
import type { Db, Queryable, Row } from './database';

/** PostgreSQL through a `pg` pool: the path when a team outgrows one machine. */
export async function openPostgresDb(connectionString: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // Fail at boot, not on the first request, when the database is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db: Db = {
    kind: 'postgres',
    faultHook: null,
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      db.faultHook?.(sql);
      const res = await pool.query<R>(sql, [...params]);
      return res.rows;
    },
    async exec(sql) {
      db.faultHook?.(sql);
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      const scoped: Queryable & { exec(sql: string): Promise<void> } = {
        async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
          db.faultHook?.(sql);
          const res = await client.query<R>(sql, [...params]);
          return res.rows;
        },
        async exec(sql) {
          db.faultHook?.(sql);
          await client.query(sql);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(scoped);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}
