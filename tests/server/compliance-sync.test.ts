import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failOnNthInsert } from '../../server/src/db/database';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { makeSnapshot, snapshotItem } from './helpers/compliance-fixtures';
import { makeTouch, newUlid, push, touchItem } from './helpers/sync-fixtures';
import { startTestServer, type TestServer } from './helpers/test-server';

describe.each(dbTargets())('compliance snapshots over sync on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const stored = async (id: string) =>
    s.db.query(
      `SELECT c.client_key, c.day::text AS day, c.stage_id, c.required_count, c.missing_count, c.title, c.url,
              u.email, t.name AS team, o.name AS org
         FROM compliance_snapshots c JOIN users u ON u.id = c.user_id JOIN orgs o ON o.id = c.org_id
         LEFT JOIN teams t ON t.id = c.team_id WHERE c.id = $1`,
      [id],
    );

  it('stores a snapshot under the caller, their team and organisation, with its counts', async () => {
    const snap = makeSnapshot();
    expect(await push(s.app, t.mgrNorth, 'laptop', [snapshotItem(snap)])).toEqual({ results: [{ id: snap.id, status: 'accepted' }] });
    expect(await stored(snap.id)).toEqual([
      {
        client_key: snap.clientKey,
        day: '2026-03-02',
        stage_id: 'qualification',
        required_count: 2,
        missing_count: 1,
        title: 'Поставка труб',
        url: snap.url,
        email: 'ann@acme.test',
        team: 'North',
        org: 'Acme',
      },
    ]);
  });

  it('a resend is a duplicate; the same id with other content, or from another organisation, is id_conflict', async () => {
    const snap = makeSnapshot();
    await push(s.app, t.mgrNorth, 'laptop', [snapshotItem(snap)]);
    expect((await push(s.app, t.mgrNorth, 'laptop', [snapshotItem(snap), snapshotItem(snap)])).results).toEqual([
      { id: snap.id, status: 'duplicate' },
      { id: snap.id, status: 'duplicate' },
    ]);
    expect((await push(s.app, t.mgrNorth, 'laptop', [snapshotItem({ ...snap, title: 'другое' })])).results[0]).toMatchObject({ status: 'rejected', reason: 'id_conflict' });
    expect((await push(s.app, t.mgrB, 'pc', [snapshotItem(snap)])).results[0]).toMatchObject({ status: 'rejected', reason: 'id_conflict' });
    expect(await s.db.query('SELECT count(*)::int AS n FROM compliance_snapshots WHERE id = $1', [snap.id])).toEqual([{ n: 1 }]);
  });

  it('refuses hostile snapshots item by item with a reason, storing the good ones', async () => {
    const good = makeSnapshot();
    const future = makeSnapshot({ takenAt: Date.now() + 3_600_000, day: new Date(Date.now() + 3_600_000).toISOString().slice(0, 10) });
    const unknownKey = { ...makeSnapshot(), secret: 'x' };
    const nul = makeSnapshot({ title: 'a\u0000b' });
    const lone = makeSnapshot({ responsible: '\uD800' });
    const huge = makeSnapshot({ title: 'я'.repeat(1_000) });
    const wrongDay = makeSnapshot({ day: '2026-03-09' });
    const idMismatch = makeSnapshot();
    const results = (
      await push(s.app, t.mgrNorth, 'laptop', [
        snapshotItem(good),
        snapshotItem(future),
        snapshotItem(unknownKey),
        snapshotItem(nul),
        snapshotItem(lone),
        snapshotItem(huge),
        snapshotItem(wrongDay),
        snapshotItem(idMismatch, newUlid()),
      ])
    ).results;
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['accepted', undefined],
      ['rejected', 'future_date: takenAt is ahead of the server clock'],
      ['rejected', expect.stringMatching(/^invalid_payload: .*secret/)],
      ['rejected', 'invalid_payload: title: contains a NUL or a lone surrogate'],
      ['rejected', 'invalid_payload: responsible: contains a NUL or a lone surrogate'],
      ['rejected', expect.stringMatching(/^invalid_payload: title: /)],
      ['rejected', 'invalid_payload: day: does not match takenAt'],
      ['rejected', 'invalid_payload: id: must equal the item id'],
    ]);
    expect(await stored(good.id)).toHaveLength(1);
  });

  it('a batch of touches and snapshots is stored whole or not at all', async () => {
    const touch = makeTouch();
    const snap = makeSnapshot();
    s.db.faultHook = failOnNthInsert(2);
    await expect(push(s.app, t.mgrNorth, 'laptop', [touchItem(touch), snapshotItem(snap)])).rejects.toThrow(/500/);
    s.db.faultHook = null;
    expect(await stored(snap.id)).toHaveLength(0);
    expect(await s.db.query('SELECT id FROM touches WHERE id = $1', [touch.id])).toHaveLength(0);
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch), snapshotItem(snap)])).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });
});
