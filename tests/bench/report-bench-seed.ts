import { createOrg, createTeam, createUser, issueToken } from '../../server/src/accounts/accounts';
import { findCaller, type Caller } from '../../server/src/auth/caller';
import { hashToken } from '../../server/src/auth/token';
import type { Db } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrate';

/**
 * A year of a 20-manager organisation (teams North and South) made in SQL with generate_series,
 * not pushed: `touches` touches over 10,000 clients and `snapshots` compliance snapshots.
 * Returns the head of North, as whom the report benchmarks ask.
 */
export const BENCH_MANAGERS = 20;
const CLIENTS = 10_000;
const SECRET = 'bench-secret-of-enough-length';
const YEAR_START = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const CHUNK = 100_000;

export async function seedReportBench(db: Db, touches: number, snapshots: number): Promise<{ head: Caller; token: string; secret: string }> {
  await migrate(db);
  await createOrg(db, 'Bench');
  await createTeam(db, 'Bench', 'North');
  await createTeam(db, 'Bench', 'South');
  const ids: string[] = [];
  for (let i = 0; i < BENCH_MANAGERS; i++) {
    ids.push(await createUser(db, 'Bench', `m${i}@bench.test`, 'manager', i % 4 === 3 ? 'South' : 'North'));
  }
  await createUser(db, 'Bench', 'head@bench.test', 'head', 'North');
  const { token } = await issueToken(db, SECRET, 'head@bench.test');
  const head = await findCaller(db, hashToken(SECRET, token));
  if (head === null || head === 'expired') throw new Error('no caller');
  const team = (await db.query(`SELECT id::text AS id FROM teams WHERE name = 'North'`))[0]?.id;
  const users = `ARRAY[${ids.join(',')}]::bigint[]`;
  const teams = `ARRAY[${ids.map((_, i) => (i % 4 === 3 ? '(SELECT id FROM teams WHERE name = $$South$$)' : String(team))).join(',')}]::bigint[]`;

  for (let from = 1; from <= touches; from += CHUNK) {
    const to = Math.min(touches, from + CHUNK - 1);
    await db.exec(`
      INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
      SELECT 'T' || lpad(g::text, 25, '0'), (SELECT id FROM orgs WHERE name = 'Bench'),
             (${users})[1 + g % ${BENCH_MANAGERS}], (${teams})[1 + g % ${BENCH_MANAGERS}], 'bench',
             'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
             jsonb_build_object('id', 'T' || lpad(g::text, 25, '0'), 'clientKey', 'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
               'kind', (ARRAY['call','call','call','meeting','email','email_open','direct_mail','note'])[1 + (g / 7) % 8],
               'outcome', 'done', 'comment', '', 'at', ${YEAR_START} + (g::bigint * ${YEAR_MS} / ${touches}), 'stageId', null),
             'bench'
        FROM generate_series(${from}, ${to}) AS g`);
  }
  const stages = `ARRAY['lead','qualification','meeting_booked','needs_identified','proposal_sent','negotiation','won','lost']`;
  for (let from = 1; from <= snapshots; from += CHUNK) {
    const to = Math.min(snapshots, from + CHUNK - 1);
    await db.exec(`
      INSERT INTO compliance_snapshots (id, org_id, team_id, user_id, device_id, client_key, day, taken_at, url, title,
             crm_stage, stage_id, terminal, responsible, segment_id, amount, required_count, missing_count, fields, payload, payload_hash)
      SELECT 'S' || lpad(g::text, 25, '0'), (SELECT id FROM orgs WHERE name = 'Bench'),
             (${teams})[1 + (g % ${CLIENTS}) % ${BENCH_MANAGERS}], (${users})[1 + (g % ${CLIENTS}) % ${BENCH_MANAGERS}], 'bench',
             'amocrm:bench.amocrm.ru:lead:' || (g % ${CLIENTS}),
             (date '2026-01-01' + ((g::bigint * 365) / ${snapshots})::int), ${YEAR_START} + (g::bigint * ${YEAR_MS} / ${snapshots}),
             'https://bench.amocrm.ru/leads/detail/' || (g % ${CLIENTS}), 'Сделка ' || (g % ${CLIENTS}),
             'Этап', (${stages})[1 + (g / 7) % 8], CASE WHEN (g / 7) % 8 = 6 THEN 'won' END, 'Менеджер',
             (ARRAY['key','top_key','new_lead','regular'])[1 + g % 4], CASE WHEN g % 3 = 0 THEN (g % 1000) * 1000 END,
             5, g % 3,
             jsonb_build_array(jsonb_build_object('id','contact','filled',true), jsonb_build_object('id','need','filled',g % 3 = 0),
               jsonb_build_object('id','budget','filled',g % 3 <> 2), jsonb_build_object('id','lead_source','filled',true),
               jsonb_build_object('id','decision_maker','filled',g % 3 <> 1)),
             '{}'::jsonb, 'bench'
        FROM generate_series(${from}, ${to}) AS g`);
  }
  await db.exec('VACUUM ANALYZE');
  return { head, token, secret: SECRET };
}
