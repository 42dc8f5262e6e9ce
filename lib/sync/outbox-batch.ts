import type { SuflerDatabase } from '../db/database';
import { newId } from '../ids';
import { OutboxRecordSchema, type OutboxRecord } from '../db/records';
import { SharedClientSchema, MAX_PUSH_ITEMS, SyncItemEnvelopeSchema, type SyncItem } from '../wire/sync';

/** The server refuses bodies over 1 MiB; a batch of long comments stays under this. */
export const MAX_BATCH_CHARS = 900_000;

export interface OutboxBatch {
  /** The rows sent, in seq order, each with its item at the same index. */
  rows: OutboxRecord[];
  items: SyncItem[];
  /** Rows that cannot be sent at all (a bad id would refuse the whole request): seq and why. */
  unsendable: { seq: number; reason: string }[];
  /** The last seq looked at, sent or not: the next batch starts after it. */
  lastSeq: number | null;
}

/**
 * The next pending rows after `afterSeq` and up to `upToSeq`, oldest first, at most
 * MAX_PUSH_ITEMS and MAX_BATCH_CHARS of JSON.
 */
export async function nextBatch(db: SuflerDatabase, afterSeq: number, upToSeq: number, makeId: () => string = newId): Promise<OutboxBatch> {
  const raw = await db.outbox
    .where('seq')
    .between(afterSeq, upToSeq, false, true)
    .filter((row: { state?: unknown }) => row.state === 'pending')
    .limit(MAX_PUSH_ITEMS)
    .toArray();
  const batch: OutboxBatch = { rows: [], items: [], unsendable: [], lastSeq: null };
  let chars = 0;
  for (const candidate of raw) {
    const seq = (candidate as { seq: number }).seq;
    const parsed = OutboxRecordSchema.safeParse(candidate);
    if (!parsed.success) {
      batch.unsendable.push({ seq, reason: `invalid_payload: damaged outbox row: ${parsed.error.issues[0]?.message ?? ''}` });
      batch.lastSeq = seq;
      continue;
    }
    const row = parsed.data;
    const item = toItem(row, makeId);
    const envelope = SyncItemEnvelopeSchema.safeParse(item);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      batch.unsendable.push({ seq, reason: `invalid_payload: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      batch.lastSeq = seq;
      continue;
    }
    const size = JSON.stringify(item).length + 1;
    if (batch.items.length > 0 && chars + size > MAX_BATCH_CHARS) break;
    chars += size;
    batch.rows.push(row);
    batch.items.push(item);
    batch.lastSeq = seq;
  }
  return batch;
}

/** The push item for a row; a touch is addressed by its own id, a client by its key. */
function toItem(row: OutboxRecord, makeId: () => string): SyncItem {
  if (row.entity === 'touch') return { id: row.entityId, entity: 'touch', op: 'upsert', payload: row.payload } as SyncItem;
  if (row.entity === 'compliance') return { id: row.entityId, entity: 'compliance', op: 'upsert', payload: row.payload } as SyncItem;
  // Send only what the server keeps; a payload that does not fit goes as is and is rejected with its reason.
  const client = SharedClientSchema.safeParse(row.payload);
  return { id: makeId(), entity: 'client', op: 'upsert', payload: client.success ? client.data : row.payload } as SyncItem;
}
