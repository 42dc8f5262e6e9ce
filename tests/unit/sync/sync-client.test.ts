import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMe, parseRetryAfter, pull, push, type FetchLike } from '../../../lib/sync/sync-client';
import type { SyncConfig } from '../../../lib/sync/sync-config';
import { startLiveServer, type LiveServer } from './live-server';

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

const config = (overrides: Partial<SyncConfig> = {}): SyncConfig => ({
  serverUrl: server.url,
  token: server.world.tokens.mgrNorth,
  deviceId: 'client-test',
  ...overrides,
});

/** A fetch that answers every request with one canned response. */
const answering =
  (status: number, body: string, headers: Record<string, string> = {}): FetchLike =>
  async () =>
    new Response(body, { status, headers });

const ONE_ITEM = [
  {
    id: '01JDCLIENTTEST000000000001',
    entity: 'touch' as const,
    op: 'upsert' as const,
    payload: { id: '01JDCLIENTTEST000000000001', clientKey: 'k', kind: 'call' as const, outcome: 'reached' as const, comment: '', at: 1, stageId: null },
  },
];

describe('fetchMe (the options page connection test)', () => {
  it('names the user and team a good token belongs to', async () => {
    const me = await fetchMe(`${server.url}/`, server.world.tokens.mgrNorth);
    expect(me.ok && me.value.user.email).toBe('ann@acme.test');
  });

  it("says 'unauthorized' for a token the server does not know", async () => {
    const me = await fetchMe(server.url, 'sufler_definitely-not-a-real-token');
    expect(me).toMatchObject({ ok: false, failure: { code: 'unauthorized', retryable: false } });
  });

  it("says 'offline' with the address when nothing listens there", async () => {
    const me = await fetchMe('http://127.0.0.1:9', server.world.tokens.mgrNorth);
    expect(me).toMatchObject({ ok: false, failure: { code: 'offline' } });
    if (!me.ok) expect(me.failure.message).toContain('http://127.0.0.1:9/api/me');
  });

  it("says 'not_sufler' for a site that is something else", async () => {
    expect(await fetchMe('https://example.test', 't', { fetch: answering(404, '<html>Not found</html>') })).toMatchObject({ ok: false, failure: { code: 'not_sufler' } });
    expect(await fetchMe('https://example.test', 't', { fetch: answering(200, '<html>Welcome</html>') })).toMatchObject({ ok: false, failure: { code: 'not_sufler' } });
    expect(await fetchMe('https://example.test', 't', { fetch: answering(200, '{"hello":"world"}') })).toMatchObject({ ok: false, failure: { code: 'not_sufler' } });
  });
});

describe('push and pull failures', () => {
  it('sorts HTTP failures into retryable and fatal ones', async () => {
    const cases: [number, string, string, boolean][] = [
      [500, '{"error":{"code":"internal","message":"internal error"}}', 'server', true],
      [502, 'Bad gateway', 'server', true],
      [401, '{"error":{"code":"unauthorized","message":"unknown or revoked token"}}', 'unauthorized', false],
      [403, '{"error":{"code":"forbidden","message":"no"}}', 'forbidden', false],
      [400, '{"error":{"code":"bad_request","message":"the request does not match its schema","details":[{"path":"body.items.0.id","message":"expected a ULID"}]}}', 'bad_request', false],
    ];
    for (const [status, body, code, retryable] of cases) {
      const result = await push(config(), ONE_ITEM, { fetch: answering(status, body) });
      expect(result, `HTTP ${status}`).toMatchObject({ ok: false, failure: { code, retryable } });
    }
    const refused = await push(config(), ONE_ITEM, { fetch: answering(400, cases[4]![1]) });
    if (!refused.ok) expect(refused.failure.message).toContain('body.items.0.id: expected a ULID');
  });

  it('honours Retry-After on 429', async () => {
    const result = await pull(config(), '', { fetch: answering(429, '{"error":{"code":"rate_limited","message":"slow down"}}', { 'retry-after': '30' }) });
    expect(result).toMatchObject({ ok: false, failure: { code: 'rate_limited', retryable: true, retryAfterMs: 30_000 } });
    expect(parseRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });

  it("treats an answer it cannot read as 'bad_response', retryable", async () => {
    expect(await pull(config(), '', { fetch: answering(200, 'not json') })).toMatchObject({ ok: false, failure: { code: 'bad_response', retryable: true } });
    expect(await push(config(), ONE_ITEM, { fetch: answering(200, '{"results":[]}') })).toMatchObject({ ok: false, failure: { code: 'bad_response', retryable: true } });
  });

  it("gives up on a server that does not answer in time, as 'timeout'", async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await pull(config(), '', { fetch: hanging, timeoutMs: 30 })).toMatchObject({ ok: false, failure: { code: 'timeout', retryable: true } });
  });

  it('pulls from the real server with the device id', async () => {
    const page = await pull(config(), '');
    expect(page).toMatchObject({ ok: true, value: { more: false } });
  });
});
