import type { SuflerDatabase } from './database';
import { ClientRecordSchema, type ClientRecord } from './records';
import { domainOf, isFreeMailDomain } from '../mail/mail-address';

function latest(rows: readonly unknown[]): ClientRecord | null {
  let best: ClientRecord | null = null;
  for (const row of rows) {
    const parsed = ClientRecordSchema.safeParse(row);
    if (parsed.success && (best === null || parsed.data.lastSeenAt > best.lastSeenAt)) best = parsed.data;
  }
  return best;
}

/**
 * The client a letter is for: the first recipient whose address a CRM card listed, else the
 * first whose company domain one did (never a free mailbox's); of several cards, the one
 * opened last. Recipients come normalised, in the order to, cc, bcc.
 */
export async function clientForRecipients(db: SuflerDatabase, recipients: readonly string[]): Promise<ClientRecord | null> {
  for (const address of recipients) {
    const found = latest(await db.clients.where('mailAddresses').equals(address).toArray());
    if (found !== null) return found;
  }
  for (const address of recipients) {
    const domain = domainOf(address);
    if (domain === '' || isFreeMailDomain(domain)) continue;
    const found = latest(await db.clients.where('mailDomains').equals(domain).toArray());
    if (found !== null) return found;
  }
  return null;
}
