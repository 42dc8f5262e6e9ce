import { z } from 'zod';
import { formatPath } from '../../../lib/playbook/parse-playbook';
import { SharedClientSchema, type SharedClient, type PushRequest, type PushResult } from '../../../lib/wire/sync';
import { TouchSchema, type Touch } from '../../../lib/touches/touch';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { SnapshotBatch } from '../compliance/snapshot-batch';
import { contentHash } from './content-hash';
import { lockOrgChanges } from './org-lock';

type Item = PushRequest['items'][number];

interface TouchCandidate {
  index: number;
  touch: Touch;
  hash: string;
}
interface ClientCandidate {
  index: number;
  client: SharedClient;
  hash: string;
}

/** Longest client key kept; TouchSchema itself does not bound it. */
const MAX_CLIENT_KEY = 512;

function invalid(id: string, error: z.ZodError): PushResult {
  const first = error.issues[0];
  const where = first === undefined ? '' : formatPath(first.path);
  const what = first?.message ?? 'invalid';
  return { id, status: 'rejected', reason: `invalid_payload: ${where === '' ? what : `${where}: ${what}`}` };
}

/**
 * Stores a push batch in ONE transaction: after a crash every item is either fully stored or
 * not at all, and a resend answers 'duplicate' for what got in. See server/README.md for the
 * idempotency rules. Returns one result per item, in order.
 */
export async function pushItems(db: Db, caller: Caller, request: PushRequest): Promise<PushResult[]> {
  const results: (PushResult | undefined)[] = new Array<PushResult | undefined>(request.items.length);
  const touches = new Map<string, TouchCandidate>();
  const touchRepeats: TouchCandidate[] = [];
  const clients = new Map<string, ClientCandidate>();
  const clientLosers: ClientCandidate[] = [];
  const snapshots = new SnapshotBatch();

  request.items.forEach((item: Item, index) => {
    if (item.entity === 'touch') {
      const parsed = TouchSchema.safeParse(item.payload);
      if (!parsed.success) return void (results[index] = invalid(item.id, parsed.error));
      // A touch is addressed by its own id, so the outbox row and the stored touch agree.
      if (parsed.data.id !== item.id) {
        return void (results[index] = { id: item.id, status: 'rejected', reason: 'invalid_payload: id: must equal the item id' });
      }
      if (parsed.data.clientKey.length > MAX_CLIENT_KEY) {
        return void (results[index] = { id: item.id, status: 'rejected', reason: 'invalid_payload: clientKey: too long' });
      }
      const candidate = { index, touch: parsed.data, hash: contentHash(parsed.data) };
      if (touches.has(item.id)) touchRepeats.push(candidate);
      else touches.set(item.id, candidate);
    } else if (item.entity === 'compliance') {
      results[index] = snapshots.add(item.id, item.payload, index);
    } else {
      const parsed = SharedClientSchema.safeParse(item.payload);
      if (!parsed.success) return void (results[index] = invalid(item.id, parsed.error));
      const candidate = { index, client: parsed.data, hash: contentHash(parsed.data) };
      // One row per key per statement: the newest in the batch goes to the database.
      const held = clients.get(parsed.data.key);
      if (held === undefined) clients.set(parsed.data.key, candidate);
      else if (parsed.data.updatedAt > held.client.updatedAt) {
        clientLosers.push(held);
        clients.set(parsed.data.key, candidate);
      } else clientLosers.push(candidate);
    }
  });

  const id = (index: number): string => request.items[index]?.id ?? '';

  if (touches.size > 0 || clients.size > 0 || snapshots.size > 0) {
    await db.transaction(async (tx) => {
      await lockOrgChanges(tx, caller.orgId);
      if (touches.size > 0) {
        for (const [index, result] of await storeTouches(tx, caller, request.deviceId, [...touches.values()])) {
          results[index] = { id: id(index), ...result };
        }
      }
      if (clients.size > 0) {
        for (const [index, result] of await storeClients(tx, caller, [...clients.values()])) {
          results[index] = { id: id(index), ...result };
        }
      }
      await snapshots.store(tx, caller, request.deviceId, results, id);
    });
  }
  snapshots.settleRepeats(results, id);

  // Repeats inside one batch follow the first copy of the same id.
  for (const repeat of touchRepeats) {
    const first = touches.get(repeat.touch.id);
    const firstResult = first === undefined ? undefined : results[first.index];
    results[repeat.index] =
      first !== undefined && first.hash === repeat.hash && firstResult?.status !== 'rejected'
        ? { id: id(repeat.index), status: 'duplicate' }
        : { id: id(repeat.index), status: 'rejected', reason: 'id_conflict' };
  }
  for (const loser of clientLosers) {
    const winner = clients.get(loser.client.key);
    results[loser.index] =
      winner !== undefined && winner.hash === loser.hash
        ? { id: id(loser.index), status: 'duplicate' }
        : { id: id(loser.index), status: 'duplicate', reason: 'superseded' };
  }

  return results.map((r, index) => r ?? { id: id(index), status: 'rejected', reason: 'internal' });
}

