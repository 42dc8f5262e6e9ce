import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { PIXEL_GIF } from '../../server/src/tracking/pixel-gif';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { pullAll } from './helpers/sync-fixtures';
import { DESKTOP_UA, hit, hitRows, letter, readTracked, sentAnHourAgo, track } from './helpers/tracking-fixtures';

describe.each(dbTargets())('tracked emails API on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  it('issues a pixel of 192 unguessable bits behind the sender key, and a retry gets the same one', async () => {
    const body = letter();
    const created = await track(s.app, t.mgrNorth, body);
    expect(created.id).toBe(body.id);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{40}$/);
    expect(created.token.startsWith(created.senderKey)).toBe(true);
    expect(created.pixelUrl).toBe(`http://localhost:80/t/${created.token}.gif`);
    expect(await track(s.app, t.mgrNorth, body)).toEqual(created);
    // The same sender keeps the same key; another sender gets another.
    const second = await track(s.app, t.mgrNorth, letter());
    expect(second.senderKey).toBe(created.senderKey);
    expect(second.token).not.toBe(created.token);
    expect((await track(s.app, t.mgrNorth2, letter())).senderKey).not.toBe(created.senderKey);
  });

  it('keeps no token in the database: a leaked table gives no working pixel', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    const rows = await s.db.query('SELECT * FROM tracked_emails WHERE id = $1', [created.id]);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(created.token);
    expect(dump).not.toContain(created.token.slice(8));
  });

  it('refuses the same id with other content (409) and never shows another organisation its letters (404)', async () => {
    const body = letter();
    await track(s.app, t.mgrNorth, body);
    const changed = await s.app.inject({ method: 'POST', url: '/api/tracked-emails', headers: auth(t.mgrNorth), payload: { ...body, subject: 'other' } });
    expect(changed.statusCode).toBe(409);
    // Another organisation may use the same id for its own letter; neither sees the other's.
    const theirs = await track(s.app, t.mgrB, { ...body, subject: 'Bolt' });
    expect(theirs.token).not.toBe((await track(s.app, t.mgrNorth, body)).token);
    expect((await readTracked(s.app, t.adminB, body.id)).subject).toBe('Bolt');
    const onlyAcme = await track(s.app, t.mgrNorth, letter());
    expect((await s.app.inject({ url: `/api/tracked-emails/${onlyAcme.id}`, headers: auth(t.adminB) })).statusCode).toBe(404);
    for (const [token, status] of [[t.mgrNorth2, 404], [t.mgrSouth, 404], [t.headNorth, 200], [t.adminA, 200]] as const) {
      const res = await s.app.inject({ url: `/api/tracked-emails/${body.id}`, headers: auth(token) });
      expect(res.statusCode, token).toBe(status);
      if (status === 200) expect(res.json().subject).toBe(body.subject);
    }
    const missing = await s.app.inject({ url: `/api/tracked-emails/${letter().id}`, headers: auth(t.mgrNorth) });
    expect(missing.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(missing.json()).error.code).toBe('not_found');
  });

  it('refuses hostile letters with a clear 400 and stores nothing', async () => {
    const before = Number((await s.db.query('SELECT count(*)::int AS n FROM tracked_emails'))[0]?.n);
    const bad = [
      { subject: 'a\u0000b' },
      { subject: 'half \uD800 a pair' },
      { subject: 'x'.repeat(1_000_001) },
      { recipients: [] },
      { recipients: ['not an address'] },
      { recipients: ['a\u0000@b.c'] },
      { sentAt: Date.now() + 3 * 24 * 3600_000 },
      { sentAt: -1 },
      { id: 'not-a-ulid' },
      { clientId: '' },
    ];
    for (const patch of bad) {
      const res = await s.app.inject({ method: 'POST', url: '/api/tracked-emails', headers: auth(t.mgrNorth), payload: letter(patch) });
      expect(res.statusCode, JSON.stringify(patch).slice(0, 80)).toBe(res.statusCode === 413 ? 413 : 400);
      expect(ErrorBodySchema.parse(res.json()).error.message.length).toBeGreaterThan(0);
    }
    expect(Number((await s.db.query('SELECT count(*)::int AS n FROM tracked_emails'))[0]?.n)).toBe(before);
  });

  it('a counted open is stored raw with its class, reason and classifier version, never with the bare address', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    const res = await hit(s.app, `/t/${created.token}.gif`, undefined, '66.102.8.10');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PIXEL_GIF)).toBe(true);
    const record = await readTracked(s.app, t.mgrNorth, created.id);
    expect(record.opens).toBe(1);
    expect(record.hits).toEqual([{ at: expect.any(Number), class: 'provider_proxy', counted: true, reason: expect.stringContaining("Gmail's image proxy"), classifierVersion: 1 }]);
    const stored = JSON.stringify(await s.db.query('SELECT * FROM tracked_email_hits'));
    expect(stored).not.toContain('66.102.8.10');
    expect(stored).toContain('GoogleImageProxy');
  });

  it('the sender reporting their own view un-counts a hit that came first, and classes the next one as theirs', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    await hit(s.app, `/t/${created.token}.gif`);
    expect((await readTracked(s.app, t.mgrNorth, created.id)).opens).toBe(1);
    const view = await s.app.inject({ method: 'POST', url: `/api/tracked-emails/${created.id}/sender-views`, headers: auth(t.mgrNorth), payload: { at: Date.now() } });
    expect(view.json()).toEqual({ reclassified: 1 });
    await hit(s.app, `/t/${created.token}.gif`);
    const record = await readTracked(s.app, t.mgrNorth, created.id);
    expect(record.opens).toBe(0);
    expect(record.hits.map((h) => [h.class, h.counted])).toEqual([
      ['sender_view', false],
      ['sender_view', false],
    ]);
    // Only the sender reports their views; for anyone else the letter does not exist.
    for (const token of [t.mgrNorth2, t.headNorth, t.adminB]) {
      const res = await s.app.inject({ method: 'POST', url: `/api/tracked-emails/${created.id}/sender-views`, headers: auth(token), payload: { at: Date.now() } });
      expect(res.statusCode).toBe(404);
    }
    const future = await s.app.inject({ method: 'POST', url: `/api/tracked-emails/${created.id}/sender-views`, headers: auth(t.mgrNorth), payload: { at: Date.now() + 86_400_000 } });
    expect(future.statusCode).toBe(400);
  });

  it('a hit from the address the sender syncs from is shown as probably the sender, not counted', async () => {
    const created = await track(s.app, t.mgrSouth, letter());
    await sentAnHourAgo(s.db, created.id);
    await s.app.inject({ url: '/api/me', headers: auth(t.mgrSouth), remoteAddress: '198.51.100.23' });
    await hit(s.app, `/t/${created.token}.gif`, DESKTOP_UA, '198.51.100.23');
    await hit(s.app, `/t/${created.token}.gif`, DESKTOP_UA, '198.51.100.99');
    const record = await readTracked(s.app, t.mgrSouth, created.id);
    expect(record.hits.map((h) => h.class)).toEqual(['probably_sender', 'person']);
    expect(record.opens).toBe(1);
    expect(JSON.stringify(await s.db.query('SELECT * FROM sender_addresses'))).not.toContain('198.51.100.23');
  });

  it('a counted open becomes one email_open touch that the sender pulls on their devices', async () => {
    const body = letter({ clientId: 'amocrm:acme.amocrm.ru:lead:4242' });
    const created = await track(s.app, t.mgrNorth2, body);
    await sentAnHourAgo(s.db, created.id);
    await Promise.all([hit(s.app, `/t/${created.token}.gif`), hit(s.app, `/t/${created.token}.gif`)]);
    await hit(s.app, `/t/${created.token}.gif`);
    const touches = (await pullAll(s.app, t.mgrNorth2, 'laptop')).flatMap((c) => (c.type === 'touch' && c.touch.clientKey === body.clientId ? [c] : []));
    // Three counted opens within minutes make one touch: a flood cannot fill the history.
    expect(touches).toHaveLength(1);
    expect(touches[0]?.touch).toMatchObject({ kind: 'email_open', clientKey: body.clientId, comment: body.subject, outcome: 'done' });
    expect((await readTracked(s.app, t.mgrNorth2, created.id)).opens).toBe(3);
    // A letter linked to no client is tracked but makes no touch.
    const unlinked = await track(s.app, t.mgrNorth2, letter({ clientId: undefined }));
    await sentAnHourAgo(s.db, unlinked.id);
    await hit(s.app, `/t/${unlinked.token}.gif`);
    expect((await readTracked(s.app, t.mgrNorth2, unlinked.id)).opens).toBe(1);
    const all = await pullAll(s.app, t.mgrNorth2, 'laptop');
    expect(all.filter((c) => c.type === 'touch' && c.touch.kind === 'email_open')).toHaveLength(1);
  });

  it('stores nothing for a hit before the letter could be read, and says why', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await hit(s.app, `/t/${created.token}.gif`, DESKTOP_UA, '203.0.113.5');
    const record = await readTracked(s.app, t.mgrNorth, created.id);
    expect(record.opens).toBe(0);
    expect(record.hits[0]).toMatchObject({ class: 'scanner', counted: false, reason: expect.stringContaining('too soon') });
  });

  it('counts every hit in a flood but stores a bounded number, and answers every one', async () => {
    const created = await track(s.app, t.mgrNorth, letter({ clientId: undefined }));
    await sentAnHourAgo(s.db, created.id);
    const before = await hitRows(s.db);
    const answers = await Promise.all(Array.from({ length: 300 }, () => hit(s.app, `/t/${created.token}.gif`)));
    expect(answers.every((a) => a.statusCode === 200 && a.rawPayload.equals(PIXEL_GIF))).toBe(true);
    const record = await readTracked(s.app, t.mgrNorth, created.id);
    expect(record.hitsTotal).toBe(300);
    expect(record.hits).toHaveLength(100);
    expect(record.hitsNotStored).toBe(200);
    expect(record.opens).toBe(300);
    expect((await hitRows(s.db)) - before).toBe(100);
  });
});
