import type { ClientContext } from '../context/client-context';
import { MAIL_ADDRESS, domainOf, isFreeMailDomain, normalAddress } from './mail-address';

/**
 * What a letter may be linked to a client by: the contacts' addresses read off the CRM card,
 * and their company domains (not a free mailbox's). Kept on the client row as Dexie
 * multi-entry indexes, so a recipient finds its client in one lookup.
 */
export function clientMailKeys(context: Pick<ClientContext, 'contacts'>): { mailAddresses: string[]; mailDomains: string[] } {
  const addresses = [...new Set(context.contacts.flatMap((c) => c.emails).map(normalAddress).filter((a) => MAIL_ADDRESS.test(a) && a.length <= 320))];
  const domains = [...new Set(addresses.map(domainOf).filter((d) => !isFreeMailDomain(d)))];
  return { mailAddresses: addresses, mailDomains: domains };
}
