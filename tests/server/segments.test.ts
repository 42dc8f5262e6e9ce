import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClientSegmentSchema, RecomputeResponseSchema, SegmentsResponseSchema, type ClientSegment } from '../../lib/wire/segments';
import { recomputeSegments } from '../../server/src/segments/recompute-segments';
import { lastNightlyMark, runDueSegmentSplits } from '../../server/src/segments/segment-schedule';
import { makeSnapshot, snapshotItem } from './helpers/compliance-fixtures';
import { clientItem, makeClient, push, type Item } from './helpers/sync-fixtures';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';

const NOW = Date.UTC(2026, 2, 15, 12, 0);
const DAY_MS = 86_400_000;

/** A snapshot of deal `crmId` taken at `iso` (UTC), won or not, with the amount shown. */
function deal(crmId: string, iso: string, won: boolean, amount: number | null, account = 'acme.amocrm.ru'): Item {
  const takenAt = Date.parse(`${iso}Z`);
  return snapshotItem(
    makeSnapshot({
      crmId,
      clientKey: `amocrm:${account}:lead:${crmId}`,
      account,
      takenAt,
      day: iso.slice(0, 10),
      amount,
      ...(won ? { stageId: 'won', crmStage: 'Успешно реализовано', terminal: 'won' } : { stageId: 'negotiation', crmStage: 'Переговоры' }),
    }),
  );
}
const key = (crmId: string, account = 'acme.amocrm.ru'): string => `amocrm:${account}:lead:${crmId}`;

