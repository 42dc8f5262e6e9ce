import { z } from 'zod';
import { formatPath } from '../../../lib/playbook/parse-playbook';
import { MAX_CLOCK_AHEAD_MS } from '../../../lib/wire/bounded-text';
import { SharedClientSchema, type SharedClient, type PushRequest, type PushResult } from '../../../lib/wire/sync';
import { TouchSchema, type Touch } from '../../../lib/touches/touch';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { SnapshotBatch } from '../compliance/snapshot-batch';
import { contentHash } from './content-hash';
import { dataErrorCode } from './data-error';
import { lockOrgChanges } from './org-lock';
import { storeTouchVersions, storeTouches, type TouchCandidate } from './store-touches';

type Item = PushRequest['items'][number];

interface ClientCandidate {
  index: number;
  client: SharedClient;
  hash: string;
}

function invalid(id: string, error: z.ZodError): PushResult {
  const first = error.issues[0];
  const where = first === undefined ? '' : formatPath(first.path);
  const what = first?.message ?? 'invalid';
  return { id, status: 'rejected', reason: `invalid_payload: ${where === '' ? what : `${where}: ${what}`}` };
}

function refuse(id: string, reason: string): PushResult {
  return { id, status: 'rejected', reason: `invalid_payload: ${reason}` };
}

/** A later version must say when it was made, and not later than the server's clock allows. */
function versionProblem(touch: Touch, latest: number): string | null {
  if (touch.version === undefined) {
    return touch.updatedAt !== undefined || touch.deleted !== undefined ? 'version: an edit or a deletion carries its version' : null;
  }
  if (touch.updatedAt === undefined) return 'updatedAt: required with version';
  // A version dated far ahead would win last-writer-wins for good.
  if (touch.updatedAt > latest) return 'updatedAt: later than the server clock allows';
  return null;
}

/**
 * Stores a push batch in ONE transaction: after a crash every item is either fully stored or
 * not at all, and a resend answers 'duplicate' for what got in. See server/README.md for the
 * idempotency rules. Returns one result per item, in order. `now` is the server's clock:
 * dates further ahead than MAX_CLOCK_AHEAD_MS are refused.
 */
export async function pushItems(db: Db, caller: Caller, request: PushRequest, now: number = Date.now()): Promise<PushResult[]> {
  const latest = now + MAX_CLOCK_AHEAD_MS;
  const results: (PushResult | undefined)[] = new Array<PushResult | undefined>(request.items.length);
  const touches = new Map<string, TouchCandidate>();
  const touchVersions: TouchCandidate[] = [];
  const clients = new Map<string, ClientCandidate>();
  const clientLosers: ClientCandidate[] = [];
  const snapshots = new SnapshotBatch();

  request.items.forEach((item: Item, index) => {
    if (item.entity === 'touch') {
      const parsed = TouchSchema.safeParse(item.payload);
      if (!parsed.success) return void (results[index] = invalid(item.id, parsed.error));
      // A touch is addressed by its own id, so the outbox row and the stored touch agree.
      if (parsed.data.id !== item.id) return void (results[index] = refuse(item.id, 'id: must equal the item id'));
      // Opens are facts the tracker observes on the server; a device cannot claim one.
      if (parsed.data.kind === 'email_open') return void (results[index] = refuse(item.id, 'kind: email_open touches are made by the tracker only'));
      if (parsed.data.at > latest) return void (results[index] = refuse(item.id, 'at: later than the server clock allows'));
      const problem = versionProblem(parsed.data, latest);
      if (problem !== null) return void (results[index] = refuse(item.id, problem));
      const candidate = { index, touch: parsed.data, hash: contentHash(parsed.data) };
      // A later version of a touch goes through the version merge; only originals are inserted in bulk.
      if (touches.has(item.id) || parsed.data.version !== undefined) touchVersions.push(candidate);
      else touches.set(item.id, candidate);
    } else if (item.entity === 'compliance') {
      results[index] = snapshots.add(item.id, item.payload, index);
    } else {
      const parsed = SharedClientSchema.safeParse(item.payload);
      if (!parsed.success) return void (results[index] = invalid(item.id, parsed.error));
      // A record dated far ahead would win last-writer-wins for good.
      if (parsed.data.updatedAt > latest) return void (results[index] = refuse(item.id, 'updatedAt: later than the server clock allows'));
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

  const store = async (
    touchList: TouchCandidate[],
    versionList: TouchCandidate[],
    clientList: ClientCandidate[],
    snapshotBatch: SnapshotBatch | null,
  ): Promise<void> => {
    await db.transaction(async (tx) => {
      await lockOrgChanges(tx, caller.orgId);
      if (touchList.length > 0) {
        for (const [index, result] of await storeTouches(tx, caller, request.deviceId, touchList)) results[index] = { id: id(index), ...result };
      }
      // In item order, after the originals: a touch logged and edited offline arrives as both.
      for (const c of versionList) results[c.index] = { id: id(c.index), ...(await storeTouchVersions(tx, caller, request.deviceId, c)) };
      if (clientList.length > 0) {
        for (const [index, result] of await storeClients(tx, caller, clientList)) results[index] = { id: id(index), ...result };
      }
      if (snapshotBatch !== null) await snapshotBatch.store(tx, caller, request.deviceId, results, id);
    });
  };

  if (touches.size > 0 || touchVersions.length > 0 || clients.size > 0 || snapshots.size > 0) {
    try {
      await store([...touches.values()], touchVersions, [...clients.values()], snapshots);
    } catch (error) {
      if (dataErrorCode(error) === null) throw error;
      // The database refused a value the schemas let through. Store each item on its own so
      // only the ones it refuses are rejected; every other item still lands.
      for (const c of touches.values()) await storeAlone(c.index, () => store([c], [], [], null));
      for (const c of touchVersions) await storeAlone(c.index, () => store([], [c], [], null));
      for (const c of clients.values()) await storeAlone(c.index, () => store([], [], [c], null));
      for (const one of snapshots.split()) await storeAlone(one.firstIndex, () => store([], [], [], one));
    }
  }
  snapshots.settleRepeats(results, id);

  for (const loser of clientLosers) {
    const winner = clients.get(loser.client.key);
    results[loser.index] =
      winner !== undefined && winner.hash === loser.hash
        ? { id: id(loser.index), status: 'duplicate' }
        : { id: id(loser.index), status: 'duplicate', reason: 'superseded' };
  }

  return results.map((r, index) => r ?? { id: id(index), status: 'rejected', reason: 'internal' });

  async function storeAlone(index: number, attempt: () => Promise<void>): Promise<void> {
    try {
      await attempt();
    } catch (error) {
      const code = dataErrorCode(error);
      if (code === null) throw error;
      results[index] = refuse(id(index), `the database refused a value (SQLSTATE ${code})`);
    }
  }
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
