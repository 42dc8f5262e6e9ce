/**
 * What durable PGlite costs: pushes through the real app on a PGlite folder with fsync on (the
 * default) and off, counting the fsync calls that reach the disk. Single-touch pushes (one
 * commit each, the extension's common case) and full batches of 500.
 * Run: node --import tsx tests/bench/pglite-fsync.bench.ts [singles] [batches]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { MAX_PUSH_ITEMS } from '../../lib/wire/sync';
import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { buildApp } from '../../server/src/app';
import { migrate } from '../../server/src/db/migrate';
import { openPgliteDb } from '../../server/src/db/pglite-database';
import { fsyncCounter } from '../../server/src/db/pglite-node-fs';

const SINGLES = Number(process.argv[2] ?? 200);
const BATCHES = Number(process.argv[3] ?? 10);
const SECRET = 'bench-secret-of-enough-length';
const ulid = monotonicFactory();

const touchItem = (i: number) => {
  const id = ulid();
  return {
    id,
    entity: 'touch',
    op: 'upsert',
    payload: { id, clientKey: `amocrm:bench.amocrm.ru:lead:${i % 500}`, kind: 'call', outcome: 'reached', comment: `call ${i}`, at: 1_790_000_000_000 + i, stageId: 'negotiation' },
  };
};

async function bench(durable: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sufler-fsync-bench-'));
  const db = await openPgliteDb(dir, { durable });
  try {
    await migrate(db);
    await createOrg(db, 'Bench');
    await createTeam(db, 'Bench', 'Team');
    await createUser(db, 'Bench', 'bench@bench.test', 'manager', 'Team');
    const { token } = await issueToken(db, SECRET, 'bench@bench.test');
    const app = await buildApp({ db, secret: SECRET, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
    const push = async (items: unknown[]) => {
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { deviceId: 'bench', items } });
      if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}`);
    };
    let n = 0;
    let calls = fsyncCounter.calls;
    let t0 = performance.now();
    for (let i = 0; i < SINGLES; i++) await push([touchItem(n++)]);
    const singleMs = (performance.now() - t0) / SINGLES;
    const singleSyncs = (fsyncCounter.calls - calls) / SINGLES;
    calls = fsyncCounter.calls;
    t0 = performance.now();
    for (let b = 0; b < BATCHES; b++) await push(Array.from({ length: MAX_PUSH_ITEMS }, () => touchItem(n++)));
    const batchMs = (performance.now() - t0) / BATCHES;
    const batchSyncs = (fsyncCounter.calls - calls) / BATCHES;
    await app.close();
    console.log(
      `pglite fsync ${durable ? 'on ' : 'off'}  single-touch push: ${singleMs.toFixed(2)} ms (${singleSyncs.toFixed(1)} fsync)   ` +
        `batch of ${MAX_PUSH_ITEMS}: ${batchMs.toFixed(0)} ms (${batchSyncs.toFixed(1)} fsync)`,
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench(false);
await bench(true);
