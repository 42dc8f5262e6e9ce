import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../server/src/admin-commands';
import { decodeInvite } from '../../lib/wire/invite';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { IssuedTokenResponseSchema, TeamMembersResponseSchema } from '../../lib/wire/team';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { SECRET, auth, startTestServer, type TestServer } from './helpers/test-server';

/** The dashboard's team page: a head manages their own team, an admin their organisation. */
describe.each(dbTargets())('team management on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
    for (const r of await s.db.query(`SELECT email, id::text AS id FROM users UNION ALL SELECT name, id::text FROM teams`)) ids[String(r.email)] = String(r.id);
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
  const call = (token: string, method: Method, url: string, payload?: unknown) =>
    s.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload: payload as object }) });
  const members = async (token: string) => {
    const res = await call(token, 'GET', '/api/team/members');
    expect(res.statusCode).toBe(200);
    return TeamMembersResponseSchema.parse(res.json());
  };
  const errorOf = (body: string) => ErrorBodySchema.parse(JSON.parse(body)).error;

  it('a head sees the people of their team only, with their live tokens', async () => {
    const r = await members(t.headNorth);
    expect(r.canManageOrg).toBe(false);
    expect(r.teams).toEqual([{ id: ids.North, name: 'North' }]);
    expect(r.members.map((m) => [m.email, m.role])).toEqual([
      ['ann@acme.test', 'manager'],
      ['boris@acme.test', 'manager'],
      ['head.north@acme.test', 'head'],
    ]);
    expect(r.members[0]?.tokens.map((k) => k.id)).toEqual([s.world.tokenIds.mgrNorth]);
  });

  it('an admin sees the whole organisation and nothing of another', async () => {
    const r = await members(t.adminA);
    expect(r.canManageOrg).toBe(true);
    expect(r.teams.map((x) => x.name)).toEqual(['North', 'South']);
    const emails = r.members.map((m) => m.email);
    expect(emails).toContain('sofia@acme.test');
    expect(emails).toContain('admin@acme.test');
    expect(emails.some((e) => e.endsWith('@bolt.test'))).toBe(false);
  });

  it('a manager gets 403 on every team endpoint', async () => {
    const answers = await Promise.all([
      call(t.mgrNorth, 'GET', '/api/team/members'),
      call(t.mgrNorth, 'POST', '/api/team/members', { email: 'x@acme.test' }),
      call(t.mgrNorth, 'PATCH', `/api/team/members/${ids['boris@acme.test']}`, { role: 'head' }),
      call(t.mgrNorth, 'POST', `/api/team/members/${ids['boris@acme.test']}/tokens`, {}),
      call(t.mgrNorth, 'DELETE', `/api/team/tokens/${s.world.tokenIds.mgrNorth2}`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403]);
  });

  it('a head adds a manager to their team, issues a token that works, and revokes it', async () => {
    const added = await call(t.headNorth, 'POST', '/api/team/members', { email: '  Nina@Acme.test ' });
    expect(added.statusCode).toBe(201);
    const nina = String(added.json().id);
    const issued = await call(t.headNorth, 'POST', `/api/team/members/${nina}/tokens`, { expiresInDays: 30 });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const token = IssuedTokenResponseSchema.parse(issued.json());
    // 30 days from now, to the minute.
    expect(Math.abs(Date.parse(token.expiresAt ?? '') - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);
    const me = await call(token.token, 'GET', '/api/me');
    expect(me.json()).toMatchObject({ user: { email: 'nina@acme.test', role: 'manager' }, team: { name: 'North' } });
    // Only the hash is kept.
    const stored = await s.db.query('SELECT token_hash FROM tokens WHERE id = $1::bigint', [token.tokenId]);
    expect(String(stored[0]?.token_hash)).not.toContain(token.token);
    expect((await members(t.headNorth)).members.find((m) => m.email === 'nina@acme.test')?.tokens.map((k) => k.id)).toEqual([token.tokenId]);

    expect((await call(t.headNorth, 'DELETE', `/api/team/tokens/${token.tokenId}`)).statusCode).toBe(204);
    expect((await call(token.token, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await members(t.headNorth)).members.find((m) => m.email === 'nina@acme.test')?.tokens).toEqual([]);
  });

  it('a head sets roles within their team, never admin, never their own, never outside it', async () => {
    const boris = ids['boris@acme.test'];
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${boris}`, { role: 'head' })).statusCode).toBe(204);
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${boris}`, { role: 'manager' })).statusCode).toBe(204);
    const admin = await call(t.headNorth, 'PATCH', `/api/team/members/${boris}`, { role: 'admin' });
    expect(admin.statusCode).toBe(403);
    expect(errorOf(admin.body).message).toMatch(/admin/);
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${boris}`, { teamId: ids.South })).statusCode).toBe(403);
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${ids['head.north@acme.test']}`, { role: 'manager' })).statusCode).toBe(403);
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${ids['sofia@acme.test']}`, { role: 'head' })).statusCode).toBe(403);
    expect((await call(t.headNorth, 'PATCH', `/api/team/members/${ids['admin@acme.test']}`, { role: 'manager' })).statusCode).toBe(403);
    const rows = await s.db.query(`SELECT email, role FROM users WHERE email IN ('boris@acme.test', 'sofia@acme.test', 'admin@acme.test') ORDER BY email`);
    expect(rows.map((r) => [r.email, r.role])).toEqual([
      ['admin@acme.test', 'admin'],
      ['boris@acme.test', 'manager'],
      ['sofia@acme.test', 'manager'],
    ]);
  });

  it('another team, another organisation and unknown ids all answer 403 for a head', async () => {
    const answers = await Promise.all([
      call(t.headNorth, 'POST', '/api/team/members', { email: 'y@acme.test', teamId: ids.South }),
      call(t.headNorth, 'POST', '/api/team/members', { email: 'y@acme.test', role: 'admin' }),
      call(t.headNorth, 'POST', `/api/team/members/${ids['sofia@acme.test']}/tokens`, {}),
      call(t.headNorth, 'POST', `/api/team/members/${ids['max@bolt.test']}/tokens`, {}),
      call(t.headNorth, 'POST', '/api/team/members/999999999/tokens', {}),
      call(t.headNorth, 'DELETE', `/api/team/tokens/${s.world.tokenIds.mgrSouth}`),
      call(t.headNorth, 'DELETE', `/api/team/tokens/${s.world.tokenIds.mgrB}`),
      call(t.headNorth, 'DELETE', `/api/team/tokens/${s.world.tokenIds.adminA}`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    // Nothing was written: those tokens still work, no user was made.
    for (const token of [t.mgrSouth, t.mgrB, t.adminA]) expect((await call(token, 'GET', '/api/me')).statusCode).toBe(200);
    expect(await s.db.query(`SELECT 1 FROM users WHERE email = 'y@acme.test'`)).toEqual([]);
  });

  it('an admin adds a head to a team of their organisation, not of another', async () => {
    const ok = await call(t.adminA, 'POST', '/api/team/members', { email: 'olga@acme.test', role: 'head', teamId: ids.South });
    expect(ok.statusCode).toBe(201);
    expect((await call(t.adminA, 'POST', '/api/team/members', { email: 'z@acme.test', teamId: ids.Main })).statusCode).toBe(403);
    const noTeam = await call(t.adminA, 'POST', '/api/team/members', { email: 'z@acme.test', role: 'manager', teamId: null });
    expect(noTeam.statusCode).toBe(400);
    expect(errorOf(noTeam.body).details?.[0]?.path).toBe('body.teamId');
    expect((await call(t.adminB, 'PATCH', `/api/team/members/${ids['ann@acme.test']}`, { role: 'head' })).statusCode).toBe(403);
    expect((await call(t.adminB, 'DELETE', `/api/team/tokens/${s.world.tokenIds.mgrNorth}`)).statusCode).toBe(403);
  });

  it('refuses bad input with the field named: bad or hostile emails, taken ones, a token life out of range', async () => {
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email' }, 'body.email'],
      [{ email: 'a\u0000b@acme.test' }, 'body.email'],
      [{ email: `${'x'.repeat(200_000)}@acme.test` }, 'body.email'],
      [{ email: 'ok@acme.test', role: 'owner' }, 'body.role'],
    ];
    for (const [payload, path] of cases) {
      const res = await call(t.headNorth, 'POST', '/api/team/members', payload);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res.body).details?.map((d) => d.path)).toContain(path);
    }
    const taken = await call(t.headNorth, 'POST', '/api/team/members', { email: 'ann@acme.test' });
    expect(taken.statusCode).toBe(409);
    for (const expiresInDays of [0, -1, 1.5, 3651]) {
      const res = await call(t.headNorth, 'POST', `/api/team/members/${ids['ann@acme.test']}/tokens`, { expiresInDays });
      expect(res.statusCode).toBe(400);
    }
    expect((await call(t.headNorth, 'DELETE', '/api/team/tokens/1e9')).statusCode).toBe(400);
  });

  it('the extension may send PATCH and DELETE (the preflight allows them)', async () => {
    const res = await s.app.inject({
      method: 'OPTIONS',
      url: '/api/team/tokens/1',
      headers: { origin: 'chrome-extension://abcdefghijklmnop', 'access-control-request-method': 'DELETE' },
    });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['access-control-allow-methods'])).toContain('DELETE');
    expect(String(res.headers['access-control-allow-methods'])).toContain('PATCH');
  });

  it('the admin CLI prints the same invite code when given the server address', async () => {
    const lines = await runAdminCommand(s.db, SECRET, ['token', 'issue', 'boris@acme.test', '--server', 'https://sufler.acme.test/'], null);
    const code = lines.at(-1) ?? '';
    const decoded = decodeInvite(code);
    expect(decoded).toEqual({ ok: true, invite: { serverUrl: 'https://sufler.acme.test', token: lines[1] } });
    await expect(runAdminCommand(s.db, SECRET, ['token', 'issue', 'boris@acme.test', '--server', 'http://remote.example.com'], null)).rejects.toThrow(/https/);
  });
});
