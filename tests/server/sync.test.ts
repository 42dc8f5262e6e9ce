import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { failOnNthInsert } from '../../server/src/db/database';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { clientItem, countRows, makeClient, makeTouch, newUlid, pull, pullAll, push, touchItem } from './helpers/sync-fixtures';

describe.each(dbTargets())('sync push and pull on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const touchesOf = (changes: Awaited<ReturnType<typeof pullAll>>) =>
    changes.flatMap((c) => (c.type === 'touch' ? [c.touch.id] : []));

  it('a pushed touch reaches the same user on another device exactly once, not the device that sent it', async () => {
    const touch = makeTouch();
    expect(await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch)])).toEqual({ results: [{ id: touch.id, status: 'accepted' }] });
    const other = await pullAll(s.app, t.mgrNorth, 'phone');
    expect(touchesOf(other).filter((id) => id === touch.id)).toHaveLength(1);
    const change = other.find((c) => c.type === 'touch' && c.touch.id === touch.id);
    expect(change?.type === 'touch' && change.touch).toEqual(touch);
    expect(touchesOf(await pullAll(s.app, t.mgrNorth, 'laptop'))).not.toContain(touch.id);
  });

  it('a resend is a duplicate and stores no second row', async () => {
    const touch = makeTouch();
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch)]);
    const again = await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch)]);
    expect(again.results).toEqual([{ id: touch.id, status: 'duplicate' }]);
    const rows = await s.db.query('SELECT count(*)::int AS n FROM touches WHERE id = $1', [touch.id]);
    expect(rows[0]?.n).toBe(1);
  });

  it('the same id with different content is rejected as id_conflict and the first write stays', async () => {
    const touch = makeTouch({ comment: 'first' });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch)]);
    const changed = { ...touch, comment: 'second' };
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(changed)])).results).toEqual([
      { id: touch.id, status: 'rejected', reason: 'id_conflict' },
    ]);
    const stored = await s.db.query('SELECT payload FROM touches WHERE id = $1', [touch.id]);
    expect(stored[0]?.payload).toMatchObject({ comment: 'first' });
  });

  it('a repeat inside one batch is a duplicate, a changed repeat a conflict', async () => {
    const touch = makeTouch();
    const res = await push(s.app, t.mgrNorth, 'laptop', [touchItem(touch), touchItem(touch), touchItem({ ...touch, comment: 'x' })]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'rejected']);
    expect(res.results[2]?.reason).toBe('id_conflict');
  });

  it('takes 500 items in one push and refuses 501 whole', async () => {
    const before = await countRows(s.db);
    const five = Array.from({ length: 500 }, () => touchItem(makeTouch()));
    const res = await push(s.app, t.mgrSouth, 'laptop', five);
    expect(res.results.every((r) => r.status === 'accepted')).toBe(true);
    expect(res.results.map((r) => r.id)).toEqual(five.map((i) => i.id));
    const tooMany = Array.from({ length: 501 }, () => touchItem(makeTouch()));
    const refused = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: auth(t.mgrSouth), payload: { deviceId: 'laptop', items: tooMany } });
    expect(refused.statusCode).toBe(400);
    const body = ErrorBodySchema.parse(refused.json());
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details?.[0]?.path).toBe('body.items');
    expect((await countRows(s.db)).touches).toBe((before.touches ?? 0) + 500);
  });

  it('rejects only the bad item of a batch, with a reason, and stores the rest', async () => {
    const good1 = makeTouch();
    const good2 = makeTouch();
    const badId = newUlid();
    const bad = { id: badId, entity: 'touch' as const, op: 'upsert' as const, payload: { ...makeTouch({ id: badId }), kind: 'telepathy' } };
    const res = await push(s.app, t.mgrNorth, 'laptop', [touchItem(good1), bad, touchItem(good2)]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(res.results[1]?.reason).toMatch(/^invalid_payload: kind/);
    const stored = await s.db.query('SELECT id FROM touches WHERE id IN ($1, $2, $3)', [good1.id, badId, good2.id]);
    expect(stored.map((r) => r.id).sort()).toEqual([good1.id, good2.id].sort());
  });

  it('rejects a touch whose payload id differs from the item id', async () => {
    const touch = makeTouch();
    const res = await push(s.app, t.mgrNorth, 'laptop', [{ ...touchItem(touch), id: newUlid() }]);
    expect(res.results[0]?.status).toBe('rejected');
  });

  it('pages a pull with a cursor and a more flag, each change once', async () => {
    const batch = Array.from({ length: 7 }, () => makeTouch());
    await push(s.app, t.mgrNorth2, 'laptop', batch.map(touchItem));
    const seen: string[] = [];
    let cursor = '';
    let pages = 0;
    for (;;) {
      const page = await pull(s.app, t.mgrNorth2, { cursor, limit: 3, deviceId: 'phone' });
      pages += 1;
      seen.push(...page.changes.flatMap((c) => (c.type === 'touch' ? [c.touch.id] : [])));
      expect(page.changes.length).toBeLessThanOrEqual(3);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(batch.map((b) => b.id));
    expect(pages).toBeGreaterThanOrEqual(3);
    const after = await pull(s.app, t.mgrNorth2, { cursor, deviceId: 'phone' });
    expect(after).toEqual({ changes: [], cursor, more: false });
  });

  it('a manager sees their own touches, not a teammate’s or another team’s; a head sees the team; an admin all', async () => {
    const ann = makeTouch();
    const boris = makeTouch();
    const sofia = makeTouch();
    await push(s.app, t.mgrNorth, 'a', [touchItem(ann)]);
    await push(s.app, t.mgrNorth2, 'b', [touchItem(boris)]);
    await push(s.app, t.mgrSouth, 'c', [touchItem(sofia)]);
    const annSees = touchesOf(await pullAll(s.app, t.mgrNorth, 'other'));
    expect(annSees).toContain(ann.id);
    expect(annSees).not.toContain(boris.id);
    expect(annSees).not.toContain(sofia.id);
    const headSees = touchesOf(await pullAll(s.app, t.headNorth));
    expect(headSees).toEqual(expect.arrayContaining([ann.id, boris.id]));
    expect(headSees).not.toContain(sofia.id);
    expect(touchesOf(await pullAll(s.app, t.adminA))).toEqual(expect.arrayContaining([ann.id, boris.id, sofia.id]));
  });

  it('client records are shared inside the team, last writer wins by updatedAt', async () => {
    const v1 = makeClient({ crmId: '7001', name: 'Old name', updatedAt: 1000 });
    const v2 = { ...v1, name: 'New name', updatedAt: 2000 };
    expect((await push(s.app, t.mgrNorth, 'a', [clientItem(v1)])).results[0]?.status).toBe('accepted');
    expect((await push(s.app, t.mgrNorth2, 'b', [clientItem(v2)])).results[0]?.status).toBe('accepted');
    // A stale copy changes nothing; the sender pulls the newer one.
    const stale = await push(s.app, t.mgrNorth, 'a', [clientItem({ ...v1, name: 'Stale' })]);
    expect(stale.results[0]).toMatchObject({ status: 'duplicate', reason: 'superseded' });
    expect((await push(s.app, t.mgrNorth2, 'b', [clientItem(v2)])).results[0]).toEqual(expect.objectContaining({ status: 'duplicate' }));
    const clients = (await pullAll(s.app, t.mgrNorth)).flatMap((c) => (c.type === 'client' && c.client.key === v1.key ? [c.client] : []));
    expect(clients).toEqual([v2]);
    const south = (await pullAll(s.app, t.mgrSouth)).filter((c) => c.type === 'client' && c.client.key === v1.key);
    expect(south).toEqual([]);
    const rows = await s.db.query('SELECT count(*)::int AS n FROM clients WHERE key = $1', [v1.key]);
    expect(rows[0]?.n).toBe(1);
  });

  it('keeps organisations apart: B cannot read A, and cannot claim an id A owns', async () => {
    const secretTouch = makeTouch({ comment: 'A only' });
    const aClient = makeClient({ crmId: '9001', name: 'A client' });
    await push(s.app, t.mgrNorth, 'a', [touchItem(secretTouch), clientItem(aClient)]);
    const bAll = await pullAll(s.app, t.adminB);
    expect(JSON.stringify(bAll)).not.toContain(secretTouch.id);
    expect(JSON.stringify(bAll)).not.toContain('A client');
    // The same id from B: same answer as any conflict, A's row untouched, nothing about A returned.
    for (const payload of [secretTouch, { ...secretTouch, comment: 'B overwrite' }]) {
      const res = await push(s.app, t.mgrB, 'b', [touchItem(payload)]);
      expect(res.results).toEqual([{ id: secretTouch.id, status: 'rejected', reason: 'id_conflict' }]);
    }
    const row = await s.db.query('SELECT org_id::text AS org, payload FROM touches WHERE id = $1', [secretTouch.id]);
    expect(row).toHaveLength(1);
    expect(row[0]?.payload).toMatchObject({ comment: 'A only' });
    // B's own copy of the same client key lives apart from A's.
    expect((await push(s.app, t.mgrB, 'b', [clientItem({ ...aClient, name: 'B view', updatedAt: aClient.updatedAt + 1 })])).results[0]?.status).toBe('accepted');
    const aSees = (await pullAll(s.app, t.mgrNorth)).flatMap((c) => (c.type === 'client' && c.client.key === aClient.key ? [c.client.name] : []));
    expect(aSees).toEqual(['A client']);
  });

  it('a crash mid-batch stores nothing of it, and the resend stores every item exactly once', async () => {
    const touches = Array.from({ length: 20 }, () => makeTouch());
    const clients = [makeClient({ crmId: 'crash-1' }), makeClient({ crmId: 'crash-2' })];
    const items = [...touches.map(touchItem), ...clients.map((c) => clientItem(c))];
    const before = await countRows(s.db);
    // The touches insert runs first, the clients insert second: failing the second must undo the first.
    for (const nth of [1, 2]) {
      s.db.faultHook = failOnNthInsert(nth);
      const res = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: auth(t.mgrNorth), payload: { deviceId: 'a', items } });
      s.db.faultHook = null;
      expect(res.statusCode).toBe(500);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('internal');
      expect(await countRows(s.db)).toEqual(before);
    }
    const res = await push(s.app, t.mgrNorth, 'a', items);
    expect(res.results.every((r) => r.status === 'accepted')).toBe(true);
    const again = await push(s.app, t.mgrNorth, 'a', items);
    expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
    const after = await countRows(s.db);
    expect(after.touches).toBe((before.touches ?? 0) + 20);
    expect(after.clients).toBe((before.clients ?? 0) + 2);
  });
});
