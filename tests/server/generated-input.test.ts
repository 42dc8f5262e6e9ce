import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../lib/playbook/parse-playbook';
import { PlaybookSchema } from '../../lib/playbook/schema';
import { TOUCH_KINDS, TOUCH_OUTCOMES, TouchDraftSchema, TouchSchema, type Touch } from '../../lib/touches/touch';
import { ErrorBodySchema, ERROR_CODES } from '../../lib/wire/errors';
import { MeResponseSchema } from '../../lib/wire/me';
import { CurrentPlaybookResponseSchema, PublishPlaybookRequestSchema } from '../../lib/wire/playbooks';
import {
  ChangeSchema,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  SharedClientSchema,
  SyncItemSchema,
  type SharedClient,
} from '../../lib/wire/sync';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { newUlid, pullAll } from './helpers/sync-fixtures';

/**
 * Generated input, with fast-check: arbitrary unicode (NUL, lone surrogates, astral and
 * combining characters, strings up to 200,000 units), numbers of every kind and nested values,
 * through every route and every shared schema. Each answer must be a 2xx or a 4xx with a
 * stable error code, never a 5xx, and what the server accepted must come back exactly.
 * Runs are bounded (a fixed seed and count per route) so the suite stays quick.
 */
const SEED = 20261201;
const RUNS = { push: 70, pull: 50, playbooks: 30, me: 25, health: 10 };

const POISON = ['\u0000', '\ud800', '\udc00', '\udbff', 'a\udfffb', '\ud83d\ude00', 'e\u0301', '\u202e', '\ufeff', '\u2028'];

/** Strings a hostile or unlucky client sends. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...POISON)), { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((n) => 'я'.repeat(n)) },
);
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, 8.64e15, 8.64e15 + 1, 1e308, -1e308, Date.now() + 86_400_000 * 365),
);
/** Any JSON value, nested a few levels, with the strings above. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    anyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nastyString, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Mostly right, sometimes anything: so most items get past the envelope to the item checks. */
function mostly<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyValue });
}

const NOW = Date.now();
const goodText = fc.string({ maxLength: 60 });
const touchPayload = (id: string) =>
  fc.record(
    {
      id: fc.oneof({ weight: 6, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: anyValue }),
      clientKey: mostly(goodText.map((s) => `amocrm:acme.amocrm.ru:lead:${s}`)),
      kind: mostly(fc.constantFrom(...TOUCH_KINDS)),
      outcome: mostly(fc.constantFrom(...TOUCH_OUTCOMES)),
      comment: fc.oneof(goodText, nastyString),
      at: mostly(fc.integer({ min: 0, max: NOW })),
      stageId: fc.oneof(fc.constant(null), goodText, nastyString),
    },
    { requiredKeys: ['id', 'clientKey', 'kind', 'outcome', 'comment', 'at'] },
  );
const clientPayload = fc.record({
  key: mostly(goodText.map((s) => `amocrm:acme.amocrm.ru:lead:${s}`)),
  source: mostly(fc.constant('amocrm')),
  account: mostly(fc.constant('acme.amocrm.ru')),
  entity: mostly(fc.constantFrom('lead', 'contact', 'company', 'deal', 'unknown')),
  crmId: mostly(fc.integer({ min: 1, max: 1e9 }).map(String)),
  name: fc.oneof(goodText, nastyString),
  stage: fc.oneof(fc.constant(null), goodText, nastyString),
  updatedAt: mostly(fc.integer({ min: 0, max: NOW })),
});
const item = fc.constant(null).chain(() => {
  // Fresh ids per item: the property checks round trips, not id conflicts.
  const id = newUlid();
  return fc.oneof(
    { weight: 3, arbitrary: touchPayload(id).map((payload) => ({ id, entity: 'touch', op: 'upsert', payload })) },
    { weight: 2, arbitrary: clientPayload.map((payload) => ({ id, entity: 'client', op: 'upsert', payload })) },
    { weight: 1, arbitrary: fc.record({ id: mostly(fc.constant(id)), entity: anyValue, op: anyValue, payload: anyValue }) },
  );
});
const pushBody = fc.record({
  deviceId: fc.oneof({ weight: 8, arbitrary: fc.constant('gen-device') }, { weight: 1, arbitrary: anyValue }),
  items: fc.array(item, { minLength: 1, maxLength: 6 }),
});

