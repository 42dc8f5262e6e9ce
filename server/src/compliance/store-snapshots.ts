import { z } from 'zod';
import { formatPath } from '../../../lib/playbook/parse-playbook';
import { ComplianceSnapshotSchema, MAX_CLOCK_SKEW_MS, type ComplianceSnapshot } from '../../../lib/wire/compliance';
import type { PushResult } from '../../../lib/wire/sync';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { contentHash } from '../sync/content-hash';

export interface SnapshotCandidate {
  index: number;
  snapshot: ComplianceSnapshot;
  hash: string;
}

const DAY_MS = 86_400_000;

/**
 * Checks one pushed snapshot: its schema (unknown keys refused), its id equal to the item id,
 * a time not ahead of the server's clock, and a local day within a day of that time (time zones
 * span ±14 h). Returns the candidate, or the rejection with its reason.
 */
export function checkSnapshot(itemId: string, payload: unknown, index: number, now: number): SnapshotCandidate | PushResult {
  const parsed = ComplianceSnapshotSchema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first === undefined ? '' : formatPath(first.path);
    const what = first?.message ?? 'invalid';
    return { id: itemId, status: 'rejected', reason: `invalid_payload: ${where === '' ? what : `${where}: ${what}`}` };
  }
  const s = parsed.data;
  if (s.id !== itemId) return { id: itemId, status: 'rejected', reason: 'invalid_payload: id: must equal the item id' };
  if (s.takenAt > now + MAX_CLOCK_SKEW_MS) {
    return { id: itemId, status: 'rejected', reason: 'future_date: takenAt is ahead of the server clock' };
  }
  const dayStart = Date.parse(`${s.day}T00:00:00Z`);
  if (Math.abs(s.takenAt - dayStart - DAY_MS / 2) > DAY_MS) {
    return { id: itemId, status: 'rejected', reason: 'invalid_payload: day: does not match takenAt' };
  }
  return { index, snapshot: s, hash: contentHash(s) };
}

const ExistingRow = z.object({ id: z.string(), org_id: z.string(), user_id: z.string(), payload_hash: z.string() });

/**
 * Stores snapshots inside the push transaction. Like touches they are immutable facts under the
 * device's ULID: the same id with the same content is 'duplicate', with other content — or held
 * by another user or organisation — 'id_conflict', so nothing about another tenant leaks.
 */
export async function storeSnapshots(
  tx: Queryable,
  caller: Caller,
  deviceId: string,
  candidates: SnapshotCandidate[],
): Promise<Map<number, Omit<PushResult, 'id'>>> {
  const rows = candidates.map(({ snapshot: s, hash }) => ({
    id: s.id,
    client_key: s.clientKey,
    day: s.day,
    taken_at: s.takenAt,
    url: s.url,
    title: s.title,
    crm_stage: s.crmStage,
    stage_id: s.stageId,
    terminal: s.terminal,
    responsible: s.responsible,
    segment_id: s.segmentId,
    amount: s.amount,
    required_count: s.fields.length,
    missing_count: s.fields.filter((f) => !f.filled).length,
    fields: s.fields,
    payload: s,
    payload_hash: hash,
  }));
  const inserted = await tx.query(
    `INSERT INTO compliance_snapshots (id, org_id, team_id, user_id, device_id, client_key, day, taken_at, url, title,
            crm_stage, stage_id, terminal, responsible, segment_id, amount, required_count, missing_count, fields, payload, payload_hash)
     SELECT x.id, $1::bigint, $2::bigint, $3::bigint, $4, x.client_key, x.day, x.taken_at, x.url, x.title,
            x.crm_stage, x.stage_id, x.terminal, x.responsible, x.segment_id, x.amount, x.required_count, x.missing_count,
            x.fields, x.payload, x.payload_hash
       FROM jsonb_to_recordset($5::jsonb) AS x(id text, client_key text, day date, taken_at bigint, url text, title text,
            crm_stage text, stage_id text, terminal text, responsible text, segment_id text, amount numeric,
            required_count integer, missing_count integer, fields jsonb, payload jsonb, payload_hash text)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [caller.orgId, caller.teamId, caller.userId, deviceId, JSON.stringify(rows)],
  );
  const fresh = new Set(inserted.map((r) => String(r.id)));
  const out = new Map<number, Omit<PushResult, 'id'>>();
  const taken = candidates.filter((c) => !fresh.has(c.snapshot.id));
  for (const c of candidates) if (fresh.has(c.snapshot.id)) out.set(c.index, { status: 'accepted' });
  if (taken.length === 0) return out;
  const existing = await tx.query(
    `SELECT id, org_id::text AS org_id, user_id::text AS user_id, payload_hash
       FROM compliance_snapshots WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(taken.map((c) => c.snapshot.id))],
  );
  const byId = new Map(existing.map((r) => ExistingRow.parse(r)).map((r) => [r.id, r]));
  for (const c of taken) {
    const row = byId.get(c.snapshot.id);
    const same = row !== undefined && row.org_id === caller.orgId && row.user_id === caller.userId && row.payload_hash === c.hash;
    out.set(c.index, same ? { status: 'duplicate' } : { status: 'rejected', reason: 'id_conflict' });
  }
  return out;
}
