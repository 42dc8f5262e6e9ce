import type { Db } from '../../../server/src/db/database';
import { createOrg, createTeam, createUser, issueToken } from '../../../server/src/accounts/accounts';
import { buildApp, type AppOptions } from '../../../server/src/app';
import { migrate } from '../../../server/src/db/migrate';
import type { ZodApp } from '../../../server/src/routes/types';
import type { DbTarget } from './test-db';

export const SECRET = 'test-secret-of-enough-length';

/**
 * Two organisations. A has teams North and South; B has one team.
 * Tokens by person: adminA (no team), headNorth, mgrNorth, mgrNorth2, mgrSouth, adminB, mgrB.
 */
export interface World {
  tokens: Record<'adminA' | 'headNorth' | 'mgrNorth' | 'mgrNorth2' | 'mgrSouth' | 'adminB' | 'mgrB', string>;
  tokenIds: Record<string, string>;
}

export async function seedWorld(db: Db): Promise<World> {
  await createOrg(db, 'Acme');
  await createTeam(db, 'Acme', 'North');
  await createTeam(db, 'Acme', 'South');
  await createOrg(db, 'Bolt');
  await createTeam(db, 'Bolt', 'Main');
  const people = [
    ['adminA', 'Acme', 'admin@acme.test', 'admin', undefined],
    ['headNorth', 'Acme', 'head.north@acme.test', 'head', 'North'],
    ['mgrNorth', 'Acme', 'ann@acme.test', 'manager', 'North'],
    ['mgrNorth2', 'Acme', 'boris@acme.test', 'manager', 'North'],
    ['mgrSouth', 'Acme', 'sofia@acme.test', 'manager', 'South'],
    ['adminB', 'Bolt', 'admin@bolt.test', 'admin', undefined],
    ['mgrB', 'Bolt', 'max@bolt.test', 'manager', 'Main'],
  ] as const;
  const tokens: Record<string, string> = {};
  const tokenIds: Record<string, string> = {};
  for (const [who, org, email, role, team] of people) {
    await createUser(db, org, email, role, team);
    const issued = await issueToken(db, SECRET, email);
    tokens[who] = issued.token;
    tokenIds[who] = issued.id;
  }
  return { tokens: tokens as World['tokens'], tokenIds };
}

export interface TestServer {
  db: Db;
  app: ZodApp;
  world: World;
  /** A second app on the same database with other options (rate limits, body size). */
  appWith(options: Partial<AppOptions>): Promise<ZodApp>;
  close(): Promise<void>;
}

/** A freshly migrated database with the two organisations, and the app over it. */
export async function startTestServer(target: DbTarget): Promise<TestServer> {
  const { db, cleanup } = await target.open();
  await migrate(db);
  const world = await seedWorld(db);
  const apps: ZodApp[] = [];
  const appWith = async (options: Partial<AppOptions>): Promise<ZodApp> => {
    const app = await buildApp({ db, secret: SECRET, rateLimit: { max: 100_000, timeWindowMs: 60_000 }, ...options });
    apps.push(app);
    return app;
  };
  const app = await appWith({});
  return {
    db,
    app,
    world,
    appWith,
    async close() {
      for (const a of apps) await a.close();
      await cleanup();
    },
  };
}

export function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
