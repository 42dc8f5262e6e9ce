import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { DigestResponseSchema, type DigestResponse } from '../../lib/wire/digest';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { seedReports } from './helpers/report-seed';
import { auth, startTestServer, type TestServer } from './helpers/test-server';

/**
 * The daily digest over the report seed (helpers/report-seed.ts), worked out by hand for
 * Tuesday 2026-03-03: norms are 2 calls and 1 meeting a weekday.
 */
describe.each(dbTargets())('daily digest on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
    await seedReports(s);
    for (const r of await s.db.query(`SELECT email, id::text AS id FROM users UNION ALL SELECT name, id::text FROM teams`)) {
      ids[String(r.email)] = String(r.id);
    }
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const get = (token: string, query: string) => s.app.inject({ method: 'GET', url: `/api/reports/digest?${query}`, headers: auth(token) });
  async function digest(token: string, query: string): Promise<DigestResponse> {
    const res = await get(token, query);
    if (res.statusCode !== 200) throw new Error(`digest?${query} answered ${res.statusCode}: ${res.body}`);
    return DigestResponseSchema.parse(res.json());
  }
  const pick = <T extends Record<string, unknown>>(rows: T[], keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

  it("a head's day: managers below norm, deals viewed with gaps, key clients overdue at the day's end", async () => {
    const d = await digest(t.headNorth, 'date=2026-03-03');
    expect(d).toMatchObject({ date: '2026-03-03', timeZone: 'UTC', scope: { team: ids.North } });
    // Ann: 1 call (1002), no meeting; Boris: nothing that day. Sofia is South's.
    expect(pick(d.tables.belowNorm, ['manager', 'calls', 'calls_norm', 'meetings', 'meetings_norm', 'below_norm'])).toEqual([
      { manager: 'ann@acme.test', calls: 1, calls_norm: 2, meetings: 0, meetings_norm: 1, below_norm: 'calls, meetings' },
      { manager: 'boris@acme.test', calls: 0, calls_norm: 2, meetings: 0, meetings_norm: 1, below_norm: 'calls, meetings' },
    ]);
    // Viewed on 03.03 in North: 1002 (all filled) and 1003 (decision date empty). South's 3001 is not theirs.
    const label = DEFAULT_PLAYBOOK.fields.find((f) => f.id === 'decision_date')?.label.ru;
    expect(pick(d.tables.gaps, ['title', 'url', 'manager', 'missing', 'missing_fields'])).toEqual([
      { title: '=Краны', url: 'https://acme.amocrm.ru/leads/detail/1003', manager: 'ann@acme.test', missing: 1, missing_fields: label },
    ]);
    // As of 04.03 00:00 UTC. 6001 (top key, never touched, first seen 20.01 00:00): 43 days − 15 = 28,
    // meeting 43 − 30 = 13. 5001: last call 01.02 10:00 → 30.58 − 15 = 15; last meeting 20.11 12:00
    // → 103.5 − 90 = 13. 5002: call 01.03, meeting 15.01 (47.6 < 90 days): within its norms.
    expect(pick(d.tables.overdue, ['title', 'manager', 'last_touch', 'touch_overdue_days', 'meeting_overdue_days', 'days_overdue'])).toEqual([
      { title: 'Топ-клиент', manager: 'boris@acme.test', last_touch: null, touch_overdue_days: 28, meeting_overdue_days: 13, days_overdue: 28 },
      { title: 'Ключевой завод', manager: 'ann@acme.test', last_touch: '2026-02-01', touch_overdue_days: 15, meeting_overdue_days: 13, days_overdue: 15 },
    ]);
  });

  it('a weekend has no daily norm; an admin sees the organisation or one of its teams', async () => {
    expect((await digest(t.headNorth, 'date=2026-03-07')).tables.belowNorm).toEqual([]);
    // Sofia's 10 calls on Monday meet the call norm; no meeting.
    const south = await digest(t.adminA, `date=2026-03-02&team=${ids.South}`);
    expect(pick(south.tables.belowNorm, ['manager', 'calls', 'below_norm'])).toEqual([{ manager: 'sofia@acme.test', calls: 10, below_norm: 'meetings' }]);
    const all = await digest(t.adminA, 'date=2026-03-03');
    expect(all.scope.team).toBeNull();
    expect(all.tables.belowNorm.map((r) => r.manager)).toEqual(['ann@acme.test', 'boris@acme.test', 'sofia@acme.test']);
    expect(all.tables.gaps.map((r) => r.title).sort()).toEqual(['=Краны', 'Юг']);
    // Bolt's admin sees only Bolt's deal.
    expect((await digest(t.adminB, 'date=2026-03-03')).tables.gaps.map((r) => r.title)).toEqual(['Чужая сделка']);
  });

  it('a manager gets 403; a head asking for another team, or an admin for another organisation’s, gets 403', async () => {
    for (const [token, query] of [
      [t.mgrNorth, 'date=2026-03-03'],
      [t.mgrSouth, ''],
      [t.headNorth, `date=2026-03-03&team=${ids.South}`],
      [t.adminA, `date=2026-03-03&team=${ids.Main}`],
    ] as const) {
      const res = await get(token, query);
      expect(res.statusCode, query).toBe(403);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
    }
    expect((await s.app.inject({ method: 'GET', url: '/api/reports/digest' })).statusCode).toBe(401);
  });

  it('a malformed, impossible or future date, or an unknown table, is a 400 naming the parameter', async () => {
    for (const [query, where] of [
      ['date=2026-3-3', 'querystring.date'],
      ['date=2026-02-30', 'querystring.date'],
      ['date=2026-03-03%00', 'querystring.date'],
      [`date=${new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)}`, 'querystring.date'],
      ['date=9999-12-31', 'querystring.date'],
      ['date=2026-03-03&format=csv&table=nope', 'querystring.table'],
    ] as const) {
      const res = await get(t.headNorth, query);
      expect(res.statusCode, query).toBe(400);
      expect(ErrorBodySchema.parse(res.json()).error.details?.map((x) => x.path), query).toContain(where);
    }
  });

  it('CSV: one table with a BOM, Cyrillic intact, a formula in a deal title defused', async () => {
    const res = await get(t.headNorth, 'date=2026-03-03&format=csv&table=gaps&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('sufler-digest-gaps-2026-03-03.csv');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const label = DEFAULT_PLAYBOOK.fields.find((f) => f.id === 'decision_date')?.label.en;
    const stage = DEFAULT_PLAYBOOK.stages.find((x) => x.id === 'negotiation')?.name.en;
    expect(res.body.slice(1).split('\r\n')).toEqual([
      'title,url,stage,manager,missing,missing_fields',
      `'=Краны,https://acme.amocrm.ru/leads/detail/1003,${stage},ann@acme.test,1,${label}`,
      '',
    ]);
  });
});
