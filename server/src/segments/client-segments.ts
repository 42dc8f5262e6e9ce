import { z } from 'zod';
import { segmentReason } from '../../../lib/segments/segment-reason';
import type { ParetoClass } from '../../../lib/segments/pareto-classes';
import { ParetoClassSchema, type ClientSegment, type SegmentsResponse } from '../../../lib/wire/segments';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { HttpError } from '../http-error';
import { lockOrgChanges } from '../sync/org-lock';
import { lastSegmentRun } from './recompute-segments';

const SegmentRow = z.object({
  client_key: z.string(),
  team_id: z.string().nullable(),
  computed_class: ParetoClassSchema.nullable(),
  rank: z.number().nullable(),
  ranked_of: z.number().nullable(),
  revenue: z.number().nullable(),
  share: z.number().nullable(),
  computed_at: z.number().nullable(),
  pinned_class: ParetoClassSchema.nullable(),
  seq: z.number(),
});
type SegmentRowT = z.infer<typeof SegmentRow>;

const COLUMNS = `client_key, team_id::text AS team_id, computed_class, rank, ranked_of, revenue, share,
                 computed_at::float8 AS computed_at, pinned_class, seq::float8 AS seq`;

function toSegment(row: SegmentRowT): ClientSegment | null {
  const computed =
    row.computed_class === null || row.rank === null || row.ranked_of === null || row.computed_at === null
      ? null
      : { class: row.computed_class, rank: row.rank, of: row.ranked_of, revenue: row.revenue ?? 0, share: row.share ?? 0, computedAt: row.computed_at };
  const applied: ParetoClass | null = row.pinned_class ?? computed?.class ?? null;
  if (applied === null) return null;
  return { clientKey: row.client_key, teamId: row.team_id, class: applied, pinned: row.pinned_class !== null, computed, reason: segmentReason(applied, row.pinned_class !== null, computed) };
}

/** The segment a row stands for; unpinned and never ranked is C until the next split, as every client without revenue. */
function toSegmentOrC(row: SegmentRowT): ClientSegment {
  return toSegment(row) ?? { clientKey: row.client_key, teamId: row.team_id, class: 'c', pinned: false, computed: null, reason: segmentReason('c', false, null) };
}

/**
 * The team a caller reads segments of: an admin any team of their organisation (or all of it);
 * a head or manager their own team only. Segments are the team's, so a manager sees the whole
 * team's split (their colleagues' clients' classes, never their touches).
 */
function teamScope(caller: Caller, team: string | undefined): string | null {
  if (caller.role === 'admin') return team ?? null;
  if (caller.teamId === null) throw new HttpError(403, 'forbidden', 'you belong to no team');
  if (team !== undefined && team !== caller.teamId) throw new HttpError(403, 'forbidden', 'segments of another team are its own');
  return caller.teamId;
}

export async function listSegments(
  db: Db,
  caller: Caller,
  query: { team?: string | undefined; clientKey?: string | undefined; after?: string | undefined; limit: number; since?: string | undefined },
): Promise<SegmentsResponse> {
  const teamId = teamScope(caller, query.team);
  if (query.since !== undefined) return segmentChanges(db, caller, teamId, query.since === '' ? '0' : query.since, query.limit);
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM client_segments
      WHERE org_id = $1::bigint AND ($2::bigint IS NULL OR team_id = $2::bigint)
        AND ($3::text IS NULL OR client_key = $3) AND ($4::text IS NULL OR client_key > $4)
      ORDER BY client_key LIMIT $5`,
    [caller.orgId, teamId, query.clientKey ?? null, query.after ?? null, query.limit + 1],
  );
  const parsed = rows.map((r) => SegmentRow.parse(r));
  const page = parsed.slice(0, query.limit);
  return {
    segments: page.flatMap((r) => toSegment(r) ?? []),
    next: parsed.length > query.limit ? (page.at(-1)?.client_key ?? null) : null,
    ranAt: await lastSegmentRun(db, caller.orgId),
  };
}

/**
 * Segments written after `since` in pull order, for a device that keeps a copy: each row once
 * per change, a pin or a recomputation that moved it bumping it past the cursor.
 */
async function segmentChanges(db: Db, caller: Caller, teamId: string | null, since: string, limit: number): Promise<SegmentsResponse> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM client_segments
      WHERE org_id = $1::bigint AND ($2::bigint IS NULL OR team_id = $2::bigint) AND seq > $3::bigint
      ORDER BY seq LIMIT $4`,
    [caller.orgId, teamId, since, limit + 1],
  );
  const parsed = rows.map((r) => SegmentRow.parse(r));
  const page = parsed.slice(0, limit);
  const last = page.at(-1);
  const cursor = last === undefined ? since : String(last.seq);
  return {
    // A pin taken back from a card never ranked is a change too: the copy must hear of it.
    segments: page.map(toSegmentOrC),
    next: parsed.length > limit ? cursor : null,
    ranAt: await lastSegmentRun(db, caller.orgId),
    cursor,
  };
}

/**
 * A head pins a card of their team (an admin any card of the organisation) to a class, or
 * unpins it with null. A card the split has not ranked yet can be pinned when it is a known
 * client of that scope. Another organisation's card answers 404 like one that does not exist.
 */
export async function pinSegment(db: Db, caller: Caller, clientKey: string, cls: ParetoClass | null, now: number): Promise<ClientSegment> {
  if (caller.role === 'manager') throw new HttpError(403, 'forbidden', 'only a head or an admin pins a segment');
  const teamId = teamScope(caller, undefined);
  const row = await db.transaction(async (tx) => {
    await lockOrgChanges(tx, caller.orgId);
    const team = await cardTeam(tx, caller.orgId, teamId, clientKey);
    if (team === undefined) throw new HttpError(404, 'not_found', 'no such client in your scope');
    const updated = await tx.query(
      `INSERT INTO client_segments AS s (org_id, client_key, team_id, pinned_class, pinned_by, pinned_at)
       VALUES ($1::bigint, $2, $3::bigint, $4, $5::bigint, $6::bigint)
       ON CONFLICT (org_id, client_key) DO UPDATE
          SET pinned_class = EXCLUDED.pinned_class, pinned_by = EXCLUDED.pinned_by, pinned_at = EXCLUDED.pinned_at, seq = nextval('change_seq')
       RETURNING ${COLUMNS}`,
      [caller.orgId, clientKey, team, cls, caller.userId, now],
    );
    return SegmentRow.parse(updated[0]);
  });
  return toSegmentOrC(row);
}

/** The card's team within the scope, null for a card outside any team, undefined when unknown. */
async function cardTeam(tx: Queryable, orgId: string, teamId: string | null, clientKey: string): Promise<string | null | undefined> {
  const rows = await tx.query(
    `SELECT team_id::text AS team_id FROM client_segments WHERE org_id = $1::bigint AND client_key = $2
     UNION ALL SELECT team_id::text FROM clients WHERE org_id = $1::bigint AND key = $2
     UNION ALL SELECT team_id::text FROM compliance_snapshots WHERE org_id = $1::bigint AND client_key = $2
     LIMIT 1`,
    [orgId, clientKey],
  );
  if (rows.length === 0) return undefined;
  const team = z.string().nullable().parse(rows[0]?.team_id ?? null);
  if (teamId !== null && team !== teamId) return undefined;
  return team;
}
