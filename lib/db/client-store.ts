import { clientKey, type ClientContext } from '../context/client-context';
import { clientMailKeys } from '../mail/client-addresses';
import type { SuflerDatabase } from './database';
import { outboxUpsert } from './outbox';
import { ClientRecordSchema, type ClientRecord } from './records';

export type ClientSeenResult = 'created' | 'changed' | 'unchanged';

/**
 * Remember that a CRM record was open. A new record, or a changed name or stage, goes to
 * the outbox in the same transaction; re-opening an unchanged card only refreshes the
 * stored context, so the outbox does not fill with every page view.
 */
export async function recordClientSeen(db: SuflerDatabase, context: ClientContext, now: number): Promise<ClientSeenResult> {
  const key = clientKey(context);
  return db.transaction('rw', db.clients, db.outbox, async () => {
    const stored = await db.clients.get(key);
    let previous: ClientRecord | null = null;
    if (stored !== undefined) {
      const parsed = ClientRecordSchema.safeParse(stored);
      // A corrupt row is replaced by what the page shows now, and said so.
      if (parsed.success) previous = parsed.data;
      else console.warn(`Sufler: corrupt client row ${key} replaced`, parsed.error);
    }
    const changed = previous === null || previous.name !== context.name || previous.stage !== context.stage;
    const record: ClientRecord = {
      key,
      source: context.source,
      account: context.account,
      entity: context.entity,
      crmId: context.crmId,
      name: context.name,
      stage: context.stage,
      firstSeenAt: previous?.firstSeenAt ?? now,
      updatedAt: changed ? now : (previous?.updatedAt ?? now),
      lastSeenAt: now,
      context,
      ...clientMailKeys(context),
    };
    await db.clients.put(record);
    if (!changed) return 'unchanged';
    // The server needs who and where the client is, not the whole page (contacts stay local).
    const { context: _page, mailAddresses: _addresses, mailDomains: _domains, ...summary } = record;
    await db.outbox.add(outboxUpsert('client', key, summary, now));
    return previous === null ? 'created' : 'changed';
  });
}
