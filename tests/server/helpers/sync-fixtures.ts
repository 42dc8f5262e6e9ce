import { monotonicFactory } from 'ulid';
import type { SharedClient, PushRequest, PushResponse, PullResponse } from '../../../lib/wire/sync';
import { PullResponseSchema, PushResponseSchema } from '../../../lib/wire/sync';
import type { Touch } from '../../../lib/touches/touch';
import type { Db } from '../../../server/src/db/database';
import type { ZodApp } from '../../../server/src/routes/types';
import { auth } from './test-server';

const ulid = monotonicFactory();
export const newUlid = (): string => ulid();

export function makeTouch(overrides: Partial<Touch> = {}): Touch {
  return {
    id: newUlid(),
    clientKey: 'amocrm:acme.amocrm.ru:lead:1001',
    kind: 'call',
    outcome: 'reached',
    comment: 'Обсудили КП / discussed the proposal',
    at: 1_790_000_000_000,
    stageId: 'qualification',
    ...overrides,
  };
}

export function makeClient(overrides: Partial<SharedClient> = {}): SharedClient {
  const crmId = overrides.crmId ?? '1001';
  return {
    key: `amocrm:acme.amocrm.ru:lead:${crmId}`,
    source: 'amocrm',
    account: 'acme.amocrm.ru',
    entity: 'lead',
    crmId,
    name: 'ООО Ромашка',
    stage: 'Переговоры',
    updatedAt: 1_790_000_000_000,
    ...overrides,
  };
}

export type Item = PushRequest['items'][number];
export const touchItem = (touch: Touch): Item => ({ id: touch.id, entity: 'touch', op: 'upsert', payload: touch });
export const clientItem = (client: SharedClient, id = newUlid()): Item => ({ id, entity: 'client', op: 'upsert', payload: client });

export async function push(app: ZodApp, token: string, deviceId: string, items: Item[]): Promise<PushResponse> {
  const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: auth(token), payload: { deviceId, items } });
  if (res.statusCode !== 200) throw new Error(`push answered ${res.statusCode}: ${res.body}`);
  return PushResponseSchema.parse(res.json());
}

export async function pull(app: ZodApp, token: string, query: { cursor?: string; limit?: number; deviceId?: string } = {}): Promise<PullResponse> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
  const res = await app.inject({ method: 'GET', url: `/api/sync/pull?${qs.toString()}`, headers: auth(token) });
  if (res.statusCode !== 200) throw new Error(`pull answered ${res.statusCode}: ${res.body}`);
  return PullResponseSchema.parse(res.json());
}

/** Every change visible from the start, following `more` to the end. */
export async function pullAll(app: ZodApp, token: string, deviceId?: string): Promise<PullResponse['changes']> {
  const all: PullResponse['changes'] = [];
  let cursor = '';
  for (;;) {
    const page = await pull(app, token, { cursor, deviceId, limit: 1000 });
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return all;
  }
}

export async function countRows(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['touches', 'clients', 'playbook_versions', 'orgs', 'users', 'tokens']) {
    const rows = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = Number(rows[0]?.n);
  }
  return out;
}
