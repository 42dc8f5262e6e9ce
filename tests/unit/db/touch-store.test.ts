import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuflerDatabase } from '../../../lib/db/database';
import { readOutbox } from '../../../lib/db/outbox';
import { logTouch, touchesForClient } from '../../../lib/db/touch-store';
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
