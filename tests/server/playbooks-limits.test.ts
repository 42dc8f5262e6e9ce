import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { CurrentPlaybookResponseSchema, PublishPlaybookResponseSchema } from '../../lib/wire/playbooks';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { countRows, makeTouch, pullAll, touchItem } from './helpers/sync-fixtures';

describe.each(dbTargets())('playbooks and request limits on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const current = async (token: string) =>
    CurrentPlaybookResponseSchema.parse((await s.app.inject({ url: '/api/playbooks/current', headers: auth(token) })).json()).current;
  const publish = (token: string, playbook: unknown) =>
    s.app.inject({ method: 'POST', url: '/api/playbooks', headers: auth(token), payload: { playbook } });

  it('has no current playbook until one is published', async () => {
    expect(await current(t.mgrNorth)).toBeNull();
  });

  it('a head publishes numbered versions; managers get the newest, another organisation none', async () => {
    const first = await publish(t.headNorth, DEFAULT_PLAYBOOK);
    expect(first.statusCode).toBe(201);
    expect(PublishPlaybookResponseSchema.parse(first.json())).toMatchObject({ version: 1, publishedBy: 'head.north@acme.test' });
    const second = await publish(t.adminA, DEFAULT_PLAYBOOK);
    expect(PublishPlaybookResponseSchema.parse(second.json()).version).toBe(2);
    const got = await current(t.mgrSouth);
    expect(got?.version).toBe(2);
    expect(got?.playbook).toEqual(JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)));
    expect(await current(t.mgrB)).toBeNull();
    const versions = (await pullAll(s.app, t.mgrNorth)).flatMap((c) => (c.type === 'playbook' ? [c.playbook.version] : []));
    expect(versions).toEqual([1, 2]);
    expect((await pullAll(s.app, t.mgrB)).filter((c) => c.type === 'playbook')).toEqual([]);
  });

  it('refuses a manager with 403 and stores nothing', async () => {
    const before = await countRows(s.db);
    const res = await publish(t.mgrNorth, DEFAULT_PLAYBOOK);
    expect(res.statusCode).toBe(403);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
    expect(await countRows(s.db)).toEqual(before);
  });

  it('refuses a playbook that fails its schema, naming where', async () => {
    const res = await publish(t.headNorth, { ...DEFAULT_PLAYBOOK, stages: 'none' });
    expect(res.statusCode).toBe(400);
    const body = ErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details?.some((d) => d.path.startsWith('body.playbook.stages'))).toBe(true);
  });

  it('answers 413 payload_too_large for a body over 1 MiB and stores nothing', async () => {
    const before = await countRows(s.db);
    const huge = makeTouch({ comment: 'я'.repeat(700_000) });
    const res = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: auth(t.mgrNorth), payload: { deviceId: 'a', items: [touchItem(huge)] } });
    expect(res.statusCode).toBe(413);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('payload_too_large');
    expect(await countRows(s.db)).toEqual(before);
  });

  it('limits requests per token with 429 rate_limited, other tokens unaffected', async () => {
    const limited = await s.appWith({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: '/api/me', headers: auth(t.mgrNorth) })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await limited.inject({ url: '/api/me', headers: auth(t.mgrNorth) });
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('rate_limited');
    expect(res.headers['retry-after']).toBeDefined();
    expect((await limited.inject({ url: '/api/me', headers: auth(t.mgrSouth) })).statusCode).toBe(200);
  });
});
