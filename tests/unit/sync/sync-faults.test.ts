import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../lib/compliance/build-snapshot';
import { recordClientSeen } from '../../../lib/db/client-store';
import { recordComplianceSnapshot } from '../../../lib/db/compliance-store';
import { readOutbox } from '../../../lib/db/outbox';
import { logTouch } from '../../../lib/db/touch-store';
import { newId } from '../../../lib/ids';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { syncStatus } from '../../../lib/sync/read-sync-status';
import type { SyncRunResult } from '../../../lib/sync/sync-engine';
import type { Touch } from '../../../lib/touches/touch';
import { MAX_PULL_BYTES } from '../../../lib/wire/sync';
import { sampleContext } from '../db/sample-records';
import { liveStores, serverTouchCount, startLiveServer, type LiveServer } from './live-server';
import { pullBytes, sampleTouch, sentCount, syncDevices, type SyncDevice } from './sync-device';

/**
 * The fault suite: what a hostile or unlucky day does to sync, on a PGlite folder and on
 * PostgreSQL (with DATABASE_URL). Each test counts what the device was told is stored
 * against what the server holds.
 */
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

describe.each(liveStores())('sync faults on %s', (store) => {
  let server: LiveServer;
  const devices = syncDevices(() => server.url, T0);
  beforeAll(async () => {
    server = await startLiveServer({ store });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    server.db.faultHook = null;
    await devices.dispose();
  });

  function device(token: string = server.world.tokens.mgrNorth): Promise<SyncDevice> {
    return devices.device(token);
  }

  function touch(overrides: Partial<Touch> = {}): Touch {
    return sampleTouch(T0, overrides);
  }

  /** Outbox rows as an older extension (without today's checks) could have written them. */
  async function writeRaw(d: SyncDevice, touches: readonly Touch[]): Promise<void> {
    await d.db.outbox.bulkAdd(
      touches.map((t) => ({ entity: 'touch' as const, entityId: t.id, op: 'upsert' as const, payload: t, createdAt: T0, attempts: 0, lastError: null, state: 'pending' as const })),
    );
  }

  /** Runs until the engine is idle, moving the clock past each backoff; every result, in order. */
  async function runToIdle(d: SyncDevice, most = 10): Promise<SyncRunResult[]> {
    const results: SyncRunResult[] = [];
    for (let i = 0; i < most; i += 1) {
      const r = await d.engine.runOnce();
      results.push(r);
      if (r.state === 'idle') return results;
      d.clock.now = (r.nextAttemptAt ?? d.clock.now) + 1;
    }
    throw new Error(`not idle after ${most} runs: ${JSON.stringify(results.at(-1))}`);
  }

  it('rejects only the poisoned items of a batch, stores the rest, and still reaches the pull', async () => {
    // A teammate's touch waits on the server: the pull must reach it despite the poison.
    const other = await device(server.world.tokens.mgrNorth);
    const theirs = touch({ comment: 'from the other device' });
    await logTouch(other.db, theirs, T0);
    await other.engine.runOnce();

    const a = await device();
    const fine = Array.from({ length: 40 }, (_, i) => touch({ comment: `fine ${i}` }));
    const poisoned = [
      touch({ comment: 'nul \u0000 inside' }),
      touch({ comment: 'lone high \ud800 surrogate' }),
      touch({ clientKey: 'amocrm:x:lead:\udc00' }),
      touch({ stageId: 's'.repeat(1_000_000) }),
      touch({ kind: 'email_open' }),
      touch({ at: Date.now() + 365 * 86_400_000 }),
    ];
    await writeRaw(a, [...fine.slice(0, 20), ...poisoned, ...fine.slice(20)]);
    // A hostile CRM page can put NUL in a client's name: the record reaches the outbox as read.
    await recordClientSeen(a.db, sampleContext({ crmId: '777', name: 'ООО \u0000 Ромашка' }), T0);

    const [result] = await runToIdle(a);
    expect(result).toMatchObject({ state: 'idle', pushed: 40, rejected: 7, isolated: 0 });
    expect(result?.pulled).toBeGreaterThanOrEqual(1);
    expect(await a.db.touches.get(theirs.id)).toEqual(theirs);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(40);

    const kept = await readOutbox(a.db);
    expect(kept).toHaveLength(7);
    expect(kept.every((row) => row.state === 'rejected' && (row.lastError ?? '').startsWith('invalid_payload'))).toBe(true);
    expect(kept.map((row) => row.lastError)).toEqual(
      expect.arrayContaining([
        'invalid_payload: comment: contains a NUL character or a lone surrogate',
        'invalid_payload: stageId: longer than 64 characters',
        'invalid_payload: kind: email_open touches are made by the tracker only',
        'invalid_payload: at: later than the server clock allows',
        'invalid_payload: name: contains a NUL character or a lone surrogate',
      ]),
    );
    const status = await syncStatus(a.db, a.storage);
    expect(status).toMatchObject({ state: 'idle', pending: 0, rejectedCount: 7 });
    // Nothing is sent again: the queue moved on.
    const again = await a.engine.runOnce();
    expect(again).toMatchObject({ pushed: 0, rejected: 0, batches: [] });
  }, 60_000);

  it('refuses a snapshot with unknown fields or a future date with its reason, kept in the rejected list', async () => {
    const a = await device();
    const good = buildSnapshot(DEFAULT_PLAYBOOK, sampleContext({ crmId: '5001' }), newId(), T0);
    const future = buildSnapshot(DEFAULT_PLAYBOOK, sampleContext({ crmId: '5002' }), newId(), Date.now() + 2 * 86_400_000);
    const unknown = { ...buildSnapshot(DEFAULT_PLAYBOOK, sampleContext({ crmId: '5003' }), newId(), T0), managerSalary: 1 };
    await recordComplianceSnapshot(a.db, good, T0);
    // Written as another extension version could have: the local checks are not what refuses them.
    await a.db.outbox.bulkAdd(
      [future, unknown].map((p) => ({ entity: 'compliance' as const, entityId: p.id, op: 'upsert' as const, payload: p, createdAt: T0, attempts: 0, lastError: null, state: 'pending' as const })),
    );
    const [result] = await runToIdle(a);
    expect(result).toMatchObject({ state: 'idle', pushed: 1, rejected: 2 });
    const kept = new Map((await readOutbox(a.db)).map((row) => [row.entityId, row]));
    expect(kept.has(good.id)).toBe(false);
    expect(kept.get(future.id)).toMatchObject({ state: 'rejected', lastError: 'future_date: takenAt is ahead of the server clock' });
    expect(kept.get(unknown.id)).toMatchObject({ state: 'rejected', lastError: expect.stringMatching(/^invalid_payload: .*managerSalary/) });
    const status = await syncStatus(a.db, a.storage);
    expect(status).toMatchObject({ pending: 0, rejectedCount: 2 });
    expect(status.rejected.map((r) => r.reason).sort()).toEqual([kept.get(future.id)?.lastError, kept.get(unknown.id)?.lastError].sort());
    expect(await server.db.query('SELECT id FROM compliance_snapshots WHERE device_id = $1', [a.deviceId])).toEqual([{ id: good.id }]);
  });

  it('bisects a batch a server fails whole, marks only the poisoned items rejected, and moves on', async () => {
    const a = await device();
    const items = Array.from({ length: 100 }, (_, i) => touch({ comment: `item ${i}` }));
    // Two items this (older) server cannot take: one fails the whole request with 500, as
    // PostgreSQL's jsonb did before, the other with a 400 for the whole batch.
    items[13] = touch({ comment: 'POISON-500' });
    items[77] = touch({ comment: 'POISON-400' });
    await writeRaw(a, items);
    a.intercept = async (url, init, real) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (url.includes('/api/sync/push') && body.includes('POISON-500')) {
        return Response.json({ error: { code: 'internal', message: 'internal error' } }, { status: 500 });
      }
      if (url.includes('/api/sync/push') && body.includes('POISON-400')) {
        return Response.json({ error: { code: 'bad_request', message: 'the request does not match its schema' } }, { status: 400 });
      }
      return real(url, init);
    };
    const [result] = await runToIdle(a);
    expect(result).toMatchObject({ state: 'idle', pushed: 98, rejected: 2, isolated: 2 });
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(98);
    const kept = await readOutbox(a.db);
    expect(kept.map((row) => row.entityId).sort()).toEqual([items[13]!.id, items[77]!.id].sort());
    expect(kept.find((row) => row.entityId === items[13]!.id)?.lastError).toMatch(/^server_error: /);
    expect(kept.find((row) => row.entityId === items[77]!.id)?.lastError).toMatch(/^bad_request: /);
    // Bounded work: about two requests per level of the bisection per poisoned item.
    expect(sentCount(a, 'push')).toBeLessThanOrEqual(2 * 2 * Math.ceil(Math.log2(100)) + 2);
    expect(sentCount(a, 'pull')).toBeGreaterThanOrEqual(1);
    console.log(`bisect on ${store}: 100 items, 2 poisoned → ${sentCount(a, 'push')} push requests (sizes ${JSON.stringify(result?.batches)}), ${sentCount(a, 'me')} health probes, 98 stored, 2 kept rejected`);
  }, 60_000);

  it('marks nothing rejected while the server’s database is down, and delivers everything once it is back', async () => {
    const a = await device();
    const made = Array.from({ length: 30 }, (_, i) => touch({ comment: `wait ${i}` }));
    for (const t of made) await logTouch(a.db, t, T0);
    server.db.faultHook = () => {
      throw new Error('the database is gone');
    };
    const down = await a.engine.runOnce();
    expect(down).toMatchObject({ state: 'backoff', rejected: 0, failure: { code: 'server' } });
    expect(down.batches).toEqual([30]);
    expect((await readOutbox(a.db)).every((row) => row.state === 'pending' && row.attempts === 1)).toBe(true);
    server.db.faultHook = null;
    a.clock.now = (down.nextAttemptAt ?? 0) + 1;
    expect(await a.engine.runOnce()).toMatchObject({ state: 'idle', pushed: 30, rejected: 0 });
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(30);
  }, 60_000);

  it('bounds a head’s pull of big rows by bytes, and `more` carries on to the end', async () => {
    const writer = await device(server.world.tokens.mgrNorth2);
    // 3,900 Cyrillic letters: about 7.8 KB of UTF-8 per touch, 4.7 MB for 600.
    const big = Array.from({ length: 600 }, (_, i) => touch({ comment: `${i} ${'ж'.repeat(3_900)}` }));
    await writer.db.transaction('rw', writer.db.touches, writer.db.outbox, async () => {
      await writer.db.touches.bulkAdd(big);
      await writeRaw(writer, big);
    });
    expect((await runToIdle(writer)).at(-1)).toMatchObject({ state: 'idle' });
    expect(await writer.db.outbox.count()).toBe(0);

    const head = await device(server.world.tokens.headNorth);
    const [pulled] = await runToIdle(head);
    expect(pulled?.state).toBe('idle');
    const stored = await head.db.touches.bulkGet(big.map((t) => t.id));
    expect(stored).toEqual(big);
    const largest = Math.max(...pullBytes(head));
    // One row over the cap at most, plus the envelope.
    expect(largest).toBeLessThan(MAX_PULL_BYTES + 64 * 1024);
    expect(pullBytes(head).length).toBeGreaterThanOrEqual(5);
    console.log(`oversized pull on ${store}: 600 touches of ~7.8 KB in ${pullBytes(head).length} pages, largest ${Math.round(largest / 1024)} KiB`);
  }, 120_000);

  it('passes over a stored row that no longer fits its schema instead of failing every pull', async () => {
    const head = await device(server.world.tokens.headNorth);
    await runToIdle(head);
    // A touch stored before the limits existed: a megabyte-long stage id.
    const legacy = touch({ stageId: 'x'.repeat(1_000_000) });
    const users = await server.db.query(`SELECT id::text AS id, org_id::text AS org, team_id::text AS team FROM users WHERE email = 'ann@acme.test'`);
    const who = users[0] as { id: string; org: string; team: string };
    await server.db.query(
      `INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
       VALUES ($1, $2::bigint, $3::bigint, $4::bigint, 'legacy', $5, $6::jsonb, 'x')`,
      [legacy.id, who.org, who.id, who.team, legacy.clientKey, JSON.stringify(legacy)],
    );
    const after = touch({ comment: 'after the legacy row' });
    const writer = await device();
    await logTouch(writer.db, after, T0);
    await runToIdle(writer);

    const [result] = await runToIdle(head);
    expect(result?.state).toBe('idle');
    expect(await head.db.touches.get(after.id)).toEqual(after);
    expect(await head.db.touches.get(legacy.id)).toBeUndefined();
    // The cursor moved past it: the next run asks only for what is new.
    expect((await head.engine.runOnce()).pulled).toBe(0);
  }, 60_000);

  it('resumes after the server and its database restart mid-sync: nothing lost, nothing twice', async () => {
    const a = await device();
    const made = Array.from({ length: 1_200 }, (_, i) => touch({ comment: `restart ${i}` }));
    await a.db.transaction('rw', a.db.touches, a.db.outbox, async () => {
      await a.db.touches.bulkAdd(made);
      await writeRaw(a, made);
    });
    let restarting: Promise<void> | null = null;
    a.intercept = async (url, init, real) => {
      // The second batch goes out as the operator restarts the server and its database.
      if (url.includes('/api/sync/push') && sentCount(a, 'push') === 2 && restarting === null) restarting = server.restartDatabase();
      return real(url, init);
    };
    const results: SyncRunResult[] = [];
    const first = await a.engine.runOnce();
    results.push(first);
    expect(first.state).toBe('backoff');
    await restarting;
    a.clock.now = (first.nextAttemptAt ?? 0) + 1;
    results.push(...(await runToIdle(a)));

    const confirmed = results.reduce((sum, r) => sum + r.pushed, 0);
    const stored = await serverTouchCount(server.db, a.deviceId);
    const distinct = await server.db.query('SELECT count(DISTINCT id)::int AS n FROM touches WHERE device_id = $1', [a.deviceId]);
    console.log(`database restart on ${store}: 1,200 logged, ${confirmed} confirmed, ${stored} stored (${Number(distinct[0]?.n)} distinct), runs ${results.length}, push requests ${sentCount(a, 'push')}`);
    expect(stored).toBe(1_200);
    expect(Number(distinct[0]?.n)).toBe(1_200);
    // Each outbox row is confirmed (and deleted) once, even when its first answer was lost.
    expect(confirmed).toBe(1_200);
    expect(await a.db.outbox.count()).toBe(0);
    const ids = await server.db.query('SELECT id FROM touches WHERE device_id = $1', [a.deviceId]);
    expect(new Set(ids.map((r) => String(r.id)))).toEqual(new Set(made.map((t) => t.id)));
  }, 120_000);
});
