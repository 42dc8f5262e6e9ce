import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_AHEAD_MS } from '../../lib/wire/bounded-text';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { clientItem, countRows, makeClient, makeTouch, pullAll, push, touchItem } from './helpers/sync-fixtures';

/** A database data exception, as PGlite and pg report one. */
function dataError(code: string): Error {
  return Object.assign(new Error(`injected data error ${code}`), { code });
}

describe.each(dbTargets())('sync limits on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target);
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);
  afterEach(() => {
    s.db.faultHook = null;
  });

  it('rejects NUL and lone surrogates item by item, naming the field, and stores the rest', async () => {
    const good = [makeTouch({ comment: 'first' }), makeTouch({ comment: 'second' })];
    const bad = [makeTouch({ comment: 'a\u0000b' }), makeTouch({ clientKey: 'k\ud800' }), makeTouch({ stageId: '\udfff' })];
    const badClient = makeClient({ crmId: '9001', name: 'ООО \u0000' });
    const { results } = await push(s.app, s.world.tokens.mgrNorth, 'dev-limits', [
      touchItem(good[0]!),
      ...bad.map(touchItem),
      clientItem(badClient),
      touchItem(good[1]!),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'accepted']);
    expect(results.slice(1, 5).map((r) => r.reason)).toEqual([
      'invalid_payload: comment: contains a NUL character or a lone surrogate',
      'invalid_payload: clientKey: contains a NUL character or a lone surrogate',
      'invalid_payload: stageId: contains a NUL character or a lone surrogate',
      'invalid_payload: name: contains a NUL character or a lone surrogate',
    ]);
    const pulled = await pullAll(s.app, s.world.tokens.mgrNorth, 'other-device');
    const ids = pulled.flatMap((c) => (c.type === 'touch' ? [c.touch.id] : []));
    expect(ids).toEqual(expect.arrayContaining(good.map((t) => t.id)));
    for (const t of bad) expect(ids).not.toContain(t.id);
  });

  it('refuses dates ahead of the server clock and pushed email opens; a date just inside the margin is taken', async () => {
    const now = Date.now();
    const future = makeTouch({ at: now + 2 * MAX_CLOCK_AHEAD_MS });
    const farFuture = makeClient({ crmId: '287396', updatedAt: Date.UTC(275000, 0, 1) });
    const open = makeTouch({ kind: 'email_open' });
    const nearlyNow = makeTouch({ at: now + MAX_CLOCK_AHEAD_MS / 2 });
    const { results } = await push(s.app, s.world.tokens.mgrNorth, 'dev-limits', [touchItem(future), clientItem(farFuture), touchItem(open), touchItem(nearlyNow)]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid_payload: at: later than the server clock allows'],
      ['rejected', 'invalid_payload: updatedAt: later than the server clock allows'],
      ['rejected', 'invalid_payload: kind: email_open touches are made by the tracker only'],
      ['accepted', undefined],
    ]);
  });

  it('refuses a stage id over 64 characters in that item only', async () => {
    const long = makeTouch({ stageId: 's'.repeat(65) });
    const { results } = await push(s.app, s.world.tokens.mgrNorth, 'dev-limits', [touchItem(long), touchItem(makeTouch())]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(results[0]?.reason).toBe('invalid_payload: stageId: longer than 64 characters');
  });

  it('a data error from the database rejects only the item it hit; the rest of the batch lands', async () => {
    // Insert #1 is the whole batch; #2..#4 are the items stored one by one; #3 fails again.
    let inserts = 0;
    s.db.faultHook = (sql) => {
      if (!/^\s*insert\b/i.test(sql)) return;
      inserts += 1;
      if (inserts === 1 || inserts === 3) throw dataError('22P05');
    };
    const items = [makeTouch({ comment: 'one' }), makeTouch({ comment: 'two' }), makeTouch({ comment: 'three' })];
    const before = await countRows(s.db);
    const { results } = await push(s.app, s.world.tokens.mgrNorth, 'dev-limits', items.map(touchItem));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(results[1]?.reason).toBe('invalid_payload: the database refused a value (SQLSTATE 22P05)');
    expect((await countRows(s.db)).touches).toBe((before.touches ?? 0) + 2);
  });

  it('a data error on pull is a 400 naming the request, never a 500', async () => {
    s.db.faultHook = (sql) => {
      if (/FROM touches t/.test(sql)) throw dataError('22003');
    };
    const res = await s.app.inject({ method: 'GET', url: '/api/sync/pull', headers: auth(s.world.tokens.mgrNorth) });
    expect(res.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'bad_request', message: 'the database refused a value in the pull query (SQLSTATE 22003)' });
  });
});
