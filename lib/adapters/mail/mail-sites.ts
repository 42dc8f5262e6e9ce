import type { SiteContentScript } from '../site-manifest';
import { gmailMail } from './gmail/gmail-send-request';
import type { MailAdapter } from './mail-adapter';
import { mailruMail } from './mailru/mailru-send-request';
import { outlookMail } from './outlook/outlook-send-request';
import { yandexMail } from './yandex/yandex-send-request';

/**
 * A webmail as the manifest sees it. Each lives in lib/adapters/mail/<id>/ with two entries:
 * `page-hook.ts` (the page world, from document_start: the send hook must wrap the page's
 * XMLHttpRequest and fetch before the webmail's code uses them) and `content.ts` (the
 * isolated relay to the background). Neither goes near a CRM host, nor a CRM's near a webmail.
 */
export interface MailSite {
  id: string;
  /** Match patterns: the content scripts' matches and host_permissions. */
  hosts: readonly string[];
}

/** The webmail adapters, one line each; each declares its own hosts. */
export const MAIL_ADAPTERS: readonly MailAdapter[] = [gmailMail, yandexMail, mailruMail, outlookMail];

export const MAIL_SITES: readonly MailSite[] = MAIL_ADAPTERS.map((adapter) => ({ id: adapter.id, hosts: adapter.hosts.map((host) => `https://${host}/*`) }));

export function mailContentScripts(sites: readonly MailSite[]): SiteContentScript[] {
  return sites.flatMap((site) => [
    { name: `${site.id}-send-hook`, source: `lib/adapters/mail/${site.id}/page-hook.ts`, matches: [...site.hosts], allFrames: false, world: 'MAIN' as const, runAt: 'document_start' as const },
    { name: `${site.id}-mail`, source: `lib/adapters/mail/${site.id}/content.ts`, matches: [...site.hosts], allFrames: false, world: 'ISOLATED' as const },
  ]);
}

/** Every webmail host name, once: where a send may come from. */
export function mailHostNames(adapters: readonly MailAdapter[]): string[] {
  return [...new Set(adapters.flatMap((adapter) => adapter.hosts))];
}

/** Every webmail host pattern, once. */
export function mailHostPatterns(sites: readonly MailSite[]): string[] {
  return [...new Set(sites.flatMap((site) => site.hosts))];
}
