/**
 * Push and pull throughput for a 100,000-touch backlog (batches of 500) through the real app
 * (HTTP parsing, zod, auth, one transaction per batch), on PGlite and, when DATABASE_URL is
 * set, on PostgreSQL. Run: node --import tsx tests/bench/sync-push.bench.ts [touches]
 * Target: 100k pushed in ≤ 20 s.
 */
import { monotonicFactory } from 'ulid';
import { PullResponseSchema, PushResponseSchema, MAX_PUSH_ITEMS } from '../../lib/wire/sync';
import type { Touch } from '../../lib/touches/touch';
import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { buildApp } from '../../server/src/app';
import { migrate } from '../../server/src/db/migrate';
import type { DbTarget } from '../server/helpers/test-db';
import { dbTargets } from '../server/helpers/test-db';

const TOTAL = Number(process.argv[2] ?? 100_000);
const SECRET = 'bench-secret-of-enough-length';
const ulid = monotonicFactory();

function touch(i: number): Touch {
  return {
    id: ulid(),
    clientKey: `amocrm:bench.amocrm.ru:lead:${i % 5000}`,
    kind: i % 3 === 0 ? 'meeting' : 'call',
    outcome: 'reached',
    comment: `Звонок №${i}: обсудили поставку / call ${i}`,
    at: 1_790_000_000_000 + i,
    stageId: 'negotiation',
  };
}

async function bench(target: DbTarget): Promise<void> {
  const { db, cleanup } = await target.open();
  try {
    await migrate(db);
    await createOrg(db, 'Bench');
    await createTeam(db, 'Bench', 'Team');
    await createUser(db, 'Bench', 'bench@bench.test', 'manager', 'Team');
    const { token } = await issueToken(db, SECRET, 'bench@bench.test');
    const app = await buildApp({ db, secret: SECRET, rateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
    const headers = { authorization: `Bearer ${token}` };

    const bodies: string[] = [];
    for (let start = 0; start < TOTAL; start += MAX_PUSH_ITEMS) {
      const items = [];
      for (let i = start; i < Math.min(TOTAL, start + MAX_PUSH_ITEMS); i++) {
        const t = touch(i);
        items.push({ id: t.id, entity: 'touch', op: 'upsert', payload: t });
      }
      bodies.push(JSON.stringify({ deviceId: 'bench-laptop', items }));
    }

    let t0 = performance.now();
    let accepted = 0;
    for (const body of bodies) {
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { ...headers, 'content-type': 'application/json' }, payload: body });
      if (res.statusCode !== 200) throw new Error(`push ${res.statusCode}: ${res.body.slice(0, 300)}`);
      accepted += PushResponseSchema.parse(res.json()).results.filter((r) => r.status === 'accepted').length;
    }
    const pushSeconds = (performance.now() - t0) / 1000;
    if (accepted !== TOTAL) throw new Error(`accepted ${accepted} of ${TOTAL}`);

    t0 = performance.now();
    let pulled = 0;
    let cursor = '';
    for (;;) {
      const res = await app.inject({ url: `/api/sync/pull?cursor=${cursor}&limit=1000&deviceId=bench-phone`, headers });
      const page = PullResponseSchema.parse(res.json());
      pulled += page.changes.length;
      cursor = page.cursor;
      if (!page.more) break;
    }
    const pullSeconds = (performance.now() - t0) / 1000;
    if (pulled !== TOTAL) throw new Error(`pulled ${pulled} of ${TOTAL}`);

    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(
      `${target.name.padEnd(8)} push ${fmt(TOTAL)} touches in batches of ${MAX_PUSH_ITEMS}: ${pushSeconds.toFixed(2)} s, ${fmt(TOTAL / pushSeconds)} items/s` +
        `${pushSeconds <= 20 ? '' : '  (over the 20 s target)'}`,
    );
    console.log(`${target.name.padEnd(8)} pull ${fmt(pulled)} touches, pages of 1000: ${pullSeconds.toFixed(2)} s, ${fmt(pulled / pullSeconds)} items/s`);
    await app.close();
  } finally {
    await cleanup();
  }
}

for (const target of dbTargets()) await bench(target);