/** A string leaf of the default playbook replaced by a generated string, or any value at all. */
const playbookBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.nat(), nastyString).map(([n, s]) => ({ playbook: replaceStringLeaf(structuredClone(DEFAULT_PLAYBOOK), n, s) })) },
  { weight: 1, arbitrary: fc.record({ playbook: anyValue }) },
  { weight: 1, arbitrary: anyValue },
);

function replaceStringLeaf(root: unknown, n: number, replacement: string): unknown {
  const slots: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (typeof v === 'string' ? slots.push({ holder: node, key: i }) : walk(v)));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) typeof v === 'string' ? slots.push({ holder: node as Record<string, unknown>, key: k }) : walk(v);
    }
  };
  walk(root);
  const slot = slots[n % slots.length];
  if (slot !== undefined) (slot.holder as Record<string | number, unknown>)[slot.key] = replacement;
  return root;
}

const queryValue = fc.oneof(fc.string({ maxLength: 8 }), nastyString, fc.integer().map(String), fc.constantFrom('', '0', '1', '500', '1000', '1001', '1e3', '-1', '9'.repeat(19)));

describe.each(dbTargets())('generated input through every route on $name', (target) => {
  let s: TestServer;
  const tried = new Map<string, number>();
  const fivexx: string[] = [];
  beforeAll(async () => {
    s = await startTestServer(target);
  }, BOOT_TIMEOUT);
  afterAll(async () => {
    console.log(
      `generated input on ${target.name}: ${[...tried].map(([route, n]) => `${route} ${n}`).join(', ')}; 5xx seen: ${fivexx.length}`,
    );
    await s.close();
  }, BOOT_TIMEOUT);

  /** Sends one request and checks the answer is 2xx, or 4xx with a stable code. */
  async function send(
    route: string,
    options: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string },
  ): Promise<{ status: number; json: unknown }> {
    tried.set(route, (tried.get(route) ?? 0) + 1);
    const res = await s.app.inject(options);
    if (res.statusCode >= 500) fivexx.push(`${route} ${res.statusCode} ${res.body.slice(0, 200)}`);
    expect(res.statusCode, `${route}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
    const json: unknown = res.body === '' ? null : JSON.parse(res.body);
    if (res.statusCode >= 400) {
      const error = ErrorBodySchema.parse(json);
      expect(ERROR_CODES).toContain(error.error.code);
    }
    return { status: res.statusCode, json };
  }

  it('push: only 2xx or 4xx, and every accepted item comes back exactly', async () => {
    const acceptedTouches = new Map<string, Touch>();
    const acceptedClients = new Map<string, SharedClient[]>();
    await fc.assert(
      fc.asyncProperty(pushBody, async (body) => {
        const { status, json } = await send('POST /api/sync/push', {
          method: 'POST',
          url: '/api/sync/push',
          headers: { ...auth(s.world.tokens.mgrNorth), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        if (status !== 200) return;
        const { results } = PushResponseSchema.parse(json);
        expect(results).toHaveLength(body.items.length);
        results.forEach((r, i) => {
          const sent = body.items[i] as { entity: unknown; payload: unknown };
          if (r.status !== 'accepted') return;
          if (sent.entity === 'touch') acceptedTouches.set(r.id, TouchSchema.parse(sent.payload));
          else {
            const client = SharedClientSchema.parse(sent.payload);
            acceptedClients.set(client.key, [...(acceptedClients.get(client.key) ?? []), client]);
          }
        });
      }),
      { seed: SEED, numRuns: RUNS.push, endOnFailure: true },
    );

    // What the server accepted is what another device of the same manager pulls, exactly.
    const changes = await pullAll(s.app, s.world.tokens.mgrNorth, 'another-device');
    const pulledTouches = new Map(changes.flatMap((c) => (c.type === 'touch' ? [[c.touch.id, c.touch] as const] : [])));
    for (const [id, touch] of acceptedTouches) expect(pulledTouches.get(id), id).toEqual(touch);
    const pulledClients = new Map(changes.flatMap((c) => (c.type === 'client' ? [[c.client.key, c.client] as const] : [])));
    for (const [key, versions] of acceptedClients) {
      // Last writer wins: the newest accepted version is the one stored.
      const newest = versions.reduce((a, b) => (b.updatedAt >= a.updatedAt ? b : a));
      expect(pulledClients.get(key), key).toEqual(newest);
    }
    expect(acceptedTouches.size).toBeGreaterThan(5);
  }, 120_000);

  it('pull: arbitrary queries get 2xx or 4xx, and a 2xx always parses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('cursor', 'limit', 'deviceId', 'x', 'cursor[]'), queryValue, { maxKeys: 4 }), async (query) => {
        const qs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '?'))}`).join('&');
        const { status, json } = await send('GET /api/sync/pull', { method: 'GET', url: `/api/sync/pull?${qs}`, headers: auth(s.world.tokens.headNorth) });
        if (status === 200) PullResponseSchema.parse(json);
      }),
      { seed: SEED, numRuns: RUNS.pull, endOnFailure: true },
    );
  }, 60_000);

  it('playbooks: a published playbook is exactly what parsePlaybook made of it; the rest is a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(playbookBody, async (body) => {
        const { status } = await send('POST /api/playbooks', {
          method: 'POST',
          url: '/api/playbooks',
          headers: { ...auth(s.world.tokens.headNorth), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        const current = await send('GET /api/playbooks/current', { method: 'GET', url: '/api/playbooks/current', headers: auth(s.world.tokens.mgrNorth) });
        if (status !== 201) return;
        const parsed = parsePlaybook((body as { playbook: unknown }).playbook);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(CurrentPlaybookResponseSchema.parse(current.json).current?.playbook).toEqual(parsed.playbook);
      }),
      { seed: SEED, numRuns: RUNS.playbooks, endOnFailure: true },
    );
  }, 60_000);

  it('me and health: arbitrary tokens and queries get 2xx or 4xx', async () => {
    const token = fc.oneof(fc.constant(s.world.tokens.mgrNorth), fc.string({ unit: 'grapheme-ascii', maxLength: 80 }));
    await fc.assert(
      fc.asyncProperty(token, queryValue, async (t, q) => {
        const { status, json } = await send('GET /api/me', { method: 'GET', url: `/api/me?q=${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, '?'))}`, headers: { authorization: `Bearer ${t}` } });
        if (status === 200) MeResponseSchema.parse(json);
      }),
      { seed: SEED, numRuns: RUNS.me, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(queryValue, async (q) => {
        const { status } = await send('GET /healthz', { method: 'GET', url: `/healthz?${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, '?'))}` });
        expect(status).toBe(200);
      }),
      { seed: SEED, numRuns: RUNS.health, endOnFailure: true },
    );
    expect(fivexx).toEqual([]);
  }, 60_000);
});

