/**
 * The nightly Pareto split over CLIENTS client cards of a two-team organisation, on PGlite and,
 * when DATABASE_URL is set, on PostgreSQL. Every card has a client record and one or two
 * compliance snapshots; one deal in three was won, with an amount. The split reads no touches,
 * so TOUCHES (default 100,000; the issue's scale is `… segments.bench.ts 100000 1000000`) only
 * shows that a large touch table does not enter its cost. Rows are made in SQL, not pushed.
 * Target: a recomputation ≤ 2 s; one card's segment (what the panel asks) well under 50 ms.
 */
import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { findCaller } from '../../server/src/auth/caller';
import { hashToken } from '../../server/src/auth/token';
import { migrate } from '../../server/src/db/migrate';
import { listSegments } from '../../server/src/segments/client-segments';
import { recomputeSegments } from '../../server/src/segments/recompute-segments';
import { dbTargets, type DbTarget } from '../server/helpers/test-db';
import { formatMs, summarize } from './stats';

const CLIENTS = Number(process.argv[2] ?? 100_000);
const TOUCHES = Number(process.argv[3] ?? 100_000);
const SECRET = 'bench-secret-of-enough-length';
const NOW = Date.UTC(2026, 11, 1);
const YEAR_MS = 365 * 86_400_000;

async function bench(target: DbTarget): Promise<void> {
  const { db, cleanup } = await target.open();
  try {
    await migrate(db);
    await createOrg(db, 'Bench');
    await createTeam(db, 'Bench', 'North');
    await createTeam(db, 'Bench', 'South');
    const north = await createUser(db, 'Bench', 'n@bench.test', 'manager', 'North');
    const south = await createUser(db, 'Bench', 's@bench.test', 'manager', 'South');
    await createUser(db, 'Bench', 'head@bench.test', 'head', 'North');
    const { token } = await issueToken(db, SECRET, 'head@bench.test');
    const caller = await findCaller(db, hashToken(SECRET, token));
    if (caller === null || caller === 'expired') throw new Error('no caller');
    const org = `(SELECT id FROM orgs WHERE name = 'Bench')`;
    const user = (g: string) => `CASE WHEN ${g} % 4 = 3 THEN ${south} ELSE ${north} END`;
    const team = (g: string) => `(SELECT team_id FROM users WHERE id = ${user(g)})`;
    const key = (g: string) => `'amocrm:bench.amocrm.ru:lead:' || ${g}`;

    const seedStart = performance.now();
    await db.exec(`
      INSERT INTO clients (org_id, team_id, key, record, record_hash, updated_at, updated_by)
      SELECT ${org}, ${team('g')}, ${key('g')}, jsonb_build_object('key', ${key('g')}), 'bench', ${NOW}, ${user('g')}
        FROM generate_series(1, ${CLIENTS}) AS g`);
    // Snapshot n of card g % CLIENTS: the first pass at negotiation, a second pass (a third of cards) won.
    await db.exec(`
      INSERT INTO compliance_snapshots (id, org_id, team_id, user_id, device_id, client_key, day, taken_at, url, title,
             crm_stage, stage_id, terminal, responsible, segment_id, amount, required_count, missing_count, fields, payload, payload_hash)
      SELECT 'S' || lpad(n::text, 25, '0'), ${org}, ${team('c')}, ${user('c')}, 'bench', ${key('c')},
             date '2026-01-01' + (n % 330), ${NOW - YEAR_MS} + (n::bigint * 86_400_000 % ${YEAR_MS}), 'https://bench.amocrm.ru/leads/detail/' || c, 'Сделка ' || c,
             CASE WHEN n > ${CLIENTS} THEN 'Успешно' ELSE 'Переговоры' END, CASE WHEN n > ${CLIENTS} THEN 'won' ELSE 'negotiation' END,
             CASE WHEN n > ${CLIENTS} THEN 'won' END, 'Менеджер', 'regular',
             CASE WHEN n > ${CLIENTS} THEN ((c * 7919) % 1000 + 1) * 1000 END, 3, 1, '[]'::jsonb, '{}'::jsonb, 'bench'
        FROM (SELECT n, CASE WHEN n > ${CLIENTS} THEN (n - ${CLIENTS}) * 3 ELSE n END AS c
                FROM generate_series(1, ${CLIENTS + Math.floor(CLIENTS / 3)}) AS n) s`);
    await db.exec(`
      INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
      SELECT 'T' || lpad(g::text, 25, '0'), ${org}, ${user('(g % ' + CLIENTS + ')')}, ${team('(g % ' + CLIENTS + ')')}, 'bench', ${key('(g % ' + CLIENTS + ')')},
             jsonb_build_object('kind', 'call', 'at', ${NOW - YEAR_MS} + g), 'bench'
        FROM generate_series(1, ${TOUCHES}) AS g`);
    await db.exec('ANALYZE');
    const seeded = ((performance.now() - seedStart) / 1000).toFixed(1);
    console.log(`${target.name}: seeded ${CLIENTS.toLocaleString('en')} clients, ${Math.floor(CLIENTS * 4 / 3).toLocaleString('en')} snapshots, ${TOUCHES.toLocaleString('en')} touches in ${seeded} s`);

    const first = await recomputeSegments(db, caller.orgId, NOW);
    const reruns: number[] = [];
    for (let i = 1; i <= 3; i++) reruns.push((await recomputeSegments(db, caller.orgId, NOW + i)).tookMs);
    const r = summarize(reruns);
    const verdict = (ms: number) => (ms <= 2000 ? 'ok' : 'OVER the 2 s target');
    console.log(`${target.name}: segments recompute, first ${formatMs(first.tookMs)} (${first.clients.toLocaleString('en')} cards, every row new) — ${verdict(first.tookMs)}`);
    console.log(`${target.name}: segments recompute, unchanged data, median ${formatMs(r.median)}, max ${formatMs(r.max)} — ${verdict(r.max)}`);

    const lookups: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await listSegments(db, caller, { clientKey: `amocrm:bench.amocrm.ru:lead:${1 + i * 997}`, limit: 1 });
      lookups.push(performance.now() - t0);
    }
    const l = summarize(lookups);
    console.log(`${target.name}: one card's segment, median ${formatMs(l.median)}, p95 ${formatMs(l.p95)}`);
  } finally {
    await cleanup();
  }
}

for (const target of dbTargets()) await bench(target);
