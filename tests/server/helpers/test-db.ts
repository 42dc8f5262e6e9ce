import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../../server/src/db/database';
import { openPgliteDb } from '../../../server/src/db/pglite-database';
import { openPostgresDb } from '../../../server/src/db/postgres-database';

export interface DbTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, empty database; cleanup closes it and (on PostgreSQL) drops it. */
  open(): Promise<{ db: Db; cleanup(): Promise<void> }>;
}

const pglite: DbTarget = {
  name: 'pglite',
  async open() {
    const db = await openPgliteDb();
    return { db, cleanup: () => db.close() };
  },
};

/** A database of its own per test file on the server DATABASE_URL points at. */
function postgres(url: string): DbTarget {
  return {
    name: 'postgres',
    async open() {
      const name = `sufler_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${name}`;
      const db = await openPostgresDb(target.toString(), 4);
      return {
        db,
        async cleanup() {
          await db.close();
          const dropper = new pg.Client({ connectionString: url });
          await dropper.connect();
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await dropper.end();
        },
      };
    },
  };
}

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function dbTargets(): DbTarget[] {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? [pglite] : [pglite, postgres(url)];
}

/** For beforeAll/afterAll: PGlite takes several seconds to boot when the 2 cores are busy. */
export const BOOT_TIMEOUT = 60_000;
