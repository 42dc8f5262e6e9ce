import { firstStart } from './accounts/first-start';
import { buildApp } from './app';
import { loadEnv, openDb, resolveSecret } from './config';
import { migrate } from './db/migrate';

/** `node --import tsx server/src/main.ts`: migrate, bootstrap an empty database, listen. */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = (line: string): void => console.log(line);
  const secret = await resolveSecret(env, log);
  const db = await openDb(env);
  const applied = await migrate(db);
  if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
  const greeting = await firstStart(db, secret);
  if (greeting !== null) log(greeting);
  const app = await buildApp({ db, secret, logger: true });
  const stop = async (): Promise<void> => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.listen({ port: env.PORT, host: env.HOST });
  log(`Sufler server on http://${env.HOST}:${env.PORT} (${db.kind})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
