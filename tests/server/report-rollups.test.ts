import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/src/db/database';
import { seedReportBench } from '../bench/report-bench-seed';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';

/**
 * The reports read rollups kept by triggers (migration 007). Whatever order rows arrive in —
 * a late sync brings a deal's earlier snapshots after its later ones — the rollups must equal
 * what the raw rows say. The expected side is computed here from the raw tables.
 */
const COUNTS_FROM_RAW = `
  SELECT org_id, team_id, user_id, (date '1970-01-01' + (at_ms / 86400000)::int)::text AS day, kind, count(*)::int AS n
    FROM touches GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`;
const COUNTS = `SELECT org_id, team_id, user_id, day::text AS day, kind, n FROM touch_day_counts WHERE n > 0 ORDER BY 1, 2, 3, 4, 5`;
const FIRSTS_FROM_RAW = `
  SELECT DISTINCT ON (org_id, client_key, step, team_id, user_id) org_id, team_id, user_id, client_key, step, id AS snapshot_id,
         day::text AS day, taken_at, title,
         (SELECT c2.amount::float8 FROM compliance_snapshots c2 WHERE c2.org_id = s.org_id AND c2.client_key = s.client_key
             AND c2.amount IS NOT NULL AND c2.taken_at <= s.taken_at ORDER BY c2.taken_at DESC LIMIT 1) AS amount
    FROM (SELECT c.*, CASE WHEN c.terminal = 'won' THEN 'won' ELSE c.stage_id END AS step FROM compliance_snapshots c) s
   WHERE step IS NOT NULL
   ORDER BY org_id, client_key, step, team_id, user_id, taken_at, id`;
const FIRSTS = `
  SELECT org_id, team_id, user_id, client_key, step, snapshot_id, day::text AS day, taken_at, title, amount::float8 AS amount
    FROM deal_stage_firsts ORDER BY org_id, client_key, step, team_id, user_id`;

describe.each(dbTargets())('report rollups on $name', (target) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    await seedReportBench(db, 3_000, 2_000);
  }, BOOT_TIMEOUT);
  afterAll(async () => cleanup(), BOOT_TIMEOUT);

  it('match the raw rows, also when a deal\'s newest snapshots arrive first', async () => {
    expect(await db.query(COUNTS)).toEqual(await db.query(COUNTS_FROM_RAW));
    // Move every snapshot out and back in, newest first, in five statements (five pushes).
    await db.exec(`CREATE TABLE held AS SELECT * FROM compliance_snapshots;
                   DELETE FROM deal_stage_firsts; DELETE FROM compliance_snapshots;`);
    for (const part of [4, 3, 2, 1, 0]) {
      await db.exec(`INSERT INTO compliance_snapshots SELECT * FROM held
                      WHERE taken_at >= (SELECT min(taken_at) + (max(taken_at) - min(taken_at)) * ${part} / 5 FROM held)
                        AND NOT EXISTS (SELECT 1 FROM compliance_snapshots c WHERE c.id = held.id)`);
    }
    const firsts = await db.query(FIRSTS);
    expect(firsts.length).toBeGreaterThan(100);
    expect(firsts).toEqual(await db.query(FIRSTS_FROM_RAW));
    // The amounts are really carried over, not all null on both sides.
    expect(firsts.some((f) => f.amount !== null)).toBe(true);
  });

  it('take a removed touch back out of the daily counts', async () => {
    await db.exec(`DELETE FROM touches WHERE id IN (SELECT id FROM touches ORDER BY id LIMIT 500)`);
    expect(await db.query(COUNTS)).toEqual(await db.query(COUNTS_FROM_RAW));
  });
});
