import { createOrg, createTeam, createUser, issueToken } from '../../../server/src/accounts/accounts';
import { buildApp } from '../../../server/src/app';
import type { Db } from '../../../server/src/db/database';
import { migrate } from '../../../server/src/db/migrate';
import { openPgliteDb } from '../../../server/src/db/pglite-database';

const SECRET = 'e2e-secret-of-enough-length';

/** The real team server on loopback (PGlite in memory) with one manager and their token. */
export interface TeamServer {
  url: string;
  managerToken: string;
  db: Db;
  /** How many touches the server holds (each id once by construction; counted to prove it). */
  touchCount(): Promise<number>;
  /** Stops answering (the port is closed, the data kept), as when the server goes down. */
  stop(): Promise<void>;
  /** Serves again on the same address and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(): Promise<TeamServer> {
  const db = await openPgliteDb();
  await migrate(db);
  await createOrg(db, 'Demo');
  await createTeam(db, 'Demo', 'Sales');
  await createUser(db, 'Demo', 'irina@demo.test', 'manager', 'Sales');
  const { token } = await issueToken(db, SECRET, 'irina@demo.test');
  const serve = async (port: number) => {
    const app = await buildApp({ db, secret: SECRET, rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
    await app.listen({ port, host: '127.0.0.1' });
    return app;
  };
  let app: Awaited<ReturnType<typeof serve>> | null = await serve(0);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    managerToken: token,
    db,
    async touchCount() {
      const rows = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM touches');
      return Number(rows[0]?.n ?? 0);
    },
    async stop() {
      await app?.close();
      app = null;
    },
    async restart() {
      app ??= await serve(port);
    },
    async close() {
      await app?.close();
      await db.close();
    },
  };
}
