import { z } from 'zod';
import { ChangeSchema, MAX_PULL_BYTES, type Change, type PullQuery, type PullResponse } from '../../../lib/wire/sync';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';

const ChangeRow = z.object({
  seq: z.number(),
  type: z.enum(['touch', 'client', 'playbook']),
  data: z.unknown(),
  user_id: z.string().nullable(),
  device_id: z.string().nullable(),
  version: z.number().nullable(),
  published_at: z.number().nullable(),
  published_by: z.string().nullable(),
  /** The row's JSON size, and the sum of sizes up to and including it in seq order. */
  size: z.number(),
  running: z.number(),
  rn: z.number(),
});

/**
 * Changes after the cursor that the caller may see, oldest first:
 * - touches: an admin sees the organisation's, a head their team's, a manager their own;
 *   the caller's own device's touches are left out (it has them);
 * - client records: shared inside the team (an admin sees all);
 * - published playbook versions: everyone in the organisation.
 */
export async function pullChanges(db: Queryable, caller: Caller, query: PullQuery, maxBytes: number = MAX_PULL_BYTES): Promise<PullResponse> {
  const after = query.cursor === '' ? '0' : query.cursor;
  const rows = await db.query(
    // Each branch is ordered and limited on its own, so a page reads about `limit` rows through
    // the (org_id, seq) indexes instead of sorting everything after the cursor. The outer
    // query keeps a running total of the rows' JSON size and stops one row past `maxBytes`,
    // so a page of big payloads stays bounded in the server's memory and on the wire.
    `SELECT * FROM (
       SELECT changes.*,
              sum(changes.size) OVER (ORDER BY changes.seq ROWS UNBOUNDED PRECEDING)::float8 AS running,
              (row_number() OVER (ORDER BY changes.seq))::float8 AS rn
         FROM (
           (SELECT t.seq::float8 AS seq, 'touch' AS type, t.payload AS data, t.user_id::text AS user_id, t.device_id,
                  NULL::int AS version, NULL::float8 AS published_at, NULL::text AS published_by,
                  octet_length(t.payload::text)::float8 AS size
             FROM touches t
            WHERE t.org_id = $1::bigint AND t.seq > $2::bigint
              AND ($3 = 'admin' OR t.user_id = $4::bigint OR ($3 = 'head' AND t.team_id = $5::bigint))
              AND ($6::text IS NULL OR t.device_id <> $6::text OR t.user_id <> $4::bigint)
            ORDER BY t.seq LIMIT $7::int)
           UNION ALL
           (SELECT c.seq::float8, 'client', c.record, NULL, NULL, NULL, NULL, NULL, octet_length(c.record::text)::float8
             FROM clients c
            WHERE c.org_id = $1::bigint AND c.seq > $2::bigint
              AND ($3 = 'admin' OR c.team_id IS NOT DISTINCT FROM $5::bigint)
            ORDER BY c.seq LIMIT $7::int)
           UNION ALL
           (SELECT p.seq::float8, 'playbook', p.json, NULL, NULL, p.version,
                  floor(extract(epoch FROM p.published_at) * 1000)::float8, u.email, octet_length(p.json::text)::float8
             FROM playbook_versions p JOIN users u ON u.id = p.published_by
            WHERE p.org_id = $1::bigint AND p.seq > $2::bigint
            ORDER BY p.seq LIMIT $7::int)
         ) AS changes
        ORDER BY changes.seq
        LIMIT $7::int
     ) AS page
     WHERE page.rn = 1 OR page.running - page.size <= $8::float8
     ORDER BY page.seq`,
    [caller.orgId, after, caller.role, caller.userId, caller.teamId, query.deviceId ?? null, query.limit + 1, maxBytes],
  );
  const parsed = rows.map((raw) => ChangeRow.parse(raw));
  // The first row always goes (a page must move forward), then rows while both limits hold.
  let taken = 0;
  while (taken < parsed.length && taken < query.limit && (taken === 0 || (parsed[taken]?.running ?? Infinity) <= maxBytes)) taken += 1;
  const page = parsed.slice(0, taken);
  const changes: Change[] = [];
  for (const row of page) {
    const change = toChange(row);
    // A row stored before today's limits that no longer fits its schema is passed over (the
    // cursor still moves past it), so one old row cannot fail every pull with a 500.
    if (change === null) console.warn(`Sufler: pull passed over ${row.type} change ${row.seq}: it no longer fits its schema`);
    else changes.push(change);
  }
  const last = page.at(-1);
  return { changes, cursor: last === undefined ? after : String(last.seq), more: taken < parsed.length };
}

function toChange(row: z.infer<typeof ChangeRow>): Change | null {
  const parsed = ChangeSchema.safeParse(
    row.type === 'touch'
      ? { seq: row.seq, type: 'touch', touch: row.data, userId: row.user_id ?? '', deviceId: row.device_id ?? '' }
      : row.type === 'client'
        ? { seq: row.seq, type: 'client', client: row.data }
        : {
            seq: row.seq,
            type: 'playbook',
            playbook: { version: row.version ?? 0, playbook: row.data, publishedAt: row.published_at ?? 0, publishedBy: row.published_by ?? '' },
          },
  );
  return parsed.success ? parsed.data : null;
}
