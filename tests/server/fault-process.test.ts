import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PullResponseSchema, PushResponseSchema } from '../../lib/wire/sync';
import { makeTouch, touchItem, type Item } from './helpers/sync-fixtures';
import { runScript, startServerProcess, type ServerProcess } from './helpers/server-process';

/**
 * Faults on real server processes: kill -9 in the middle of push bursts, then a restart on the
 * same data; a second server on the same folder or port; the admin CLI and a backup while the
 * server runs. Figures (confirmed vs stored after each kill, times) are printed.
 */

const SECRET = 'fault-suite-secret-of-enough-length';
const KILL_ROUNDS = 2;
const PROCESS_TIMEOUT = 240_000;

interface Tally {
  /** Touch ids the server answered accepted or duplicate for. */
  confirmed: Set<string>;
  /** Batches sent but never answered (the server died): the extension keeps them in its outbox. */
  unanswered: Item[][];
  sent: number;
}

async function pushBatch(url: string, token: string, items: Item[], tally: Tally): Promise<boolean> {
  let res: Response;
  try {
    res = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'fault-suite', items }),
    });
  } catch {
    tally.unanswered.push(items);
    return false;
  }
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  let body;
  try {
    body = PushResponseSchema.parse(await res.json());
  } catch {
    tally.unanswered.push(items); // Cut off mid-answer.
    return false;
  }
  for (const r of body.results) if (r.status === 'accepted' || r.status === 'duplicate') tally.confirmed.add(r.id);
  return true;
}

/** Four devices' worth of pushes (50 touches a batch) until the server is killed under them. */
async function burstThenKill(server: ServerProcess, token: string, tally: Tally, killAfterMs: number): Promise<void> {
  let dead = false;
  const worker = async (): Promise<void> => {
    while (!dead) {
      const items = Array.from({ length: 50 }, () => touchItem(makeTouch({ comment: `fault ${randomBytes(4).toString('hex')}` })));
      tally.sent += items.length;
      if (!(await pushBatch(server.url, token, items, tally))) return;
    }
  };
  const workers = Array.from({ length: 4 }, worker);
  await new Promise((done) => setTimeout(done, killAfterMs));
  await server.kill9();
  dead = true;
  await Promise.all(workers);
}

async function storedTouchIds(url: string, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = '';
  for (;;) {
    const res = await fetch(`${url}/api/sync/pull?cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = PullResponseSchema.parse(await res.json());
    for (const c of page.changes) if (c.type === 'touch') ids.add(c.touch.id);
    cursor = page.cursor;
    if (!page.more) return ids;
  }
}

const adminTokenOf = (server: ServerProcess): string => /Admin token \(shown once, keep it\): (\S+)/.exec(server.output())?.[1] ?? '';

/**
 * The kill -9 rounds on one store; `env` points the processes at it. After each restart the
 * unanswered batches are sent again (as the extension's outbox does), then every stored touch
 * must be a confirmed one and every confirmed one stored.
 */
async function killRounds(name: string, env: Record<string, string>, first: ServerProcess, managerToken: string): Promise<ServerProcess> {
  const adminToken = adminTokenOf(first);
  const tally: Tally = { confirmed: new Set(), unanswered: [], sent: 0 };
  let server = first;
  for (let round = 1; round <= KILL_ROUNDS; round++) {
    await burstThenKill(server, managerToken, tally, 1200);
    const confirmedAtKill = tally.confirmed.size;
    const restartStart = performance.now();
    server = await startServerProcess(env);
    const restartMs = performance.now() - restartStart;
    const storedAtRestart = await storedTouchIds(server.url, adminToken);
    for (const id of tally.confirmed) expect(storedAtRestart.has(id), `confirmed touch ${id} lost`).toBe(true);
    const resend = tally.unanswered.splice(0);
    for (const items of resend) expect(await pushBatch(server.url, managerToken, items, tally)).toBe(true);
    const stored = await storedTouchIds(server.url, adminToken);
    console.log(
      `[fault ${name}] kill -9 #${round}: confirmed ${confirmedAtKill}, stored ${storedAtRestart.size} at restart ` +
        `(${resend.length} unanswered batch(es) in flight); after resending: confirmed ${tally.confirmed.size}, stored ${stored.size}; ` +
        `restart took ${restartMs.toFixed(0)} ms`,
    );
    expect(stored.size).toBe(tally.confirmed.size);
    expect([...stored].every((id) => tally.confirmed.has(id))).toBe(true);
  }
  expect(tally.confirmed.size).toBeGreaterThan(0);
  return server;
}

