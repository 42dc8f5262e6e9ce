import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { malformedRequests } from './helpers/malformed-requests';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { clientItem, countRows, makeClient, makeTouch, touchItem } from './helpers/sync-fixtures';

describe.each(dbTargets())('malformed requests on $name', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target);
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  it('answers 1,200 generated malformed requests each with a 4xx JSON error, stores nothing, stays healthy', async () => {
    const requests = malformedRequests(20261123, 1200, () => [touchItem(makeTouch()), clientItem(makeClient()), touchItem(makeTouch())]);
    const before = await countRows(s.db);
    const statuses = new Map<number, number>();
    for (const r of requests) {
      const res = await s.app.inject({
        method: r.method,
        url: r.url,
        headers: { ...auth(r.as === 'head' ? s.world.tokens.headNorth : s.world.tokens.mgrNorth), 'content-type': r.contentType ?? 'application/json' },
        ...(r.body === undefined ? {} : { payload: r.body }),
      });
      const problem = `${r.label} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, problem).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, problem).toBeLessThan(500);
      expect(ErrorBodySchema.safeParse(res.json()).success, problem).toBe(true);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    }
    expect(await countRows(s.db)).toEqual(before);
    // The mix really exercised several failure kinds, not one path 1,200 times.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 413, 415]));
    expect((await s.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  }, 60_000);
});
