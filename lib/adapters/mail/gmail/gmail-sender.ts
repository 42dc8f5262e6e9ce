import { MAIL_ADDRESS } from '../../../mail/mail-address';

/**
 * The signed-in Gmail address: `GLOBALS[10]` of the page's own state (gmail.js @ b7dfdab
 * l.117), else the account in the tab title ("Inbox (3) - name@example.com - Gmail", the
 * format gmail.js also falls back to). Null when neither reads as an address.
 */

export function gmailSender(win: object, doc: Pick<Document, 'title'>): string | null {
  const globals = (win as { GLOBALS?: unknown }).GLOBALS;
  const fromGlobals = Array.isArray(globals) ? globals[10] : undefined;
  if (typeof fromGlobals === 'string' && MAIL_ADDRESS.test(fromGlobals)) return fromGlobals.toLowerCase();
  const fromTitle = doc.title.split(' - ').map((part) => part.trim()).find((part) => MAIL_ADDRESS.test(part));
  return fromTitle === undefined ? null : fromTitle.toLowerCase();
}
