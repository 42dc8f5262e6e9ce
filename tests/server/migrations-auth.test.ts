import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { MeResponseSchema } from '../../lib/wire/me';
import { firstStart, DEMO_ADMIN } from '../../server/src/accounts/first-start';
import { runAdminCommand } from '../../server/src/admin-commands';
import { AccountError } from '../../server/src/accounts/accounts';
import { buildApp } from '../../server/src/app';
import { migrate, MIGRATIONS_DIR } from '../../server/src/db/migrate';
import type { Db } from '../../server/src/db/database';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, SECRET, startTestServer, type TestServer } from './helpers/test-server';

describe.each(dbTargets())('migrations, accounts and auth on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(target);
  }, BOOT_TIMEOUT);
  afterAll(async () => server.close(), BOOT_TIMEOUT);

  it('applies every migration once, and a second run changes nothing', async () => {
    const names = (await server.db.query('SELECT name FROM schema_migrations ORDER BY name')).map((r) => String(r.name));
    // Every file of the folder, in name order, each once.
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(names).toEqual(files);
    expect(await migrate(server.db)).toEqual([]);
    const tables = (await server.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map((r) => String(r.table_name));
    for (const t of ['orgs', 'teams', 'users', 'tokens', 'clients', 'touches', 'playbook_versions', 'tracked_emails', 'tracked_email_hits', 'tracked_email_sender_views', 'tracking_senders', 'sender_addresses', 'compliance_snapshots', 'touch_day_counts', 'deal_stage_firsts', 'playbook_drafts', 'touch_versions', 'client_segments', 'segment_runs']) {
      expect(tables).toContain(t);
    }
  });

  it('answers /healthz with the database checked', async () => {
    const res = await server.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, db: server.db.kind });
  });

  it('refuses /api without a token, with a malformed one and with an unknown one', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, auth('x'.repeat(43))]) {
      const res = await server.app.inject({ url: '/api/me', headers });
      expect(res.statusCode).toBe(401);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('unauthorized');
    }
  });

  it('tells the caller who they are', async () => {
    const res = await server.app.inject({ url: '/api/me', headers: auth(server.world.tokens.mgrNorth) });
    expect(res.statusCode).toBe(200);
    const me = MeResponseSchema.parse(res.json());
    expect(me.user).toMatchObject({ email: 'ann@acme.test', role: 'manager' });
    expect(me.team?.name).toBe('North');
    expect(me.org.name).toBe('Acme');
  });

  it('stores tokens only as hashes', async () => {
    const dump = JSON.stringify(await server.db.query('SELECT * FROM tokens'));
    for (const token of Object.values(server.world.tokens)) expect(dump).not.toContain(token);
    expect(dump).toContain('token_hash');
  });

  it('stops accepting a token once it is revoked, other tokens unaffected', async () => {
    const lines = await runAdminCommand(server.db, SECRET, ['token', 'issue', 'boris@acme.test']);
    const token = lines[1] ?? '';
    const tokenId = /token (\d+) issued/.exec(lines[0] ?? '')?.[1] ?? '';
    expect((await server.app.inject({ url: '/api/me', headers: auth(token) })).statusCode).toBe(200);
    await runAdminCommand(server.db, SECRET, ['token', 'revoke', tokenId]);
    const res = await server.app.inject({ url: '/api/me', headers: auth(token) });
    expect(res.statusCode).toBe(401);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('unauthorized');
    expect((await server.app.inject({ url: '/api/me', headers: auth(server.world.tokens.mgrNorth2) })).statusCode).toBe(200);
  });

  it('records when a token was last used', async () => {
    await server.app.inject({ url: '/api/me', headers: auth(server.world.tokens.mgrB) });
    const rows = await server.db.query('SELECT last_used_at FROM tokens WHERE id = $1::bigint', [server.world.tokenIds.mgrB]);
    expect(rows[0]?.last_used_at).not.toBeNull();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await server.app.inject({ url: '/api/nothing-here', headers: auth(server.world.tokens.adminA) });
    expect(res.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(res.json()).error.code).toBe('not_found');
  });

  it('allows CORS for extension origins only and sets security headers', async () => {
    const ext = await server.app.inject({ url: '/healthz', headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(ext.headers['access-control-allow-origin']).toBe('chrome-extension://abcdefghijklmnop');
    const moz = await server.app.inject({ url: '/healthz', headers: { origin: 'moz-extension://1234-abcd' } });
    expect(moz.headers['access-control-allow-origin']).toBe('moz-extension://1234-abcd');
    const web = await server.app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(web.headers['access-control-allow-origin']).toBeUndefined();
    expect(web.headers['x-content-type-options']).toBe('nosniff');
  });

  it('admin CLI commands create teams and users and list them; misuse is refused', async () => {
    await runAdminCommand(server.db, SECRET, ['team', 'create', 'Bolt', 'East']);
    await runAdminCommand(server.db, SECRET, ['user', 'create', 'Bolt', 'Eve@Bolt.test', '--role', 'head', '--team', 'East']);
    const list = await runAdminCommand(server.db, SECRET, ['users', 'list', 'Bolt']);
    expect(list.some((l) => l.includes('eve@bolt.test') && l.includes('head') && l.includes('East'))).toBe(true);
    await expect(runAdminCommand(server.db, SECRET, ['user', 'create', 'Bolt', 'x@bolt.test', '--role', 'boss'])).rejects.toThrow(AccountError);
    await expect(runAdminCommand(server.db, SECRET, ['user', 'create', 'Bolt', 'y@bolt.test', '--role', 'manager'])).rejects.toThrow(/--team/);
    await expect(runAdminCommand(server.db, SECRET, ['team', 'create', 'Nope', 'X'])).rejects.toThrow(/no organisation/);
    await expect(runAdminCommand(server.db, SECRET, ['org', 'create', 'Acme'])).rejects.toThrow(/already exists/);
  });
});

describe.each(dbTargets())('first start on $name', (target) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
  }, BOOT_TIMEOUT);
  afterAll(async () => cleanup(), BOOT_TIMEOUT);

  it('migrates an empty database, creates the demo organisation once and prints a working admin token', async () => {
    expect((await migrate(db)).length).toBe((await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).length);
    const message = await firstStart(db, SECRET);
    expect(message).toContain('First start: created demo organisation «Demo»');
    const token = /shown once, keep it\): (\S+)/.exec(message ?? '')?.[1] ?? '';
    const app = await buildApp({ db, secret: SECRET });
    const res = await app.inject({ url: '/api/me', headers: auth(token) });
    expect(MeResponseSchema.parse(res.json()).user).toMatchObject({ email: DEMO_ADMIN, role: 'admin' });
    await app.close();
    expect(await firstStart(db, SECRET)).toBeNull();
    expect((await db.query('SELECT count(*)::int AS n FROM orgs'))[0]?.n).toBe(1);
  });
});
