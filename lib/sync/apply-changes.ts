import type { SuflerDatabase } from '../db/database';
import { importTeamPlaybook } from '../db/playbook-store';
import { ClientRecordSchema as LocalClientSchema, TouchRecordSchema, type ClientRecord as LocalClient } from '../db/records';
import type { Touch } from '../touches/touch';
import { compareTouchVersions } from '../touches/touch-versions';
import type { Change, SharedClient } from '../wire/sync';

export interface AppliedChanges {
  touches: number;
  clients: number;
  /** The team playbook version made active, if the page had one that parsed. */
  playbookVersion: number | null;
  /** Team playbook versions that failed parsePlaybook: reported, never applied. */
  playbookProblems: string[];
}

/**
 * Store one pull page locally. Nothing here writes the outbox: these changes came from the
 * server, and pushing them back would echo every touch around the team forever.
 */
export async function applyChanges(db: SuflerDatabase, changes: readonly Change[], appliedPlaybook: number | null, now: number): Promise<AppliedChanges> {
  const touches = changes.flatMap((c) => (c.type === 'touch' ? [c.touch] : []));
  const clients = changes.flatMap((c) => (c.type === 'client' ? [c.client] : []));
  let storedClients = 0;
  await db.transaction('rw', db.touches, db.clients, async () => {
    if (touches.length > 0) await db.touches.bulkPut(await newerTouches(db, touches));
    for (const client of clients) if (await mergeClient(db, client)) storedClients += 1;
  });

  const result: AppliedChanges = { touches: touches.length, clients: storedClients, playbookVersion: null, playbookProblems: [] };
  // Only the newest published version in the page matters; older ones would be replaced at once.
  const newest = changes.flatMap((c) => (c.type === 'playbook' ? [c.playbook] : [])).sort((a, b) => b.version - a.version)[0];
  if (newest !== undefined && (appliedPlaybook === null || newest.version > appliedPlaybook)) {
    const imported = await importTeamPlaybook(db, newest.playbook, newest.version, now);
    if (imported.ok) result.playbookVersion = newest.version;
    else result.playbookProblems.push(`team playbook v${newest.version} was not applied: ${imported.errors.join('; ')}`);
  }
  return result;
}

/**
 * The pulled touches that are newer than what this device holds (an edit or deletion made
 * here and not yet pushed stays), by the same rule the server uses; the newest of repeats.
 */
async function newerTouches(db: SuflerDatabase, incoming: readonly Touch[]): Promise<Touch[]> {
  const newest = new Map<string, Touch>();
  for (const touch of incoming) {
    const held = newest.get(touch.id);
    if (held === undefined || compareTouchVersions(touch, held) > 0) newest.set(touch.id, touch);
  }
  const ids = [...newest.keys()];
  const local = await db.touches.bulkGet(ids);
  return ids.flatMap((id, i) => {
    const touch = newest.get(id);
    const mine = TouchRecordSchema.safeParse(local[i]);
    if (touch === undefined) return [];
    return !mine.success || compareTouchVersions(touch, mine.data) > 0 ? [touch] : [];
  });
}

/** Last writer wins by updatedAt, as on the server; the page context we read stays ours. */
async function mergeClient(db: SuflerDatabase, incoming: SharedClient): Promise<boolean> {
  const stored = LocalClientSchema.safeParse(await db.clients.get(incoming.key));
  if (stored.success && stored.data.updatedAt >= incoming.updatedAt) return false;
  const base: LocalClient = stored.success
    ? stored.data
    : {
        ...incoming,
        firstSeenAt: incoming.updatedAt,
        lastSeenAt: incoming.updatedAt,
        // A record opened only on another device: what the server knows, no page data.
        context: {
          source: incoming.source,
          account: incoming.account,
          entity: incoming.entity,
          crmId: incoming.crmId,
          url: '',
          name: incoming.name,
          pipeline: null,
          stage: incoming.stage,
          stageId: null,
          budget: '',
          responsible: null,
          company: null,
          contacts: [],
          fields: [],
          origin: 'dom',
        },
      };
  await db.clients.put({ ...base, name: incoming.name, stage: incoming.stage, updatedAt: incoming.updatedAt });
  return true;
}
