import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordClientSeen } from '../../../lib/db/client-store';
import { readOutbox } from '../../../lib/db/outbox';
import { getActivePlaybook } from '../../../lib/db/playbook-store';
import { logTouch } from '../../../lib/db/touch-store';
import { newId } from '../../../lib/ids';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { syncStatus } from '../../../lib/sync/read-sync-status';
import { configureSync, readSyncConfig } from '../../../lib/sync/sync-setup';
import { readSyncState } from '../../../lib/sync/sync-state';
import type { Touch } from '../../../lib/touches/touch';
import { failOnNthInsert } from '../../../server/src/db/database';
import { auth } from '../../server/helpers/test-server';
import { sampleContext } from '../db/sample-records';
import { serverTouchCount, startLiveServer, type LiveServer } from './live-server';
import { pushSizes, sampleTouch, syncDevices, type SyncDevice } from './sync-device';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

const devices = syncDevices(() => server.url, T0);
afterEach(async () => {
  server.db.faultHook = null;
  await server.start();
  await devices.dispose();
});

function device(token: string = server.world.tokens.mgrNorth): Promise<SyncDevice> {
  return devices.device(token);
}

function touch(overrides: Partial<Touch> = {}): Touch {
  return sampleTouch(T0, { comment: 'Обсудили поставку / discussed the delivery', ...overrides });
}

async function logTouches(d: SyncDevice, n: number, comment = 'call'): Promise<Touch[]> {
  const made: Touch[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = touch({ comment: `${comment} ${i}` });
    await logTouch(d.db, t, T0);
    made.push(t);
  }
  return made;
}

