import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { scopeParams, scopeSql, toRows } from './report-sql';

/**
 * Deals won per month, the average check and revenue, from the amounts read off the cards.
 * A deal is won in the month of its first snapshot at a won stage (the manager's local day);
 * its amount is the one shown then, or else the latest amount the card showed before.
 * The average is over deals with an amount; deals without one are counted but add nothing.
 */
export async function monthlyReport(db: Queryable, scope: ReportScope, period: ReportPeriod): Promise<Record<string, ReportRow[]>> {
  const params = [...scopeParams(scope), period.from, period.to];
  const WON = `
    WITH first_won AS (
      SELECT DISTINCT ON (c.client_key) c.client_key, c.user_id, c.day, c.taken_at, c.title, c.url, c.amount
        FROM compliance_snapshots c
       WHERE ${scopeSql('c')} AND c.terminal = 'won'
       ORDER BY c.client_key, c.taken_at),
    won AS (
      SELECT w.client_key, w.user_id, w.day, w.title, w.url, to_char(w.day, 'YYYY-MM') AS month,
             coalesce(w.amount, (SELECT c2.amount FROM compliance_snapshots c2
                                  WHERE c2.org_id = $1::bigint AND c2.client_key = w.client_key AND c2.amount IS NOT NULL
                                    AND c2.taken_at <= w.taken_at ORDER BY c2.taken_at DESC LIMIT 1))::float8 AS amount
        FROM first_won w WHERE w.day BETWEEN $4::date AND $5::date)`;
  const byMonth = await db.query(
    `${WON} SELECT month, count(*)::int AS deals_won, count(amount)::int AS deals_with_amount,
            coalesce(sum(amount), 0)::float8 AS revenue, round(avg(amount)::numeric, 2)::float8 AS average_check
       FROM won GROUP BY month ORDER BY month`,
    params,
  );
  const byManager = await db.query(
    `${WON} SELECT month, u.id::text AS manager_id, u.email AS manager, count(*)::int AS deals_won,
            coalesce(sum(amount), 0)::float8 AS revenue, round(avg(amount)::numeric, 2)::float8 AS average_check
       FROM won JOIN users u ON u.id = won.user_id GROUP BY month, u.id, u.email ORDER BY month, u.email`,
    params,
  );
  const deals = await db.query(
    `${WON} SELECT won.day::text AS won_on, won.title, won.url, u.email AS manager, won.amount
       FROM won JOIN users u ON u.id = won.user_id ORDER BY won.day, won.title`,
    params,
  );
  return { byMonth: toRows(byMonth), byManager: toRows(byManager), deals: toRows(deals) };
}
