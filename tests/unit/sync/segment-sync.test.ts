import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../../lib/db/outbox';
import { segmentOf } from '../../../lib/db/segment-store';
import { readSyncState } from '../../../lib/sync/sync-state';
import { recomputeSegments } from '../../../server/src/segments/recompute-segments';
import { makeSnapshot, snapshotItem } from '../../server/helpers/compliance-fixtures';
import { push } from '../../server/helpers/sync-fixtures';
import { auth } from '../../server/helpers/test-server';
import { startLiveServer, type LiveServer } from './live-server';
import { syncDevices } from './sync-device';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const key = (crmId: string) => `amocrm:acme.amocrm.ru:lead:${crmId}`;

let server: LiveServer;
let orgA: string;
beforeAll(async () => {
  server = await startLiveServer();
  // North's year of won revenue: 1001 600, 1002 300, 1003 100 (of 1,000).
  const won = (crmId: string, amount: number) =>
    snapshotItem(makeSnapshot({ crmId, amount, stageId: 'won', crmStage: 'Успешно реализовано', terminal: 'won', takenAt: T0 - 86_400_000, day: '2026-11-22' }));
  const { results } = await push(server.app, server.world.tokens.mgrNorth2, 'dev-seed', [won('1001', 600_000), won('1002', 300_000), won('1003', 100_000)]);
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
  orgA = String((await server.db.query(`SELECT id::text AS id FROM orgs WHERE name = 'Acme'`))[0]?.id);
  await recomputeSegments(server.db, orgA, T0);
}, 60_000);
afterAll(async () => server.close());

const devices = syncDevices(() => server.url, T0);
afterEach(async () => devices.dispose());

describe('segments on pull', () => {
  it('gives every manager of the team the split on sync, then a head’s pin on the next one, with nothing in the outbox', async () => {
    const ann = await devices.device(server.world.tokens.mgrNorth);
    const first = await ann.engine.runOnce();
    expect(first).toMatchObject({ state: 'idle', segments: 3, failure: null });
    expect(await segmentOf(ann.db, key('1001'))).toMatchObject({ class: 'top', pinned: false, computed: { rank: 1, of: 3 } });
    expect((await segmentOf(ann.db, key('1002')))?.reason.en).toBe('A: 30 % of revenue, rank 2 of 3');
    expect((await segmentOf(ann.db, key('1003')))?.class).toBe('b');
    expect(await readOutbox(ann.db)).toEqual([]);

    // Nothing new: nothing fetched again.
    expect((await ann.engine.runOnce()).segments).toBe(0);
    const pinned = await server.app.inject({ method: 'PUT', url: '/api/clients/segments/pin', headers: auth(server.world.tokens.headNorth), payload: { clientKey: key('1003'), class: 'a' } });
    expect(pinned.statusCode).toBe(200);
    expect((await ann.engine.runOnce()).segments).toBe(1);
    expect(await segmentOf(ann.db, key('1003'))).toMatchObject({ class: 'a', pinned: true });
    await server.app.inject({ method: 'PUT', url: '/api/clients/segments/pin', headers: auth(server.world.tokens.headNorth), payload: { clientKey: key('1003'), class: null } });

    // Another team's manager gets none of North's.
    const sofia = await devices.device(server.world.tokens.mgrSouth);
    expect((await sofia.engine.runOnce()).segments).toBe(0);
    expect(await segmentOf(sofia.db, key('1001'))).toBeNull();
  });

  it('keeps its cursor when the segments request fails, backs off, and takes them all on the retry', async () => {
    const ann = await devices.device(server.world.tokens.mgrNorth);
    ann.intercept = async (url, init, real) => (url.includes('/api/clients/segments') ? new Response('{"error":{"code":"internal","message":"boom"}}', { status: 503 }) : real(url, init));
    const failed = await ann.engine.runOnce();
    expect(failed).toMatchObject({ state: 'backoff', segments: 0 });
    expect((await readSyncState(ann.storage)).segmentCursor).toBe('');
    expect(await segmentOf(ann.db, key('1001'))).toBeNull();
    ann.intercept = null;
    const again = await ann.engine.runOnce({ force: true });
    expect(again).toMatchObject({ state: 'idle', segments: 3 });
    expect((await readSyncState(ann.storage)).segmentCursor).not.toBe('');
  });

  it('syncs as before with a server that has no segments (404) or a hostile segment in the answer', async () => {
    const ann = await devices.device(server.world.tokens.mgrNorth);
    ann.intercept = async (url, init, real) => (url.includes('/api/clients/segments') ? new Response('{"error":{"code":"not_found","message":"Route not found"}}', { status: 404 }) : real(url, init));
    expect(await ann.engine.runOnce()).toMatchObject({ state: 'idle', segments: 0, failure: null });
    // A class the extension does not know fails the page's parse: retried later, nothing stored.
    ann.intercept = async (url, init, real) =>
      url.includes('/api/clients/segments')
        ? Response.json({ segments: [{ clientKey: key('1001'), teamId: '1', class: 'vip\u0000', pinned: false, computed: null, reason: { ru: '', en: '' } }], next: null, ranAt: null, cursor: '99' })
        : real(url, init);
    expect(await ann.engine.runOnce({ force: true })).toMatchObject({ state: 'backoff', segments: 0 });
    expect(await segmentOf(ann.db, key('1001'))).toBeNull();
    expect((await readSyncState(ann.storage)).segmentCursor).toBe('');
  });
});