describe.each(dbTargets())('client segments on $name', (target) => {
  let s: TestServer;
  let orgA: string;
  beforeAll(async () => {
    s = await startTestServer(target);
    const t = s.world.tokens;
    // North's year (to 2026-03-15) of won revenue, in thousands: 1001 500, 1002 300 (its won card
    // shows no amount: the negotiation's 300 applies), 1003 100, 1007 50, 1008 30, 1009 20 = 1,000.
    // 1004 was won 14 months ago, 1005 was only opened, 1006 is not won: no revenue.
    const north: Item[] = [
      deal('1001', '2026-02-10T10:00', true, 500_000),
      deal('1002', '2025-12-20T10:00', false, 300_000),
      deal('1002', '2026-01-05T10:00', true, null),
      deal('1003', '2026-03-01T10:00', true, 100_000),
      deal('1004', '2025-01-01T10:00', true, 900_000),
      clientItem(makeClient({ crmId: '1005', updatedAt: NOW - DAY_MS })),
      deal('1006', '2026-03-02T10:00', false, 50_000),
      deal('1007', '2026-02-20T10:00', true, 50_000),
      deal('1008', '2026-02-21T10:00', true, 30_000),
      deal('1009', '2026-02-22T10:00', true, 20_000),
    ];
    const pushes: [string, Item[]][] = [
      [t.mgrNorth, north],
      [t.mgrSouth, [deal('3001', '2026-03-03T10:00', true, 10_000)]],
      [t.mgrB, [deal('9001', '2026-03-03T10:00', true, 1_000_000, 'bolt.amocrm.ru')]],
    ];
    for (const [token, items] of pushes) {
      const { results } = await push(s.app, token, 'dev-segments', items);
      const refused = results.filter((r) => r.status !== 'accepted');
      if (refused.length > 0) throw new Error(`seed refused: ${JSON.stringify(refused)}`);
    }
    const orgs = Object.fromEntries((await s.db.query(`SELECT name, id::text AS id FROM orgs`)).map((r) => [String(r.name), String(r.id)]));
    orgA = String(orgs.Acme);
    await recomputeSegments(s.db, orgA, NOW);
    await recomputeSegments(s.db, String(orgs.Bolt), NOW);
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  async function segments(token: string, query = ''): Promise<ClientSegment[]> {
    const res = await s.app.inject({ method: 'GET', url: `/api/clients/segments${query}`, headers: auth(token) });
    if (res.statusCode !== 200) throw new Error(`segments answered ${res.statusCode}: ${res.body}`);
    return SegmentsResponseSchema.parse(res.json()).segments;
  }
  const byKey = (list: ClientSegment[]) => Object.fromEntries(list.map((x) => [x.clientKey, x]));
  const pin = (token: string, clientKey: string, cls: string | null) =>
    s.app.inject({ method: 'PUT', url: '/api/clients/segments/pin', headers: auth(token), payload: { clientKey, class: cls } });

  it('splits the team by a year of won revenue: 80 % in A with its largest fifth on top, 15 % in B, the rest in C', async () => {
    const north = byKey(await segments(s.world.tokens.headNorth));
    expect(Object.fromEntries(Object.entries(north).map(([k, v]) => [k.split(':').at(-1), [v.class, v.computed?.rank]]))).toEqual({
      '1001': ['top', 1],
      '1002': ['a', 2],
      '1003': ['b', 3],
      '1007': ['b', 4],
      '1008': ['c', 5],
      '1009': ['c', 6],
      '1004': ['c', 7],
      '1005': ['c', 8],
      '1006': ['c', 9],
    });
    expect(north[key('1002')]?.computed).toMatchObject({ of: 9, revenue: 300_000, share: 0.3 });
    expect(north[key('1002')]?.reason).toEqual({ ru: 'A: 30 % выручки, место 2 из 9', en: 'A: 30 % of revenue, rank 2 of 9' });
    expect(north[key('1004')]?.reason.en).toBe('C: no won deals in 12 months');
  });

  it('shows each team its own split: a manager their team, an admin the organisation, nobody another organisation', async () => {
    const t = s.world.tokens;
    expect(Object.keys(byKey(await segments(t.mgrNorth)))).toHaveLength(9);
    const south = await segments(t.mgrSouth);
    // Alone in South, 3001 holds all of South's revenue.
    expect(south.map((x) => [x.clientKey, x.class, x.computed?.of])).toEqual([[key('3001'), 'top', 1]]);
    expect((await segments(t.adminA)).length).toBe(10);
    expect((await segments(t.adminB)).map((x) => x.clientKey)).toEqual([key('9001', 'bolt.amocrm.ru')]);
    const other = await s.app.inject({ method: 'GET', url: `/api/clients/segments?team=${south[0]?.teamId}`, headers: auth(t.mgrNorth) });
    expect(other.statusCode).toBe(403);
    expect(await segments(t.adminB, `?clientKey=${encodeURIComponent(key('1001'))}`)).toEqual([]);
  });

  it('lets a head pin a card of their team, keeps the pin through a recomputation, and unpins back to the computed class', async () => {
    const t = s.world.tokens;
    const pinned = await pin(t.headNorth, key('1005'), 'a');
    expect(pinned.statusCode).toBe(200);
    expect(ClientSegmentSchema.parse(pinned.json())).toMatchObject({ class: 'a', pinned: true, computed: { class: 'c' } });
    await recomputeSegments(s.db, orgA, NOW + 1000);
    const after = byKey(await segments(t.mgrNorth))[key('1005')];
    expect(after).toMatchObject({ class: 'a', pinned: true });
    expect(after?.reason.en).toBe('A: pinned by the head (by revenue: C)');
    expect(ClientSegmentSchema.parse((await pin(t.headNorth, key('1005'), null)).json())).toMatchObject({ class: 'c', pinned: false });
  });

  it('refuses a pin from a manager (403), of another team’s or organisation’s card (404), and malformed ones (400)', async () => {
    const t = s.world.tokens;
    expect((await pin(t.mgrNorth, key('1001'), 'c')).statusCode).toBe(403);
    expect((await pin(t.headNorth, key('3001'), 'a')).statusCode).toBe(404);
    expect((await pin(t.adminB, key('1001'), 'a')).statusCode).toBe(404);
    expect((await pin(t.headNorth, 'no-such-card', 'a')).statusCode).toBe(404);
    expect((await pin(t.headNorth, `${key('1001')}\u0000`, 'a')).statusCode).toBe(400);
    expect((await pin(t.headNorth, key('1001'), 'vip')).statusCode).toBe(400);
    expect((await pin(t.headNorth, 'x'.repeat(100_000), 'a')).statusCode).toBe(400);
    // Nothing of that changed 1001.
    expect(byKey(await segments(t.headNorth))[key('1001')]).toMatchObject({ class: 'top', pinned: false });
  });

  it('recomputes on demand for a head, not a manager, and a rerun over the same data moves no row in the pull order', async () => {
    const t = s.world.tokens;
    const refused = await s.app.inject({ method: 'POST', url: '/api/segments/recompute', headers: auth(t.mgrNorth) });
    expect(refused.statusCode).toBe(403);
    const seqBefore = await s.db.query('SELECT max(seq)::float8 AS m FROM client_segments');
    const again = await recomputeSegments(s.db, orgA, NOW + 2000);
    expect(again.clients).toBe(10);
    expect(await s.db.query('SELECT max(seq)::float8 AS m FROM client_segments')).toEqual(seqBefore);
    const ran = await s.app.inject({ method: 'POST', url: '/api/segments/recompute', headers: auth(t.headNorth) });
    expect(ran.statusCode).toBe(200);
    // On today's clock the year's window is another one, but the cards are the same ten.
    expect(RecomputeResponseSchema.parse(ran.json()).clients).toBe(10);
  });

  it('pages by client key, and refuses a limit out of range', async () => {
    const t = s.world.tokens;
    const first = SegmentsResponseSchema.parse((await s.app.inject({ method: 'GET', url: '/api/clients/segments?limit=4', headers: auth(t.headNorth) })).json());
    expect(first.segments).toHaveLength(4);
    expect(first.next).toBe(first.segments.at(-1)?.clientKey);
    const rest = await segments(t.headNorth, `?limit=10&after=${encodeURIComponent(first.next ?? '')}`);
    expect([...first.segments, ...rest].map((x) => x.clientKey)).toEqual((await segments(t.headNorth)).map((x) => x.clientKey));
    expect((await s.app.inject({ method: 'GET', url: '/api/clients/segments?limit=0', headers: auth(t.headNorth) })).statusCode).toBe(400);
    expect((await s.app.inject({ method: 'GET', url: '/api/clients/segments?limit=5001', headers: auth(t.headNorth) })).statusCode).toBe(400);
  });

  it('hands a device only what changed since its cursor: each change once, a pin and its undoing included, in pages', async () => {
    const t = s.world.tokens;
    const changes = async (since: string, limit = 1000) => {
      const res = await s.app.inject({ method: 'GET', url: `/api/clients/segments?since=${since}&limit=${limit}`, headers: auth(t.mgrNorth) });
      expect(res.statusCode).toBe(200);
      return SegmentsResponseSchema.parse(res.json());
    };
    // From the start, in pages of 4: North's nine cards, each once, and a cursor that stays put after.
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page += 1) {
      const answer = await changes(cursor, 4);
      seen.push(...answer.segments.map((x) => x.clientKey));
      cursor = answer.cursor ?? '';
      if (answer.next === null) break;
      expect(answer.next).toBe(answer.cursor);
    }
    expect([...seen].sort()).toEqual(Object.keys(byKey(await segments(t.mgrNorth))).sort());
    expect(new Set(seen).size).toBe(9);
    expect(await changes(cursor)).toMatchObject({ segments: [], next: null, cursor });
    // A recomputation over the same data changes nothing; a pin is one change, and so is taking it back.
    await recomputeSegments(s.db, orgA, NOW + 3000);
    expect((await changes(cursor)).segments).toEqual([]);
    expect((await pin(t.headNorth, key('1005'), 'top')).statusCode).toBe(200);
    const pinned = await changes(cursor);
    expect(pinned.segments.map((x) => [x.clientKey, x.class, x.pinned])).toEqual([[key('1005'), 'top', true]]);
    expect((await pin(t.headNorth, key('1005'), null)).statusCode).toBe(200);
    const unpinned = await changes(pinned.cursor ?? '');
    expect(unpinned.segments.map((x) => [x.clientKey, x.class, x.pinned])).toEqual([[key('1005'), 'c', false]]);
    // South's manager never hears of North's pin; a cursor that is not one is refused.
    const south = await s.app.inject({ method: 'GET', url: `/api/clients/segments?since=${cursor}`, headers: auth(t.mgrSouth) });
    expect(SegmentsResponseSchema.parse(south.json()).segments).toEqual([]);
    for (const bad of ['-1', '1e3', 'abc', '9'.repeat(19)]) {
      expect((await s.app.inject({ method: 'GET', url: `/api/clients/segments?since=${bad}`, headers: auth(t.mgrNorth) })).statusCode).toBe(400);
    }
  });

  it('runs the nightly split once per night for each organisation, whatever restarts happen between checks', async () => {
    await s.db.query('DELETE FROM segment_runs');
    const night = lastNightlyMark(NOW) + DAY_MS + 60_000;
    expect((await runDueSegmentSplits(s.db, night)).length).toBe(2);
    expect(await runDueSegmentSplits(s.db, night + 15 * 60_000)).toEqual([]);
    expect((await runDueSegmentSplits(s.db, night + DAY_MS)).length).toBe(2);
  });
});

/**
 * The rule of lib/segments/pareto-classes.ts, written plainly, as the oracle for the SQL: shares
 * are fractions, so the line is decided exactly, as the database's numeric sums decide it.
 */
function referenceSplit(cards: { key: string; revenue: number }[], a: [number, number], b: [number, number], top: [number, number]) {
  const ranked = [...cards].sort((x, y) => y.revenue - x.revenue || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const total = ranked.reduce((sum, c) => sum + c.revenue, 0);
  let before = 0;
  const classes = ranked.map((c) => {
    const cls = c.revenue === 0 ? 'c' : before * a[1] < total * a[0] ? 'a' : before * b[1] < total * b[0] ? 'b' : 'c';
    before += c.revenue;
    return cls;
  });
  const inA = classes.filter((c) => c === 'a').length;
  const topCount = inA === 0 || top[0] === 0 ? 0 : Math.max(1, Math.ceil((inA * top[0]) / top[1]));
  return ranked.map((c, i) => [c.key, i < topCount ? 'top' : classes[i], i + 1]);
}

describe.each(dbTargets())('the split in SQL against the rule, on $name', (target) => {
  let s: TestServer;
  let org: string;
  let team: string;
  let user: string;
  beforeAll(async () => {
    s = await startTestServer(target);
    const row = (await s.db.query(`SELECT u.org_id::text AS org, u.team_id::text AS team, u.id::text AS id FROM users u WHERE email = 'max@bolt.test'`))[0];
    [org, team, user] = [String(row?.org), String(row?.team), String(row?.id)];
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  /** Replaces the organisation's cards with one won deal each, of these amounts (0: viewed, not won). */
  async function seedCards(cards: { key: string; revenue: number }[]): Promise<void> {
    await s.db.query('DELETE FROM client_segments WHERE org_id = $1::bigint', [org]);
    await s.db.query('DELETE FROM compliance_snapshots WHERE org_id = $1::bigint', [org]);
    for (const [i, c] of cards.entries()) {
      await s.db.query(
        `INSERT INTO compliance_snapshots (id, org_id, team_id, user_id, device_id, client_key, day, taken_at, url, title, stage_id, terminal,
                amount, required_count, missing_count, fields, payload, payload_hash)
         VALUES ($1, $2::bigint, $3::bigint, $4::bigint, 'dev', $5, '2026-03-01', $6::bigint, '', '', $7, $7, $8, 0, 0, '[]', '{}', 'x')`,
        [`P${String(i).padStart(25, '0')}`, org, team, user, c.key, NOW - DAY_MS, c.revenue > 0 ? 'won' : null, c.revenue > 0 ? c.revenue : null],
      );
    }
  }
  async function storedSplit() {
    const rows = await s.db.query(`SELECT client_key, computed_class, rank FROM client_segments WHERE org_id = $1::bigint ORDER BY rank`, [org]);
    return rows.map((r) => [r.client_key, r.computed_class, r.rank]);
  }

  it('keeps the card crossing the 80 % line in A, and gives a team without revenue no A', async () => {
    await seedCards([{ key: 'k-a', revenue: 70 }, { key: 'k-b', revenue: 25 }, { key: 'k-c', revenue: 5 }]);
    await recomputeSegments(s.db, org, NOW);
    // 70 % above k-b: it is in A though A then holds 95 %; k-c starts at 95 %: C.
    expect(await storedSplit()).toEqual([['k-a', 'top', 1], ['k-b', 'a', 2], ['k-c', 'c', 3]]);
    await seedCards([{ key: 'k-x', revenue: 0 }, { key: 'k-y', revenue: 0 }]);
    await recomputeSegments(s.db, org, NOW);
    expect(await storedSplit()).toEqual([['k-x', 'c', 1], ['k-y', 'c', 2]]);
  });

  it('takes the thresholds and the top share from the options', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ key: `c${i}`, revenue: 10 }));
    await seedCards(ten);
    // Each holds 10 %: A to 50 % is c0..c4, half of A on top is c0..c2 (ceil 2.5), B to 70 % is c5, c6.
    await recomputeSegments(s.db, org, NOW, { aShare: 0.5, bShare: 0.7, topShare: 0.5 });
    expect((await storedSplit()).map((r) => r[1])).toEqual(['top', 'top', 'top', 'a', 'a', 'b', 'b', 'c', 'c', 'c']);
    await recomputeSegments(s.db, org, NOW + 1, { aShare: 0.5, bShare: 0.7, topShare: 0 });
    expect((await storedSplit()).filter((r) => r[1] === 'top')).toEqual([]);
  });

  it('agrees with the rule on generated teams', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z0-9:._-]{1,12}$/), revenue: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })) }), {
          selector: (c) => c.key,
          maxLength: 40,
        }),
        async (cards) => {
          await seedCards(cards);
          await recomputeSegments(s.db, org, NOW);
          expect(await storedSplit()).toEqual(referenceSplit(cards, [4, 5], [19, 20], [1, 5]));
        },
      ),
      { numRuns: 25, seed: 20261202 },
    );
  }, 120_000);
});
