import type { Lang } from '../../../lib/i18n/lang';
import type { Playbook } from '../../../lib/playbook/schema';
import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { percent, queryTables, scopeParams, scopeSql } from './report-sql';

/**
 * One pass over the period's snapshots: `daily` is each deal's latest snapshot of each day it was
 * viewed (the trend), `latest` each deal's latest of the period (every other table), taken from
 * `daily` since a deal's latest of the period is the latest of its days.
 */
const LATEST = `
  WITH daily AS MATERIALIZED (
    SELECT DISTINCT ON (c.client_key, c.day) c.client_key, c.user_id, c.stage_id, c.crm_stage, c.title, c.url, c.responsible,
           c.required_count, c.missing_count, c.fields, c.day, c.taken_at
      FROM compliance_snapshots c
     WHERE ${scopeSql('c')} AND c.day BETWEEN $4::date AND $5::date
     ORDER BY c.client_key, c.day, c.taken_at DESC
  ),
  latest AS MATERIALIZED (
    SELECT DISTINCT ON (d.client_key) d.* FROM daily d ORDER BY d.client_key, d.taken_at DESC
  )`;

const SUMS = `count(*)::int AS deals, count(*) FILTER (WHERE missing_count > 0)::int AS deals_with_gaps,
              coalesce(sum(required_count), 0)::int AS required, coalesce(sum(required_count - missing_count), 0)::int AS filled`;

/** Most deals with gaps listed; the counts above cover all of them. */
export const MAX_GAP_ROWS = 1000;

/**
 * CRM-fill compliance over a period: per manager, per stage, per required field, the deals with
 * gaps (linking back to the card) and the trend by day. Each deal counts once, in the state its
 * latest snapshot of the period shows; the trend counts each deal once per day it was viewed.
 */
export async function complianceReport(db: Queryable, scope: ReportScope, period: ReportPeriod, playbook: Playbook, lang: Lang): Promise<Record<string, ReportRow[]>> {
  const params = [...scopeParams(scope), period.from, period.to];
  const stageName = (id: string | null, crm: string | null): string =>
    id === null ? (crm ?? '—') : (playbook.stages.find((s) => s.id === id)?.name[lang] ?? id);
  const fieldName = (id: string): string => playbook.fields.find((f) => f.id === id)?.label[lang] ?? id;
  const withRate = (rows: ReportRow[]): ReportRow[] =>
    rows.map((r) => ({ ...r, fill_rate: percent(Number(r.filled), Number(r.required)) }));

  const { byManager, byStage, byField, gaps, trend } = await queryTables(
    db,
    LATEST,
    {
      byManager: `SELECT u.id::text AS manager_id, u.email AS manager, ${SUMS}
                    FROM latest l JOIN users u ON u.id = l.user_id GROUP BY u.id, u.email ORDER BY u.email`,
      byStage: `SELECT stage_id, CASE WHEN stage_id IS NULL THEN crm_stage END AS crm_stage, ${SUMS}
                  FROM latest GROUP BY 1, 2 ORDER BY deals DESC, 1, 2`,
      byField: `SELECT f->>'id' AS field_id, count(*)::int AS required,
                       count(*) FILTER (WHERE NOT (f->>'filled')::boolean)::int AS missing
                  FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.fields) AS f GROUP BY 1 ORDER BY missing DESC, 1`,
      gaps: `SELECT l.client_key, l.title, l.url, l.stage_id, l.crm_stage, u.email AS manager, l.responsible,
                    l.missing_count AS missing, l.day::text AS viewed_on,
                    (SELECT string_agg(f->>'id', ',' ORDER BY ord) FROM jsonb_array_elements(l.fields) WITH ORDINALITY AS e(f, ord)
                      WHERE NOT (f->>'filled')::boolean) AS missing_ids
               FROM latest l JOIN users u ON u.id = l.user_id
              WHERE l.missing_count > 0 ORDER BY l.missing_count DESC, l.day DESC, l.title LIMIT ${MAX_GAP_ROWS}`,
      trend: `SELECT day::text AS day, ${SUMS} FROM daily GROUP BY day ORDER BY day`,
    },
    params,
  );

  return {
    byManager: withRate(byManager),
    byStage: withRate(byStage).map((r) => ({
      stage: stageName(r.stage_id as string | null, r.crm_stage as string | null),
      ...r,
    })),
    byField: byField.map((r) => ({
      field: fieldName(String(r.field_id)),
      ...r,
      missing_rate: percent(Number(r.missing), Number(r.required)),
    })),
    gaps: gaps.map((r) => {
      const ids = typeof r.missing_ids === 'string' ? r.missing_ids.split(',') : [];
      return {
        ...r,
        stage: stageName(r.stage_id as string | null, r.crm_stage as string | null),
        missing_fields: ids.map(fieldName).join(', '),
      };
    }),
    trend: withRate(trend),
  };
}
