/**
 * Each head's report over a year of a 20-manager organisation: TOUCHES touches and SNAPSHOTS
 * compliance snapshots, on PGlite and, when DATABASE_URL is set, on PostgreSQL. Rows are made in
 * SQL (generate_series), not pushed. The issue's scale is 1,000,000 and 100,000; seeding that
 * takes ~8 minutes on PGlite on a busy 2-core machine, so `npm run bench` runs 200,000 and
 * 20,000 and the full scale is asked for on the command line.
 * Run: node --import tsx tests/bench/reports.bench.ts [touches] [snapshots]
 * Target: every report ≤ 150 ms (median of 5 runs after a warm-up).
 */
import { hashToken } from '../../server/src/auth/token';
import { findCaller } from '../../server/src/auth/caller';
import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { migrate } from '../../server/src/db/migrate';
import { runReport } from '../../server/src/reports/run-report';
import { REPORT_KINDS, ReportQuerySchema } from '../../lib/wire/reports';
import { dbTargets, type DbTarget } from '../server/helpers/test-db';
import { formatMs, summarize } from './stats';

const TOUCHES = Number(process.argv[2] ?? 200_000);
const SNAPSHOTS = Number(process.argv[3] ?? 20_000);
const MANAGERS = 20;
const CLIENTS = 10_000;
const SECRET = 'bench-secret-of-enough-length';
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const CHUNK = 100_000;

async function bench(target: DbTarget): Promise<void> {
  const { db, cleanup } = await target.open();
  try {
    await migrate(db);
    await createOrg(db, 'Bench');
    await createTeam(db, 'Bench', 'North');
    await createTeam(db, 'Bench', 'South');
    const ids: string[] = [];
    for (let i = 0; i < MANAGERS; i++) {
      const user = await createUser(db, 'Bench', `m${i}@bench.test`, 'manager', i % 4 === 3 ? 'South' : 'North');
      ids.push(user);
    }
    await createUser(db, 'Bench', 'head@bench.test', 'head', 'North');
    const { token } = await issueToken(db, SECRET, 'head@bench.test');
    const caller = await findCaller(db, hashToken(SECRET, token));
    if (caller === null || caller === 'expired') throw new Error('no caller');
    const team = (await db.query(`SELECT id::text AS id FROM teams WHERE name = 'North'`))[0]?.id;
    const users = `ARRAY[${ids.join(',')}]::bigint[]`;
    const teams = `ARRAY[${ids.map((_, i) => (i % 4 === 3 ? '(SELECT id FROM teams WHERE name = $$South$$)' : String(team))).join(',')}]::bigint[]`;

    const seedStart = performance.now();
    for (let from = 1; from <= TOUCHES; from += CHUNK) {
      const to = Math.min(TOUCHES, from + CHUNK - 1);
      await db.exec(`
        INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
        SELECT 'T' || lpad(g::text, 25, '0'), (SELECT id FROM orgs WHERE name = 'Bench'),
               (${users})[1 + g % ${MANAGERS}], (${teams})[1 + g % ${MANAGERS}], 'bench',
               'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
               jsonb_build_object('id', 'T' || lpad(g::text, 25, '0'), 'clientKey', 'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
                 'kind', (ARRAY['call','call','call','meeting','email','email_open','direct_mail','note'])[1 + (g / 7) % 8],
                 'outcome', 'done', 'comment', '', 'at', ${YEAR_START} + (g::bigint * ${YEAR_MS} / ${TOUCHES}), 'stageId', null),
               'bench'
          FROM generate_series(${from}, ${to}) AS g`);
    }
    const stages = `ARRAY['lead','qualification','meeting_booked','needs_identified','proposal_sent','negotiation','won','lost']`;
    await db.exec(`
      INSERT INTO compliance_snapshots (id, org_id, team_id, user_id, device_id, client_key, day, taken_at, url, title,
             crm_stage, stage_id, terminal, responsible, segment_id, amount, required_count, missing_count, fields, payload, payload_hash)
      SELECT 'S' || lpad(g::text, 25, '0'), (SELECT id FROM orgs WHERE name = 'Bench'),
             (${teams})[1 + (g % ${CLIENTS}) % ${MANAGERS}], (${users})[1 + (g % ${CLIENTS}) % ${MANAGERS}], 'bench',
             'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
             (date '2026-01-01' + ((g::bigint * 365) / ${SNAPSHOTS})::int), ${YEAR_START} + (g::bigint * ${YEAR_MS} / ${SNAPSHOTS}),
             'https://bench.amocrm.ru/leads/detail/' || (g % ${CLIENTS}), 'Сделка ' || (g % ${CLIENTS}),
             'Этап', (${stages})[1 + (g / 7) % 8], CASE WHEN (g / 7) % 8 = 6 THEN 'won' END, 'Менеджер',
             (ARRAY['key','top_key','new_lead','regular'])[1 + g % 4], CASE WHEN g % 3 = 0 THEN (g % 1000) * 1000 END,
             5, g % 3,
             jsonb_build_array(jsonb_build_object('id','contact','filled',true), jsonb_build_object('id','need','filled',g % 3 = 0),
               jsonb_build_object('id','budget','filled',g % 3 <> 2), jsonb_build_object('id','lead_source','filled',true),
               jsonb_build_object('id','decision_maker','filled',g % 3 <> 1)),
             '{}'::jsonb, 'bench'
        FROM generate_series(1, ${SNAPSHOTS}) AS g`);
    await db.exec('ANALYZE');
    console.log(`${target.name}: seeded ${TOUCHES.toLocaleString('en')} touches and ${SNAPSHOTS.toLocaleString('en')} snapshots in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    for (const kind of REPORT_KINDS) {
      // A month for the daily reports, the year for the monthly one; as the head of North sees them.
      const query = ReportQuerySchema.parse(kind === 'monthly' ? { from: '2026-01-01', to: '2026-12-31' } : { from: '2026-06-01', to: '2026-06-30' });
      await runReport(db, caller, kind, query, Date.UTC(2026, 11, 31));
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const report = await runReport(db, caller, kind, query, Date.UTC(2026, 11, 31));
        samples.push(performance.now() - t0);
        rows = Object.values(report.tables).reduce((n, table) => n + table.length, 0);
      }
      const s = summarize(samples);
      const verdict = s.median <= 150 ? 'ok' : 'OVER the 150 ms target';
      console.log(`${target.name}: ${kind.padEnd(12)} median ${formatMs(s.median)}, max ${formatMs(s.max)} (${rows} rows) — ${verdict}`);
    }
  } finally {
    await cleanup();
  }
}

for (const target of dbTargets()) await bench(target);
