import type { ReportCell, ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import type { ReportScope } from './report-scope';

/**
 * Every report query takes $1 = organisation, $2 = team or null, $3 = person or null, so the
 * scope is applied the same way everywhere. `alias` is the table carrying org_id, team_id, user_id.
 */
export function scopeSql(alias: string): string {
  return `${alias}.org_id = $1::bigint AND ($2::bigint IS NULL OR ${alias}.team_id = $2::bigint) AND ($3::bigint IS NULL OR ${alias}.user_id = $3::bigint)`;
}

export function scopeParams(scope: ReportScope): unknown[] {
  return [scope.orgId, scope.teamId, scope.userId];
}

/** The epoch day of an epoch-ms column as a date: integer arithmetic, cheap over a million rows. */
export function utcDaySql(msColumn: string): string {
  return `(date '1970-01-01' + (${msColumn} / 86400000)::int)`;
}

/** Rows as the wire carries them: bigint, numeric and dates come back from each driver differently. */
export function toRows(rows: Record<string, unknown>[]): ReportRow[] {
  return rows.map((row) => {
    const out: ReportRow = {};
    for (const [key, value] of Object.entries(row)) out[key] = toCell(value);
    return out;
  });
}

function toCell(value: unknown): ReportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A share as a percentage with one decimal, null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : null;
}

/**
 * Several tables of one report in one statement: the shared `WITH …` runs once (its parts
 * MATERIALIZED where several tables read them) and each table comes back as a JSON array in
 * its query's order. One round trip and one pass, instead of one query per table each
 * recomputing the same CTE.
 */
export async function queryTables<K extends string>(
  db: Queryable,
  withSql: string,
  tables: Record<K, string>,
  params: unknown[],
): Promise<Record<K, ReportRow[]>> {
  const names = Object.keys(tables) as K[];
  const columns = names.map((name, i) => `(SELECT coalesce(json_agg(t), '[]'::json) FROM (${tables[name]}) t) AS t${i}`);
  const [row] = await db.query(`${withSql} SELECT ${columns.join(', ')}`, params);
  const out = {} as Record<K, ReportRow[]>;
  names.forEach((name, i) => {
    const value = row?.[`t${i}`];
    const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    out[name] = toRows(Array.isArray(list) ? (list as Record<string, unknown>[]) : []);
  });
  return out;
}
