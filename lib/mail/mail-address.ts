/**
 * Addresses as Sufler compares them: trimmed and lower-cased (the local part is case-blind at
 * every webmail we serve), and the domain after the last '@'.
 */
/** An address as a webmail or a CRM card shows it: local part, '@', a dotted domain. */
export const MAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function normalAddress(value: string): string {
  return value.trim().toLowerCase();
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

/**
 * Free mailbox providers: a shared domain says nothing about the company, so it never links
 * a letter to a client by domain, nor counts as the sender's own company.
 */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'yandex.ru',
  'yandex.com',
  'yandex.kz',
  'yandex.by',
  'ya.ru',
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'internet.ru',
  'rambler.ru',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