describe('generated input through every shared schema', () => {
  const schemas = {
    TouchSchema,
    TouchDraftSchema,
    SharedClientSchema,
    SyncItemSchema,
    PushRequestSchema,
    ChangeSchema,
    PublishPlaybookRequestSchema,
    PlaybookSchema,
  };

  it.each(Object.entries(schemas))('%s never throws, refuses NUL and lone surrogates, and what it accepts survives JSON', (_name, schema) => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const parsed = schema.safeParse(value);
        if (!parsed.success) return;
        // Whatever passed holds no string PostgreSQL's jsonb would refuse, and survives the wire.
        const text = JSON.stringify(parsed.data);
        expect(text.includes('\\u0000')).toBe(false);
        expect(schema.parse(JSON.parse(text))).toEqual(parsed.data);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('PullQuerySchema never throws on any query strings', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('cursor', 'limit', 'deviceId'), fc.oneof(queryValue, anyValue), { maxKeys: 3 }), (query) => {
        const parsed = PullQuerySchema.safeParse(query);
        if (parsed.success) expect(parsed.data.limit).toBeLessThanOrEqual(1000);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('refuses a poisoned string in each field of a valid touch and client, naming the field', () => {
    const touch: Touch = { id: newUlid(), clientKey: 'amocrm:a:lead:1', kind: 'call', outcome: 'reached', comment: 'ok', at: 1, stageId: 's' };
    fc.assert(
      fc.property(fc.constantFrom('clientKey', 'comment', 'stageId'), fc.constantFrom('\u0000', '\ud800', '\udfff'), (field, bad) => {
        const result = TouchSchema.safeParse({ ...touch, [field]: `x${bad}y` });
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.path).toEqual([field]);
      }),
    );
  });
});
