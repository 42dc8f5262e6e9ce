import Dexie from 'dexie';
import { TouchSchema, type Touch } from '../touches/touch';
import type { SuflerDatabase } from './database';
import { outboxUpsert } from './outbox';
import { TouchRecordSchema, parseRows } from './records';

export type LogTouchResult = 'stored' | 'duplicate';

/**
 * Store a touch and its outbox row in one transaction: either both are written or
 * neither. Logging an id that is already stored changes nothing ('duplicate'), so a
 * request resent after the worker restarted cannot double a touch or its sync.
 */
export async function logTouch(db: SuflerDatabase, touch: Touch, now: number = Date.now()): Promise<LogTouchResult> {
  const valid = TouchSchema.parse(touch);
  return db.transaction('rw', db.touches, db.outbox, async () => {
    if ((await db.touches.get(valid.id)) !== undefined) return 'duplicate';
    await db.touches.add(valid);
    await db.outbox.add(outboxUpsert('touch', valid.id, valid, now));
    return 'stored';
  });
}

/** A client's touches, newest first; corrupt rows are reported and left out. */
export async function touchesForClient(db: SuflerDatabase, clientKey: string): Promise<Touch[]> {
  const rows = await db.touches
    .where('[clientKey+at]')
    .between([clientKey, Dexie.minKey], [clientKey, Dexie.maxKey])
    .reverse()
    .toArray();
  return parseRows('touches', TouchRecordSchema, rows);
}
