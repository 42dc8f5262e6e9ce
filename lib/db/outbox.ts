import type { SuflerDatabase } from './database';
import { OutboxRecordSchema, parseRows, type NewOutboxRecord, type OutboxRecord } from './records';

/** A fresh outbox row for an upsert of one record; the caller adds it in its own transaction. */
export function outboxUpsert(
  entity: NewOutboxRecord['entity'],
  entityId: string,
  payload: unknown,
  now: number,
): NewOutboxRecord {
  return { entity, entityId, op: 'upsert', payload, createdAt: now, attempts: 0, lastError: null, state: 'pending' };
}

/** Every outbox row in push order, corrupt rows reported and left out. */
export async function readOutbox(db: SuflerDatabase): Promise<OutboxRecord[]> {
  return parseRows('outbox', OutboxRecordSchema, await db.outbox.orderBy('seq').toArray());
}
