import { z } from 'zod';
import { TouchSchema, type Touch } from '../../../lib/touches/touch';
import { compareTouchVersions, touchVersion } from '../../../lib/touches/touch-versions';
import type { PushResult } from '../../../lib/wire/sync';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';

export interface TouchCandidate {
  index: number;
  touch: Touch;
  hash: string;
}

type Outcome = Omit<PushResult, 'id'>;

const CONFLICT: Outcome = { status: 'rejected', reason: 'id_conflict' };

const ExistingTouchRow = z.object({ id: z.string(), org_id: z.string(), user_id: z.string(), payload_hash: z.string() });

/**
 * Originals (no version) in one multi-row insert; the first write of an id wins. An id taken
 * already answers `duplicate` for the same content (a resend, also of a version since replaced)
 * and `id_conflict` otherwise, also when another user or organisation holds it: nothing leaks.
 */
export async function storeTouches(tx: Queryable, caller: Caller, deviceId: string, candidates: TouchCandidate[]): Promise<Map<number, Outcome>> {
  const rows = candidates.map((c) => ({ id: c.touch.id, client_key: c.touch.clientKey, payload: c.touch, payload_hash: c.hash }));
  const inserted = await tx.query(
    `INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
     SELECT x.id, $1::bigint, $2::bigint, $3::bigint, $4, x.client_key, x.payload, x.payload_hash
       FROM jsonb_to_recordset($5::jsonb) AS x(id text, client_key text, payload jsonb, payload_hash text)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [caller.orgId, caller.userId, caller.teamId, deviceId, JSON.stringify(rows)],
  );
  const fresh = new Set(inserted.map((r) => String(r.id)));
  const out = new Map<number, Outcome>();
  const taken = candidates.filter((c) => !fresh.has(c.touch.id));
  for (const c of candidates) if (fresh.has(c.touch.id)) out.set(c.index, { status: 'accepted' });
  if (taken.length === 0) return out;
  const existing = await tx.query(
    `SELECT id, org_id::text AS org_id, user_id::text AS user_id, payload_hash
       FROM touches WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(taken.map((c) => c.touch.id))],
  );
  const byId = new Map(existing.map((r) => ExistingTouchRow.parse(r)).map((r) => [r.id, r]));
  const kept = await keptHashes(tx, caller, taken);
  for (const c of taken) {
    const row = byId.get(c.touch.id);
    const ours = row !== undefined && row.org_id === caller.orgId && row.user_id === caller.userId;
    out.set(c.index, ours && (row.payload_hash === c.hash || kept.has(`${c.touch.id}\u0000${c.hash}`)) ? { status: 'duplicate' } : CONFLICT);
  }
  return out;
}

/** Which of these (id, hash) pairs the caller's history already holds. */
async function keptHashes(tx: Queryable, caller: Caller, candidates: TouchCandidate[]): Promise<Set<string>> {
  const rows = await tx.query(
    `SELECT v.touch_id, v.payload_hash FROM touch_versions v
       JOIN jsonb_to_recordset($3::jsonb) AS x(id text, hash text) ON x.id = v.touch_id AND x.hash = v.payload_hash
      WHERE v.org_id = $1::bigint AND v.user_id = $2::bigint`,
    [caller.orgId, caller.userId, JSON.stringify(candidates.map((c) => ({ id: c.touch.id, hash: c.hash })))],
  );
  return new Set(rows.map((r) => `${String(r.touch_id)}\u0000${String(r.payload_hash)}`));
}

const CurrentRow = z.object({ org_id: z.string(), user_id: z.string(), device_id: z.string(), payload: z.unknown(), payload_hash: z.string() });

/**
 * One later version of a touch (an edit or a deletion, or a repeat of an id inside a batch).
 * The current version is chosen by compareTouchVersions, the rule every device uses; the
 * version that loses is kept in touch_versions, never dropped:
 * - newer than the current one: it becomes current (seq moves, so pulls deliver it) and the
 *   replaced version goes to history → `accepted`;
 * - older, or an edit of a touch already deleted: kept in history → `duplicate`, `superseded`
 *   (the device drops its outbox row; its pull brings the current version);
 * - the same content as the current version or one in history → `duplicate`;
 * - another user's or organisation's id, another client, or a second original → `id_conflict`.
 */
export async function storeTouchVersions(tx: Queryable, caller: Caller, deviceId: string, c: TouchCandidate): Promise<Outcome> {
  const found = await tx.query(
    `SELECT org_id::text AS org_id, user_id::text AS user_id, device_id, payload, payload_hash FROM touches WHERE id = $1 FOR UPDATE`,
    [c.touch.id],
  );
  const row = found[0] === undefined ? null : CurrentRow.parse(found[0]);
  if (row === null) {
    // Its original never arrived (refused, or logged before sync was set up): this version starts the touch.
    return (await storeTouches(tx, caller, deviceId, [c])).get(c.index) ?? CONFLICT;
  }
  if (row.org_id !== caller.orgId || row.user_id !== caller.userId) return CONFLICT;
  if (row.payload_hash === c.hash || (await keptHashes(tx, caller, [c])).size > 0) return { status: 'duplicate' };
  const current = TouchSchema.safeParse(row.payload);
  if (!current.success) return CONFLICT;
  if (current.data.clientKey !== c.touch.clientKey) return CONFLICT;
  // Two different originals under one id: the first write stays, as before touches had versions.
  if (touchVersion(c.touch) === 1 && touchVersion(current.data) === 1) return CONFLICT;

  if (compareTouchVersions(c.touch, current.data) > 0) {
    await keepVersion(tx, c.touch.id, row.payload, row.payload_hash, caller, row.device_id);
    await tx.query(
      `UPDATE touches SET payload = $2::jsonb, payload_hash = $3, device_id = $4, seq = nextval('change_seq'), received_at = now()
        WHERE id = $1`,
      [c.touch.id, JSON.stringify(c.touch), c.hash, deviceId],
    );
    return { status: 'accepted' };
  }
  await keepVersion(tx, c.touch.id, c.touch, c.hash, caller, deviceId);
  return { status: 'duplicate', reason: 'superseded' };
}

/** `deviceId`: the device that made this version. */
async function keepVersion(tx: Queryable, touchId: string, payload: unknown, hash: string, caller: Caller, deviceId: string): Promise<void> {
  await tx.query(
    `INSERT INTO touch_versions (touch_id, org_id, user_id, device_id, payload, payload_hash)
     VALUES ($1, $2::bigint, $3::bigint, $4, $5::jsonb, $6)
     ON CONFLICT (touch_id, payload_hash) DO NOTHING`,
    [touchId, caller.orgId, caller.userId, deviceId, JSON.stringify(payload), hash],
  );
}
