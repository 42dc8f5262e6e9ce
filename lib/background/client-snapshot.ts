import type { ClientContext } from '../context/client-context';
import { clientKey } from '../context/client-context';
import type { SuflerDatabase } from '../db/database';
import { getActivePlaybook } from '../db/playbook-store';
import { segmentOf } from '../db/segment-store';
import type { RevenueSegment } from '../cadence/segment-match';
import { touchesForClient } from '../db/touch-store';
import type { PlaybookNotice } from '../playbook/playbook-change';
import type { Playbook } from '../playbook/schema';
import type { Touch } from '../touches/touch';

export interface ClientSnapshot {
  playbook: Playbook;
  touches: Touch[];
  /** The team server's segment of the card by revenue (synced into Dexie), when it has one. */
  revenue?: RevenueSegment | null;
  /** The team playbook's "changed" line, until dismissed. */
  notice?: PlaybookNotice;
}

/**
 * Everything stored that the engine needs for one client. The panel hub runs this inside
 * a Dexie liveQuery, so a new touch or another playbook re-sends the panel's state.
 */
export async function loadClientSnapshot(db: SuflerDatabase, context: ClientContext): Promise<ClientSnapshot> {
  const key = clientKey(context);
  const [active, touches, segment] = await Promise.all([getActivePlaybook(db), touchesForClient(db, key), segmentOf(db, key)]);
  const revenue = segment === null ? null : { class: segment.class, reason: segment.reason };
  return { playbook: active.playbook, touches, revenue, ...(active.notice === undefined ? {} : { notice: active.notice }) };
}
