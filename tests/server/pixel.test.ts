import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailOpenEventSchema, type EmailOpenEvent } from '../../lib/wire/tracking';
import { PIXEL_GIF } from '../../server/src/tracking/pixel-gif';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { hit, hitRows, letter, readTracked, sentAnHourAgo, track } from './helpers/tracking-fixtures';

/** Headers that may differ between two answers without saying anything about the token. */
const VARYING = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-limit']);

function comparable(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !VARYING.has(k)));
}

describe.each(dbTargets())('the pixel on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  it('is a 43-byte GIF that mail clients may load from any origin and must never cache', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    const res = await hit(s.app, `/t/${created.token}.gif`);
    expect(PIXEL_GIF.length).toBe(43);
    expect(PIXEL_GIF.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(res.rawPayload.equals(PIXEL_GIF)).toBe(true);
    expect(res.headers['content-type']).toBe('image/gif');
    expect(res.headers['content-length']).toBe('43');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(String(res.headers['cache-control'])).toContain('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers a known, an unknown, a malformed, a too long and a nested token identically, storing only the known one', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    const known = await hit(s.app, `/t/${created.token}.gif`);
    const before = await hitRows(s.db);
    const counters = await s.db.query('SELECT sum(hits_total)::float8 AS n FROM tracked_emails');
    const other = created.token.slice(0, -1) + (created.token.endsWith('A') ? 'B' : 'A');
    const paths = [
      `/t/${other}.gif`,
      `/t/${created.token}x.gif`,
      `/t/${created.token.slice(0, 39)}.gif`,
      `/t/${created.token}${'A'.repeat(5000)}.gif`,
      `/t/${created.token.slice(0, 39)}!.gif`,
      `/t/${created.token.slice(0, 39)}%41.gif`,
      `/t/x/${created.token}.gif`,
      `/t/${created.token}.gif/extra`,
      `/t/${created.token}.png`,
      `/t/${created.token}`,
      '/t/',
      `/t/${'\u00e9'.repeat(40)}.gif`,
      `/t/..%2F..%2Fetc%2Fpasswd.gif`,
    ];
    for (const path of paths) {
      const res = await hit(s.app, path);
      expect(res.statusCode, path).toBe(known.statusCode);
      expect(res.rawPayload.equals(known.rawPayload), path).toBe(true);
      expect(comparable(res.headers), path).toEqual(comparable(known.headers));
    }
    expect(await hitRows(s.db)).toBe(before);
    expect(await s.db.query('SELECT sum(hits_total)::float8 AS n FROM tracked_emails')).toEqual(counters);
  });

  it('is never rate-limited, even where the API is', async () => {
    const limited = await s.appWith({ rateLimit: { max: 3, timeWindowMs: 60_000 } });
    const created = await track(s.app, t.mgrNorth, letter());
    const answers = await Promise.all(Array.from({ length: 20 }, () => hit(limited, `/t/${created.token}.gif`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 20 }, () => 200));
    expect((await readTracked(s.app, t.mgrNorth, created.id)).hitsTotal).toBe(20);
  });

  it('writes concurrent hits in a few transactions, and each is stored when its answer arrives', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    let inserts = 0;
    s.db.faultHook = (sql) => {
      if (/INSERT INTO tracked_email_hits/.test(sql)) inserts += 1;
    };
    try {
      await Promise.all(Array.from({ length: 60 }, () => hit(s.app, `/t/${created.token}.gif`)));
    } finally {
      s.db.faultHook = null;
    }
    expect((await readTracked(s.app, t.mgrNorth, created.id)).hits).toHaveLength(60);
    expect(inserts).toBeGreaterThan(0);
    expect(inserts).toBeLessThanOrEqual(6);
  });

  it('still answers the GIF when the database fails, and leaves no half-written batch', async () => {
    const created = await track(s.app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    s.db.faultHook = (sql) => {
      if (/UPDATE tracked_emails e/.test(sql)) throw new Error('injected fault');
    };
    let res;
    try {
      res = await hit(s.app, `/t/${created.token}.gif`);
    } finally {
      s.db.faultHook = null;
    }
    expect(res.rawPayload.equals(PIXEL_GIF)).toBe(true);
    const record = await readTracked(s.app, t.mgrNorth, created.id);
    expect([record.hitsTotal, record.hits.length, record.opens]).toEqual([0, 0, 0]);
  });

  it('pushes a counted open to the sender over server-sent events within seconds, and only to the sender', async () => {
    const app = await s.appWith({});
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const created = await track(app, t.mgrNorth, letter());
    await sentAnHourAgo(s.db, created.id);
    const mine = new AbortController();
    const theirs = new AbortController();
    const stream = await fetch(`${address}/api/events`, { headers: auth(t.mgrNorth), signal: mine.signal });
    const colleague = await fetch(`${address}/api/events`, { headers: auth(t.mgrNorth2), signal: theirs.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const unauth = await fetch(`${address}/api/events`);
    expect(unauth.status).toBe(401);
    const reader = stream.body!.getReader();
    const colleagueText = readAll(colleague.body!.getReader());
    const started = Date.now();
    // From another loopback address: the sender's own requests came from 127.0.0.1, and a hit
    // from there would rightly be "probably the sender".
    await getFrom(`${address}/t/${created.token}.gif`, '127.0.0.2', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)');
    const event = await nextEvent(reader);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(event).toMatchObject({ trackedEmailId: created.id, class: 'person', opens: 1 });
    expect(event.touchId).not.toBeNull();
    mine.abort();
    theirs.abort();
    expect(await colleagueText).not.toContain('email_open');
  }, 30_000);
});

function getFrom(url: string, localAddress: string, userAgent: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress, headers: { 'user-agent': userAgent } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<EmailOpenEvent> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended: ${text}`);
    text += decoder.decode(value, { stream: true });
    const match = /event: email_open\ndata: (.*)\n\n/.exec(text);
    if (match?.[1] !== undefined) return EmailOpenEventSchema.parse(JSON.parse(match[1]));
  }
}

async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return text;
  }
}
