import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { ReportResponseSchema, ReportScopeResponseSchema, type ReportResponse } from '../../lib/wire/reports';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { seedReports } from './helpers/report-seed';
import { auth, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Every figure below is worked out by hand from helpers/report-seed.ts; the comments show the sums.
 * The week under test is Monday 2026-03-02 to Sunday 2026-03-08.
 */
describe.each(dbTargets())('reports on $name', (target) => {
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

  const WEEK = 'from=2026-03-02&to=2026-03-08';
  const get = (token: string, path: string) => s.app.inject({ method: 'GET', url: `/api/reports/${path}`, headers: auth(token) });
  async function report(token: string, path: string): Promise<ReportResponse> {
    const res = await get(token, path);
    if (res.statusCode !== 200) throw new Error(`${path} answered ${res.statusCode}: ${res.body}`);
    return ReportResponseSchema.parse(res.json());
  }
  const pick = <T extends Record<string, unknown>>(rows: T[], keys: string[]) =>
    rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

  it('compliance: per manager, stage and field, the deals with gaps and the trend, for the head of North', async () => {
    const r = await report(t.headNorth, `compliance?${WEEK}`);
    expect(r.scope).toEqual({ team: ids.North, manager: null });
    // Ann's latest snapshots in the week: 1001 (5 required, 2 missing), 1002 (3, 0), 1003 won (2, 0),
    // 1005 (3, 0): 4 deals, 1 with gaps, 11 of 13 filled = 84.6 %. 1004 (09.03) is after the period.
    // Boris: 2001 won (4, 0). Sofia is in South; Bolt's deal is another organisation.
    expect(pick(r.tables.byManager ?? [], ['manager', 'deals', 'deals_with_gaps', 'required', 'filled', 'fill_rate'])).toEqual([
      { manager: 'ann@acme.test', deals: 4, deals_with_gaps: 1, required: 13, filled: 11, fill_rate: 84.6 },
      { manager: 'boris@acme.test', deals: 1, deals_with_gaps: 0, required: 4, filled: 4, fill_rate: 100 },
    ]);
    expect(pick(r.tables.byStage ?? [], ['stage', 'deals', 'deals_with_gaps', 'required', 'filled', 'fill_rate'])).toEqual([
      { stage: 'КП отправлено', deals: 2, deals_with_gaps: 0, required: 6, filled: 6, fill_rate: 100 },
      { stage: 'Сделка выиграна', deals: 2, deals_with_gaps: 0, required: 6, filled: 6, fill_rate: 100 },
      { stage: 'Квалификация', deals: 1, deals_with_gaps: 1, required: 5, filled: 3, fill_rate: 60 },
    ]);
    expect(pick(r.tables.byField ?? [], ['field_id', 'required', 'missing'])).toEqual([
      { field_id: 'decision_maker', required: 1, missing: 1 },
      { field_id: 'need', required: 1, missing: 1 },
      { field_id: 'budget', required: 3, missing: 0 },
      { field_id: 'company', required: 1, missing: 0 },
      { field_id: 'contact', required: 5, missing: 0 },
      { field_id: 'contract_number', required: 2, missing: 0 },
      { field_id: 'decision_date', required: 1, missing: 0 },
      { field_id: 'lead_source', required: 1, missing: 0 },
      { field_id: 'proposal_date', required: 2, missing: 0 },
    ]);
    const label = (id: string) => DEFAULT_PLAYBOOK.fields.find((f) => f.id === id)?.label.ru;
    expect(r.tables.gaps).toEqual([
      expect.objectContaining({
        title: 'Трубы',
        url: 'https://acme.amocrm.ru/leads/detail/1001',
        stage: 'Квалификация',
        manager: 'ann@acme.test',
        missing: 2,
        missing_fields: `${label('need')}, ${label('decision_maker')}`,
        viewed_on: '2026-03-04',
      }),
    ]);
    // Each deal once per day it was viewed: 02.03 1001 (5/3 missing) + 2001 (4/1) = 5 of 9 filled.
    expect(pick(r.tables.trend ?? [], ['day', 'deals', 'deals_with_gaps', 'fill_rate'])).toEqual([
      { day: '2026-03-02', deals: 2, deals_with_gaps: 2, fill_rate: 55.6 },
      { day: '2026-03-03', deals: 2, deals_with_gaps: 1, fill_rate: 80 },
      { day: '2026-03-04', deals: 2, deals_with_gaps: 1, fill_rate: 75 },
      { day: '2026-03-05', deals: 1, deals_with_gaps: 0, fill_rate: 100 },
      { day: '2026-03-06', deals: 1, deals_with_gaps: 0, fill_rate: 100 },
    ]);
  });

  it('activity: every manager every day against the norms (2 calls and 1 meeting a weekday, 3 meetings a week)', async () => {
    const r = await report(t.headNorth, `activity?${WEEK}`);
    // Ann: calls 3 + 1 + 2 + 1 (Saturday) = 7; the 5 calls of 01.03 are before the period.
    // Below on Tue (1 call, no meeting), Thu and Fri (nothing); the weekend has no daily norm.
    expect(pick(r.tables.byManager ?? [], ['manager', 'calls', 'meetings', 'emails', 'opens', 'letters', 'days_below_norm', 'weeks_below_norm'])).toEqual([
      { manager: 'ann@acme.test', calls: 7, meetings: 2, emails: 2, opens: 1, letters: 1, days_below_norm: 3, weeks_below_norm: 1 },
      { manager: 'boris@acme.test', calls: 2, meetings: 1, emails: 0, opens: 0, letters: 0, days_below_norm: 4, weeks_below_norm: 1 },
    ]);
    const ann = (r.tables.byDay ?? []).filter((d) => d.manager === 'ann@acme.test');
    expect(pick(ann, ['day', 'calls', 'meetings', 'below_norm'])).toEqual([
      { day: '2026-03-02', calls: 3, meetings: 1, below_norm: '' },
      { day: '2026-03-03', calls: 1, meetings: 0, below_norm: 'calls, meetings' },
      { day: '2026-03-04', calls: 2, meetings: 1, below_norm: '' },
      { day: '2026-03-05', calls: 0, meetings: 0, below_norm: 'calls, meetings' },
      { day: '2026-03-06', calls: 0, meetings: 0, below_norm: 'calls, meetings' },
      { day: '2026-03-07', calls: 1, meetings: 0, below_norm: '' },
      { day: '2026-03-08', calls: 0, meetings: 0, below_norm: '' },
    ]);
    expect(ann[0]).toMatchObject({ calls_norm: 2, meetings_norm: 1 });
    expect(pick(r.tables.byWeek ?? [], ['manager', 'week', 'calls', 'meetings', 'meetings_norm', 'below_norm'])).toEqual([
      { manager: 'ann@acme.test', week: '2026-03-02', calls: 7, meetings: 2, meetings_norm: 3, below_norm: 'meetings' },
      { manager: 'boris@acme.test', week: '2026-03-02', calls: 2, meetings: 1, meetings_norm: 3, below_norm: 'meetings' },
    ]);
  });

  it('conversions: the week counts deals the first time they reach a stage', async () => {
    const r = await report(t.headNorth, `conversions?${WEEK}`);
    // Calls 7 + 2, meetings 2 + 1; proposals: 1002 only (1005 first reached it on 25.02);
    // negotiations 1003 and 2001; won 1003 (05.03, seen won again 10.03) and 2001.
    const week = { calls: 9, meetings: 3, proposals: 1, negotiations: 2, won: 2, calls_to_meetings: 33.3, meetings_to_proposals: 33.3, proposals_to_negotiations: 200, negotiations_to_won: 100 };
    expect(r.tables.byWeek).toEqual([{ week: '2026-03-02', ...week }]);
    expect(r.tables.total).toEqual([week]);
  });

  it('overdue: key clients past their segment norm, as of the end of the period', async () => {
    const r = await report(t.headNorth, `overdue?${WEEK}`);
    // As of 09.03 00:00 UTC. 6001 (top key, never touched, first seen 20.01): 48 days − 15 = 33,
    // meetings 48 − 30 = 18. 5001 (key): last call 01.02 10:00 → 35.6 − 15 = 20; last meeting
    // 20.11 12:00 → 108.5 − 90 = 18 (its email does not count). 5002 is within both norms.
    expect(pick(r.tables.clients ?? [], ['title', 'segment', 'manager', 'responsible', 'last_touch', 'last_meeting', 'touch_overdue_days', 'meeting_overdue_days', 'days_overdue'])).toEqual([
      { title: 'Топ-клиент', segment: 'Топ-ключевой клиент', manager: 'boris@acme.test', responsible: null, last_touch: null, last_meeting: null, touch_overdue_days: 33, meeting_overdue_days: 18, days_overdue: 33 },
      { title: 'Ключевой завод', segment: 'Ключевой клиент', manager: 'ann@acme.test', responsible: 'Анна К.', last_touch: '2026-02-01', last_meeting: '2025-11-20', touch_overdue_days: 20, meeting_overdue_days: 18, days_overdue: 20 },
    ]);
    // The admin sees South's key client too.
    const all = await report(t.adminA, `overdue?${WEEK}`);
    expect((all.tables.clients ?? []).map((c) => c.title)).toContain('Южный ключевой');
  });

  it('monthly: deals won, revenue and the average check from the amounts on the cards', async () => {
    const r = await report(t.headNorth, 'monthly?from=2026-02-01&to=2026-03-31');
    // March: 1003 (1 200 000), 2001 (no amount when won: 300 000 from its card before), 1007 (none).
    expect(r.tables.byMonth).toEqual([
      { month: '2026-02', deals_won: 1, deals_with_amount: 1, revenue: 100_000, average_check: 100_000 },
      { month: '2026-03', deals_won: 3, deals_with_amount: 2, revenue: 1_500_000, average_check: 750_000 },
    ]);
    expect(pick((r.tables.byManager ?? []).filter((m) => m.month === '2026-03'), ['manager', 'deals_won', 'revenue', 'average_check'])).toEqual([
      { manager: 'ann@acme.test', deals_won: 2, revenue: 1_200_000, average_check: 1_200_000 },
      { manager: 'boris@acme.test', deals_won: 1, revenue: 300_000, average_check: 300_000 },
    ]);
    expect(pick(r.tables.deals ?? [], ['won_on', 'title', 'amount'])).toEqual([
      { won_on: '2026-02-27', title: 'Станки', amount: 100_000 },
      { won_on: '2026-03-05', title: '=Краны', amount: 1_200_000 },
      { won_on: '2026-03-06', title: 'Клапаны', amount: 300_000 },
      { won_on: '2026-03-20', title: 'Смазка', amount: null },
    ]);
  });

  it('a manager sees only their own figures; asking for a team or another person is 403', async () => {
    const r = await report(t.mgrNorth2, `activity?${WEEK}`);
    expect(r.scope).toEqual({ team: null, manager: ids['boris@acme.test'] });
    expect((r.tables.byManager ?? []).map((m) => m.manager)).toEqual(['boris@acme.test']);
    const c = await report(t.mgrNorth2, `conversions?${WEEK}`);
    expect(c.tables.total?.[0]).toMatchObject({ calls: 2, meetings: 1, negotiations: 1, won: 1 });
    for (const path of [`compliance?team=${ids.North}`, `compliance?manager=${ids['ann@acme.test']}`, `activity?team=${ids.South}`]) {
      const res = await get(t.mgrNorth2, path);
      expect(res.statusCode, path).toBe(403);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
    }
    expect((await get(t.mgrNorth2, `compliance?manager=${ids['boris@acme.test']}`)).statusCode).toBe(200);
  });

  it('a head sees only their team; another team, its people or another organisation are 403', async () => {
    for (const path of [`compliance?team=${ids.South}`, `activity?manager=${ids['sofia@acme.test']}`, `monthly?team=${ids.Main}`, `overdue?manager=${ids['max@bolt.test']}`]) {
      expect((await get(t.headNorth, path)).statusCode, path).toBe(403);
    }
    const one = await report(t.headNorth, `compliance?${WEEK}&manager=${ids['boris@acme.test']}`);
    expect((one.tables.byManager ?? []).map((m) => m.manager)).toEqual(['boris@acme.test']);
    // An admin narrows to any team of their organisation, never to another organisation's.
    const south = await report(t.adminA, `activity?${WEEK}&team=${ids.South}`);
    expect(pick(south.tables.byManager ?? [], ['manager', 'calls'])).toEqual([{ manager: 'sofia@acme.test', calls: 10 }]);
    expect((await get(t.adminA, `activity?team=${ids.Main}`)).statusCode).toBe(403);
    const bolt = await report(t.adminB, `compliance?${WEEK}`);
    expect((bolt.tables.gaps ?? []).map((g) => g.title)).toEqual(['Чужая сделка']);
  });

  it('a malformed or reversed period is a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['compliance?from=2026-3-1', 'querystring.from'],
      ['compliance?from=2026-02-30', 'querystring.from'],
      ['activity?from=2026-03-08&to=2026-03-01', 'querystring.to'],
      ['monthly?from=2024-01-01&to=2026-01-01', 'querystring.to'],
      ['overdue?team=abc', 'querystring.team'],
      ['compliance?format=xml', 'querystring.format'],
      ['compliance?format=csv&table=nope', 'querystring.table'],
    ];
    for (const [path, where] of cases) {
      const res = await get(t.headNorth, path);
      expect(res.statusCode, path).toBe(400);
      expect(ErrorBodySchema.parse(res.json()).error.details?.map((d) => d.path), path).toContain(where);
    }
    expect((await get(t.headNorth, 'nonsense')).statusCode).toBe(400);
  });

  it('CSV: UTF-8 with a BOM, Cyrillic intact, formulas in CRM text defused', async () => {
    const res = await get(t.headNorth, 'monthly?from=2026-03-01&to=2026-03-31&format=csv&table=deals');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('sufler-monthly-deals-2026-03-01-2026-03-31.csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.body.slice(1).split('\r\n')).toEqual([
      'won_on,title,url,manager,amount',
      "2026-03-05,'=Краны,https://acme.amocrm.ru/leads/detail/1003,ann@acme.test,1200000",
      '2026-03-06,Клапаны,https://acme.amocrm.ru/leads/detail/2001,boris@acme.test,300000',
      '2026-03-20,Смазка,https://acme.amocrm.ru/leads/detail/1007,ann@acme.test,',
      '',
    ]);
  });

  it('scope lists the teams and managers each caller may filter by', async () => {
    const head = ReportScopeResponseSchema.parse((await get(t.headNorth, 'scope')).json());
    expect(head.teams.map((x) => x.name)).toEqual(['North']);
    expect(head.managers.map((m) => m.email)).toEqual(['ann@acme.test', 'boris@acme.test']);
    const admin = ReportScopeResponseSchema.parse((await get(t.adminA, 'scope')).json());
    expect(admin.teams.map((x) => x.name)).toEqual(['North', 'South']);
    const mgr = ReportScopeResponseSchema.parse((await get(t.mgrNorth, 'scope')).json());
    expect(mgr).toMatchObject({ role: 'manager', managers: [{ email: 'ann@acme.test' }] });
  });
});