const ExistingTouchRow = z.object({ id: z.string(), org_id: z.string(), user_id: z.string(), payload_hash: z.string() });

async function storeTouches(
  tx: Queryable,
  caller: Caller,
  deviceId: string,
  candidates: TouchCandidate[],
): Promise<Map<number, Omit<PushResult, 'id'>>> {
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
  const out = new Map<number, Omit<PushResult, 'id'>>();
  const taken = candidates.filter((c) => !fresh.has(c.touch.id));
  for (const c of candidates) if (fresh.has(c.touch.id)) out.set(c.index, { status: 'accepted' });
  if (taken.length === 0) return out;
  const existing = await tx.query(
    `SELECT id, org_id::text AS org_id, user_id::text AS user_id, payload_hash
       FROM touches WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(taken.map((c) => c.touch.id))],
  );
  const byId = new Map(existing.map((r) => ExistingTouchRow.parse(r)).map((r) => [r.id, r]));
  for (const c of taken) {
    const row = byId.get(c.touch.id);
    // Another user's or organisation's id answers exactly like changed content: nothing leaks.
    const same = row !== undefined && row.org_id === caller.orgId && row.user_id === caller.userId && row.payload_hash === c.hash;
    out.set(c.index, same ? { status: 'duplicate' } : { status: 'rejected', reason: 'id_conflict' });
  }
  return out;
}

const ExistingClientRow = z.object({ key: z.string(), record_hash: z.string() });

async function storeClients(tx: Queryable, caller: Caller, candidates: ClientCandidate[]): Promise<Map<number, Omit<PushResult, 'id'>>> {
  const rows = candidates.map((c) => ({ key: c.client.key, record: c.client, record_hash: c.hash, updated_at: c.client.updatedAt }));
  // Last writer wins by updatedAt; an equal or older copy changes nothing.
  const written = await tx.query(
    `INSERT INTO clients (org_id, team_id, key, record, record_hash, updated_at, updated_by)
     SELECT $1::bigint, $2::bigint, x.key, x.record, x.record_hash, x.updated_at, $3::bigint
       FROM jsonb_to_recordset($4::jsonb) AS x(key text, record jsonb, record_hash text, updated_at bigint)
     ON CONFLICT (org_id, team_id, key) DO UPDATE
        SET record = excluded.record, record_hash = excluded.record_hash, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by, seq = nextval('change_seq')
      WHERE clients.updated_at < excluded.updated_at
     RETURNING key`,
    [caller.orgId, caller.teamId, caller.userId, JSON.stringify(rows)],
  );
  const fresh = new Set(written.map((r) => String(r.key)));
  const out = new Map<number, Omit<PushResult, 'id'>>();
  const kept = candidates.filter((c) => !fresh.has(c.client.key));
  for (const c of candidates) if (fresh.has(c.client.key)) out.set(c.index, { status: 'accepted' });
  if (kept.length === 0) return out;
  const existing = await tx.query(
    `SELECT key, record_hash FROM clients
      WHERE org_id = $1::bigint AND team_id IS NOT DISTINCT FROM $2::bigint
        AND key IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    [caller.orgId, caller.teamId, JSON.stringify(kept.map((c) => c.client.key))],
  );
  const byKey = new Map(existing.map((r) => ExistingClientRow.parse(r)).map((r) => [r.key, r.record_hash]));
  for (const c of kept) {
    out.set(c.index, byKey.get(c.client.key) === c.hash ? { status: 'duplicate' } : { status: 'duplicate', reason: 'superseded' });
  }
  return out;
}
