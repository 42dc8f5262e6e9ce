import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StorageAreaLike } from '../../../lib/background/background-deps';
import { buildApp } from '../../../server/src/app';
import type { Db } from '../../../server/src/db/database';
import { migrate } from '../../../server/src/db/migrate';
import { openPgliteDb } from '../../../server/src/db/pglite-database';
import { openPostgresDb } from '../../../server/src/db/postgres-database';
import type { ZodApp } from '../../../server/src/routes/types';
import { SECRET, seedWorld, type World } from '../../server/helpers/test-server';

/**
 * The real team server on a loopback port, over a fresh PGlite database. It can be stopped
 * and started again on the same port and database, as a server that crashed and came back.
 */
export interface LiveServer {
  /** The database of the moment: restartDatabase() replaces it. */
  db: Db;
  world: World;
  url: string;
  app: ZodApp;
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Stop the server and close its database, then open the database again from its storage
   * (PGlite's folder, or a new pool to the same PostgreSQL database) and listen on the same
   * port: a server and database restart as an operator would do one.
   */
  restartDatabase(): Promise<void>;
  close(): Promise<void>;
}

/** Where the live server keeps its data: an in-memory PGlite, a PGlite folder, or PostgreSQL. */
export type LiveStore = 'memory' | 'pglite' | 'postgres';

/** The stores to run restart tests on: a PGlite folder always, PostgreSQL when DATABASE_URL is set. */
export function liveStores(): LiveStore[] {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? ['pglite'] : ['pglite', 'postgres'];
}

interface Store {
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

async function makeStore(kind: LiveStore): Promise<Store> {
  if (kind === 'memory') return { open: () => openPgliteDb(), dispose: async () => undefined };
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'sufler-live-'));
    return { open: () => openPgliteDb(dir), dispose: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = process.env.DATABASE_URL ?? '';
  const name = `sufler_live_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    open: () => openPostgresDb(target.toString(), 4),
    async dispose() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface LiveServerOptions {
  /** Hold every push this long before handling it, to leave a window between batches. */
  pushDelayMs?: number;
  /** 'memory' (the default) for speed; 'pglite' or 'postgres' when the database restarts. */
  store?: LiveStore;
}

export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const store = await makeStore(options.store ?? 'memory');
  let db = await store.open();
  await migrate(db);
  const world = await seedWorld(db);
  let app: ZodApp | null = null;
  let port = 0;
  const server: LiveServer = {
    get db(): Db {
      return db;
    },
    world,
    url: '',
    get app(): ZodApp {
      if (app === null) throw new Error('the server is stopped');
      return app;
    },
    async start() {
      if (app !== null) return;
      const next = await buildApp({ db, secret: SECRET, rateLimit: { max: 100_000, timeWindowMs: 60_000 } });
      const delay = options.pushDelayMs ?? 0;
      if (delay > 0) {
        next.addHook('preHandler', async (request) => {
          if (request.url.startsWith('/api/sync/push')) await new Promise((r) => setTimeout(r, delay));
        });
      }
      await next.listen({ port, host: '127.0.0.1' });
      port = (next.server.address() as AddressInfo).port;
      server.url = `http://127.0.0.1:${port}`;
      app = next;
    },
    async stop() {
      const running = app;
      app = null;
      await running?.close();
    },
    async restartDatabase() {
      await server.stop();
      await db.close();
      db = await store.open();
      await server.start();
    },
    async close() {
      await server.stop();
      await db.close();
      await store.dispose();
    },
  };
  await server.start();
  return server;
}

/** How many touches the server holds from one device. */
export async function serverTouchCount(db: Db, deviceId: string): Promise<number> {
  const rows = await db.query('SELECT count(*)::int AS n FROM touches WHERE device_id = $1', [deviceId]);
  return Number(rows[0]?.n);
}

/** A storage.local double: values are cloned in and out, as the browser does. */
export class MemoryStorage implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === undefined || keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
  }
}
