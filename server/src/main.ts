import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstStart } from './accounts/first-start';
import { buildApp } from './app';
import { loadEnv, lockStore, openDb, resolveSecret } from './config';
import { migrate } from './db/migrate';
import { startSegmentSchedule } from './segments/segment-schedule';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Binds the port, or says plainly that another process has it. */
function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        fail(new Error(`Port ${port} on ${host} is in use (another Sufler server?). Nothing was opened or migrated. Stop it, or set PORT.`));
      } else fail(err);
    });
    server.listen(port, host, () => done(server.address() as AddressInfo));
  });
}

/**
 * `node --import tsx server/src/main.ts`. The order matters: the data folder's lock, then the
 * port, and only then the database — so a second server on the same folder or port stops before
 * it opens, migrates or writes anything.
 */
async function main(): Promise<void> {
  const env = loadEnv();
  const log = (line: string): void => console.log(line);
  const lock = lockStore(env);
  let handler: Handler | null = null;
  const server = createServer((req, res) => {
    if (handler !== null) return handler(req, res);
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2' });
    res.end(JSON.stringify({ error: { code: 'internal', message: 'the server is starting' } }));
  });
  const address = await listen(server, env.PORT, env.HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  const secret = await resolveSecret(env, log);
  const db = await openDb(env);
  const applied = await migrate(db);
  if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
  const greeting = await firstStart(db, secret);
  if (greeting !== null) log(greeting);
  let appHandler: Handler | null = null;
  const app = await buildApp({
    db,
    secret,
    logger: true,
    serverFactory: (fastifyHandler) => {
      appHandler = fastifyHandler;
      return server;
    },
  });
  await app.ready();
  handler = appHandler;
  lock?.setUrl(url);
  const segments = startSegmentSchedule(db, log);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    segments.stop();
    await new Promise<void>((done) => server.close(() => done()));
    await app.close();
    await db.close();
    lock?.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const durability = db.kind === 'pglite' ? `, fsync ${env.SUFLER_PGLITE_FSYNC}` : '';
  log(`Sufler server on ${url} (${db.kind}${durability})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
