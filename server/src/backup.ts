import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadEnv, lockStore, openDb, resolveSecret } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { callAdminApi, runningServerUrl } from './running-server';

/**
 * `npm run backup -- [file]`: the embedded database as one gzipped tarball (PGlite's own dump of
 * its folder, taken between transactions after a checkpoint). While the server runs the dump is
 * taken by the server (admin API, operator key), so pushes go on and the copy is consistent;
 * otherwise the tool takes the folder's lock and dumps it itself. PostgreSQL: use pg_dump.
 */
const stamp = (): string => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');

async function main(): Promise<number> {
  const env = loadEnv();
  if (env.DATABASE_URL !== undefined) {
    console.error('This server uses PostgreSQL (DATABASE_URL): back it up with pg_dump, e.g.\n  pg_dump --format=custom --file=sufler.dump "$DATABASE_URL"\nand restore with pg_restore --clean --dbname="$DATABASE_URL" sufler.dump');
    return 2;
  }
  const dataDir = resolve(env.SUFLER_DATA_DIR);
  const file = resolve(process.argv[2] ?? join(dirname(dataDir), 'backups', `sufler-${stamp()}.tar.gz`));
  const secret = await resolveSecret(env, (line) => console.error(line));
  let tarball: Uint8Array | null = null;
  let how = '';
  while (tarball === null) {
    const url = await runningServerUrl(env);
    if (url !== null) {
      const res = await callAdminApi(url, secret, '/api/admin/backup', { method: 'GET' });
      tarball = new Uint8Array(await res.arrayBuffer());
      how = `taken by the running server at ${url}`;
      break;
    }
    let lock;
    try {
      lock = lockStore(env);
    } catch (err) {
      if (err instanceof DataDirLockedError) continue;
      throw err;
    }
    const db = await openDb(env);
    try {
      tarball = (await db.dumpDataDir?.()) ?? null;
      how = 'taken with no server running';
    } finally {
      await db.close();
      lock?.release();
    }
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, tarball, { mode: 0o600 });
  console.log(`Backup of ${dataDir} written to ${file} (${tarball.byteLength} bytes, ${how}).`);
  console.log(`Restore it with: npm run restore -- ${file}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