describe('sync engine against the real server', () => {
  it('pushes touches and client records, clears the outbox, and a second device pulls them without outbox rows', async () => {
    const a = await device();
    const made = await logTouches(a, 3);
    await recordClientSeen(a.db, sampleContext({ crmId: '4242', name: 'ООО Ромашка' }), T0);

    const result = await a.engine.runOnce();
    expect(result).toMatchObject({ state: 'idle', pushed: 4, rejected: 0, failure: null });
    expect(await a.db.outbox.count()).toBe(0);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(3);
    expect(await syncStatus(a.db, a.storage)).toMatchObject({ state: 'idle', pending: 0, rejectedCount: 0, lastSuccessAt: T0, serverUrl: server.url });

    const b = await device();
    const pulled = await b.engine.runOnce();
    expect(pulled.state).toBe('idle');
    const arrived = await b.db.touches.bulkGet(made.map((t) => t.id));
    expect(arrived).toEqual(made);
    expect((await b.db.clients.get('amocrm:acme.amocrm.ru:lead:4242'))?.name).toBe('ООО Ромашка');
    expect(await b.db.outbox.count()).toBe(0);
    expect(pushSizes(b)).toEqual([]);

    // The cursor was kept: the next run asks only for what is new and stores nothing twice.
    const again = await b.engine.runOnce();
    expect(again.pulled).toBe(0);
    expect(await b.db.touches.count()).toBe(3);
  }, 30_000);

  it('backs off while the server is down, then delivers every touch exactly once', async () => {
    const a = await device();
    await logTouches(a, 5);
    await server.stop();

    const down = await a.engine.runOnce();
    expect(down.state).toBe('backoff');
    expect(down.failure?.code).toBe('offline');
    expect(down.nextAttemptAt).toBeGreaterThan(T0);
    const status = await syncStatus(a.db, a.storage);
    expect(status).toMatchObject({ state: 'backoff', pending: 5, nextAttemptAt: down.nextAttemptAt, lastError: { code: 'offline' } });
    expect((await readOutbox(a.db)).every((row) => row.attempts === 1)).toBe(true);

    // Before the backoff is over an automatic run does not even try.
    const requests = a.sent.length;
    expect((await a.engine.runOnce()).skipped).toBe('backoff');
    expect(a.sent.length).toBe(requests);

    await server.start();
    a.clock.now = (down.nextAttemptAt ?? 0) + 1;
    const up = await a.engine.runOnce();
    expect(up).toMatchObject({ state: 'idle', pushed: 5 });
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(5);
    expect(await a.db.outbox.count()).toBe(0);
    expect((await readSyncState(a.storage)).attempt).toBe(0);
  }, 30_000);

  it('loses nothing and doubles nothing when the server fails inside a batch', async () => {
    const a = await device();
    await logTouches(a, 40);
    // The touch insert fails once as a crash would: the server's transaction rolls the batch
    // back and answers 500. The server still answers, so the engine splits the batch and
    // each half lands; nothing is marked rejected for a one-off failure.
    server.db.faultHook = failOnNthInsert(1);
    const result = await a.engine.runOnce();
    expect(result).toMatchObject({ state: 'idle', pushed: 40, rejected: 0, isolated: 0 });
    expect(pushSizes(a)).toEqual([40, 20, 20]);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(40);
    expect(await a.db.outbox.count()).toBe(0);
  }, 30_000);

  it('resends a batch whose answer was lost after the server stored it, and the server keeps one copy', async () => {
    const a = await device();
    await logTouches(a, 12);
    // The server commits, then the connection drops before the answer arrives.
    a.intercept = async (url, init, real) => {
      const response = await real(url, init);
      if (url.includes('/api/sync/push')) {
        await response.text();
        a.intercept = null;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const lost = await a.engine.runOnce();
    expect(lost.failure?.code).toBe('offline');
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(12);
    expect(await a.db.outbox.count()).toBe(12);

    const resent = await a.engine.runOnce({ force: true });
    expect(resent).toMatchObject({ state: 'idle', pushed: 12 });
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(12);
    expect(await a.db.outbox.count()).toBe(0);
  }, 30_000);

  it('keeps a touch the server rejects, with the reason, and lists it in the status', async () => {
    const a = await device();
    const [first] = await logTouches(a, 1);
    await a.engine.runOnce();

    // Another profile of the same manager has a touch with that id but other content.
    const b = await device();
    await logTouch(b.db, { ...first!, comment: 'Перезвонить в пятницу / call back on Friday' }, T0);
    await logTouches(b, 1, 'fine');
    const result = await b.engine.runOnce();
    expect(result).toMatchObject({ state: 'idle', pushed: 1, rejected: 1 });

    const rows = await readOutbox(b.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityId: first!.id, state: 'rejected', lastError: 'id_conflict' });
    const status = await syncStatus(b.db, b.storage);
    expect(status.rejectedCount).toBe(1);
    expect(status.pending).toBe(0);
    expect(status.rejected).toEqual([
      { entity: 'touch', entityId: first!.id, reason: 'id_conflict', summary: 'call: Перезвонить в пятницу / call back on Friday' },
    ]);

    // A rejected row is not sent again on every run.
    await b.engine.runOnce();
    expect(pushSizes(b)).toEqual([2]);
  }, 30_000);

  it('stops on a wrong token and does not retry until the config changes', async () => {
    const a = await device('sufler_this-token-does-not-exist');
    await logTouches(a, 2);
    const result = await a.engine.runOnce();
    expect(result).toMatchObject({ state: 'error', failure: { code: 'unauthorized', retryable: false } });
    expect(await syncStatus(a.db, a.storage)).toMatchObject({ state: 'error', lastError: { code: 'unauthorized' }, nextAttemptAt: null, pending: 2 });

    const requests = a.sent.length;
    expect((await a.engine.runOnce()).skipped).toBe('stopped');
    expect((await a.engine.runOnce()).skipped).toBe('stopped');
    expect(a.sent.length).toBe(requests);

    await configureSync(a.storage, { serverUrl: server.url, token: server.world.tokens.mgrNorth }, () => newId());
    expect((await readSyncConfig(a.storage))?.deviceId).toBe(a.deviceId);
    expect(await a.engine.runOnce()).toMatchObject({ state: 'idle', pushed: 2 });
  }, 30_000);

  it('drains a 10,000-touch backlog in batches of at most 500', async () => {
    const a = await device();
    const backlog = Array.from({ length: 10_000 }, (_, i) => touch({ comment: `backlog ${i}` }));
    // Written as logTouch writes them, in bulk to keep the test quick.
    await a.db.transaction('rw', a.db.touches, a.db.outbox, async () => {
      await a.db.touches.bulkAdd(backlog);
      await a.db.outbox.bulkAdd(
        backlog.map((t) => ({ entity: 'touch' as const, entityId: t.id, op: 'upsert' as const, payload: t, createdAt: T0, attempts: 0, lastError: null, state: 'pending' as const })),
      );
    });

    const result = await a.engine.runOnce();
    expect(result.state).toBe('idle');
    expect(result.pushed).toBe(10_000);
    expect(pushSizes(a).every((n) => n > 0 && n <= 500)).toBe(true);
    expect(pushSizes(a).reduce((sum, n) => sum + n, 0)).toBe(10_000);
    expect(pushSizes(a).length).toBe(20);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(10_000);
  }, 40_000);

  it('keeps a touch logged while a push is in flight and sends it on the next run', async () => {
    const a = await device();
    await logTouches(a, 3);
    const late = touch({ comment: 'logged during the push' });
    a.intercept = async (url, init, real) => {
      if (url.includes('/api/sync/push')) {
        a.intercept = null;
        await logTouch(a.db, late, T0);
      }
      return real(url, init);
    };
    expect((await a.engine.runOnce()).pushed).toBe(3);
    const left = await readOutbox(a.db);
    expect(left.map((row) => row.entityId)).toEqual([late.id]);
    expect(left[0]?.state).toBe('pending');

    expect((await a.engine.runOnce()).pushed).toBe(1);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(4);
  }, 30_000);

  it('runs one sync at a time: a call during a run queues one more run after it', async () => {
    const a = await device();
    await logTouches(a, 2);
    let inFlight = 0;
    let most = 0;
    a.intercept = async (url, init, real) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await real(url, init);
      } finally {
        inFlight -= 1;
      }
    };
    const results = await Promise.all([a.engine.runOnce(), a.engine.runOnce(), a.engine.runOnce()]);
    expect(most).toBe(1);
    expect(results.map((r) => r.pushed).sort()).toEqual([0, 0, 2]);
    expect(await serverTouchCount(server.db, a.deviceId)).toBe(2);
  }, 30_000);

  it('makes a playbook the head published the active team playbook', async () => {
    const published = { ...DEFAULT_PLAYBOOK, name: { ru: 'Плейбук отдела', en: 'Team playbook' } };
    const res = await server.app.inject({ method: 'POST', url: '/api/playbooks', headers: auth(server.world.tokens.headNorth), payload: { playbook: published } });
    expect(res.statusCode, res.body).toBe(201);
    const a = await device();
    expect((await getActivePlaybook(a.db)).origin).toBe('default');
    await a.engine.runOnce();
    const active = await getActivePlaybook(a.db);
    expect(active.origin).toBe('team');
    expect(active.playbook.name.en).toBe('Team playbook');
    expect((await readSyncState(a.storage)).teamPlaybookVersion).toBeGreaterThan(0);
    expect(await a.db.outbox.count()).toBe(0);
  }, 30_000);

  it('does nothing without a config', async () => {
    const a = await device();
    await a.storage.remove('sufler:sync-config');
    await logTouches(a, 1);
    expect(await a.engine.runOnce()).toMatchObject({ state: 'off', pushed: 0 });
    expect(a.sent.length).toBe(0);
    expect(await syncStatus(a.db, a.storage)).toMatchObject({ state: 'off', pending: 1, serverUrl: null });
  });
});
