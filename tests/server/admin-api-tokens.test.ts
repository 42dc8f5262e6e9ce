import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { parseExpiry } from '../../server/src/accounts/token-expiry';
import { runAdminCommand } from '../../server/src/admin-commands';
import { operatorKey } from '../../server/src/auth/operator-key';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, SECRET, startTestServer, type TestServer } from './helpers/test-server';
import { makeTouch, touchItem } from './helpers/sync-fixtures';

describe('token expiry spans', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('reads spans and dates, refuses the past, typos and the far future', () => {
    expect(parseExpiry('30d', now).toISOString()).toBe('2026-12-31T12:00:00.000Z');
    expect(parseExpiry('12h', now).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(parseExpiry('2027-01-31', now).toISOString()).toBe('2027-01-31T23:59:59.999Z');
    for (const bad of ['yesterday', '30', '2026-11-30', '2027-02-30x', '99999w', '-1d']) expect(() => parseExpiry(bad, now)).toThrow(RangeError);
  });
});

describe.each(dbTargets())('admin API, tokens, limits and logs on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const run = (authorization: string, args: string[]) =>
    s.app.inject({ method: 'POST', url: '/api/admin/run', headers: { authorization }, payload: { args } });
  const operator = `Operator ${operatorKey(SECRET)}`;

  it('runs the CLI commands for the operator and prints the same lines as the CLI', async () => {
    const viaApi = await run(operator, ['users', 'list', 'Bolt']);
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.json()).toEqual({ lines: await runAdminCommand(s.db, SECRET, ['users', 'list', 'Bolt']) });
    expect((await run(operator, ['org', 'create', 'Cobalt'])).json()).toEqual({ lines: [expect.stringMatching(/^organisation \d+ created$/)] });
  });

  it('scopes an admin token to its own organisation and refuses others', async () => {
    const own = await run(`Bearer ${t.adminA}`, ['users', 'list', 'Acme']);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { lines: string[] }).lines.some((l) => l.includes('ann@acme.test'))).toBe(true);
    for (const args of [['users', 'list', 'Bolt'], ['org', 'create', 'Mine'], ['team', 'create', 'Bolt', 'X']]) {
      const res = await run(`Bearer ${t.adminA}`, args);
      expect(res.statusCode).toBe(403);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
    }
    // Another organisation's user or token is simply not found.
    expect((await run(`Bearer ${t.adminA}`, ['token', 'issue', 'max@bolt.test'])).statusCode).toBe(400);
    expect((await run(`Bearer ${t.adminA}`, ['token', 'revoke', s.world.tokenIds.mgrB!])).statusCode).toBe(400);
    expect((await s.app.inject({ url: '/api/me', headers: auth(t.mgrB) })).statusCode).toBe(200);
    const manager = await run(`Bearer ${t.mgrNorth}`, ['users', 'list', 'Acme']);
    expect(manager.statusCode).toBe(403);
    const wrongKey = await run(`Operator ${'0'.repeat(64)}`, ['users', 'list', 'Acme']);
    expect(wrongKey.statusCode).toBe(401);
    const backup = await s.app.inject({ url: '/api/admin/backup', headers: auth(t.adminA) });
    expect(backup.statusCode).toBe(403);
  });

  it('lists live token ids, revokes all of a user at once, and refuses an expired token with token_expired', async () => {
    const issued = await runAdminCommand(s.db, SECRET, ['token', 'issue', 'sofia@acme.test', '--expires', '30d']);
    const [, token = ''] = issued;
    const tokenId = /token (\d+) issued \(expires /.exec(issued[0] ?? '')?.[1] ?? '';
    const list = await runAdminCommand(s.db, SECRET, ['users', 'list', 'Acme']);
    const sofia = list.find((l) => l.includes('sofia@acme.test')) ?? '';
    expect(sofia).toMatch(new RegExp(`2 live token\\(s\\): ${s.world.tokenIds.mgrSouth}, ${tokenId} \\(expires \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC\\)`));
    expect((await s.app.inject({ url: '/api/me', headers: auth(token) })).statusCode).toBe(200);

    await s.db.query(`UPDATE tokens SET expires_at = now() - interval '1 second' WHERE id = $1::bigint`, [tokenId]);
    const expired = await s.app.inject({ url: '/api/me', headers: auth(token) });
    expect(expired.statusCode).toBe(401);
    expect(ErrorBodySchema.parse(expired.json()).error.code).toBe('token_expired');

    const [secondLine = '', second = ''] = await runAdminCommand(s.db, SECRET, ['token', 'issue', 'sofia@acme.test']);
    const secondId = /token (\d+) issued/.exec(secondLine)?.[1] ?? '';
    // Every token not yet revoked, the expired one included.
    expect(await runAdminCommand(s.db, SECRET, ['token', 'revoke-all', 'sofia@acme.test'])).toEqual([
      `3 token(s) of sofia@acme.test revoked: ${s.world.tokenIds.mgrSouth}, ${tokenId}, ${secondId}`,
    ]);
    for (const gone of [t.mgrSouth, second]) expect((await s.app.inject({ url: '/api/me', headers: auth(gone) })).statusCode).toBe(401);
    expect(await runAdminCommand(s.db, SECRET, ['users', 'list', 'Acme'])).toContainEqual(expect.stringMatching(/sofia@acme\.test\tmanager\tSouth\t0 live token\(s\)$/));
  });

  it('answers 429 to an address that keeps failing authentication, before looking the token up; good tokens from it still pass', async () => {
    const limited = await s.appWith({ failedAuthLimit: { max: 5, timeWindowMs: 60_000 } });
    await limited.inject({ url: '/api/me', headers: auth(t.mgrNorth2) }); // Known good before the attack.
    let lookups = 0;
    s.db.faultHook = (sql) => {
      if (sql.includes('FROM tokens k')) lookups++;
    };
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const headers = i % 2 === 0 ? auth(`guess${String(i).padStart(40, '0')}`) : {};
      codes.push((await limited.inject({ url: '/api/sync/pull', headers })).statusCode);
    }
    s.db.faultHook = null;
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5).every((c) => c === 429)).toBe(true);
    expect(lookups).toBeLessThanOrEqual(3);
    const refused = await limited.inject({ url: '/api/me', headers: auth(`guess${'x'.repeat(40)}`) });
    expect(ErrorBodySchema.parse(refused.json()).error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await limited.inject({ url: '/api/me', headers: auth(t.mgrNorth2) })).statusCode).toBe(200);
    // Another address is not affected.
    expect((await limited.inject({ url: '/api/me', headers: {}, remoteAddress: '10.0.0.9' })).statusCode).toBe(401);
  });

  it('on a 500 logs the SQLSTATE and the item ids, never the SQL parameters or the comment', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await s.appWith({ logger: { stream } });
    const secret = 'Клиент просил не звонить до пятницы SECRET-COMMENT-7731';
    // A real database error whose parameters carry the comment: a check the row fails.
    await s.db.exec(`ALTER TABLE touches ADD CONSTRAINT fault_no_secret CHECK (position('SECRET-COMMENT' in coalesce(payload::text, '')) = 0)`);
    try {
      const touch = makeTouch({ comment: secret });
      const res = await logged.inject({ method: 'POST', url: '/api/sync/push', headers: auth(t.mgrNorth), payload: { deviceId: 'log-test', items: [touchItem(touch)] } });
      expect(res.statusCode).toBe(500);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('internal');
      const log = lines.join('');
      expect(log).toContain('"code":"23514"');
      expect(log).toContain(touch.id);
      expect(log).not.toContain('SECRET-COMMENT');
      expect(log).not.toContain('пятницы');
    } finally {
      await s.db.exec('ALTER TABLE touches DROP CONSTRAINT fault_no_secret');
    }
  });
});
