import type { SuflerDatabase } from '../../../lib/db/database';
import { newId } from '../../../lib/ids';
import type { FetchLike } from '../../../lib/sync/sync-client';
import { createSyncEngine, type SyncEngine } from '../../../lib/sync/sync-engine';
import { configureSync } from '../../../lib/sync/sync-setup';
import type { Touch } from '../../../lib/touches/touch';
import { PushRequestSchema } from '../../../lib/wire/sync';
import { freshDatabase } from '../db/sample-records';
import { MemoryStorage } from './live-server';

/** Replaces the real fetch for one request: a test breaks, delays or rewrites what the server says. */
export type Interceptor = (url: string, init: RequestInit | undefined, real: FetchLike) => Promise<Response>;

/** One request a device sent, as the tests read it. */
export interface SentRequest {
  route: 'push' | 'pull' | 'me' | 'other';
  /** Items in a push body. */
  pushItems?: number;
  /** Bytes of a pull answer's body. */
  responseBytes?: number;
}

/** A browser profile with its own Dexie database and sync engine, talking to the live server. */
export interface SyncDevice {
  db: SuflerDatabase;
  storage: MemoryStorage;
  engine: SyncEngine;
  deviceId: string;
  /** The engine's clock; tests move it past a backoff. */
  clock: { now: number };
  /** Every request, in order, recorded before the interceptor sees it. */
  sent: SentRequest[];
  intercept: Interceptor | null;
}

function routeOf(url: string): SentRequest['route'] {
  if (url.includes('/api/sync/push')) return 'push';
  if (url.includes('/api/sync/pull')) return 'pull';
  if (url.includes('/api/me')) return 'me';
  return 'other';
}

/** Devices made for one test file; dispose() deletes their databases after each test. */
export function syncDevices(serverUrl: () => string, start: number) {
  const made: SyncDevice[] = [];

  async function device(token: string): Promise<SyncDevice> {
    const storage = new MemoryStorage();
    const configured = await configureSync(storage, { serverUrl: serverUrl(), token }, () => newId());
    if (!configured.ok) throw new Error(configured.errors.join('\n'));
    const real: FetchLike = (input, init) => fetch(input, init);
    const d: SyncDevice = {
      db: freshDatabase(),
      storage,
      engine: null as unknown as SyncEngine,
      deviceId: configured.config.deviceId,
      clock: { now: start },
      sent: [],
      intercept: null,
    };
    const observed: FetchLike = async (input, init) => {
      const record: SentRequest = { route: routeOf(input) };
      if (record.route === 'push' && typeof init?.body === 'string') {
        record.pushItems = PushRequestSchema.parse(JSON.parse(init.body)).items.length;
      }
      d.sent.push(record);
      const response = await (d.intercept ? d.intercept(input, init, real) : real(input, init));
      if (record.route !== 'pull') return response;
      const body = await response.text();
      record.responseBytes = Buffer.byteLength(body);
      return new Response(body, { status: response.status, headers: response.headers });
    };
    d.engine = createSyncEngine({ db: d.db, storage, fetch: observed, now: () => d.clock.now, random: () => 0.5, timeoutMs: 10_000, locks: null });
    made.push(d);
    return d;
  }

  async function dispose(): Promise<void> {
    for (const d of made.splice(0)) await d.db.delete();
  }

  return { device, dispose };
}

/** How many requests of a route the device sent. */
export function sentCount(d: SyncDevice, route: SentRequest['route']): number {
  return d.sent.filter((r) => r.route === route).length;
}

/** The item count of each push, in order. */
export function pushSizes(d: SyncDevice): number[] {
  return d.sent.flatMap((r) => (r.pushItems === undefined ? [] : [r.pushItems]));
}

/** The body size of each pull answer, in order. */
export function pullBytes(d: SyncDevice): number[] {
  return d.sent.flatMap((r) => (r.responseBytes === undefined ? [] : [r.responseBytes]));
}

/** A call touch on the sample lead, logged at `at`. */
export function sampleTouch(at: number, overrides: Partial<Touch> = {}): Touch {
  return { id: newId(), clientKey: 'amocrm:acme.amocrm.ru:lead:1001', kind: 'call', outcome: 'reached', comment: 'звонок', at, stageId: null, ...overrides };
}
