import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuflerDatabase } from '../../../lib/db/database';
import { readOutbox } from '../../../lib/db/outbox';
import { deleteTouch, editTouch, logTouch, touchesForClient } from '../../../lib/db/touch-store';
import { freshDatabase, sampleTouch } from './sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('logTouch', () => {
  it('stores the touch and a pending outbox row for it', async () => {
    db = freshDatabase();
    const touch = sampleTouch();
    expect(await logTouch(db, touch, 5)).toBe('stored');

    expect(await db.touches.get(touch.id)).toEqual(touch);
    const outbox = await readOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'touch', entityId: touch.id, op: 'upsert', payload: touch, state: 'pending', attempts: 0, createdAt: 5 });
  });

  it('stores nothing when the outbox write fails', async () => {
    db = freshDatabase();
    vi.spyOn(db.outbox, 'add').mockRejectedValue(new Error('disk full'));

    await expect(logTouch(db, sampleTouch())).rejects.toThrow('disk full');
    expect(await db.touches.count()).toBe(0);
  });

  it('keeps one touch and one outbox row when the same id is logged twice', async () => {
    db = freshDatabase();
    const touch = sampleTouch();
    expect(await logTouch(db, touch)).toBe('stored');
    expect(await logTouch(db, { ...touch, comment: 'resent' })).toBe('duplicate');

    expect(await db.touches.count()).toBe(1);
    expect((await db.touches.get(touch.id))?.comment).toBe(touch.comment);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a touch that does not match the Touch schema', async () => {
    db = freshDatabase();
    await expect(logTouch(db, sampleTouch({ id: 'short' }))).rejects.toThrow();
    expect(await db.touches.count()).toBe(0);
  });
});

describe('touchesForClient', () => {
  it("returns only that client's touches, newest first", async () => {
    db = freshDatabase();
    const key = 'amocrm:acme.amocrm.ru:lead:1001';
    await logTouch(db, sampleTouch({ id: '01JD00000000000000000000A1', clientKey: key, at: 2000 }));
    await logTouch(db, sampleTouch({ id: '01JD00000000000000000000A2', clientKey: key, at: 3000 }));
    await logTouch(db, sampleTouch({ id: '01JD00000000000000000000A3', clientKey: key, at: 1000 }));
    await logTouch(db, sampleTouch({ id: '01JD00000000000000000000B1', clientKey: 'amocrm:acme.amocrm.ru:lead:2002', at: 4000 }));

    const touches = await touchesForClient(db, key);
    expect(touches.map((t) => t.at)).toEqual([3000, 2000, 1000]);
  });

  it('reports a corrupt row and leaves it out', async () => {
    db = freshDatabase();
    const key = 'amocrm:acme.amocrm.ru:lead:1001';
    await logTouch(db, sampleTouch({ clientKey: key, at: 1000 }));
    // A row an older version could have written: a kind the schema no longer knows.
    await db.touches.put({ ...sampleTouch({ id: '01JD00000000000000000000ZZ', clientKey: key, at: 2000 }), kind: 'fax' as never });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const touches = await touchesForClient(db, key);
    expect(touches.map((t) => t.at)).toEqual([1000]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('01JD00000000000000000000ZZ'));
  });
});

describe('editTouch and deleteTouch', () => {
  const edit = { kind: 'call', outcome: 'callback', comment: 'перезвонить в пятницу' } as const;

  it('an edit is a new version with its own outbox row; the touch keeps its id, client and time', async () => {
    db = freshDatabase();
    const touch = sampleTouch();
    const later = touch.at + 60_000;
    await logTouch(db, touch, touch.at);
    expect(await editTouch(db, touch.id, edit, later)).toBe('stored');

    const stored = await db.touches.get(touch.id);
    expect(stored).toMatchObject({ id: touch.id, clientKey: touch.clientKey, at: touch.at, ...edit, version: 2, updatedAt: later });
    const outbox = await readOutbox(db);
    expect(outbox.map((r) => (r.payload as { version?: number }).version ?? 1)).toEqual([1, 2]);
    expect(outbox[1]).toMatchObject({ entity: 'touch', entityId: touch.id, payload: stored, createdAt: later });
  });

  it('a deletion leaves a tombstone that syncs, and the client’s history leaves it out', async () => {
    db = freshDatabase();
    const kept = sampleTouch({ id: '01JDKEEP000000000000000001', at: 1 });
    const gone = sampleTouch({ id: '01JDGONE000000000000000001', at: 2 });
    await logTouch(db, kept);
    await logTouch(db, gone);
    expect(await deleteTouch(db, gone.id, 50)).toBe('stored');

    expect((await touchesForClient(db, gone.clientKey)).map((t) => t.id)).toEqual([kept.id]);
    expect(await db.touches.get(gone.id)).toMatchObject({ deleted: true, version: 2, comment: gone.comment });
    expect((await readOutbox(db)).at(-1)?.payload).toMatchObject({ id: gone.id, deleted: true });
    // A deleted touch cannot be edited or deleted again: nothing more to sync.
    expect(await editTouch(db, gone.id, edit, 60)).toBe('missing');
    expect(await deleteTouch(db, gone.id, 60)).toBe('missing');
    expect(await readOutbox(db)).toHaveLength(3);
  });

  it('a version made on a clock behind the last one still comes later', async () => {
    db = freshDatabase();
    const touch = sampleTouch({ at: 1_000 });
    await logTouch(db, touch);
    await editTouch(db, touch.id, edit, 5_000);
    await editTouch(db, touch.id, { ...edit, comment: 'second' }, 100);
    expect(await db.touches.get(touch.id)).toMatchObject({ version: 3, updatedAt: 5_001, comment: 'second' });
  });

  it('stores no version when its outbox row fails, and refuses unknown ids and email opens', async () => {
    db = freshDatabase();
    const touch = sampleTouch();
    const open = sampleTouch({ id: '01JDOPEN000000000000000001', kind: 'email_open', outcome: 'reached' });
    await logTouch(db, touch);
    await db.touches.add(open);
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(editTouch(db, touch.id, edit, 10)).rejects.toThrow('disk full');
    expect(await db.touches.get(touch.id)).toEqual(touch);

    expect(await editTouch(db, '01JDNONE000000000000000001', edit)).toBe('missing');
    expect(await editTouch(db, open.id, edit)).toBe('readonly');
    expect(await deleteTouch(db, open.id)).toBe('readonly');
  });
});
