import { afterEach, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../lib/compliance/build-snapshot';
import { recordComplianceSnapshot } from '../../../lib/db/compliance-store';
import type { SuflerDatabase } from '../../../lib/db/database';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { nextBatch } from '../../../lib/sync/outbox-batch';
import { SyncItemSchema } from '../../../lib/wire/sync';
import { freshDatabase, sampleContext } from '../db/sample-records';
import { NOW } from '../playbook/fixtures';

let db: SuflerDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('compliance snapshots in the outbox batch', () => {
  it('travel under their own id as valid compliance items', async () => {
    db = freshDatabase();
    const snapshot = buildSnapshot(DEFAULT_PLAYBOOK, sampleContext(), '01JD0000000000000000000SNP', NOW);
    await recordComplianceSnapshot(db, snapshot, NOW);
    const batch = await nextBatch(db, 0, Number.MAX_SAFE_INTEGER);
    expect(batch.unsendable).toEqual([]);
    expect(batch.items).toEqual([{ id: snapshot.id, entity: 'compliance', op: 'upsert', payload: snapshot }]);
    expect(SyncItemSchema.safeParse(batch.items[0]).success).toBe(true);
  });
});
