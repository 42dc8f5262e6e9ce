import { domainOf, isFreeMailDomain, normalAddress } from './mail-address';

/**
 * The recipients a letter is tracked for: everyone but those on the never-track list (an entry
 * is an address, or a domain matching it and its subdomains) and, by default, the sender's own
 * company, so letters to colleagues carry no pixel. A free mailbox's domain is nobody's
 * company. Each address once, in the order given.
 */
export function trackedRecipients(recipients: readonly string[], neverTrack: readonly string[], sender: string | null): string[] {
  const entries = neverTrack.map((e) => normalAddress(e).replace(/^@/, '')).filter((e) => e !== '');
  const own = sender === null ? '' : domainOf(normalAddress(sender));
  const domains = [...entries.filter((e) => !e.includes('@')), ...(own !== '' && !isFreeMailDomain(own) ? [own] : [])];
  const addresses = new Set(entries.filter((e) => e.includes('@')));
  if (sender !== null) addresses.add(normalAddress(sender));
  const seen = new Set<string>();
  return recipients
    .map(normalAddress)
    .filter((address) => {
      if (seen.has(address) || !address.includes('@')) return false;
      seen.add(address);
      const domain = domainOf(address);
      return !addresses.has(address) && !domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    });
}
