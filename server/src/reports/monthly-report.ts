import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { queryTables, scopeParams, scopeSql } from './report-sql';

/**
 * Deals won per month, the average check and revenue, from the amounts read off the cards.
 * A deal is won in the month of its first snapshot at a won stage (the manager's local day);
 * its amount is the one shown then, or else the latest amount the card showed before.
 * The average is over deals with an amount; deals without one are counted but add nothing.
 */
export async function monthlyReport(db: Queryable, scope: ReportScope, period: ReportPeriod): Promise<Record<string, ReportRow[]>> {
  const params = [...scopeParams(scope), period.from, period.to];
  // The first won snapshot of each deal in scope, from the per-person rollup (migration 007).
  // The first won snapshot of each deal in scope and its amount, from the rollup (migration 007).
  const WON = `
    WITH won AS MATERIALIZED (
      SELECT w.client_key, w.user_id, w.day, w.title, w.url, to_char(w.day, 'YYYY-MM') AS month, w.amount::float8 AS amount
        FROM (SELECT DISTINCT ON (f.client_key) f.*
                FROM deal_stage_firsts f
               WHERE ${scopeSql('f')} AND f.step = 'won' AND f.day <= $5::date
               ORDER BY f.client_key, f.taken_at) w
       WHERE w.day >= $4::date)`;
  return queryTables(
    db,
    WON,
    {
      byMonth: `SELECT month, count(*)::int AS deals_won, count(amount)::int AS deals_with_amount,
                  coalesce(sum(amount), 0)::float8 AS revenue, round(avg(amount)::numeric, 2)::float8 AS average_check
                 FROM won GROUP BY month ORDER BY month`,
      byManager: `SELECT month, u.id::text AS manager_id, u.email AS manager, count(*)::int AS deals_won,
                    coalesce(sum(amount), 0)::float8 AS revenue, round(avg(amount)::numeric, 2)::float8 AS average_check
                   FROM won JOIN users u ON u.id = won.user_id GROUP BY month, u.id, u.email ORDER BY month, u.email`,
      deals: `SELECT won.day::text AS won_on, won.title, won.url, u.email AS manager, won.amount
                FROM won JOIN users u ON u.id = won.user_id ORDER BY won.day, won.title`,
    },
    params,
  );
}
