import Dexie from 'dexie';
import { TouchSchema, type Touch, type TouchDraft } from '../touches/touch';
import { deletedTouch, editedTouch } from '../touches/touch-versions';
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

/**
 * 'missing': no such touch here, or it is deleted already; 'readonly': an email open, which
 * the tracker records and nobody edits.
 */
export type ChangeTouchResult = 'stored' | 'missing' | 'readonly';

/** Edit a touch: a new version of it and its outbox row, in one transaction. */
export function editTouch(db: SuflerDatabase, id: string, edit: TouchDraft, now: number = Date.now()): Promise<ChangeTouchResult> {
  return writeVersion(db, id, (current) => editedTouch(current, edit, now), now);
}

/** Delete a touch: its tombstone replaces it here and travels to the server as a new version. */
export function deleteTouch(db: SuflerDatabase, id: string, now: number = Date.now()): Promise<ChangeTouchResult> {
  return writeVersion(db, id, (current) => deletedTouch(current, now), now);
}

function writeVersion(db: SuflerDatabase, id: string, next: (current: Touch) => Touch, now: number): Promise<ChangeTouchResult> {
  return db.transaction('rw', db.touches, db.outbox, async () => {
    const stored = TouchRecordSchema.safeParse(await db.touches.get(id));
    if (!stored.success || stored.data.deleted === true) return 'missing';
    if (stored.data.kind === 'email_open') return 'readonly';
    const version = TouchSchema.parse(next(stored.data));
    await db.touches.put(version);
    await db.outbox.add(outboxUpsert('touch', id, version, now));
    return 'stored';
  });
}

/** A client's current touches, newest first; deleted ones and corrupt rows are left out. */
export async function touchesForClient(db: SuflerDatabase, clientKey: string): Promise<Touch[]> {
  const rows = await db.touches
    .where('[clientKey+at]')
    .between([clientKey, Dexie.minKey], [clientKey, Dexie.maxKey])
    .reverse()
    .toArray();
  return parseRows('touches', TouchRecordSchema, rows).filter((t) => t.deleted !== true);
}
