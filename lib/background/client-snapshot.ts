import type { ClientContext } from '../context/client-context';
import { clientKey } from '../context/client-context';
import type { SuflerDatabase } from '../db/database';
import { getActivePlaybook } from '../db/playbook-store';
import { touchesForClient } from '../db/touch-store';
import type { PlaybookNotice } from '../playbook/playbook-change';
import type { Playbook } from '../playbook/schema';
import type { Touch } from '../touches/touch';

export interface ClientSnapshot {
  playbook: Playbook;
  touches: Touch[];
  /** The team playbook's "changed" line, until dismissed. */
  notice?: PlaybookNotice;
}

/**
 * Everything stored that the engine needs for one client. The panel hub runs this inside
 * a Dexie liveQuery, so a new touch or another playbook re-sends the panel's state.
 */
export async function loadClientSnapshot(db: SuflerDatabase, context: ClientContext): Promise<ClientSnapshot> {
  const [active, touches] = await Promise.all([getActivePlaybook(db), touchesForClient(db, clientKey(context))]);
  return { playbook: active.playbook, touches, ...(active.notice === undefined ? {} : { notice: active.notice }) };
}
