import { afterEach, describe, expect, it } from 'vitest';
import { clientKey } from '../../../lib/context/client-context';
import { recordClientSeen } from '../../../lib/db/client-store';
import type { SuflerDatabase } from '../../../lib/db/database';
import { readOutbox } from '../../../lib/db/outbox';
import { freshDatabase, sampleContext } from './sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('recordClientSeen', () => {
  it('stores a new client and queues it for sync', async () => {
    db = freshDatabase();
    const ctx = sampleContext();
    expect(await recordClientSeen(db, ctx, 100)).toBe('created');

    const stored = await db.clients.get(clientKey(ctx));
    expect(stored).toMatchObject({ name: ctx.name, stage: ctx.stage, firstSeenAt: 100, updatedAt: 100, context: ctx });
    const outbox = await readOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'client', entityId: clientKey(ctx), payload: { name: ctx.name, stage: ctx.stage } });
  });

  it('does not queue an unchanged card opened again', async () => {
    db = freshDatabase();
    const ctx = sampleContext();
    await recordClientSeen(db, ctx, 100);
    expect(await recordClientSeen(db, { ...ctx, budget: '50 000' }, 200)).toBe('unchanged');

    expect(await db.outbox.count()).toBe(1);
    const stored = await db.clients.get(clientKey(ctx));
    // The latest page is kept, but the record did not change for sync.
    expect(stored).toMatchObject({ updatedAt: 100, lastSeenAt: 200, context: { budget: '50 000' } });
  });

  it('queues the client again when its stage changes, keeping when it was first seen', async () => {
    db = freshDatabase();
    const ctx = sampleContext();
    await recordClientSeen(db, ctx, 100);
    expect(await recordClientSeen(db, { ...ctx, stage: 'Переговоры' }, 300)).toBe('changed');

    const outbox = await readOutbox(db);
    expect(outbox.map((row) => (row.payload as { stage: string }).stage)).toEqual(['Первичный контакт', 'Переговоры']);
    expect(await db.clients.get(clientKey(ctx))).toMatchObject({ firstSeenAt: 100, updatedAt: 300, stage: 'Переговоры' });
  });

  it('queues the client again when its name changes', async () => {
    db = freshDatabase();
    const ctx = sampleContext();
    await recordClientSeen(db, ctx, 100);
    expect(await recordClientSeen(db, { ...ctx, name: 'Поставка труб, 2 этап' }, 300)).toBe('changed');
    expect(await db.outbox.count()).toBe(2);
  });
});
