import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../lib/compliance/build-snapshot';
import { recordComplianceSnapshot } from '../../../lib/db/compliance-store';
import type { SuflerDatabase } from '../../../lib/db/database';
import { readOutbox } from '../../../lib/db/outbox';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { field, NOW } from '../playbook/fixtures';
import { freshDatabase, sampleContext } from './sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  await db?.delete();
});

const HOUR = 3_600_000;
let n = 0;
const id = (): string => `01JD00000000000000000000${String(++n).padStart(2, '0')}`;

describe('recordComplianceSnapshot', () => {
  it('stores the snapshot and its outbox row together, once per unchanged deal per day', async () => {
    db = freshDatabase();
    const ctx = sampleContext();
    const first = buildSnapshot(DEFAULT_PLAYBOOK, ctx, id(), NOW);
    expect(await recordComplianceSnapshot(db, first, NOW)).toBe('stored');
    expect(await recordComplianceSnapshot(db, buildSnapshot(DEFAULT_PLAYBOOK, ctx, id(), NOW + HOUR), NOW + HOUR)).toBe('unchanged');

    expect(await db.compliance.count()).toBe(1);
    const outbox = await readOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'compliance', entityId: first.id, payload: first, state: 'pending' });
  });

  it('stores another snapshot the same day when a field was filled, and one the next day anyway', async () => {
    db = freshDatabase();
    await recordComplianceSnapshot(db, buildSnapshot(DEFAULT_PLAYBOOK, sampleContext(), id(), NOW), NOW);
    const filled = sampleContext({ fields: [field('Источник', 'Сайт')] });
    expect(await recordComplianceSnapshot(db, buildSnapshot(DEFAULT_PLAYBOOK, filled, id(), NOW + HOUR), NOW + HOUR)).toBe('stored');
    expect(await recordComplianceSnapshot(db, buildSnapshot(DEFAULT_PLAYBOOK, filled, id(), NOW + 24 * HOUR), NOW + 24 * HOUR)).toBe('stored');
    expect(await db.compliance.count()).toBe(3);
    expect((await readOutbox(db)).map((r) => r.entity)).toEqual(['compliance', 'compliance', 'compliance']);
  });

  it('writes neither row when the outbox write fails', async () => {
    db = freshDatabase();
    const snapshot = buildSnapshot(DEFAULT_PLAYBOOK, sampleContext(), id(), NOW);
    const add = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.outbox.add;
    await expect(recordComplianceSnapshot(db, snapshot, NOW)).rejects.toThrow('disk full');
    db.outbox.add = add;
    expect(await db.compliance.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a snapshot with an unknown field before it reaches the database', async () => {
    db = freshDatabase();
    const snapshot = { ...buildSnapshot(DEFAULT_PLAYBOOK, sampleContext(), id(), NOW), extra: 1 };
    await expect(recordComplianceSnapshot(db, snapshot, NOW)).rejects.toThrow(/extra/);
    expect(await db.outbox.count()).toBe(0);
  });
});
