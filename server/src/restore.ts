import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv, lockStore } from './config';
import { secureDataDir } from './db/data-dir-modes';
import { openPgliteDb } from './db/pglite-database';

/**
 * `npm run restore -- <file>`: puts a backup from `npm run backup` in place of the PGlite folder.
 * The server must be stopped (the folder's lock is taken). The current folder is never deleted:
 * it is moved aside to `<folder>.before-restore-<time>`, and moved back if the backup does not open.
 */
async function main(): Promise<number> {
  const env = loadEnv();
  if (env.DATABASE_URL !== undefined) {
    console.error('This server uses PostgreSQL (DATABASE_URL): restore a pg_dump backup with\n  pg_restore --clean --dbname="$DATABASE_URL" sufler.dump');
    return 2;
  }
  const arg = process.argv[2];
  if (arg === undefined) {
    console.error('Usage: npm run restore -- <backup.tar.gz>   (stop the server first)');
    return 2;
  }
  const file = resolve(arg);
  const tarball = readFileSync(file);
  if (tarball[0] !== 0x1f || tarball[1] !== 0x8b) {
    console.error(`${file} is not a backup made by npm run backup (not gzip).`);
    return 2;
  }
  const dataDir = resolve(env.SUFLER_DATA_DIR);
  const lock = lockStore(env); // Throws, naming the server, while one runs.
  let aside: string | null = null;
  try {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, aside);
    }
    secureDataDir(dataDir);
    try {
      const db = await openPgliteDb(dataDir, { durable: env.SUFLER_PGLITE_FSYNC === 'on', loadDataDir: new Blob([tarball]) });
      let rows;
      try {
        // A real query proves the restored folder opens and holds Sufler's tables.
        rows = await db.query('SELECT count(*)::int AS n FROM touches');
        await db.exec('CHECKPOINT');
      } finally {
        await db.close();
      }
      secureDataDir(dataDir);
      console.log(`Restored ${file} into ${dataDir}: ${String(rows[0]?.n)} touches.`);
      if (aside !== null) console.log(`The previous folder is kept at ${aside}; delete it when you no longer need it.`);
      return 0;
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      if (aside !== null) renameSync(aside, dataDir);
      throw new Error(`${file} could not be restored (${err instanceof Error ? err.message : String(err)}); the data folder is unchanged.`);
    }
  } finally {
    lock?.release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
