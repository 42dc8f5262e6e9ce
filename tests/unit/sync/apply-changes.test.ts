import { afterEach, describe, expect, it } from 'vitest';
import type { SuflerDatabase } from '../../../lib/db/database';
import { getActivePlaybook, importPlaybook } from '../../../lib/db/playbook-store';
import { recordClientSeen } from '../../../lib/db/client-store';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Touch } from '../../../lib/touches/touch';
import { deletedTouch, editedTouch } from '../../../lib/touches/touch-versions';
import type { Change } from '../../../lib/wire/sync';
import { applyChanges } from '../../../lib/sync/apply-changes';
import { freshDatabase, sampleContext, sampleTouch } from '../db/sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  await db.delete();
});

const client = (name: string, updatedAt: number): Change => ({
  type: 'client',
  seq: 1,
  client: { key: 'amocrm:acme.amocrm.ru:lead:1001', source: 'amocrm', account: 'acme.amocrm.ru', entity: 'lead', crmId: '1001', name, stage: 'Переговоры', updatedAt },
});

describe('applyChanges', () => {
  it('stores touches from other devices idempotently and never writes the outbox', async () => {
    db = freshDatabase();
    const change: Change = { type: 'touch', seq: 3, touch: sampleTouch({ id: '01JDAPPLY00000000000000001' }), userId: '1', deviceId: 'other' };
    await applyChanges(db, [change], null, 1);
    await applyChanges(db, [change], null, 2);
    expect(await db.touches.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('takes a pulled touch only when it is a newer version: a local edit not yet pushed stays, a tombstone wins', async () => {
    db = freshDatabase();
    const original = sampleTouch({ id: '01JDAPPLY00000000000000002' });
    const change = (touch: Touch, seq: number): Change => ({ type: 'touch', seq, touch, userId: '1', deviceId: 'other' });
    const mine = editedTouch(original, { kind: 'call', outcome: 'callback', comment: 'моя правка' }, 5_000);
    await db.touches.put(mine);
    // The server still had the original when this page was read.
    await applyChanges(db, [change(original, 1)], null, 6_000);
    expect(await db.touches.get(original.id)).toEqual(mine);
    // Another device's later edit and then its deletion, in one page in the wrong order.
    const theirs = editedTouch(original, { kind: 'call', outcome: 'reached', comment: 'их правка' }, 7_000);
    const gone = deletedTouch(theirs, 8_000);
    await applyChanges(db, [change(gone, 3), change(theirs, 2)], null, 9_000);
    expect(await db.touches.get(original.id)).toEqual(gone);
    expect(await db.outbox.count()).toBe(0);
  });

  it('takes a client record only when it is newer, keeping the page context read here', async () => {
    db = freshDatabase();
    await recordClientSeen(db, sampleContext({ name: 'Поставка труб' }), 1_000);
    await db.outbox.clear();

    await applyChanges(db, [client('Старое имя', 500)], null, 2_000);
    expect((await db.clients.get('amocrm:acme.amocrm.ru:lead:1001'))?.name).toBe('Поставка труб');

    await applyChanges(db, [client('Поставка труб и фитингов', 3_000)], null, 4_000);
    const stored = await db.clients.get('amocrm:acme.amocrm.ru:lead:1001');
    expect(stored).toMatchObject({ name: 'Поставка труб и фитингов', stage: 'Переговоры', updatedAt: 3_000 });
    expect(stored?.context.contacts).toEqual(sampleContext().contacts);
    expect(await db.outbox.count()).toBe(0);
  });

  it('reports a team playbook that does not parse and keeps the one in use', async () => {
    db = freshDatabase();
    await importPlaybook(db, DEFAULT_PLAYBOOK, 1);
    const broken: Change = { type: 'playbook', seq: 9, playbook: { version: 4, playbook: { stages: 'none' }, publishedAt: 1, publishedBy: 'head@acme.test' } };
    const result = await applyChanges(db, [broken], null, 2);
    expect(result.playbookVersion).toBeNull();
    expect(result.playbookProblems[0]).toContain('team playbook v4 was not applied');
    expect((await getActivePlaybook(db)).origin).toBe('imported');
  });

  it('applies only the newest team playbook version, and not one already applied', async () => {
    db = freshDatabase();
    const version = (v: number, en: string): Change => ({
      type: 'playbook',
      seq: v,
      playbook: { version: v, playbook: { ...DEFAULT_PLAYBOOK, name: { ru: en, en } }, publishedAt: v, publishedBy: 'head@acme.test' },
    });
    const result = await applyChanges(db, [version(2, 'second'), version(3, 'third')], null, 1);
    expect(result.playbookVersion).toBe(3);
    expect((await getActivePlaybook(db)).playbook.name.en).toBe('third');
    expect((await applyChanges(db, [version(3, 'third')], 3, 2)).playbookVersion).toBeNull();
    expect(await db.playbooks.count()).toBe(1);
  });
});