async function issueManagerToken(env: Record<string, string>): Promise<string> {
  const created = await runScript('admin', ['user', 'create', 'Demo', 'anna@example.com', '--role', 'manager', '--team', 'Sales'], env);
  expect(created.stderr).toBe('');
  expect(created.stdout).toMatch(/^user \d+ created\n$/);
  const issued = await runScript('admin', ['token', 'issue', 'anna@example.com'], env);
  expect(issued.code).toBe(0);
  return issued.stdout.trim().split('\n')[1] ?? '';
}

describe('fault suite on PGlite (real server processes)', () => {
  const base = mkdtempSync(join(tmpdir(), 'sufler-fault-'));
  const dataDir = join(base, 'pglite');
  const env = { SUFLER_DATA_DIR: dataDir, SUFLER_TOKEN_SECRET: SECRET };
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it(
    'refuses a second server, serves the admin CLI and a backup while running, and loses no confirmed touch to kill -9',
    async () => {
      const started = performance.now();
      const server = await startServerProcess(env);
      const bootMs = performance.now() - started;

      // A second server on the same folder stops at the lock, naming the holder.
      const second = await runScript('main', [], { ...env, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`is in use by process ${server.pid}`);
      // A second server on the same port stops before it creates or migrates anything.
      const otherDir = join(base, 'other');
      const port = new URL(server.url).port;
      const samePort = await runScript('main', [], { SUFLER_DATA_DIR: otherDir, SUFLER_TOKEN_SECRET: SECRET, PORT: port });
      expect(samePort.code).toBe(1);
      expect(samePort.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect(existsSync(join(otherDir, 'PG_VERSION'))).toBe(false);

      // The admin CLI works while the server holds the folder (through its admin API).
      const managerToken = await issueManagerToken(env);
      const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${managerToken}` } });
      expect(me.status).toBe(200);
      const list = await runScript('admin', ['users', 'list', 'Demo'], env);
      expect(list.stdout).toMatch(/anna@example\.com\tmanager\tSales\t1 live token\(s\): \d+/);

      const last = await killRounds('pglite', env, server, managerToken);

      // A backup taken while the server runs, restored once it is stopped, holds every touch.
      const adminToken = adminTokenOf(server);
      const stored = (await storedTouchIds(last.url, adminToken)).size;
      const backupFile = join(base, 'backup.tar.gz');
      const backup = await runScript('backup', [backupFile], env);
      expect(backup.stdout).toContain('taken by the running server');
      expect(await last.stop()).toBe(0);
      const restore = await runScript('restore', [backupFile], env);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toContain(`: ${stored} touches.`);
      console.log(`[fault pglite] first boot ${bootMs.toFixed(0)} ms; whole test ${(performance.now() - started).toFixed(0)} ms`);
    },
    PROCESS_TIMEOUT,
  );
});

const DATABASE_URL = process.env.DATABASE_URL ?? '';

describe.runIf(DATABASE_URL !== '')('fault suite on PostgreSQL (real server processes)', () => {
  const made: string[] = [];
  const freshDatabase = async (): Promise<string> => {
    const name = `sufler_fault_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    made.push(name);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    return url.toString();
  };
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it(
    'refuses a second server on the port before it migrates, and loses no confirmed touch to kill -9',
    async () => {
      const started = performance.now();
      const env = { DATABASE_URL: await freshDatabase(), SUFLER_TOKEN_SECRET: SECRET, SUFLER_DATA_DIR: join(tmpdir(), 'sufler-unused') };
      const server = await startServerProcess(env);
      const emptyUrl = await freshDatabase();
      const port = new URL(server.url).port;
      const samePort = await runScript('main', [], { ...env, DATABASE_URL: emptyUrl, PORT: port });
      expect(samePort.code).toBe(1);
      expect(samePort.stderr).toContain(`Port ${port} on 127.0.0.1 is in use`);
      const probe = new pg.Client({ connectionString: emptyUrl });
      await probe.connect();
      const tables = await probe.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
      await probe.end();
      expect(tables.rows[0]?.n).toBe(0);

      const managerToken = await issueManagerToken(env);
      const last = await killRounds('postgres', env, server, managerToken);
      expect(await last.stop()).toBe(0);
      console.log(`[fault postgres] whole test ${(performance.now() - started).toFixed(0)} ms`);
    },
    PROCESS_TIMEOUT,
  );
});
