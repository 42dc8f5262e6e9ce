import { z } from 'zod';
import { DEFAULT_PARETO, type ParetoOptions } from '../../../lib/segments/pareto-classes';
import type { Db } from '../db/database';
import { lockOrgChanges } from '../sync/org-lock';

const YEAR_MS = 365 * 86_400_000;

/**
 * The whole split as one statement, so no card leaves the database (lib/segments/pareto-classes.ts
 * has the rule in words). Parameters: $1 org, $2 the window's start, $3 aShare, $4 bShare,
 * $5 topShare, $6 now.
 *
 * - `cards`: every card of the organisation: the ones managers opened (client records) and the
 *   deal cards viewed (compliance snapshots) without one. A card with a client record counts in
 *   that record's team, else in the team of its latest snapshot.
 * - `won`: a deal is won when its first snapshot at a won stage was taken, inside the window;
 *   its amount is the one shown then, or else the latest the card showed before (the monthly
 *   report's rule).
 * - `ranked`: per team, largest revenue first, ties by key in byte order; `before` is the revenue
 *   of the cards above. Sums are numeric, so a share on the line is decided exactly.
 * - `changed`: only cards whose class, rank or figures moved are written, so an unchanged row
 *   keeps its place in the pull order; pinned classes are never touched.
 */
const SPLIT_SQL = `
WITH first_won AS (
  SELECT DISTINCT ON (c.client_key) c.client_key, c.taken_at, c.amount
    FROM compliance_snapshots c
   WHERE c.org_id = $1::bigint AND c.terminal = 'won'
   ORDER BY c.client_key, c.taken_at),
won AS (
  SELECT w.client_key,
         coalesce(w.amount, (SELECT c2.amount FROM compliance_snapshots c2
                              WHERE c2.org_id = $1::bigint AND c2.client_key = w.client_key AND c2.amount IS NOT NULL
                                AND c2.taken_at <= w.taken_at ORDER BY c2.taken_at DESC LIMIT 1)) AS revenue
    FROM first_won w WHERE w.taken_at >= $2::bigint),
cards AS (
  SELECT key AS client_key, team_id FROM clients WHERE org_id = $1::bigint
  UNION ALL
  (SELECT DISTINCT ON (c.client_key) c.client_key, c.team_id
     FROM compliance_snapshots c
    WHERE c.org_id = $1::bigint
      AND NOT EXISTS (SELECT 1 FROM clients k WHERE k.org_id = $1::bigint AND k.key = c.client_key)
    ORDER BY c.client_key, c.taken_at DESC)),
revenue AS (
  SELECT cards.client_key, cards.team_id, greatest(coalesce(won.revenue, 0), 0)::numeric AS revenue
    FROM cards LEFT JOIN won ON won.client_key = cards.client_key),
ranked AS (
  SELECT client_key, team_id, revenue,
         row_number() OVER by_revenue AS rank,
         count(*) OVER team AS ranked_of,
         sum(revenue) OVER team AS total,
         coalesce(sum(revenue) OVER (by_revenue ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM revenue
  WINDOW team AS (PARTITION BY team_id),
         by_revenue AS (PARTITION BY team_id ORDER BY revenue DESC, client_key COLLATE "C")),
classed AS (
  SELECT *, CASE WHEN revenue = 0 THEN 'c'
                 WHEN before < total * $3::numeric THEN 'a'
                 WHEN before < total * $4::numeric THEN 'b'
                 ELSE 'c' END AS cls
    FROM ranked),
placed AS (
  SELECT *, CASE WHEN cls = 'a' AND $5::numeric > 0
                  AND rank <= greatest(1, ceil(count(*) FILTER (WHERE cls = 'a') OVER (PARTITION BY team_id) * $5::numeric))
                 THEN 'top' ELSE cls END AS class
    FROM classed),
figures AS (
  SELECT client_key, team_id, class, rank, ranked_of, revenue::float8 AS revenue,
         CASE WHEN total = 0 THEN 0 ELSE (revenue / total)::float8 END AS share
    FROM placed),
-- Only what changed goes to the upsert: one join here costs far less than a conflict check per card.
changed AS (
  SELECT f.* FROM figures f
    LEFT JOIN client_segments cur ON cur.org_id = $1::bigint AND cur.client_key = f.client_key
   WHERE cur.client_key IS NULL
      OR (cur.team_id, cur.computed_class, cur.rank, cur.ranked_of, cur.revenue, cur.share)
         IS DISTINCT FROM (f.team_id, f.class, f.rank, f.ranked_of, f.revenue, f.share)),
stored AS (
  INSERT INTO client_segments AS s (org_id, client_key, team_id, computed_class, rank, ranked_of, revenue, share, computed_at)
  SELECT $1::bigint, client_key, team_id, class, rank, ranked_of, revenue, share, $6::bigint FROM changed
  ON CONFLICT (org_id, client_key) DO UPDATE
     SET team_id = EXCLUDED.team_id, computed_class = EXCLUDED.computed_class, rank = EXCLUDED.rank,
         ranked_of = EXCLUDED.ranked_of, revenue = EXCLUDED.revenue, share = EXCLUDED.share,
         computed_at = EXCLUDED.computed_at, seq = nextval('change_seq')
  RETURNING 1)
SELECT (SELECT count(*) FROM placed)::int AS cards, (SELECT count(*) FROM stored)::int AS changed`;

const SplitRow = z.object({ cards: z.number(), changed: z.number() });

export interface RecomputeResult {
  clients: number;
  /** Cards whose class, rank or figures changed (new ones included). */
  changed: number;
  tookMs: number;
  ranAt: number;
}

/** The Pareto split of each team's cards of the organisation, stored, with a row in segment_runs. */
export async function recomputeSegments(db: Db, orgId: string, now: number, options: ParetoOptions = DEFAULT_PARETO): Promise<RecomputeResult> {
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    await lockOrgChanges(tx, orgId);
    // The split sorts every card of the organisation three times; PostgreSQL's default 4 MB
    // sends 100,000 of them to disk (measured: 3× slower on PGlite).
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    const rows = await tx.query(SPLIT_SQL, [orgId, now - YEAR_MS, String(options.aShare), String(options.bShare), String(options.topShare), now]);
    const split = SplitRow.parse(rows[0]);
    await tx.query('INSERT INTO segment_runs (org_id, ran_at, clients, took_ms) VALUES ($1::bigint, $2::bigint, $3, $4) ON CONFLICT DO NOTHING', [
      orgId,
      now,
      split.cards,
      Math.round(performance.now() - started),
    ]);
    return split;
  });
  return { clients: result.cards, changed: result.changed, tookMs: Math.round(performance.now() - started), ranAt: now };
}

/** When the organisation's split last ran, or null. */
export async function lastSegmentRun(db: Db, orgId: string): Promise<number | null> {
  const rows = await db.query('SELECT max(ran_at)::float8 AS ran_at FROM segment_runs WHERE org_id = $1::bigint', [orgId]);
  const value = rows[0]?.ran_at;
  return typeof value === 'number' ? value : null;
}
