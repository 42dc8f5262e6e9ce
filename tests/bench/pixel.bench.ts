/**
 * Pixel hits recorded durably per second, on PGlite (on disk) and, when DATABASE_URL is set,
 * on PostgreSQL, through the real app on loopback, side by side with a bare node:http server
 * answering the same GIF in the same run; then the same while a 1-second query runs over and
 * over on the same database (a slow report). A hit is acknowledged after its batch commits, so
 * "recorded" below is read back from the database after the run.
 * Run: node --import tsx tests/bench/pixel.bench.ts [seconds] [connections]
 * Targets: ≥ 0.5 of the bare server's rate with p99 ≤ 20 ms; p99 ≤ 50 ms during the slow query.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { buildApp } from '../../server/src/app';
import type { Db } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';
import { openPgliteDb } from '../../server/src/db/pglite-database';
import { PIXEL_GIF, PIXEL_HEADERS } from '../../server/src/tracking/pixel-gif';
import type { ZodApp } from '../../server/src/routes/types';
import { dbTargets } from '../server/helpers/test-db';
import { formatMs, summarize } from './stats';

const SECONDS = Number(process.argv[2] ?? 5);
const CONNECTIONS = Number(process.argv[3] ?? 32);
const LETTERS = 50;
const SECRET = 'bench-secret-of-enough-length';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, paths: string[]): Promise<Run> {
  // A closed loop: a fixed number of connections, each sending its next request after the
  // answer, so the load is bounded by what the server answers.
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: paths.map((path) => ({ method: 'GET', path, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Thunderbird/128.0' } })),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

function bareServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { ...PIXEL_HEADERS, 'content-length': String(PIXEL_GIF.length) });
    res.end(PIXEL_GIF);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server })));
}

async function letters(app: ZodApp, db: Db): Promise<{ paths: string[]; token: string }> {
  await createOrg(db, 'Bench');
  await createTeam(db, 'Bench', 'Team');
  await createUser(db, 'Bench', 'bench@bench.test', 'manager', 'Team');
  const { token } = await issueToken(db, SECRET, 'bench@bench.test');
  const paths: string[] = [];
  const { monotonicFactory } = await import('ulid');
  const ulid = monotonicFactory();
  for (let i = 0; i < LETTERS; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tracked-emails',
      headers: { authorization: `Bearer ${token}` },
      payload: { id: ulid(), subject: `КП №${i}`, recipients: [`client${i}@bench.test`], sentAt: Date.now(), clientId: `amocrm:bench.amocrm.ru:lead:${i}` },
    });
    paths.push(new URL((res.json() as { pixelUrl: string }).pixelUrl).pathname);
  }
  // Past the "too soon after sending" rule, so hits are classified as opens and make touches.
  await db.query(`UPDATE tracked_emails SET created_at = now() - interval '1 hour'`);
  return { paths, token };
}

async function recorded(db: Db): Promise<{ hits: number; rows: number }> {
  const row = (await db.query('SELECT coalesce(sum(hits_total), 0)::float8 AS hits, (SELECT count(*) FROM tracked_email_hits)::float8 AS rows FROM tracked_emails'))[0];
  return { hits: Number(row?.hits), rows: Number(row?.rows) };
}

/**
 * Runs `SELECT pg_sleep(1)` again and again until stopped, with a 20 ms gap (a timer, so the
 * event loop gets a turn even when the query blocks it): a slow report on the same database.
 */
function slowQueries(db: Db): { stop(): Promise<number> } {
  let running = true;
  let count = 0;
  const loop = (async () => {
    while (running) {
      await db.query('SELECT pg_sleep(1)');
      count += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return count;
    },
  };
}

/** A pixel request from another loopback address (not the sender's, which would be "probably the sender"). */
function hitFrom(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress: '127.0.0.2', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.3.0' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end();
  });
}

/** Milliseconds from sending a pixel request to the open arriving on the sender's event stream. */
async function openToEvent(url: string, token: string, paths: string[], n: number): Promise<number[]> {
  const stop = new AbortController();
  const stream = await fetch(`${url}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: stop.signal });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  const samples: number[] = [];
  let text = '';
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    void hitFrom(`${url}${paths[i % paths.length]}`);
    while (!text.includes('event: email_open')) text += decoder.decode((await reader.read()).value, { stream: true });
    samples.push(performance.now() - started);
    text = text.slice(text.indexOf('event: email_open') + 1).replace(/^[^]*?\n\n/, '');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop.abort();
  return samples;
}

function line(name: string, run: Run, durable: number | null, bare: Run): string {
  const ratio = run.rps / bare.rps;
  return `  ${name.padEnd(34)} ${run.rps.toFixed(0).padStart(7)} req/s  p50 ${String(run.p50).padStart(5)} ms  p99 ${String(run.p99).padStart(5)} ms  ${durable === null ? '' : `durable ${durable.toFixed(0)} hits/s  `}${(ratio * 100).toFixed(0)} % of bare${run.errors > 0 ? `  errors ${run.errors}` : ''}`;
}

async function benchTarget(name: string, open: () => Promise<{ db: Db; cleanup(): Promise<void> }>): Promise<void> {
  const { db, cleanup } = await open();
  const bare = await bareServer();
  try {
    await migrate(db);
    const app = await buildApp({ db, secret: SECRET });
    const { paths, token } = await letters(app, db);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`\n## ${name}: ${SECONDS} s per run, ${CONNECTIONS} connections, ${LETTERS} letters`);

    const bareRun = await load(bare.url, paths);
    let before = await recorded(db);
    const pixelRun = await load(url, paths);
    let after = await recorded(db);
    console.log(line('bare node:http', bareRun, null, bareRun));
    console.log(line('pixel (group commit)', pixelRun, (after.hits - before.hits) / SECONDS, bareRun));
    console.log(`  ${''.padEnd(34)} recorded ${after.hits - before.hits} hits (answers ${Math.round(pixelRun.rps * SECONDS)}), ${after.rows - before.rows} rows kept`);

    const bareSlow = slowQueries(db);
    const bareDuringSlow = await load(bare.url, paths);
    await bareSlow.stop();
    before = await recorded(db);
    const slow = slowQueries(db);
    const pixelDuringSlow = await load(url, paths);
    const slowCount = await slow.stop();
    after = await recorded(db);
    console.log(line('bare, 1-s queries running', bareDuringSlow, null, bareRun));
    console.log(line('pixel, 1-s queries running', pixelDuringSlow, (after.hits - before.hits) / SECONDS, bareRun));
    console.log(`  ${''.padEnd(34)} ${slowCount} slow queries ran meanwhile`);
    const latency = summarize(await openToEvent(url, token, paths, 20));
    console.log(`  open → email_open event on the sender's stream: median ${formatMs(latency.median)}, p95 ${formatMs(latency.p95)} (n=${latency.n}; target p95 ≤ 2 s)`);
    await app.close();
  } finally {
    bare.server.close();
    await cleanup();
  }
}

console.log('# pixel hits', new Date().toISOString());
await benchTarget('PGlite (data folder on disk)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sufler-pixel-bench-'));
  const db = await openPgliteDb(dir);
  return { db, cleanup: async () => (await db.close(), await rm(dir, { recursive: true, force: true })) };
});
for (const target of dbTargets()) if (target.name === 'postgres') await benchTarget('PostgreSQL', () => target.open());
