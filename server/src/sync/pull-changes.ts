import { z } from 'zod';
import { SharedClientSchema, type Change, type PullQuery, type PullResponse } from '../../../lib/wire/sync';
import { TouchSchema } from '../../../lib/touches/touch';
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
});

/**
 * Changes after the cursor that the caller may see, oldest first:
 * - touches: an admin sees the organisation's, a head their team's, a manager their own;
 *   the caller's own device's touches are left out (it has them);
 * - client records: shared inside the team (an admin sees all);
 * - published playbook versions: everyone in the organisation.
 */
export async function pullChanges(db: Queryable, caller: Caller, query: PullQuery): Promise<PullResponse> {
  const after = query.cursor === '' ? '0' : query.cursor;
  const rows = await db.query(
    // Each branch is ordered and limited on its own, so a page reads about `limit` rows through
    // the (org_id, seq) indexes instead of sorting everything after the cursor.
    `SELECT * FROM (
       (SELECT t.seq::float8 AS seq, 'touch' AS type, t.payload AS data, t.user_id::text AS user_id, t.device_id,
              NULL::int AS version, NULL::float8 AS published_at, NULL::text AS published_by
         FROM touches t
        WHERE t.org_id = $1::bigint AND t.seq > $2::bigint
          AND ($3 = 'admin' OR t.user_id = $4::bigint OR ($3 = 'head' AND t.team_id = $5::bigint))
          AND ($6::text IS NULL OR t.device_id <> $6::text OR t.user_id <> $4::bigint)
        ORDER BY t.seq LIMIT $7::int)
       UNION ALL
       (SELECT c.seq::float8, 'client', c.record, NULL, NULL, NULL, NULL, NULL
         FROM clients c
        WHERE c.org_id = $1::bigint AND c.seq > $2::bigint
          AND ($3 = 'admin' OR c.team_id IS NOT DISTINCT FROM $5::bigint)
        ORDER BY c.seq LIMIT $7::int)
       UNION ALL
       (SELECT p.seq::float8, 'playbook', p.json, NULL, NULL, p.version,
              floor(extract(epoch FROM p.published_at) * 1000)::float8, u.email
         FROM playbook_versions p JOIN users u ON u.id = p.published_by
        WHERE p.org_id = $1::bigint AND p.seq > $2::bigint
        ORDER BY p.seq LIMIT $7::int)
     ) AS changes
     ORDER BY seq
     LIMIT $7::int`,
    [caller.orgId, after, caller.role, caller.userId, caller.teamId, query.deviceId ?? null, query.limit + 1],
  );
  const more = rows.length > query.limit;
  const changes: Change[] = rows.slice(0, query.limit).map((raw) => toChange(ChangeRow.parse(raw)));
  const last = changes.at(-1);
  return { changes, cursor: last === undefined ? after : String(last.seq), more };
}

function toChange(row: z.infer<typeof ChangeRow>): Change {
  switch (row.type) {
    case 'touch':
      return { seq: row.seq, type: 'touch', touch: TouchSchema.parse(row.data), userId: row.user_id ?? '', deviceId: row.device_id ?? '' };
    case 'client':
      return { seq: row.seq, type: 'client', client: SharedClientSchema.parse(row.data) };
    case 'playbook':
      return {
        seq: row.seq,
        type: 'playbook',
        playbook: { version: row.version ?? 0, playbook: row.data, publishedAt: row.published_at ?? 0, publishedBy: row.published_by ?? '' },
      };
  }
}
