import { AccountError } from './accounts/accounts';
import { runAdminCommand } from './admin-commands';
import { loadEnv, lockStore, openDb, resolveSecret, type Env } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { migrate } from './db/migrate';
import { AdminRunResponseSchema } from './routes/admin/routes';
import { AdminApiError, callAdminApi, runningServerUrl } from './running-server';

/**
 * `npm run admin -- <command>`, with the server's environment. With PGlite, while a server
 * holds the data folder the command goes to its admin API over loopback (the folder is never
 * opened twice); with no server running the CLI takes the folder's lock and opens it itself.
 * The same commands print the same lines either way.
 */
async function run(env: Env, secret: string, args: string[]): Promise<string[]> {
  for (;;) {
    const url = env.DATABASE_URL === undefined ? await runningServerUrl(env) : null;
    if (url !== null) {
      const res = await callAdminApi(url, secret, '/api/admin/run', { method: 'POST', body: { args } });
      return AdminRunResponseSchema.parse(await res.json()).lines;
    }
    let lock;
    try {
      lock = lockStore(env);
    } catch (err) {
      if (err instanceof DataDirLockedError) continue; // A server started meanwhile: ask it.
      throw err;
    }
    const db = await openDb(env);
    try {
      await migrate(db);
      return await runAdminCommand(db, secret, args);
    } finally {
      await db.close();
      lock?.release();
    }
  }
}

async function main(): Promise<number> {
  const env = loadEnv();
  const secret = await resolveSecret(env, (line) => console.error(line));
  try {
    for (const line of await run(env, secret, process.argv.slice(2))) console.log(line);
    return 0;
  } catch (err) {
    if (err instanceof AccountError || (err instanceof AdminApiError && err.status < 500)) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
