import { AccountError } from './accounts/accounts';
import { runAdminCommand } from './admin-commands';
import { loadEnv, openDb, resolveSecret } from './config';
import { migrate } from './db/migrate';

/**
 * `npm run admin -- <command>`. Uses the same environment as the server; with embedded PGlite
 * stop the server first (one process may open a PGlite folder at a time).
 */
async function main(): Promise<number> {
  const env = loadEnv();
  const secret = await resolveSecret(env, (line) => console.error(line));
  const db = await openDb(env);
  try {
    await migrate(db);
    for (const line of await runAdminCommand(db, secret, process.argv.slice(2))) console.log(line);
    return 0;
  } catch (err) {
    if (err instanceof AccountError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
