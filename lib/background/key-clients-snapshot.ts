import { KEY_CLASSES, selectKeyClients, type KeyClientCandidate } from '../cadence/key-clients';
import type { SuflerDatabase } from '../db/database';
import { getActivePlaybook } from '../db/playbook-store';
import { ClientRecordSchema, parseRows } from '../db/records';
import { segmentsOfClasses } from '../db/segment-store';
import { touchesForClient } from '../db/touch-store';
import type { Touch } from '../touches/touch';

/** What is stored about the key clients; the norm is applied at render time, as the clock moves. */
export interface KeyClientsSnapshot {
  candidates: KeyClientCandidate[];
  touches: ReadonlyMap<string, Touch[]>;
}

export const NO_KEY_CLIENTS: KeyClientsSnapshot = { candidates: [], touches: new Map() };

/**
 * The key clients among the cards this manager has opened, with their touches. Run inside a
 * Dexie liveQuery by the panel hub: a touch, a card, a segment or a playbook change re-sends it.
 * Only the top and A classes are read: B and C can pick no key segment (isKeySegment).
 */
export async function loadKeyClients(db: SuflerDatabase): Promise<KeyClientsSnapshot> {
  const [active, rows, segments] = await Promise.all([getActivePlaybook(db), db.clients.toArray(), segmentsOfClasses(db, KEY_CLASSES)]);
  const clients = parseRows('clients', ClientRecordSchema, rows);
  const revenue = new Map(segments.map((s) => [s.clientKey, { class: s.class, reason: s.reason }]));
  const candidates = selectKeyClients(active.playbook, clients, (key) => revenue.get(key) ?? null);
  const touches = await Promise.all(candidates.map(async (c) => [c.client.key, await touchesForClient(db, c.client.key)] as const));
  return { candidates, touches: new Map(touches) };
}
